import { useState } from 'preact/hooks';
import { useQuery } from '../api/use-query.js';
import { AuditWorkerLogDocument } from '../graphql/__generated__/graphql.js';
import { formatNumber } from '../i18n/format.js';
import { useT } from '../i18n/index.js';
import { Link } from '../router.js';
import { ErrorNotice } from '../ui/error-notice.js';
import { Field } from '../ui/field.js';
import { Loading, PageTitle } from '../ui/page.js';
import {
  ACCESS_ACTIONS,
  filterWorkerLog,
  NO_WORKER_LOG_FILTERS,
  type WorkerLogFilters,
} from './audit-model.js';
import { AuditTabs } from './audit-tabs.js';
import { EventsTable } from './events-table.js';

/**
 * One worker's complete access log across the four services, as an auditor reads it: every
 * event with its client, request ids and record, narrowed by institution, action and period.
 */
export function AuditWorkerLog({ id }: { readonly id: string }) {
  const { t, language } = useT();
  const result = useQuery(AuditWorkerLogDocument, { id });
  const [filters, setFilters] = useState<WorkerLogFilters>(NO_WORKER_LOG_FILTERS);
  if (result.loading && !result.data) return <Loading />;
  const worker = result.data?.worker;
  if (!worker?.accessLog) {
    const errors =
      result.errors.length > 0 ? result.errors : [{ code: 'NOT_FOUND', message: '', path: [], issues: [] }];
    return (
      <>
        <PageTitle title={t('audit.workerLog.title')}>{t('audit.workerLog.title')}</PageTitle>
        <AuditTabs />
        <ErrorNotice errors={errors} />
      </>
    );
  }
  // The newest 100 events; the officer's access report pages and filters in the API.
  const log = worker.accessLog.events;
  const events = filterWorkerLog(log, filters);
  const institutions = [...new Map(log.map((event) => [event.institution.id, event.institution.name]))]
    .map(([value, name]) => ({ id: value, name }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const filtered = Object.values(filters).some((value) => value !== '');
  const set = (key: keyof WorkerLogFilters) => (event: Event) =>
    setFilters({ ...filters, [key]: (event.currentTarget as HTMLInputElement | HTMLSelectElement).value });
  const title = t('audit.workerLog.titleFor', { name: worker.fullName });
  return (
    <>
      <p class="breadcrumb">
        <Link href="/audit/workers">{t('audit.workerLog.back')}</Link>
      </p>
      <PageTitle title={title}>{title}</PageTitle>
      <AuditTabs />
      <p class="lead">
        {t('workers.field.nik')} <span class="nik">{worker.nik}</span> · {worker.district.name}
      </p>
      <form class="filter-form" aria-label={t('access.filters')} onSubmit={(event) => event.preventDefault()}>
        <Field id="log-institution" label={t('access.institution')}>
          <select id="log-institution" value={filters.institutionId} onChange={set('institutionId')}>
            <option value="">{t('access.anyInstitution')}</option>
            {institutions.map((institution) => (
              <option key={institution.id} value={institution.id}>
                {institution.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="log-action" label={t('access.action')}>
          <select id="log-action" value={filters.action} onChange={set('action')}>
            <option value="">{t('access.anyAction')}</option>
            {ACCESS_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {t(`enums.AccessAction.${action}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="log-from" label={t('access.from')}>
          <input id="log-from" type="date" value={filters.from} onChange={set('from')} />
        </Field>
        <Field id="log-to" label={t('access.to')}>
          <input id="log-to" type="date" value={filters.to} onChange={set('to')} />
        </Field>
        <div class="form-actions">
          <button type="button" class="button-quiet" onClick={() => setFilters(NO_WORKER_LOG_FILTERS)}>
            {t('access.clearFilters')}
          </button>
        </div>
      </form>
      <p aria-live="polite">
        {filtered
          ? t('access.countFiltered', {
              shown: formatNumber(events.length, language),
              total: formatNumber(log.length, language),
            })
          : t('access.count', { count: log.length, formatted: formatNumber(log.length, language) })}
      </p>
      {events.length > 0 ? (
        <EventsTable events={events} caption={title} showWorker={false} />
      ) : (
        <p class="empty">{t('access.none')}</p>
      )}
    </>
  );
}
