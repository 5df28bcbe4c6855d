import type { ComponentChildren } from 'preact';
import { errorsAt } from '../api/errors.js';
import { useQuery } from '../api/use-query.js';
import type { Person } from '../auth/person.js';
import { LicenceBadge, StatusBadge } from '../cases/status-badge.js';
import { AgencyDetailDocument, type AgencyDetailQuery } from '../graphql/__generated__/graphql.js';
import { formatCountry, formatDate, formatNumber } from '../i18n/format.js';
import { useT } from '../i18n/index.js';
import { Link } from '../router.js';
import { ErrorNotice } from '../ui/error-notice.js';
import { Loading, PageTitle } from '../ui/page.js';
import { Facts, RecordSection } from '../ui/section.js';
import { LicenceForm, SanctionForm } from './agency-forms.js';
import { canManageAgencies } from './agency-model.js';

export type AgencyRecord = NonNullable<AgencyDetailQuery['placementAgency']>;
export type AgencyCase = AgencyDetailQuery['cases']['edges'][number]['node'];

/**
 * One placement agency (P3MI): its licence (SIP3MI), the sanctions imposed on it, its job orders
 * and the complaint cases that concern it; the ministry changes the licence and imposes sanctions.
 */
export function AgencyDetail({ id, person }: { readonly id: string; readonly person: Person }) {
  const { t } = useT();
  const result = useQuery(AgencyDetailDocument, { id });
  const agency = result.data?.placementAgency;
  if (result.loading && !agency) return <Loading />;
  if (!agency) {
    const errors = errorsAt(result.errors, ['placementAgency']);
    return (
      <>
        <BackToList />
        <PageTitle title={t('agencies.detail.title')}>{t('agencies.detail.title')}</PageTitle>
        <ErrorNotice
          errors={errors.length > 0 ? errors : [{ code: 'NOT_FOUND', message: '', path: [], issues: [] }]}
        />
      </>
    );
  }
  const cases = result.data?.cases.edges.map((edge) => edge.node) ?? [];
  const manages = canManageAgencies(person);
  return (
    <>
      <BackToList />
      <PageTitle title={agency.name}>{agency.name}</PageTitle>
      <p class="lead">
        <LicenceBadge status={agency.licenceStatus} /> {agency.licenceNumber}
      </p>
      <LicenceSection agency={agency}>
        {manages ? <LicenceForm agency={agency} onDone={() => void result.reload()} /> : null}
      </LicenceSection>
      <SanctionsSection agency={agency}>
        {manages ? <SanctionForm agency={agency} cases={cases} onDone={() => void result.reload()} /> : null}
      </SanctionsSection>
      <RecordSection
        id="agency-cases"
        title={t('agencies.detail.cases')}
        path={['cases']}
        errors={result.errors}
        items={result.data?.cases ? cases : null}
      >
        <ul class="plain-list">
          {cases.map((item) => (
            <li key={item.id}>
              <Link href={`/cases/${encodeURIComponent(item.id)}`}>{item.reference}</Link> ·{' '}
              {t(`enums.CaseCategory.${item.category}`)} <StatusBadge status={item.status} />
            </li>
          ))}
        </ul>
      </RecordSection>
      <JobOrdersSection agency={agency} />
    </>
  );
}

function BackToList() {
  const { t } = useT();
  return (
    <p class="breadcrumb">
      <Link href="/agencies">{t('agencies.detail.backToList')}</Link>
    </p>
  );
}

function LicenceSection({
  agency,
  children,
}: {
  readonly agency: AgencyRecord;
  readonly children?: ComponentChildren;
}) {
  const { t, language } = useT();
  return (
    <section class="record-section" aria-labelledby="agency-licence-heading">
      <h2 id="agency-licence-heading">{t('agencies.detail.licence')}</h2>
      <Facts
        rows={[
          [t('agencies.field.licenceNumber'), agency.licenceNumber],
          [t('agencies.field.licenceStatus'), <LicenceBadge status={agency.licenceStatus} />],
          [t('agencies.field.validFrom'), formatDate(agency.licenceValidFrom, language)],
          [t('agencies.field.validUntil'), formatDate(agency.licenceValidUntil, language)],
          [
            t('agencies.field.headOffice'),
            `${agency.headOfficeRegion.name} (${agency.headOfficeRegion.code})`,
          ],
        ]}
      />
      {children}
    </section>
  );
}

function SanctionsSection({
  agency,
  children,
}: {
  readonly agency: AgencyRecord;
  readonly children?: ComponentChildren;
}) {
  const { t, language } = useT();
  return (
    <section class="record-section" aria-labelledby="agency-sanctions-heading">
      <h2 id="agency-sanctions-heading">{t('agencies.detail.sanctions')}</h2>
      {agency.sanctions.length === 0 ? (
        <p class="empty">{t('agencies.detail.noSanctions')}</p>
      ) : (
        <ul class="cards">
          {agency.sanctions.map((sanction) => (
            <li key={sanction.id} class="card">
              <p class="card-title">{t(`agencies.sanctionType.${sanction.type}`)}</p>
              <p>
                {sanction.effectiveUntil
                  ? t('agencies.detail.sanctionPeriod', {
                      from: formatDate(sanction.imposedOn, language),
                      until: formatDate(sanction.effectiveUntil, language),
                    })
                  : t('agencies.detail.sanctionFrom', { from: formatDate(sanction.imposedOn, language) })}
                {sanction.case ? (
                  <>
                    {' · '}
                    <Link href={`/cases/${encodeURIComponent(sanction.case.id)}`}>
                      {sanction.case.reference}
                    </Link>
                  </>
                ) : null}
              </p>
              <p class="prose">{sanction.reason}</p>
            </li>
          ))}
        </ul>
      )}
      {children}
    </section>
  );
}

function JobOrdersSection({ agency }: { readonly agency: AgencyRecord }) {
  const { t, language } = useT();
  return (
    <section class="record-section" aria-labelledby="agency-orders-heading">
      <h2 id="agency-orders-heading">{t('agencies.detail.jobOrders')}</h2>
      {agency.jobOrders.length === 0 ? (
        <p class="empty">{t('common.noneRecorded')}</p>
      ) : (
        <div class="table-scroll" role="region" aria-label={t('agencies.detail.jobOrders')} tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('agencies.field.permit')}</th>
                <th scope="col">{t('agencies.field.country')}</th>
                <th scope="col">{t('agencies.field.employer')}</th>
                <th scope="col">{t('agencies.field.occupation')}</th>
                <th scope="col" class="num">
                  {t('agencies.field.quota')}
                </th>
                <th scope="col">{t('agencies.field.validity')}</th>
                <th scope="col">{t('agencies.field.verified')}</th>
              </tr>
            </thead>
            <tbody>
              {agency.jobOrders.map((order) => (
                <tr key={order.id}>
                  <th scope="row" class="nowrap">
                    {order.recruitmentPermitNumber}
                  </th>
                  <td>{formatCountry(order.countryCode, language)}</td>
                  <td>{order.employerName}</td>
                  <td>{t(`enums.Occupation.${order.occupation}`)}</td>
                  <td class="num">{formatNumber(order.quota, language)}</td>
                  <td>
                    {formatDate(order.validFrom, language)} – {formatDate(order.validUntil, language)}
                  </td>
                  <td>
                    {order.verifiedByMission
                      ? t('agencies.detail.verified')
                      : t('agencies.detail.notVerified')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
