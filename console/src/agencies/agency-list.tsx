import { useQuery } from '../api/use-query.js';
import { AgencyListDocument, type LicenceStatus } from '../graphql/__generated__/graphql.js';
import { formatDate, formatNumber } from '../i18n/format.js';
import { useT } from '../i18n/index.js';
import { Link, navigate, useLocation } from '../router.js';
import { LicenceBadge } from '../cases/status-badge.js';
import { ErrorNotice } from '../ui/error-notice.js';
import { Field } from '../ui/field.js';
import { Loading, PageTitle } from '../ui/page.js';
import { isLicenceStatus, LICENCE_STATUSES } from './agency-model.js';

/** The registry of placement agencies (P3MI) by licence status; each links to its licence and sanctions. */
export function AgencyList() {
  const { t, language } = useT();
  const { query } = useLocation();
  const wanted = query.get('status');
  const status: LicenceStatus | null = isLicenceStatus(wanted) ? wanted : null;
  const result = useQuery(AgencyListDocument, { status });
  const agencies = [...(result.data?.placementAgencies ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <>
      <PageTitle title={t('agencies.list.title')}>{t('agencies.list.title')}</PageTitle>
      <p>{t('agencies.list.intro')}</p>
      <form
        class="filter-form"
        aria-label={t('agencies.list.filters')}
        onSubmit={(event) => event.preventDefault()}
      >
        <Field id="agency-status" label={t('agencies.field.licenceStatus')}>
          <select
            id="agency-status"
            value={status ?? ''}
            onChange={(event) => {
              const value = event.currentTarget.value;
              navigate(value ? `/agencies?status=${value}` : '/agencies');
            }}
          >
            <option value="">{t('agencies.list.anyStatus')}</option>
            {LICENCE_STATUSES.map((option) => (
              <option key={option} value={option}>
                {t(`enums.LicenceStatus.${option}`)}
              </option>
            ))}
          </select>
        </Field>
      </form>
      <ErrorNotice errors={result.errors} />
      {result.loading && !result.data ? <Loading /> : null}
      {result.data ? (
        <section aria-labelledby="agency-results-heading" aria-busy={result.loading}>
          <h2 id="agency-results-heading" aria-live="polite">
            {t('agencies.list.total', {
              count: agencies.length,
              formatted: formatNumber(agencies.length, language),
            })}
          </h2>
          {agencies.length > 0 ? (
            <div class="table-scroll" role="region" aria-label={t('agencies.list.title')} tabIndex={0}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('agencies.field.name')}</th>
                    <th scope="col">{t('agencies.field.licenceNumber')}</th>
                    <th scope="col">{t('agencies.field.licenceStatus')}</th>
                    <th scope="col">{t('agencies.field.validUntil')}</th>
                    <th scope="col">{t('agencies.field.headOffice')}</th>
                  </tr>
                </thead>
                <tbody>
                  {agencies.map((agency) => (
                    <tr key={agency.id}>
                      <th scope="row">
                        <Link href={`/agencies/${encodeURIComponent(agency.id)}`}>{agency.name}</Link>
                      </th>
                      <td class="nowrap">{agency.licenceNumber}</td>
                      <td>
                        <LicenceBadge status={agency.licenceStatus} />
                      </td>
                      <td class="nowrap">{formatDate(agency.licenceValidUntil, language)}</td>
                      <td>{agency.headOfficeRegion.name}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p class="empty">{t('agencies.list.none')}</p>
          )}
        </section>
      ) : null}
    </>
  );
}
