import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { ConflictError, NotFoundError } from '../../../shared/errors.js';
import { parseInput } from '../../../shared/validation/input.js';
import { recordEntity } from '../audit.js';
import { queueConsentFact } from '../consent-facts.js';
import { assertGranteeTakes } from '../grantee-purposes.js';
import type { Context } from '../context.js';
import { consents, type ConsentRow } from '../db/schema.js';
import { insertConsent, updateConsent } from '../db/queries/records.js';
import { consentActive } from '../db/queries/scope.js';
import { grantConsentInput, id as consentIdSchema } from '../validation.js';
import { writableWorker } from './workers.js';

/**
 * Records consent given at the desk. What the directory can say is checked first (the grantee
 * exists and takes this purpose), so the officer hears a refusal at once; then the consent and
 * its outbox entries for the grantees' subgraphs are written in one transaction, and delivered
 * after the commit (consent-delivery.ts). A failed write leaves nothing to deliver.
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
  await assertGranteeTakes(context, input.granteeInstitutionId, input.purpose);
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
  const granted = await context.db.transaction(async (tx) => {
    const inserted = await insertConsent(tx, consent);
    await queueConsentFact(tx, context, inserted, worker.districtCode);
    await context.audit.wrote(tx, [
      {
        ...recordEntity('Consent', inserted),
        workerDistrictCode: worker.districtCode,
        fields: Object.keys(input),
      },
    ]);
    return inserted;
  });
  await context.consentDelivery.deliverNow();
  return granted;
}

/**
 * Withdraws a consent: the revocation and its outbox entries commit together, and delivery
 * follows. Until a grantee has taken it, labour sends that grantee no heartbeat, so the grantee
 * stops using its copies within its bound even if it cannot be told.
 */
export async function revokeConsent(context: Context, rawId: unknown): Promise<ConsentRow> {
  const id = parseInput(consentIdSchema, rawId, 'id');
  const consent = await context.loaders.consentById.load(id);
  if (!consent) throw new NotFoundError('Consent');
  const worker = await writableWorker(context, consent.workerId);
  if (consent.revokedAt) return consent;
  const revoked = await context.db.transaction(async (tx) => {
    const row = await updateConsent(tx, consent.id, { revokedAt: new Date() });
    await queueConsentFact(tx, context, row, worker.districtCode);
    await context.audit.wrote(tx, [
      { ...recordEntity('Consent', row), workerDistrictCode: worker.districtCode, fields: ['revokedAt'] },
    ]);
    return row;
  });
  await context.consentDelivery.deliverNow();
  return revoked;
}

export function isConsentActive(consent: ConsentRow, now: Date = new Date()): boolean {
  return consent.revokedAt === null && (consent.expiresAt === null || consent.expiresAt > now);
}
