import { useState } from 'preact/hooks';
import { issueFor, type ApiError } from '../api/errors.js';
import { useQuery } from '../api/use-query.js';
import { SearchRegionsDocument } from '../graphql/__generated__/graphql.js';
import { useT } from '../i18n/index.js';
import { describedBy, Field } from '../ui/field.js';
import { WORKER_STATUSES } from './statuses.js';

export interface Criteria {
  readonly name: string;
  readonly nik: string;
  readonly region: string;
  readonly status: string;
}

export const NO_CRITERIA: Criteria = { name: '', nik: '', region: '', status: '' };
const NIK = /^\d{16}$/;

/** The search form: name, NIK (a lookup of its own), kecamatan of the office's region, status. */
export function SearchForm({
  initial,
  regionCode,
  errors,
  onSearch,
}: {
  readonly initial: Criteria;
  readonly regionCode: string | null;
  readonly errors: readonly ApiError[];
  readonly onSearch: (criteria: Criteria) => void;
}) {
  const { t } = useT();
  const [criteria, setCriteria] = useState(initial);
  const [nikProblem, setNikProblem] = useState<string | undefined>(undefined);
  const regions = useQuery(SearchRegionsDocument, { parentCode: regionCode ?? '' }, { skip: !regionCode });
  const set = (key: keyof Criteria) => (event: Event) =>
    setCriteria({ ...criteria, [key]: (event.currentTarget as HTMLInputElement | HTMLSelectElement).value });

  const submit = (event: Event) => {
    event.preventDefault();
    const nik = criteria.nik.replace(/\s/g, '');
    if (nik && !NIK.test(nik)) {
      setNikProblem(t('workers.search.nikInvalid'));
      document.getElementById('search-nik')?.focus();
      return;
    }
    setNikProblem(undefined);
    onSearch({ ...criteria, nik, name: criteria.name.trim() });
  };
  const problems = {
    name: issueFor(errors, 'nameContains'),
    nik: nikProblem ?? issueFor(errors, 'nik'),
    region: issueFor(errors, 'regionCode'),
    status: issueFor(errors, 'status'),
  };
  const levelOfChildren = regions.data?.regions[0]?.level;
  const regionLabel =
    levelOfChildren === 'REGENCY' ? t('workers.search.regency') : t('workers.search.kecamatan');

  return (
    <form
      class="search-form"
      role="search"
      aria-label={t('workers.search.formLabel')}
      onSubmit={submit}
      noValidate
    >
      <Field id="search-name" label={t('workers.search.name')} problem={problems.name}>
        <input
          id="search-name"
          name="name"
          type="text"
          autoComplete="off"
          value={criteria.name}
          onInput={set('name')}
          aria-invalid={problems.name ? true : undefined}
          aria-describedby={describedBy('search-name', undefined, problems.name)}
        />
      </Field>
      <Field
        id="search-nik"
        label={t('workers.search.nik')}
        hint={t('workers.search.nikHint')}
        problem={problems.nik}
      >
        <input
          id="search-nik"
          name="nik"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          maxLength={20}
          value={criteria.nik}
          onInput={set('nik')}
          aria-invalid={problems.nik ? true : undefined}
          aria-describedby={describedBy('search-nik', true, problems.nik)}
        />
      </Field>
      <Field id="search-region" label={regionLabel} problem={problems.region}>
        <select
          id="search-region"
          name="region"
          value={criteria.region}
          onChange={set('region')}
          aria-invalid={problems.region ? true : undefined}
          aria-describedby={describedBy('search-region', undefined, problems.region)}
        >
          <option value="">{t('workers.search.anyRegion')}</option>
          {(regions.data?.regions ?? []).map((region) => (
            <option key={region.code} value={region.code}>
              {region.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="search-status" label={t('workers.search.status')} problem={problems.status}>
        <select id="search-status" name="status" value={criteria.status} onChange={set('status')}>
          <option value="">{t('workers.search.anyStatus')}</option>
          {WORKER_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`enums.WorkerStatus.${status}`)}
            </option>
          ))}
        </select>
      </Field>
      <div class="form-actions">
        <button type="submit" class="button-primary">
          {t('workers.search.submit')}
        </button>
        <button
          type="button"
          class="button-quiet"
          onClick={() => {
            setCriteria(NO_CRITERIA);
            setNikProblem(undefined);
            onSearch(NO_CRITERIA);
          }}
        >
          {t('workers.search.clear')}
        </button>
      </div>
    </form>
  );
}
