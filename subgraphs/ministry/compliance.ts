import type {
  ComplianceEvidence,
  ComplianceFinding,
  DocumentType,
  PlacementCompliance,
  PlacementScheme,
} from './__generated__/resolvers-types.js';
import { documentChecklist, documentName, type CertificateFact } from './checklist.js';
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
  /** The worker's certificates the caller may see, newest first, from training (`@requires`). */
  readonly certificates: readonly CertificateFact[];
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

const isViolation = (finding: ComplianceFinding) => finding.severity === 'VIOLATION';

/** The agency's licence and the job order as checklist items, when the placement needs or names them. */
function registryEvidence(
  placement: PlacementFacts,
  registry: RegistryFacts,
  problems: {
    readonly agency: readonly ComplianceFinding[];
    readonly jobOrder: readonly ComplianceFinding[];
  },
  day: string,
): ComplianceEvidence[] {
  const evidence: ComplianceEvidence[] = [];
  const { agency, jobOrder } = registry;
  if (placement.agencyId !== null || placement.scheme === 'PRIVATE_AGENCY') {
    const satisfied = agency !== null && !problems.agency.some(isViolation);
    const licence = agency ? `${agency.licenceNumber} of ${agency.name}` : null;
    evidence.push({
      item: 'AGENCY_LICENCE',
      documentType: null,
      satisfied,
      source: satisfied ? 'MINISTRY_REGISTRY' : null,
      reference: satisfied && agency ? agency.licenceNumber : null,
      message: satisfied
        ? `agency licence: ${licence}, valid on ${day} (ministry registry)`
        : `agency licence: ${licence ? `${licence} does not allow placements on ${day}` : 'no licensed agency on record'}`,
    });
  }
  if (placement.jobOrderId !== null || placement.agencyId !== null || placement.scheme === 'PRIVATE_AGENCY') {
    const satisfied = jobOrder !== null && !problems.jobOrder.some(isViolation);
    const permit = jobOrder?.recruitmentPermitNumber ?? null;
    evidence.push({
      item: 'JOB_ORDER',
      documentType: null,
      satisfied,
      source: satisfied ? 'MINISTRY_REGISTRY' : null,
      reference: satisfied ? permit : null,
      message: satisfied
        ? `job order: ${permit}, valid on ${day} for this agency and country (ministry registry)`
        : `job order: ${permit ? `${permit} does not cover this placement on ${day}` : 'no job order on record'}`,
    });
  }
  return evidence;
}

/**
 * Is this placement legal (UU 18/2017): through the procedural channel, by an agency licensed and
 * not suspended on the check date, against a valid job order of that agency for that country, with
 * the statutory documents complete, each fact counted from the institution that holds it (a
 * certificate training issued needs no copy at the desk). The check date is the departure date, or the planned one, or
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
  const problems = {
    agency: agencyFindings(placement, registry, checkedOn),
    jobOrder: jobOrderFindings(placement, registry, checkedOn),
  };
  findings.push(...problems.agency, ...problems.jobOrder);
  const documents = documentChecklist(placement.missingDocuments, placement.certificates, checkedOn);
  if (documents.missing.length > 0) {
    const names = documents.missing.map(documentName).join(', ');
    findings.push(violation('DOCUMENTS_INCOMPLETE', `Documents missing, unverified or expired: ${names}.`));
  }
  // Array.prototype.sort is stable: within a severity the findings keep the order checked above.
  findings.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'VIOLATION' ? -1 : 1));
  return {
    compliant: !findings.some(isViolation),
    findings,
    checkedOn,
    evidence: [...registryEvidence(placement, registry, problems, checkedOn), ...documents.evidence],
  };
}
