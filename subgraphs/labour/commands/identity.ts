import { BadUserInputError, ConflictError } from '../../../shared/errors.js';
import { definedOnly, parseInput } from '../../../shared/validation/input.js';
import { workerEntity } from '../audit.js';
import { correctWorkerIdentityInput } from '../amendment-validation.js';
import type { Context } from '../context.js';
import { assertIdentityCorrection, IDENTITY_DOCUMENTS, type IdentityField } from '../corrections.js';
import type { DocumentRow, WorkerRow } from '../db/schema.js';
import { updateWorkerIdentity, workerHoldingNik, type WorkerIdentity } from '../db/queries/workers.js';
import { nikAgreementAfterUpdate } from '../nik-agreement.js';
import { lockWorker } from '../db/queries/amendments.js';
import { assertUnchangedSince, changesBetween, recordAmendment } from './amendments.js';
import { writableWorker } from './workers.js';

/**
 * The civil registry document the correction rests on: recorded for this very worker, a KTP-el,
 * Kartu Keluarga or birth certificate, and checked by an officer. A document of someone else, or
 * none, is the same answer.
 */
async function supportingDocument(context: Context, worker: WorkerRow, id: string): Promise<DocumentRow> {
  const document = await context.loaders.documentById.load(id);
  if (!document || document.workerId !== worker.id)
    throw BadUserInputError.of('input.supportingDocumentId', 'is not a document recorded for this worker');
  if (!(IDENTITY_DOCUMENTS as readonly string[]).includes(document.type))
    throw BadUserInputError.of(
      'input.supportingDocumentId',
      `must be a KTP-el (NATIONAL_ID), Kartu Keluarga (FAMILY_CARD) or BIRTH_CERTIFICATE, not ${document.type}`,
    );
  if (document.status !== 'VERIFIED')
    throw BadUserInputError.of(
      'input.supportingDocumentId',
      `must be verified by an officer first (verifyDocument); it is ${document.status}`,
    );
  return document;
}

export async function correctWorkerIdentity(
  context: Context,
  workerId: string,
  rawInput: unknown,
): Promise<WorkerRow> {
  const { reason, supportingDocumentId, nikIssuedElsewhere, ...wanted } = parseInput(
    correctWorkerIdentityInput,
    rawInput,
  );
  const worker = await writableWorker(context, workerId);
  const given = definedOnly(wanted) as Partial<WorkerIdentity>;
  const changes = changesBetween(worker, given);
  if (changes.length === 0)
    throw BadUserInputError.of('input', 'changes nothing: every value given is the one already recorded');
  for (const change of changes) assertIdentityCorrection(change.field as IdentityField, worker.status);
  const document = await supportingDocument(context, worker, supportingDocumentId);
  // The same agreement registration demands (nik-agreement.ts), checked whenever a part of it
  // changes; a statement that the NIK was issued elsewhere, once on record, covers the same NIK.
  const problem = nikAgreementAfterUpdate(worker, { ...given, nikIssuedElsewhere });
  if (problem) throw BadUserInputError.of(`input.${problem.field}`, problem.message);
  if (given.nik !== undefined && given.nik !== worker.nik) {
    const holder = await workerHoldingNik(context.db, given.nik);
    if (holder) {
      // As at registration: the attempt shows in the holder's log, and the caller learns nothing more.
      await context.audit.refused(context.db, workerEntity(holder), ['nik']);
      throw new ConflictError('A worker with this NIK is already registered with the hub.');
    }
  }
  return context.db.transaction(async (tx) => {
    assertUnchangedSince(worker, await lockWorker(tx, worker.id), Object.keys(given));
    const updated = await updateWorkerIdentity(tx, worker.id, given);
    await recordAmendment(tx, context, {
      kind: 'IDENTITY_CORRECTED',
      entityType: 'Worker',
      entityId: worker.id,
      workerId: worker.id,
      changes,
      reason,
      supportingDocumentId: document.id,
    });
    await context.audit.wrote(tx, [
      { ...workerEntity(updated), fields: changes.map((change) => change.field) },
    ]);
    return updated;
  });
}
