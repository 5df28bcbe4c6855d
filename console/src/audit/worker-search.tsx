import { useEffect, useState } from 'preact/hooks';
import { issueFor, type ApiError } from '../api/errors.js';
import { useQuery } from '../api/use-query.js';
import { AuditWorkerSearchDocument } from '../graphql/__generated__/graphql.js';
import { formatNumber } from '../i18n/format.js';
import { useT } from '../i18n/index.js';
import { Link, navigate, useLocation } from '../router.js';
import { ErrorNotice } from '../ui/error-notice.js';
import { describedBy, Field } from '../ui/field.js';
import { Loading, PageTitle } from '../ui/page.js';
import { AuditTabs } from './audit-tabs.js';

const PAGE_SIZE = 20;

/**
 * The auditor finds the worker whose access log to read, by name. An auditor reads no NIK whole
 * (no `pii:read`): the list shows it masked, and a search by NIK is not offered.
 */
export function AuditWorkerSearch() {
  const { t } = useT();
  const { query } = useLocation();
  const name = query.get('name') ?? '';
  const [draft, setDraft] = useState(name);
  const [errors, setErrors] = useState<readonly ApiError[]>([]);
  const problem = issueFor(errors, 'nameContains');
  return (
    <>
      <PageTitle title={t('audit.workers.title')}>{t('audit.workers.title')}</PageTitle>
      <AuditTabs />
      <form
        class="search-form"
        role="search"
        aria-label={t('audit.workers.formLabel')}
        onSubmit={(event) => {
          event.preventDefault();
          const trimmed = draft.trim();
          navigate(trimmed ? `/audit/workers?name=${encodeURIComponent(trimmed)}` : '/audit/workers');
        }}
        noValidate
      >
        <Field
          id="audit-worker-name"
          label={t('workers.search.name')}
          hint={t('audit.workers.nameHint')}
          problem={problem}
        >
          <input
            id="audit-worker-name"
            type="text"
            autoComplete="off"
            value={draft}
            onInput={(event) => setDraft(event.currentTarget.value)}
            aria-invalid={problem ? true : undefined}
            aria-describedby={describedBy('audit-worker-name', true, problem)}
          />
        </Field>
        <div class="form-actions">
          <button type="submit" class="button-primary">
            {t('workers.search.submit')}
          </button>
        </div>
      </form>
      {name ? (
        <Results key={name} name={name} onErrors={setErrors} />
      ) : (
        <p class="hint">{t('audit.workers.start')}</p>
      )}
    </>
  );
}

function Results({
  name,
  onErrors,
}: {
  readonly name: string;
  readonly onErrors: (errors: readonly ApiError[]) => void;
}) {
  const { t, language } = useT();
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  const result = useQuery(AuditWorkerSearchDocument, {
    filter: { nameContains: name },
    first: PAGE_SIZE,
    after,
  });
  useEffect(() => onErrors(result.errors), [result.errors, onErrors]);
  const connection = result.data?.workers;
  if (result.errors.length > 0 && !connection) return <ErrorNotice errors={result.errors} />;
  if (!connection) return <Loading />;
  const page = cursors.length;
  const pages = Math.max(1, Math.ceil(connection.totalCount / PAGE_SIZE));
  return (
    <section aria-labelledby="audit-worker-results" aria-busy={result.loading}>
      <h2 id="audit-worker-results" aria-live="polite">
        {t('workers.search.total', {
          count: connection.totalCount,
          formatted: formatNumber(connection.totalCount, language),
        })}
      </h2>
      {connection.edges.length > 0 ? (
        <div class="table-scroll" role="region" aria-label={t('audit.pageOf', { page, pages })} tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('workers.field.fullName')}</th>
                <th scope="col">{t('workers.field.nik')}</th>
                <th scope="col">{t('workers.field.district')}</th>
                <th scope="col">{t('workers.field.status')}</th>
              </tr>
            </thead>
            <tbody>
              {connection.edges.map(({ node }) => (
                <tr key={node.id}>
                  <th scope="row">
                    <Link href={`/audit/workers/${encodeURIComponent(node.id)}`}>{node.fullName}</Link>
                  </th>
                  <td class="nik">{node.nik}</td>
                  <td>{node.district.name}</td>
                  <td>{t(`enums.WorkerStatus.${node.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
        <span>{t('audit.pageOf', { page, pages })}</span>
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
