import { useState } from 'preact/hooks';
import { issueFor, type ApiError } from '../api/errors.js';
import { useQuery } from '../api/use-query.js';
import type { Person } from '../auth/person.js';
import { CaseFilterOptionsDocument } from '../graphql/__generated__/graphql.js';
import { useT } from '../i18n/index.js';
import { describedBy, Field } from '../ui/field.js';
import { CASE_CATEGORIES, CASE_STATUSES, NO_CASE_CRITERIA, type CaseCriteria } from './case-model.js';

/**
 * The case list's filters. A labour office chooses among the regions inside its own (it sees no
 * other's cases); the ministry types a Kemendagri code, which the API checks and names.
 */
export function CaseFilterForm({
  initial,
  person,
  errors,
  onSearch,
}: {
  readonly initial: CaseCriteria;
  readonly person: Person;
  readonly errors: readonly ApiError[];
  readonly onSearch: (criteria: CaseCriteria) => void;
}) {
  const { t } = useT();
  const [criteria, setCriteria] = useState(initial);
  const officeRegion = person.institution.kind === 'LABOUR_OFFICE' ? person.institution.regionCode : null;
  const options = useQuery(CaseFilterOptionsDocument, {
    officeRegion: officeRegion ?? '',
    withOfficeRegion: officeRegion !== null,
  });
  const set = (key: keyof CaseCriteria) => (event: Event) =>
    setCriteria({ ...criteria, [key]: (event.currentTarget as HTMLInputElement | HTMLSelectElement).value });
  const submit = (event: Event) => {
    event.preventDefault();
    onSearch({ ...criteria, region: criteria.region.trim() });
  };
  const problems = {
    status: issueFor(errors, 'status'),
    category: issueFor(errors, 'category'),
    region: issueFor(errors, 'regionCode'),
    agency: issueFor(errors, 'agencyId'),
  };
  const agencies = [...(options.data?.placementAgencies ?? [])].sort((a, b) => a.name.localeCompare(b.name));

  return (
    <form
      class="search-form wide-actions"
      role="search"
      aria-label={t('cases.list.filters')}
      onSubmit={submit}
      noValidate
    >
      <Field id="case-status" label={t('cases.field.status')} problem={problems.status}>
        <select id="case-status" value={criteria.status} onChange={set('status')}>
          <option value="">{t('cases.list.anyStatus')}</option>
          {CASE_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`enums.CaseStatus.${status}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="case-category" label={t('cases.field.category')} problem={problems.category}>
        <select id="case-category" value={criteria.category} onChange={set('category')}>
          <option value="">{t('cases.list.anyCategory')}</option>
          {CASE_CATEGORIES.map((category) => (
            <option key={category} value={category}>
              {t(`enums.CaseCategory.${category}`)}
            </option>
          ))}
        </select>
      </Field>
      {officeRegion ? (
        <Field id="case-region" label={t('cases.list.region')} problem={problems.region}>
          <select
            id="case-region"
            value={criteria.region}
            onChange={set('region')}
            aria-invalid={problems.region ? true : undefined}
            aria-describedby={describedBy('case-region', undefined, problems.region)}
          >
            <option value="">{t('cases.list.ownRegion')}</option>
            {(options.data?.regions ?? []).map((region) => (
              <option key={region.code} value={region.code}>
                {region.name}
              </option>
            ))}
          </select>
        </Field>
      ) : (
        <Field
          id="case-region"
          label={t('cases.list.regionCode')}
          hint={t('cases.list.regionCodeHint')}
          problem={problems.region}
        >
          <input
            id="case-region"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            maxLength={20}
            value={criteria.region}
            onInput={set('region')}
            aria-invalid={problems.region ? true : undefined}
            aria-describedby={describedBy('case-region', true, problems.region)}
          />
        </Field>
      )}
      <Field id="case-agency" label={t('cases.field.agency')} problem={problems.agency}>
        <select id="case-agency" value={criteria.agency} onChange={set('agency')}>
          <option value="">{t('cases.list.anyAgency')}</option>
          {agencies.map((agency) => (
            <option key={agency.id} value={agency.id}>
              {agency.name}
            </option>
          ))}
        </select>
      </Field>
      <div class="form-actions">
        <button type="submit" class="button-primary">
          {t('cases.list.submit')}
        </button>
        <button
          type="button"
          class="button-quiet"
          onClick={() => {
            setCriteria(NO_CASE_CRITERIA);
            onSearch(NO_CASE_CRITERIA);
          }}
        >
          {t('cases.list.clear')}
        </button>
      </div>
    </form>
  );
}
