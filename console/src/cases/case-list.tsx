import { useEffect, useState } from 'preact/hooks';
import type { ApiError } from '../api/errors.js';
import { useQuery } from '../api/use-query.js';
import type { Person } from '../auth/person.js';
import { CaseListDocument, type CaseListQuery } from '../graphql/__generated__/graphql.js';
import { formatDate, formatNumber } from '../i18n/format.js';
import { useT } from '../i18n/index.js';
import { Link, navigate, useLocation } from '../router.js';
import { ErrorNotice } from '../ui/error-notice.js';
import { Loading, PageTitle } from '../ui/page.js';
import { CaseFilterForm } from './case-filter-form.js';
import { caseCriteriaOf, caseFilterOf, caseListHref, type CaseCriteria } from './case-model.js';
import { StatusBadge } from './status-badge.js';

const PAGE_SIZE = 20;

type CaseRow = CaseListQuery['cases']['edges'][number]['node'];

/**
 * The case officer's list of complaint cases, newest first, filtered by status, category, region
 * and agency; the criteria live in the address, so Back and reload keep them. A labour office
 * sees its own region's cases only (the API's row rule), and the form offers its region's parts.
 */
export function CaseList({ person }: { readonly person: Person }) {
  const { t } = useT();
  const location = useLocation();
  const criteria = caseCriteriaOf(location.query);
  const [errors, setErrors] = useState<readonly ApiError[]>([]);
  return (
    <>
      <PageTitle title={t('cases.list.title')}>{t('cases.list.title')}</PageTitle>
      <CaseFilterForm
        key={caseListHref(criteria)}
        initial={criteria}
        person={person}
        errors={errors}
        onSearch={(next) => navigate(caseListHref(next))}
      />
      <CasePages criteria={criteria} key={caseListHref(criteria)} onErrors={setErrors} />
    </>
  );
}

function CasePages({
  criteria,
  onErrors,
}: {
  readonly criteria: CaseCriteria;
  readonly onErrors: (errors: readonly ApiError[]) => void;
}) {
  const { t, language } = useT();
  // Cursors of the pages before this one, for "previous"; the connection's cursor pages forward.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  const result = useQuery(CaseListDocument, {
    filter: caseFilterOf(criteria),
    first: PAGE_SIZE,
    after,
    regionCode: criteria.region,
    withRegion: criteria.region !== '',
  });
  useEffect(() => onErrors(result.errors), [result.errors, onErrors]);
  const connection = result.data?.cases;
  if (result.errors.length > 0 && !connection) return <ErrorNotice errors={result.errors} />;
  if (!connection) return <Loading />;
  const page = cursors.length;
  const pages = Math.max(1, Math.ceil(connection.totalCount / PAGE_SIZE));
  const regionName = result.data?.region?.name;
  const total = t('cases.list.total', {
    count: connection.totalCount,
    formatted: formatNumber(connection.totalCount, language),
  });
  return (
    <section aria-labelledby="case-results-heading" aria-busy={result.loading}>
      <h2 id="case-results-heading" aria-live="polite">
        {regionName ? t('cases.list.totalIn', { total, region: regionName }) : total}
      </h2>
      {connection.edges.length > 0 ? (
        <CaseTable
          cases={connection.edges.map((edge) => edge.node)}
          caption={t('cases.list.pageOf', { page, pages })}
          language={language}
        />
      ) : (
        <p class="empty">{t('cases.list.none')}</p>
      )}
      <nav class="pager" aria-label={t('pager.label')}>
        <button
          type="button"
          class="button-quiet"
          disabled={page === 1 || result.loading}
          onClick={() => setCursors(cursors.slice(0, -1))}
        >
          {t('pager.previous')}
        </button>
        <span>{t('cases.list.pageOf', { page, pages })}</span>
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

function CaseTable({
  cases,
  caption,
  language,
}: {
  readonly cases: readonly CaseRow[];
  readonly caption: string;
  readonly language: 'id' | 'en';
}) {
  const { t } = useT();
  return (
    <div class="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table class="case-table">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cases.field.reference')}</th>
            <th scope="col">{t('cases.field.category')}</th>
            <th scope="col">{t('cases.field.status')}</th>
            <th scope="col">{t('cases.field.worker')}</th>
            <th scope="col">{t('cases.field.agency')}</th>
            <th scope="col">{t('cases.field.opened')}</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((item) => (
            <tr key={item.id}>
              <th scope="row" class="nowrap">
                <Link href={`/cases/${encodeURIComponent(item.id)}`}>{item.reference}</Link>
              </th>
              <td>{t(`enums.CaseCategory.${item.category}`)}</td>
              <td>
                <StatusBadge status={item.status} />
              </td>
              <td>
                {item.worker.fullName}
                <span class="sub">{item.worker.district.name}</span>
              </td>
              <td>{item.agency?.name ?? '–'}</td>
              <td>
                <span class="nowrap">{formatDate(item.openedAt, language)}</span>
                <span class="sub">{item.openedBy.name}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
