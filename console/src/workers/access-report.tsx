import type { TFunction } from 'i18next';
import { useEffect, useState } from 'preact/hooks';
import { execute } from '../api/client.js';
import type { ApiError } from '../api/errors.js';
import { useQuery } from '../api/use-query.js';
import { WorkerAccessHeaderDocument, WorkerAccessLogDocument } from '../graphql/__generated__/graphql.js';
import { formatDate, formatNumber } from '../i18n/format.js';
import { useT, type Language } from '../i18n/index.js';
import { Link } from '../router.js';
import { ErrorNotice } from '../ui/error-notice.js';
import { Loading, PageTitle } from '../ui/page.js';
import { AccessFilterForm } from './access-filter-form.js';
import {
  apiFilter,
  isFiltered,
  mergeInstitutions,
  NO_FILTERS,
  PRINT_PAGE,
  PRINT_PAGES,
  SCREEN_PAGE,
  type AccessEventRow,
  type AccessFilters,
} from './access-filters.js';
import { AccessSummary } from './access-summary.js';
import { AccessTable } from './access-table.js';

/** Pages fetched after the first one, for the filter they were fetched under. */
interface MorePages {
  readonly filterKey: string;
  readonly events: readonly AccessEventRow[];
  readonly endCursor: string | null;
  readonly hasNextPage: boolean;
}

/**
 * The worker's access report, to hand to her at the desk: who read or wrote her data, when, at
 * which institution and why. The API filters, pages (newest first) and summarises; reads of the
 * report itself are left out unless asked for. Printing first fetches every page the filters
 * match (bounded), so the A4 copy is the whole filtered report, not the page on screen.
 */
export function AccessReport({ id }: { readonly id: string }) {
  const { t, language } = useT();
  const [filters, setFilters] = useState(NO_FILTERS);
  const filter = apiFilter(filters);
  const filterKey = JSON.stringify(filter);
  // Her name and NIK once, apart from the log, so each page of the log is a read of the report only.
  const header = useQuery(WorkerAccessHeaderDocument, { id });
  const result = useQuery(WorkerAccessLogDocument, { id, filter, first: SCREEN_PAGE });
  const [more, setMore] = useState<MorePages | null>(null);
  const [fetching, setFetching] = useState<'more' | 'print' | null>(null);
  const [fetchErrors, setFetchErrors] = useState<readonly ApiError[]>([]);
  const [printWhenReady, setPrintWhenReady] = useState(false);
  const [institutions, setInstitutions] = useState<{ id: string; name: string }[]>([]);
  const log = result.data?.worker?.accessLog;
  // The filter the answer on screen was asked under: until the new one arrives, the rows are old.
  const [answeredKey, setAnsweredKey] = useState(filterKey);
  useEffect(() => {
    if (!result.loading) setAnsweredKey(filterKey);
    // Only an arriving answer moves it, not a change of filters before it is sent.
  }, [result.loading, result.data]);
  const stale = result.loading || answeredKey !== filterKey;
  useEffect(() => {
    if (log) setInstitutions((known) => mergeInstitutions(known, log.summary));
  }, [log]);
  useEffect(() => {
    if (!printWhenReady) return;
    setPrintWhenReady(false);
    window.print();
  }, [printWhenReady]);
  if ((result.loading && !result.data) || (header.loading && !header.data)) return <Loading />;
  const worker = header.data?.worker && result.data?.worker ? header.data.worker : null;
  // Filters the API refuses (a period the wrong way round) keep the form on screen with the reason.
  const refusedFilter = result.errors.some((error) => error.code === 'BAD_USER_INPUT');
  if (worker && !log && refusedFilter) {
    return (
      <article class="access-report">
        <PageTitle title={t('access.title')}>{t('access.titleFor', { name: worker.fullName })}</PageTitle>
        <AccessFilterForm filters={filters} institutions={institutions} onChange={setFilters} />
        <ErrorNotice errors={result.errors} />
      </article>
    );
  }
  if (!worker || !log) {
    const errors =
      result.errors.length > 0 || header.errors.length > 0
        ? [...header.errors, ...result.errors]
        : [{ code: 'NOT_FOUND', message: '', path: [], issues: [] }];
    return (
      <>
        <PageTitle title={t('access.title')}>{t('access.title')}</PageTitle>
        <ErrorNotice errors={errors} />
      </>
    );
  }
  const extra = more?.filterKey === filterKey ? more : null;
  const events = [...log.events, ...(extra?.events ?? [])];
  const pageInfo = extra ?? log.pageInfo;

  /** Fetches the pages after what is shown: one for "more", all of them (bounded) for printing. */
  const fetchPages = async (mode: 'more' | 'print') => {
    setFetching(mode);
    setFetchErrors([]);
    let fetched = extra?.events ?? [];
    let cursor = pageInfo.endCursor;
    let hasNextPage = pageInfo.hasNextPage;
    for (let page = 0; hasNextPage && page < (mode === 'more' ? 1 : PRINT_PAGES); page += 1) {
      const answer = await execute(WorkerAccessLogDocument, {
        id,
        filter,
        first: mode === 'more' ? SCREEN_PAGE : PRINT_PAGE,
        after: cursor,
      });
      const next = answer.data?.worker?.accessLog;
      if (!next) {
        setFetchErrors(answer.errors);
        break;
      }
      fetched = [...fetched, ...next.events];
      cursor = next.pageInfo.endCursor;
      hasNextPage = next.pageInfo.hasNextPage;
    }
    setMore({ filterKey, events: fetched, endCursor: cursor, hasNextPage });
    setFetching(null);
    if (mode === 'print') setPrintWhenReady(true);
  };

  const filtered = isFiltered(filters);
  const total = log.totalCount;
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
      <p class="print-only">
        {t('access.filtersApplied', { filters: filterSummary(filters, institutions, t, language) })}
      </p>
      <div class="report-actions no-print">
        <button
          type="button"
          class="button-primary"
          disabled={fetching !== null}
          onClick={() => void fetchPages('print')}
        >
          {fetching === 'print' ? t('access.preparingPrint') : t('access.print')}
        </button>
      </div>
      <AccessSummary summary={log.summary} />
      {/* While the next filter's answer is on its way, the count does not speak for the old rows. */}
      <p aria-live="polite">
        {stale ? (
          t('common.loading')
        ) : (
          <>
            {filtered
              ? t('access.countMatching', { count: total, formatted: formatNumber(total, language) })
              : t('access.count', { count: total, formatted: formatNumber(total, language) })}{' '}
            {filters.showReportReads ? '' : t('access.reportReadsHidden')}
          </>
        )}
      </p>
      <ErrorNotice errors={[...result.errors, ...fetchErrors]} />
      <AccessTable events={events} />
      {pageInfo.hasNextPage ? (
        <div class="report-actions no-print">
          <p>
            {t('access.shown', {
              shown: formatNumber(events.length, language),
              total: formatNumber(total, language),
            })}
          </p>
          <button
            type="button"
            class="button-quiet"
            disabled={fetching !== null}
            onClick={() => void fetchPages('more')}
          >
            {t('access.more')}
          </button>
        </div>
      ) : null}
      {pageInfo.hasNextPage && events.length > SCREEN_PAGE ? (
        <p class="print-only">
          {t('access.printTruncated', { shown: formatNumber(events.length, language) })}
        </p>
      ) : null}
    </article>
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
  if (filters.purpose.trim()) parts.push(t('access.purposeContains', { purpose: filters.purpose.trim() }));
  parts.push(filters.showReportReads ? t('access.withReportReads') : t('access.withoutReportReads'));
  return parts.join(', ');
}
