import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { ConflictError, NotFoundError } from '../../../shared/errors.js';
import { parseInput } from '../../../shared/validation/input.js';
import { recordEntity } from '../audit.js';
import { ConsentSyncError, sendConsentFact } from '../consent-facts.js';
import { explainGranteeRefusal } from '../grantee-purposes.js';
import type { Context } from '../context.js';
import { consents, type ConsentRow } from '../db/schema.js';
import { insertConsent, updateConsent } from '../db/queries/records.js';
import { consentActive } from '../db/queries/scope.js';
import { grantConsentInput, id as consentIdSchema } from '../validation.js';
import { writableWorker } from './workers.js';

/**
 * Records consent given at the desk. The grantee's subgraph records the fact first; only then is
 * the consent written here. No transaction is held open across that call: in embedded mode every
 * subgraph shares one database, and the grantee's write would wait on ours. Should the local write
 * fail, the grantee is told the consent is revoked again, so no consent outlives a failed grant.
 */
export async function grantConsent(context: Context, rawInput: unknown): Promise<ConsentRow> {
  const input = parseInput(grantConsentInput, rawInput);
  const worker = await writableWorker(context, input.workerId);
  const [existing] = await context.db
    .select({ id: consents.id })
    .from(consents)
    .where(
      and(
        eq(consents.workerId, worker.id),
        eq(consents.granteeInstitutionId, input.granteeInstitutionId),
        eq(consents.purpose, input.purpose),
        consentActive(),
      ),
    );
  if (existing)
    throw new ConflictError('The worker already has an active consent for this institution and purpose.');
  const consent: ConsentRow = {
    id: randomUUID(),
    workerId: worker.id,
    granteeInstitutionId: input.granteeInstitutionId,
    purpose: input.purpose,
    grantedAt: new Date(),
    expiresAt: input.expiresAt ?? null,
    revokedAt: null,
    recordedBy: context.principal.institutionId,
  };
  try {
    await sendConsentFact(context, consent, worker.districtCode);
  } catch (error) {
    // The grantee's subgraph refused on the merits; say in plain words what the grantee can receive.
    if (error instanceof ConsentSyncError && error.extensions['code'] === 'BAD_USER_INPUT')
      throw (await explainGranteeRefusal(context, input.granteeInstitutionId, input.purpose)) ?? error;
    throw error;
  }
  try {
    return await context.db.transaction(async (tx) => {
      const inserted = await insertConsent(tx, consent);
      await context.audit.wrote(tx, [
        {
          ...recordEntity('Consent', inserted),
          workerDistrictCode: worker.districtCode,
          fields: Object.keys(input),
        },
      ]);
      return inserted;
    });
  } catch (error) {
    await sendConsentFact(context, { ...consent, revokedAt: new Date() }, worker.districtCode).catch(
      (compensation: unknown) =>
        context.logger.error(
          { err: compensation, consentId: consent.id },
          'could not withdraw a consent fact after a failed grant',
        ),
    );
    throw error;
  }
}

/**
 * Withdraws a consent. The grantee's subgraph is told first: should the local write then fail,
 * the grantee is merely stricter than the record, never more permissive.
 */
export async function revokeConsent(context: Context, rawId: unknown): Promise<ConsentRow> {
  const id = parseInput(consentIdSchema, rawId, 'id');
  const consent = await context.loaders.consentById.load(id);
  if (!consent) throw new NotFoundError('Consent');
  const worker = await writableWorker(context, consent.workerId);
  if (consent.revokedAt) return consent;
  const revokedAt = new Date();
  await sendConsentFact(context, { ...consent, revokedAt }, worker.districtCode);
  return context.db.transaction(async (tx) => {
    const revoked = await updateConsent(tx, consent.id, { revokedAt });
    await context.audit.wrote(tx, [
      { ...recordEntity('Consent', revoked), workerDistrictCode: worker.districtCode, fields: ['revokedAt'] },
    ]);
    return revoked;
  });
}

export function isConsentActive(consent: ConsentRow, now: Date = new Date()): boolean {
  return consent.revokedAt === null && (consent.expiresAt === null || consent.expiresAt > now);
}
