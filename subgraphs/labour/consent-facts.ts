import { CONSENT_GRANTEE_SERVICES, type OutgoingFact } from '../../shared/consent/delivery.js';
import type { Database } from '../../shared/db/database.js';
import type { Context } from './context.js';
import { consentOutbox, type ConsentRow } from './db/schema.js';

/**
 * A consent binds where the grantee's data lives. The training and university subgraphs each keep
 * the consent facts their own rules need (a university may see certifications, so training needs
 * EMPOWERMENT consents too): both get every fact. The fact is written to the outbox in the very
 * transaction that records the grant or the revocation here, one entry per grantee service, and
 * delivered after the commit (consent-delivery.ts): no grantee can hold a consent labour never
 * recorded, and none misses a revocation labour did record.
 */
export async function queueConsentFact(
  tx: Database,
  context: Context,
  consent: ConsentRow,
  workerDistrictCode: string,
): Promise<void> {
  const fact: OutgoingFact = {
    consentId: consent.id,
    workerId: consent.workerId,
    purpose: consent.purpose,
    workerDistrictCode,
    granteeInstitutionId: consent.granteeInstitutionId,
    grantedAt: consent.grantedAt.toISOString(),
    expiresAt: consent.expiresAt?.toISOString() ?? null,
    revokedAt: consent.revokedAt?.toISOString() ?? null,
    // The grantee files the write of its copy under the desk that recorded the consent.
    recordedBy: {
      institutionId: context.principal.institutionId,
      institutionKind: context.principal.institutionKind,
      regionCode: context.principal.regionCode,
      clientId: context.principal.clientId,
      actingSubject: context.meta.actingSubject,
      requestId: context.meta.requestId,
      clientRequestId: context.meta.clientRequestId,
      purpose: context.meta.purpose,
      caseReference: context.meta.caseReference,
    },
  };
  await tx
    .insert(consentOutbox)
    .values(
      CONSENT_GRANTEE_SERVICES.map((granteeService) => ({ consentId: consent.id, granteeService, fact })),
    );
}
