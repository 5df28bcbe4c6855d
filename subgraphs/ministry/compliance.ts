import type {
  ComplianceFinding,
  DocumentType,
  PlacementCompliance,
  PlacementScheme,
} from './__generated__/resolvers-types.js';
import type { JobOrderRow, PlacementAgencyRow, SanctionRow } from './db/schema.js';

/** What labour knows about a placement: the fields `Placement.compliance` requires. */
export interface PlacementFacts {
  readonly agencyId: string | null;
  readonly jobOrderId: string | null;
  readonly scheme: PlacementScheme;
  readonly channel: 'PROCEDURAL' | 'NON_PROCEDURAL';
  readonly destinationCountry: string;
  readonly plannedDepartureDate: string | null;
  readonly departureDate: string | null;
  readonly missingDocuments: readonly DocumentType[];
}

/** What the ministry's registry says about the agency and job order the placement names. */
export interface RegistryFacts {
  /** Null when the placement names no agency or one the registry does not know. */
  readonly agency: Pick<
    PlacementAgencyRow,
    'id' | 'name' | 'licenceNumber' | 'licenceStatus' | 'licenceValidFrom' | 'licenceValidUntil'
  > | null;
  readonly jobOrder: Pick<
    JobOrderRow,
    'agencyId' | 'countryCode' | 'recruitmentPermitNumber' | 'validFrom' | 'validUntil' | 'verifiedByMission'
  > | null;
  /** Every sanction ever imposed on the agency; those in force on the check date count. */
  readonly sanctions: readonly Pick<SanctionRow, 'type' | 'reason' | 'imposedOn' | 'effectiveUntil'>[];
}

const DOCUMENT_NAMES: Readonly<Record<DocumentType, string>> = {
  NATIONAL_ID: 'identity card (KTP-el)',
  FAMILY_CARD: 'family card (KK)',
  BIRTH_CERTIFICATE: 'birth certificate',
  DIPLOMA: 'diploma',
  MARITAL_STATUS_LETTER: 'marital-status letter',
  FAMILY_PERMISSION: 'family permission letter',
  COMPETENCY_CERTIFICATE: 'competency certificate',
  HEALTH_CERTIFICATE: 'health certificate',
  PASSPORT: 'passport',
  WORK_VISA: 'work visa',
  PLACEMENT_AGREEMENT: 'placement agreement',
  EMPLOYMENT_AGREEMENT: 'employment agreement',
  POLICE_CLEARANCE: 'police clearance (SKCK)',
  SOCIAL_SECURITY: 'BPJS Ketenagakerjaan membership',
  DISTRICT_RECOMMENDATION: 'district recommendation',
  PRE_DEPARTURE_ORIENTATION: 'pre-departure orientation certificate',
  E_KPMI: 'E-KPMI card',
};

export const DOCUMENT_TYPES = Object.keys(DOCUMENT_NAMES) as [DocumentType, ...DocumentType[]];

const SANCTION_NAMES: Readonly<Record<SanctionRow['type'], string>> = {
  WRITTEN_WARNING: 'written warning',
  SUSPENSION: 'suspension',
  LICENCE_REVOCATION: 'licence revocation',
  FINE: 'fine',
  DEPOSIT_CLAIM: 'guarantee-deposit claim',
};

/** Sanctions that stop an agency from placing workers while they are in force. */
const BLOCKING_SANCTIONS: ReadonlySet<SanctionRow['type']> = new Set(['SUSPENSION', 'LICENCE_REVOCATION']);

function within(day: string, from: string, until: string | null): boolean {
  return from <= day && (until === null || day <= until);
}

function violation(code: ComplianceFinding['code'], message: string): ComplianceFinding {
  return { code, severity: 'VIOLATION', message };
}

