import { workerNotFound } from '../access.js';
import type { Context } from '../context.js';
import type { ConsentFactRow } from '../db/schema.js';
import { findActiveConsentFact } from '../db/queries/consent-facts.js';

// Consent facts arrive from labour over its own channel (consent-copies.ts), never as a mutation.

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
