import { useT } from '../i18n/index.js';
import { Field } from '../ui/field.js';
import { ACCESS_ACTIONS, NO_FILTERS, type AccessFilters } from './access-filters.js';

/**
 * Filters of the access report: institution, action, period, purpose, and whether reads of the
 * report itself are shown; the API applies them as they change.
 */
export function AccessFilterForm({
  filters,
  institutions,
  onChange,
}: {
  readonly filters: AccessFilters;
  readonly institutions: readonly { readonly id: string; readonly name: string }[];
  readonly onChange: (filters: AccessFilters) => void;
}) {
  const { t } = useT();
  const set = (key: Exclude<keyof AccessFilters, 'showReportReads'>) => (event: Event) =>
    onChange({ ...filters, [key]: (event.currentTarget as HTMLInputElement | HTMLSelectElement).value });
  return (
    <form
      class="filter-form no-print"
      aria-label={t('access.filters')}
      onSubmit={(event) => event.preventDefault()}
    >
      <Field id="access-institution" label={t('access.institution')}>
        <select id="access-institution" value={filters.institutionId} onChange={set('institutionId')}>
          <option value="">{t('access.anyInstitution')}</option>
          {institutions.map((institution) => (
            <option key={institution.id} value={institution.id}>
              {institution.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="access-action" label={t('access.action')}>
        <select id="access-action" value={filters.action} onChange={set('action')}>
          <option value="">{t('access.anyAction')}</option>
          {ACCESS_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {t(`enums.AccessAction.${action}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="access-from" label={t('access.from')}>
        <input id="access-from" type="date" value={filters.from} onChange={set('from')} />
      </Field>
      <Field id="access-to" label={t('access.to')}>
        <input id="access-to" type="date" value={filters.to} onChange={set('to')} />
      </Field>
      <Field id="access-purpose" label={t('access.purpose')}>
        <input
          id="access-purpose"
          type="search"
          maxLength={200}
          value={filters.purpose}
          onChange={set('purpose')}
        />
      </Field>
      <div class="field checkbox-field">
        <label for="access-report-reads">
          <input
            id="access-report-reads"
            type="checkbox"
            checked={filters.showReportReads}
            onChange={(event) => onChange({ ...filters, showReportReads: event.currentTarget.checked })}
          />{' '}
          {t('access.showReportReads')}
        </label>
      </div>
      <div class="form-actions">
        <button type="button" class="button-quiet" onClick={() => onChange(NO_FILTERS)}>
          {t('access.clearFilters')}
        </button>
      </div>
    </form>
  );
}
