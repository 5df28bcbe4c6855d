import { useEffect, useState } from 'preact/hooks';
import type { ApiError } from '../api/errors.js';
import { useQuery } from '../api/use-query.js';
import type { Person } from '../auth/person.js';
import {
  WorkerByNikDocument,
  WorkerSearchDocument,
  type WorkerFilter,
  type WorkerRowFragment,
} from '../graphql/__generated__/graphql.js';
import { formatNumber } from '../i18n/format.js';
import { useT } from '../i18n/index.js';
import { Link, navigate, useLocation } from '../router.js';
import { ErrorNotice } from '../ui/error-notice.js';
import { Loading, PageTitle } from '../ui/page.js';
import { SearchForm, type Criteria } from './search-form.js';
import { isWorkerStatus } from './statuses.js';

const PAGE_SIZE = 20;

function criteriaOf(query: URLSearchParams): Criteria {
  return {
    name: query.get('name') ?? '',
    nik: query.get('nik') ?? '',
    region: query.get('region') ?? '',
    status: query.get('status') ?? '',
  };
}

function hrefOf(criteria: Criteria): string {
  const query = new URLSearchParams(Object.entries(criteria).filter(([, value]) => value !== ''));
  const text = query.toString();
  return text ? `/workers?${text}` : '/workers';
}

/** The LTSA officer's worker search: the criteria live in the address, so Back and reload keep them. */
export function WorkerSearch({ person }: { readonly person: Person }) {
  const { t } = useT();
  const location = useLocation();
  const criteria = criteriaOf(location.query);
  const search = (next: Criteria) => navigate(hrefOf(next));
  // A refused search (BAD_USER_INPUT) is shown beside the field it names.
  const [errors, setErrors] = useState<readonly ApiError[]>([]);
  return (
    <>
      <PageTitle title={t('workers.search.title')}>{t('workers.search.title')}</PageTitle>
      {person.scopes.includes('workers:write') ? (
        <p class="page-actions">
          <Link class="button-link" href="/workers/new">
            {t('officerForms.register.open')}
          </Link>
        </p>
      ) : null}
      <SearchForm
        key={hrefOf(criteria)}
        initial={criteria}
        regionCode={person.institution.regionCode}
        errors={errors}
        onSearch={search}
      />
      {criteria.nik ? (
        <NikResult nik={criteria.nik} onErrors={setErrors} />
      ) : (
        <WorkerList criteria={criteria} key={hrefOf(criteria)} onErrors={setErrors} />
      )}
    </>
  );
}

type ErrorsHandler = (errors: readonly ApiError[]) => void;

function NikResult({ nik, onErrors }: { readonly nik: string; readonly onErrors: ErrorsHandler }) {
  const { t } = useT();
  const result = useQuery(WorkerByNikDocument, { nik });
  useEffect(() => onErrors(result.errors), [result.errors, onErrors]);
  if (result.loading) return <Loading />;
  if (result.errors.length > 0) return <ErrorNotice errors={result.errors} />;
  const worker = result.data?.workerByNik;
  if (!worker) {
    return (
      <p class="notice notice-info" role="status">
        {t('workers.search.nikNotFound')}
      </p>
    );
  }
  return <ResultTable workers={[worker]} caption={t('workers.search.nikFound')} />;
}

function WorkerList({
  criteria,
  onErrors,
}: {
  readonly criteria: Criteria;
  readonly onErrors: ErrorsHandler;
}) {
  const { t, language } = useT();
  // Cursors of the pages before this one, for "previous"; the connection's cursor pages forward.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  const filter: WorkerFilter = {
    ...(criteria.name ? { nameContains: criteria.name } : {}),
    ...(criteria.region ? { regionCode: criteria.region } : {}),
    ...(isWorkerStatus(criteria.status) ? { status: criteria.status } : {}),
  };
  const result = useQuery(WorkerSearchDocument, { filter, first: PAGE_SIZE, after });
  useEffect(() => onErrors(result.errors), [result.errors, onErrors]);
  const connection = result.data?.workers;
  if (result.errors.length > 0) return <ErrorNotice errors={result.errors} />;
  if (!connection) return <Loading />;
  const page = cursors.length;
  const pages = Math.max(1, Math.ceil(connection.totalCount / PAGE_SIZE));
  const workers = connection.edges.map((edge) => edge.node);
  return (
    <section aria-labelledby="results-heading" aria-busy={result.loading}>
      <h2 id="results-heading" aria-live="polite">
        {t('workers.search.total', {
          count: connection.totalCount,
          formatted: formatNumber(connection.totalCount, language),
        })}
      </h2>
      {workers.length > 0 ? (
        <ResultTable workers={workers} caption={t('workers.search.pageOf', { page, pages })} />
      ) : null}
      <nav class="pager" aria-label={t('pager.label')}>
        <button
          type="button"
          class="button-quiet"
          disabled={page === 1 || result.loading}
          onClick={() => setCursors(cursors.slice(0, -1))}
        >
          {t('pager.previous')}
        </button>
        <span>{t('workers.search.pageOf', { page, pages })}</span>
        <button
          type="button"
          class="button-quiet"
          disabled={!connection.pageInfo.hasNextPage || result.loading}
          onClick={() => setCursors([...cursors, connection.pageInfo.endCursor ?? null])}
        >
          {t('pager.next')}
        </button>
      </nav>
    </section>
  );
}

function ResultTable({
  workers,
  caption,
}: {
  readonly workers: readonly WorkerRowFragment[];
  readonly caption: string;
}) {
  const { t } = useT();
  return (
    <div class="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table>
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('workers.field.fullName')}</th>
            <th scope="col">{t('workers.field.nik')}</th>
            <th scope="col">{t('workers.field.district')}</th>
            <th scope="col">{t('workers.field.status')}</th>
          </tr>
        </thead>
        <tbody>
          {workers.map((worker) => (
            <tr key={worker.id}>
              <th scope="row">
                <Link href={`/workers/${encodeURIComponent(worker.id)}`}>{worker.fullName}</Link>
              </th>
              <td class="nik">{worker.nik}</td>
              <td>{worker.district.name}</td>
              <td>{t(`enums.WorkerStatus.${worker.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
