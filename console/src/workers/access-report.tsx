import type { TFunction } from 'i18next';
import { useState } from 'preact/hooks';
import { useQuery } from '../api/use-query.js';
import { WorkerAccessLogDocument } from '../graphql/__generated__/graphql.js';
import { formatDate, formatDateTime, formatNumber } from '../i18n/format.js';
import { useT, type Language } from '../i18n/index.js';
import { Link } from '../router.js';
import { ErrorNotice } from '../ui/error-notice.js';
import { Loading, PageTitle } from '../ui/page.js';
import { AccessFilterForm } from './access-filter-form.js';
import { usePeopleNames } from './people-names.js';
import {
  filterAccessLog,
  institutionsIn,
  isFiltered,
  NO_FILTERS,
  type AccessEventRow,
  type AccessFilters,
} from './access-filters.js';

/**
 * The worker's access report, to hand to her at the desk: who read or wrote her data, when, at
 * which institution and why. Filtering happens here in the browser over the complete log; the
 * print stylesheet turns the screen into an A4 page.
 */
export function AccessReport({ id }: { readonly id: string }) {
  const { t, language } = useT();
  const result = useQuery(WorkerAccessLogDocument, { id });
  const [filters, setFilters] = useState(NO_FILTERS);
  if (result.loading && !result.data) return <Loading />;
  const worker = result.data?.worker;
  if (!worker?.accessLog) {
    const errors =
      result.errors.length > 0 ? result.errors : [{ code: 'NOT_FOUND', message: '', path: [], issues: [] }];
    return (
      <>
        <PageTitle title={t('access.title')}>{t('access.title')}</PageTitle>
        <ErrorNotice errors={errors} />
      </>
    );
  }
  const events = filterAccessLog(worker.accessLog, filters);
  const filtered = isFiltered(filters);
  const institutions = institutionsIn(worker.accessLog);
  return (
    <article class="access-report">
      <p class="breadcrumb no-print">
        <Link href={`/workers/${encodeURIComponent(worker.id)}`}>
          {t('access.backToRecord', { name: worker.fullName })}
        </Link>
      </p>
      <PageTitle title={t('access.title')}>{t('access.titleFor', { name: worker.fullName })}</PageTitle>
      <p class="lead">
        {t('workers.field.nik')} <span class="nik">{worker.nik}</span> · {worker.district.name}
      </p>
      <p class="print-only">
        {t('access.printedOn', { date: formatDate(new Date().toISOString(), language) })}
      </p>
      <p>{t('access.explanation')}</p>
      <AccessFilterForm filters={filters} institutions={institutions} onChange={setFilters} />
      {filtered ? (
        <p class="print-only">
          {t('access.filtersApplied', { filters: filterSummary(filters, institutions, t, language) })}
        </p>
      ) : null}
      <div class="report-actions no-print">
        <button type="button" class="button-primary" onClick={() => window.print()}>
          {t('access.print')}
        </button>
      </div>
      <p aria-live="polite">
        {filtered
          ? t('access.countFiltered', {
              shown: formatNumber(events.length, language),
              total: formatNumber(worker.accessLog.length, language),
            })
          : t('access.count', {
              count: worker.accessLog.length,
              formatted: formatNumber(worker.accessLog.length, language),
            })}
      </p>
      <AccessTable events={events} />
    </article>
  );
}

function AccessTable({ events }: { readonly events: readonly AccessEventRow[] }) {
  const { t, language } = useT();
  const names = usePeopleNames(events.map((event) => event.actingSubject));
  if (events.length === 0) return <p class="empty">{t('access.none')}</p>;
  return (
    <div class="table-scroll" role="region" aria-label={t('access.title')} tabIndex={0}>
      <table class="access-table">
        <thead>
          <tr>
            <th scope="col">{t('access.at')}</th>
            <th scope="col">{t('access.institution')}</th>
            <th scope="col">{t('access.action')}</th>
            <th scope="col">{t('access.data')}</th>
            <th scope="col">{t('access.purpose')}</th>
            <th scope="col">{t('access.actor')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={`${event.requestId}-${event.service}-${event.entityType}-${event.at}`}>
              <td class="nowrap">{formatDateTime(event.at, language)}</td>
              <td>
                {event.institution.name}
                <span class="sub">
                  {t('access.servicePrefix', {
                    service: t(`access.services.${event.service}`, { defaultValue: event.service }),
                  })}
                </span>
              </td>
              <td>{t(`enums.AccessAction.${event.action}`)}</td>
              <td>
                {t(`entities.${event.entityType}`, { defaultValue: event.entityType })}
                <span class="sub">
                  {event.fields.map((field) => t(`fields.${field}`, { defaultValue: field })).join(', ')}
                </span>
              </td>
              <td>
                {event.purpose ?? t('access.noPurpose')}
                {event.caseReference ? <span class="sub">{event.caseReference}</span> : null}
              </td>
              <td class="actor">
                {event.actingSubject ? (names.get(event.actingSubject) ?? event.actingSubject) : '–'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The filters in words, for the printed page (the form itself is not printed). */
function filterSummary(
  filters: AccessFilters,
  institutions: readonly { readonly id: string; readonly name: string }[],
  t: TFunction,
  language: Language,
): string {
  const parts: string[] = [];
  const institution = institutions.find((item) => item.id === filters.institutionId);
  if (institution) parts.push(institution.name);
  if (filters.action) parts.push(t(`enums.AccessAction.${filters.action}`));
  if (filters.from || filters.to) {
    parts.push(
      t('access.period', {
        from: formatDate(filters.from, language) || '…',
        to: formatDate(filters.to, language) || '…',
      }),
    );
  }
  return parts.join(', ');
}
