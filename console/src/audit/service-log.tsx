import { useEffect, useState } from 'preact/hooks';
import { issueFor, type ApiError } from '../api/errors.js';
import { useQuery } from '../api/use-query.js';
import {
  AuditInstitutionsDocument,
  AuditServiceEventsDocument,
  type AuditPageFragment,
} from '../graphql/__generated__/graphql.js';
import { formatNumber } from '../i18n/format.js';
import { useT } from '../i18n/index.js';
import { navigate, useLocation } from '../router.js';
import { ErrorNotice } from '../ui/error-notice.js';
import { describedBy, Field } from '../ui/field.js';
import { Loading, PageTitle } from '../ui/page.js';
import {
  ACCESS_ACTIONS,
  accessEventFilterOf,
  AUDIT_SERVICES,
  auditCriteriaOf,
  auditHref,
  serviceSwitches,
  type AuditCriteria,
} from './audit-model.js';
import { AuditTabs } from './audit-tabs.js';
import { ChainStatus } from './chain-status.js';
import { EventsTable } from './events-table.js';

const PAGE_SIZE = 50;

/**
 * The auditor's view of the services' own access logs: whether each chain holds, then one
 * service's events by institution, period and action, newest first, a page at a time.
 */
export function ServiceLog() {
  const { t } = useT();
  const location = useLocation();
  const criteria = auditCriteriaOf(location.query);
  const [errors, setErrors] = useState<readonly ApiError[]>([]);
  return (
    <>
      <PageTitle title={t('audit.title')}>{t('audit.title')}</PageTitle>
      <AuditTabs />
      <ChainStatus />
      <h2>{t('audit.byService.heading')}</h2>
      <ServiceLogForm
        key={auditHref(criteria)}
        initial={criteria}
        errors={errors}
        onSearch={(next) => navigate(auditHref(next))}
      />
      <ServiceEvents key={auditHref(criteria)} criteria={criteria} onErrors={setErrors} />
    </>
  );
}

function ServiceLogForm({
  initial,
  errors,
  onSearch,
}: {
  readonly initial: AuditCriteria;
  readonly errors: readonly ApiError[];
  readonly onSearch: (criteria: AuditCriteria) => void;
}) {
  const { t } = useT();
  const [criteria, setCriteria] = useState(initial);
  const institutions = useQuery(AuditInstitutionsDocument, {});
  const set = (key: keyof AuditCriteria) => (event: Event) =>
    setCriteria({ ...criteria, [key]: (event.currentTarget as HTMLInputElement | HTMLSelectElement).value });
  const problems = {
    institution: issueFor(errors, 'institutionId'),
    from: issueFor(errors, 'from'),
    to: issueFor(errors, 'to'),
    action: issueFor(errors, 'action'),
  };
  const options = [...(institutions.data?.institutions ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <form
      class="search-form"
      role="search"
      aria-label={t('audit.byService.filters')}
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(criteria);
      }}
      noValidate
    >
      <Field id="audit-service" label={t('audit.field.service')}>
        <select id="audit-service" value={criteria.service} onChange={set('service')}>
          {AUDIT_SERVICES.map((service) => (
            <option key={service} value={service}>
              {t(`audit.service.${service}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="audit-institution" label={t('audit.field.institution')} problem={problems.institution}>
        <select
          id="audit-institution"
          value={criteria.institution}
          onChange={set('institution')}
          aria-invalid={problems.institution ? true : undefined}
          aria-describedby={describedBy('audit-institution', undefined, problems.institution)}
        >
          <option value="">{t('access.anyInstitution')}</option>
          {options.map((institution) => (
            <option key={institution.id} value={institution.id}>
              {institution.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="audit-from" label={t('access.from')} problem={problems.from}>
        <input
          id="audit-from"
          type="date"
          value={criteria.from}
          onInput={set('from')}
          aria-invalid={problems.from ? true : undefined}
          aria-describedby={describedBy('audit-from', undefined, problems.from)}
        />
      </Field>
      <Field id="audit-to" label={t('access.to')} problem={problems.to}>
        <input
          id="audit-to"
          type="date"
          value={criteria.to}
          onInput={set('to')}
          aria-invalid={problems.to ? true : undefined}
          aria-describedby={describedBy('audit-to', undefined, problems.to)}
        />
      </Field>
      <Field id="audit-action" label={t('access.action')} problem={problems.action}>
        <select id="audit-action" value={criteria.action} onChange={set('action')}>
          <option value="">{t('access.anyAction')}</option>
          {ACCESS_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {t(`enums.AccessAction.${action}`)}
            </option>
          ))}
        </select>
      </Field>
      <div class="form-actions">
        <button type="submit" class="button-primary">
          {t('audit.byService.submit')}
        </button>
      </div>
    </form>
  );
}

function ServiceEvents({
  criteria,
  onErrors,
}: {
  readonly criteria: AuditCriteria;
  readonly onErrors: (errors: readonly ApiError[]) => void;
}) {
  const { t, language } = useT();
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  const result = useQuery(AuditServiceEventsDocument, {
    filter: accessEventFilterOf(criteria),
    first: PAGE_SIZE,
    after,
    ...serviceSwitches(criteria.service),
  });
  useEffect(() => onErrors(result.errors), [result.errors, onErrors]);
  const data = result.data;
  const page: AuditPageFragment | null | undefined = data
    ? (data.labourAccessEvents ??
      data.ministryAccessEvents ??
      data.trainingAccessEvents ??
      data.universityAccessEvents)
    : null;
  if (!page) return result.loading ? <Loading /> : <ErrorNotice errors={result.errors} />;
  const pageNumber = cursors.length;
  const pages = Math.max(1, Math.ceil(page.totalCount / PAGE_SIZE));
  const service = t(`audit.service.${criteria.service}`);
  return (
    <section aria-labelledby="audit-results-heading" aria-busy={result.loading}>
      <h3 id="audit-results-heading" aria-live="polite">
        {t('audit.byService.total', {
          count: page.totalCount,
          formatted: formatNumber(page.totalCount, language),
          service,
        })}
      </h3>
      {page.events.length > 0 ? (
        <EventsTable
          events={page.events}
          caption={t('audit.byService.caption', { service, page: pageNumber, pages })}
          showWorker
        />
      ) : (
        <p class="empty">{t('access.none')}</p>
      )}
      <nav class="pager" aria-label={t('pager.label')}>
        <button
          type="button"
          class="button-quiet"
          disabled={pageNumber === 1 || result.loading}
          onClick={() => setCursors(cursors.slice(0, -1))}
        >
          {t('pager.previous')}
        </button>
        <span>{t('audit.pageOf', { page: pageNumber, pages })}</span>
        <button
          type="button"
          class="button-quiet"
          disabled={!page.pageInfo.hasNextPage || result.loading}
          onClick={() => setCursors([...cursors, page.pageInfo.endCursor ?? null])}
        >
          {t('pager.next')}
        </button>
      </nav>
    </section>
  );
}
