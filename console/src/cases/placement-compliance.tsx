import type { CasePlacementFragment } from '../graphql/__generated__/graphql.js';
import { formatCountry, formatDate } from '../i18n/format.js';
import { useT } from '../i18n/index.js';
import { Link } from '../router.js';
import { LicenceBadge } from './status-badge.js';

/**
 * One placement and the ministry's legality check of it: the verdict, then each finding, most
 * severe first, by the catalogue's name for its code and with the check's own particulars
 * (licence numbers, dates, a sanction's reason) as the API wrote them.
 */
export function PlacementCompliance({
  placement,
  agencyLinks,
  highlighted = false,
}: {
  readonly placement: CasePlacementFragment;
  /** Whether the agency's name links to its licence page (the case officer's). */
  readonly agencyLinks: boolean;
  readonly highlighted?: boolean;
}) {
  const { t, language } = useT();
  const { compliance } = placement;
  const departure = placement.departureDate ?? placement.plannedDepartureDate;
  return (
    <li class={`card${highlighted ? ' card-highlight' : ''}`}>
      <p class="card-title">
        {t(`enums.Occupation.${placement.occupation}`)} ·{' '}
        {formatCountry(placement.destinationCountry, language)} ·{' '}
        {t(`enums.PlacementStatus.${placement.status}`)}
        {highlighted ? <span class="badge badge-info card-tag">{t('cases.detail.thisCase')}</span> : null}
      </p>
      <p>
        {placement.agency ? (
          <>
            {agencyLinks ? (
              <Link href={`/agencies/${encodeURIComponent(placement.agency.id)}`}>
                {placement.agency.name}
              </Link>
            ) : (
              placement.agency.name
            )}{' '}
            <LicenceBadge status={placement.agency.licenceStatus} />
          </>
        ) : (
          t('cases.detail.noAgency')
        )}
        {placement.employerName ? ` · ${placement.employerName}` : ''}
        {departure
          ? ` · ${t(placement.departureDate ? 'cases.detail.departed' : 'cases.detail.plannedDeparture', {
              date: formatDate(departure, language),
            })}`
          : ''}
      </p>
      <div class={`compliance ${compliance.compliant ? 'compliance-ok' : 'compliance-bad'}`}>
        <p class="compliance-verdict">
          {compliance.compliant ? t('compliance.compliant') : t('compliance.notCompliant')}{' '}
          <span class="hint">
            {t('compliance.checkedOn', { date: formatDate(compliance.checkedOn, language) })}
          </span>
        </p>
        {compliance.findings.length > 0 ? (
          <ul class="findings">
            {compliance.findings.map((finding, index) => (
              <li key={`${finding.code}-${index}`}>
                <span class={`badge ${finding.severity === 'VIOLATION' ? 'badge-bad' : 'badge-warn'}`}>
                  {t(`enums.FindingSeverity.${finding.severity}`)}
                </span>{' '}
                {t(`enums.ComplianceFindingCode.${finding.code}`)}
                <span class="sub finding-detail" lang="en">
                  {finding.message}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('cases.detail.noFindings')}</p>
        )}
        <Evidence evidence={compliance.evidence} />
      </div>
    </li>
  );
}

type EvidenceItem = CasePlacementFragment['compliance']['evidence'][number];

/**
 * What satisfied each item, and which institution holds the fact: a certificate the training
 * provider issued counts as much as a document seen at the desk (one fact entered once).
 */
function Evidence({ evidence }: { readonly evidence: readonly EvidenceItem[] }) {
  const { t } = useT();
  const satisfied = evidence.filter((item) => item.satisfied && item.source);
  if (satisfied.length === 0) return null;
  return (
    <details class="evidence">
      <summary>{t('compliance.evidence', { count: satisfied.length })}</summary>
      <ul>
        {satisfied.map((item, index) => (
          <li key={`${item.item}-${item.documentType ?? ''}-${index}`}>
            {item.documentType
              ? t(`enums.DocumentType.${item.documentType}`)
              : t(`enums.ComplianceItem.${item.item}`)}{' '}
            <span class="sub">
              {t(`enums.EvidenceSource.${item.source}`)}
              {item.reference ? ` · ${item.reference}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}
