import { CONSENT_FACT, consentFactClaims } from '../../../shared/auth/attestation.js';
import { BadUserInputError, ConflictError, ForbiddenError } from '../../../shared/errors.js';
import { parseInput } from '../../../shared/validation/input.js';
import { assertCanShareConsent } from '../access.js';
import { consentFactEntity } from '../audit.js';
import type { Context } from '../context.js';
import type { ConsentFactRow } from '../db/schema.js';
import { findConsentFact, upsertConsentFact } from '../db/queries/consent-facts.js';
import { institutionHasUniversity } from '../db/queries/directory.js';
import { consentFactInput } from '../validation.js';

export function isConsentFactActive(fact: ConsentFactRow, now: Date = new Date()): boolean {
  return fact.revokedAt === null && (fact.expiresAt === null || fact.expiresAt > now);
}

/**
 * Records a consent fact shared by the labour office that took it at the LTSA desk. Idempotent by
 * consent id, so the labour subgraph may resend it. A grant of EMPOWERMENT must name a university
 * registered here; a revocation is stored whatever it names, because withdrawing consent must
 * never fail.
 */
export async function shareConsentFact(context: Context, rawFact: unknown): Promise<ConsentFactRow> {
  const fact = parseInput(consentFactInput, rawFact, 'fact');
  assertCanShareConsent(context.principal, fact.workerDistrictCode);
  // Only the labour subgraph can vouch for the worker and kecamatan: a client calling this
  // mutation itself could otherwise name any worker with a kecamatan of its own region.
  if (!context.attestations.verify(CONSENT_FACT, consentFactClaims(fact), fact.attestation)) {
    throw new ForbiddenError('Consent facts are recorded only as sent by the labour subgraph.');
  }
  const existing = await findConsentFact(context.db, fact.consentId);
  if (existing) {
    // The office that sends a fact must also serve the worker it was first recorded for.
    assertCanShareConsent(context.principal, existing.workerDistrictCode);
    if (
      existing.workerId !== fact.workerId ||
      existing.purpose !== fact.purpose ||
      existing.granteeInstitutionId !== fact.granteeInstitutionId
    ) {
      throw new ConflictError('This consent was recorded for another worker, grantee or purpose.');
    }
  }
  const revokedAt = fact.revokedAt ?? null;
  if (
    fact.purpose === 'EMPOWERMENT' &&
    revokedAt === null &&
    !(await institutionHasUniversity(context.db, fact.granteeInstitutionId))
  ) {
    throw BadUserInputError.of('fact.granteeInstitutionId', 'has no university registered with the hub');
  }
  return context.db.transaction(async (tx) => {
    const recorded = await upsertConsentFact(tx, {
      consentId: fact.consentId,
      workerId: fact.workerId,
      purpose: fact.purpose,
      granteeInstitutionId: fact.granteeInstitutionId,
      workerDistrictCode: fact.workerDistrictCode,
      grantedAt: fact.grantedAt,
      expiresAt: fact.expiresAt ?? null,
      revokedAt,
    });
    // A resent fact is still a write (the upsert ran), so it is logged too.
    await context.audit.wrote(tx, [{ ...consentFactEntity(recorded), fields: Object.keys(fact) }]);
    return recorded;
  });
}