function agencyFindings(
  placement: PlacementFacts,
  registry: RegistryFacts,
  day: string,
): ComplianceFinding[] {
  const { agency } = registry;
  if (placement.agencyId === null) {
    return placement.scheme === 'PRIVATE_AGENCY'
      ? [
          violation(
            'AGENCY_MISSING',
            'The placement goes through a private agency, but no agency (P3MI) is recorded.',
          ),
        ]
      : [];
  }
  if (!agency) {
    return [
      violation(
        'AGENCY_UNKNOWN',
        "The agency recorded on the placement is not in the ministry's licensing registry.",
      ),
    ];
  }
  const findings: ComplianceFinding[] = [];
  const licence = `${agency.name} (licence ${agency.licenceNumber})`;
  if (agency.licenceStatus !== 'ACTIVE') {
    findings.push(
      violation('AGENCY_NOT_LICENSED', `${licence} has a ${agency.licenceStatus.toLowerCase()} licence.`),
    );
  } else if (!within(day, agency.licenceValidFrom, agency.licenceValidUntil)) {
    findings.push(
      violation(
        'AGENCY_NOT_LICENSED',
        `${licence} is licensed from ${agency.licenceValidFrom} to ${agency.licenceValidUntil}, not on ${day}.`,
      ),
    );
  }
  for (const sanction of registry.sanctions) {
    if (!within(day, sanction.imposedOn, sanction.effectiveUntil)) continue;
    const until = sanction.effectiveUntil ? ` until ${sanction.effectiveUntil}` : '';
    findings.push({
      code: 'AGENCY_SANCTIONED',
      severity: BLOCKING_SANCTIONS.has(sanction.type) ? 'VIOLATION' : 'WARNING',
      message: `${agency.name} is under a ${SANCTION_NAMES[sanction.type]} imposed on ${sanction.imposedOn}${until}: ${sanction.reason}`,
    });
  }
  return findings;
}

function jobOrderFindings(
  placement: PlacementFacts,
  registry: RegistryFacts,
  day: string,
): ComplianceFinding[] {
  const { jobOrder } = registry;
  if (placement.jobOrderId === null) {
    const throughAgency = placement.scheme === 'PRIVATE_AGENCY' || placement.agencyId !== null;
    return throughAgency
      ? [
          violation(
            'JOB_ORDER_MISSING',
            'The placement goes through an agency, but no job order (SIP2MI) is recorded.',
          ),
        ]
      : [];
  }
  if (!jobOrder) {
    return [
      violation(
        'JOB_ORDER_UNKNOWN',
        "The job order recorded on the placement is not in the ministry's registry.",
      ),
    ];
  }
  const order = `Job order ${jobOrder.recruitmentPermitNumber}`;
  const findings: ComplianceFinding[] = [];
  if (!within(day, jobOrder.validFrom, jobOrder.validUntil)) {
    findings.push(
      violation(
        'JOB_ORDER_NOT_VALID',
        `${order} is valid from ${jobOrder.validFrom} to ${jobOrder.validUntil}, not on ${day}.`,
      ),
    );
  }
  if (jobOrder.agencyId !== placement.agencyId) {
    findings.push(
      violation(
        'JOB_ORDER_OTHER_AGENCY',
        `${order} belongs to another agency than the one on the placement.`,
      ),
    );
  }
  if (jobOrder.countryCode !== placement.destinationCountry) {
    findings.push(
      violation(
        'JOB_ORDER_OTHER_COUNTRY',
        `${order} is for ${jobOrder.countryCode}, but the placement goes to ${placement.destinationCountry}.`,
      ),
    );
  }
  if (!jobOrder.verifiedByMission) {
    findings.push({
      code: 'JOB_ORDER_NOT_VERIFIED',
      severity: 'WARNING',
      message: `${order} has not been verified by the Indonesian mission abroad.`,
    });
  }
  return findings;
}

/**
 * Is this placement legal (UU 18/2017): through the procedural channel, by an agency licensed and
 * not suspended on the check date, against a valid job order of that agency for that country, with
 * the statutory documents complete. The check date is the departure date, or the planned one, or
 * today. Findings come most severe first; the placement is compliant when none is a VIOLATION.
 */
export function placementCompliance(
  placement: PlacementFacts,
  registry: RegistryFacts,
  today: string,
): PlacementCompliance {
  const checkedOn = placement.departureDate ?? placement.plannedDepartureDate ?? today;
  const findings: ComplianceFinding[] = [];
  if (placement.channel === 'NON_PROCEDURAL') {
    findings.push(
      violation(
        'NON_PROCEDURAL_CHANNEL',
        'The worker left outside the legal placement process (non-procedural).',
      ),
    );
  }
  findings.push(...agencyFindings(placement, registry, checkedOn));
  findings.push(...jobOrderFindings(placement, registry, checkedOn));
  if (placement.missingDocuments.length > 0) {
    const names = placement.missingDocuments.map((type) => DOCUMENT_NAMES[type]).join(', ');
    findings.push(violation('DOCUMENTS_INCOMPLETE', `Documents missing, unverified or expired: ${names}.`));
  }
  // Array.prototype.sort is stable: within a severity the findings keep the order checked above.
  findings.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'VIOLATION' ? -1 : 1));
  return {
    compliant: findings.every((finding) => finding.severity !== 'VIOLATION'),
    findings,
    checkedOn,
  };
}
