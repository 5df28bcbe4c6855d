import type { DocumentRow, DocumentType } from './db/schema.js';

/**
 * The statutory checklist a placement needs before departure: UU 18/2017 Art. 13 (a-h) plus
 * BPJS Ketenagakerjaan membership (Art. 5). Visa and agreements belong to one placement; the rest
 * to the person.
 */
export const PLACEMENT_DOCUMENTS: readonly DocumentType[] = [
  'WORK_VISA',
  'PLACEMENT_AGREEMENT',
  'EMPLOYMENT_AGREEMENT',
];
export const PERSONAL_DOCUMENTS: readonly DocumentType[] = [
  'MARITAL_STATUS_LETTER',
  'FAMILY_PERMISSION',
  'COMPETENCY_CERTIFICATE',
  'HEALTH_CERTIFICATE',
  'PASSPORT',
  'SOCIAL_SECURITY',
];
export const STATUTORY_DOCUMENTS: readonly DocumentType[] = [...PERSONAL_DOCUMENTS, ...PLACEMENT_DOCUMENTS];

export type PresentedStatus = 'SUBMITTED' | 'VERIFIED' | 'REJECTED' | 'EXPIRED';

/** The status an officer sees: a verified document past its validity date reads as EXPIRED. */
export function presentedStatus(document: DocumentRow, today: string): PresentedStatus {
  if (document.status === 'VERIFIED' && document.validUntil !== null && document.validUntil < today)
    return 'EXPIRED';
  return document.status;
}

function validOn(document: DocumentRow, day: string): boolean {
  return (
    document.status === 'VERIFIED' &&
    (document.issuedOn === null || document.issuedOn <= day) &&
    (document.validUntil === null || document.validUntil >= day)
  );
}

/**
 * Statutory documents of a placement that are missing, unverified, or not valid on `day`
 * (the departure date, or today before departure).
 */
export function missingDocuments(
  placementId: string,
  workerDocuments: readonly DocumentRow[],
  day: string,
): DocumentType[] {
  return STATUTORY_DOCUMENTS.filter((type) => {
    const candidates = workerDocuments.filter(
      (document) =>
        document.type === type &&
        (!PLACEMENT_DOCUMENTS.includes(type) || document.placementId === placementId),
    );
    return !candidates.some((document) => validOn(document, day));
  });
}
