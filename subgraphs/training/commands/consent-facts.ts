import { CONSENT_FACT, consentFactClaims } from '../../../shared/auth/attestation.js';
import { BadUserInputError, ConflictError, ForbiddenError } from '../../../shared/errors.js';
import { parseInput } from '../../../shared/validation/input.js';
import { assertCanShareConsent, workerNotFound } from '../access.js';
import { consentFactEntity } from '../audit.js';
import type { Context } from '../context.js';
import type { ConsentFactRow } from '../db/schema.js';
import { findActiveConsentFact, upsertConsentFact } from '../db/queries/consent-facts.js';
import { findFirstProviderOf } from '../db/queries/directory.js';
import { consentFactInput } from '../validation.js';

/**
 * Records a consent fact sent by the labour office that took it at the desk. Idempotent by
 * consent id: a repeated fact changes nothing, a later one (expiry changed, revoked) replaces the
 * stored dates. Revocations are always taken, even for a consent never seen before, so that no
 * failure here can keep a withdrawn consent alive.
 */
export async function shareConsentWithTraining(context: Context, rawFact: unknown): Promise<ConsentFactRow> {
  const fact = parseInput(consentFactInput, rawFact, 'fact');
  assertCanShareConsent(context.principal, fact.workerDistrictCode);
  // Only the labour subgraph can vouch for the worker and kecamatan: a client calling this
  // mutation itself could otherwise name any worker with a kecamatan of its own region.
  if (!context.attestations.verify(CONSENT_FACT, consentFactClaims(fact), fact.attestation)) {
    throw new ForbiddenError('Consent facts are recorded only as sent by the labour subgraph.');
  }
  const grants = !fact.revokedAt && (!fact.expiresAt || fact.expiresAt > new Date());
  if (
    grants &&
    fact.purpose === 'TRAINING' &&
    !(await findFirstProviderOf(context.db, fact.granteeInstitutionId))
  ) {
    throw BadUserInputError.of(
      'fact.granteeInstitutionId',
      'runs no training provider registered with the hub',
    );
  }
  return context.db.transaction(async (tx) => {
    const row = await upsertConsentFact(tx, {
      consentId: fact.consentId,
      workerId: fact.workerId,
      purpose: fact.purpose,
      granteeInstitutionId: fact.granteeInstitutionId,
      workerDistrictCode: fact.workerDistrictCode,
      grantedAt: fact.grantedAt,
      expiresAt: fact.expiresAt ?? null,
      revokedAt: fact.revokedAt ?? null,
    });
    if (!row)
      throw new ConflictError('This consent is already recorded for another worker, institution or purpose.');
    // A repeated fact is logged too: the labour office sent it, and the row was brought up to date.
    await context.audit.wrote(tx, [{ ...consentFactEntity(row), fields: Object.keys(fact) }]);
    return row;
  });
}

/**
 * The worker's active TRAINING consent for the caller's institution. Without one the worker is
 * answered as unknown (NOT_FOUND), exactly like an id that names nobody.
 */
export async function trainingConsentOf(context: Context, workerId: string): Promise<ConsentFactRow> {
  const consent = await findActiveConsentFact(
    context.db,
    context.principal.institutionId,
    workerId,
    'TRAINING',
  );
  if (!consent) throw workerNotFound();
  return consent;
}
