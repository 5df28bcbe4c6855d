import type { ComplianceEvidence, DocumentType } from './__generated__/resolvers-types.js';

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

export function documentName(type: DocumentType): string {
  return DOCUMENT_NAMES[type];
}

/**
 * The statutory checklist of a placement (UU 18/2017 Art. 13 a-h and BPJS membership, Art. 5), in
 * the order labour's desk checks it. Labour sends only what is missing (`missingDocuments`), so the
 * ministry names the list to say what the desk holds; test/placement-checklist.test.ts keeps the two
 * lists equal.
 */
export const STATUTORY_CHECKLIST: readonly DocumentType[] = [
  'MARITAL_STATUS_LETTER',
  'FAMILY_PERMISSION',
  'COMPETENCY_CERTIFICATE',
  'HEALTH_CERTIFICATE',
  'PASSPORT',
  'SOCIAL_SECURITY',
  'WORK_VISA',
  'PLACEMENT_AGREEMENT',
  'EMPLOYMENT_AGREEMENT',
];

/** A competency certificate as the training subgraph showed it to the caller (`@requires`). */
export interface CertificateFact {
  readonly id: string;
  readonly scheme: string;
  readonly issuer: string;
  readonly number: string;
  readonly issuedOn: string;
  readonly validUntil: string | null;
  readonly revokedOn: string | null;
}

/**
 * Does the certificate prove competency on `day`: issued by then, not expired, and not withdrawn
 * on or before it. A certificate withdrawn after the departure still covered the departure.
 */
export function certificateCountsOn(certificate: CertificateFact, day: string): boolean {
  return (
    certificate.issuedOn <= day &&
    (certificate.validUntil === null || day <= certificate.validUntil) &&
    (certificate.revokedOn === null || day < certificate.revokedOn)
  );
}

function documentItem(
  documentType: DocumentType,
  fact: Pick<ComplianceEvidence, 'satisfied' | 'source' | 'reference'>,
  message: string,
): ComplianceEvidence {
  return { item: 'DOCUMENT', documentType, ...fact, message: `${documentName(documentType)}: ${message}` };
}

/**
 * Each statutory document and the fact that satisfies it on `day`, and those nothing satisfies. The
 * issuer's own record comes first: a valid certificate from training satisfies the competency
 * requirement whether or not the desk also holds a copy. A certificate the caller may not see never
 * arrives here, so its absence reads exactly like a missing one.
 */
export function documentChecklist(
  missingAtDesk: readonly DocumentType[],
  certificates: readonly CertificateFact[],
  day: string,
): { readonly missing: DocumentType[]; readonly evidence: ComplianceEvidence[] } {
  const certificate = certificates.find((candidate) => certificateCountsOn(candidate, day));
  // In labour's order, as the desk reported them, less what another institution's record satisfies.
  const missing = missingAtDesk.filter((type) => !(type === 'COMPETENCY_CERTIFICATE' && certificate));
  const evidence: ComplianceEvidence[] = [];
  // Anything labour reports missing counts, even outside the list this side knows.
  const items = [
    ...STATUTORY_CHECKLIST,
    ...missingAtDesk.filter((type) => !STATUTORY_CHECKLIST.includes(type)),
  ];
  for (const type of items) {
    if (type === 'COMPETENCY_CERTIFICATE' && certificate) {
      evidence.push(
        documentItem(
          type,
          { satisfied: true, source: 'TRAINING_CERTIFICATION', reference: certificate.number },
          `satisfied by certificate ${certificate.number} issued by ${certificate.issuer} on ${certificate.issuedOn} (training)`,
        ),
      );
    } else if (missingAtDesk.includes(type)) {
      evidence.push(
        documentItem(
          type,
          { satisfied: false, source: null, reference: null },
          'missing, unverified or expired',
        ),
      );
    } else {
      evidence.push(
        documentItem(
          type,
          { satisfied: true, source: 'LABOUR_DESK', reference: null },
          'document recorded and verified at the LTSA desk (labour)',
        ),
      );
    }
  }
  return { missing, evidence };
}
