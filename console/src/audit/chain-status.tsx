import { errorsAt } from '../api/errors.js';
import { useQuery } from '../api/use-query.js';
import { AuditLogStatusDocument, type ChainStatusFragment } from '../graphql/__generated__/graphql.js';
import { formatDateTime, formatNumber } from '../i18n/format.js';
import { useT } from '../i18n/index.js';
import { ErrorNotice } from '../ui/error-notice.js';
import { Loading } from '../ui/page.js';
import { AUDIT_SERVICES, type AuditService } from './audit-model.js';

const FIELD_OF: Readonly<Record<AuditService, `${AuditService}AccessLogStatus`>> = {
  labour: 'labourAccessLogStatus',
  ministry: 'ministryAccessLogStatus',
  training: 'trainingAccessLogStatus',
  university: 'universityAccessLogStatus',
};

/**
 * Whether each service's access log still holds together: every event chained to the one before
 * it. A broken chain names its first broken event and why; a service that did not answer says so
 * in its own card and the others stay.
 */
export function ChainStatus() {
  const { t } = useT();
  const result = useQuery(AuditLogStatusDocument, {});
  return (
    <section aria-labelledby="chain-heading" aria-busy={result.loading}>
      <h2 id="chain-heading">{t('audit.chain.heading')}</h2>
      <p class="hint">{t('audit.chain.explained')}</p>
      {result.loading && !result.data ? <Loading /> : null}
      {result.data ? (
        <ul class="chain-cards">
          {AUDIT_SERVICES.map((service) => {
            const field = FIELD_OF[service];
            const status = result.data?.[field];
            return (
              <li key={service} class="card chain-card">
                <p class="card-title">{t(`audit.service.${service}`)}</p>
                {status ? (
                  <ChainFacts status={status} />
                ) : (
                  <ErrorNotice errors={errorsAt(result.errors, [field])} />
                )}
              </li>
            );
          })}
        </ul>
      ) : (
        <ErrorNotice errors={result.errors} />
      )}
    </section>
  );
}

function ChainFacts({ status }: { readonly status: ChainStatusFragment }) {
  const { t, language } = useT();
  return (
    <>
      <p>
        {status.intact ? (
          <span class="badge badge-ok">{t('audit.chain.intact')}</span>
        ) : (
          <span class="badge badge-bad">{t('audit.chain.broken', { position: status.brokenAt ?? '?' })}</span>
        )}
      </p>
      {!status.intact && status.reason ? (
        <p class="chain-reason" lang="en">
          {status.reason}
        </p>
      ) : null}
      <dl class="facts facts-compact">
        <div class="fact">
          <dt>{t('audit.chain.events')}</dt>
          <dd>{formatNumber(status.events, language)}</dd>
        </div>
        <div class="fact">
          <dt>{t('audit.chain.head')}</dt>
          <dd>
            {status.headPosition === null
              ? t('audit.chain.empty')
              : t('audit.chain.headAt', {
                  position: formatNumber(status.headPosition, language),
                  at: formatDateTime(status.headAt, language),
                })}
          </dd>
        </div>
        <div class="fact">
          <dt>{t('audit.chain.checkedAt')}</dt>
          <dd>{formatDateTime(status.checkedAt, language)}</dd>
        </div>
      </dl>
    </>
  );
}
