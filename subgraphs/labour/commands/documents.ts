import { BadUserInputError, ConflictError, NotFoundError } from '../../../shared/errors.js';
import { parseInput } from '../../../shared/validation/input.js';
import type { Context } from '../context.js';
import type { DocumentRow } from '../db/schema.js';
import { insertDocument, updateDocument } from '../db/queries/records.js';
import { recordEntity } from '../audit.js';
import { PLACEMENT_DOCUMENTS } from '../documents.js';
import { id as documentId, recordDocumentInput, rejectionReason } from '../validation.js';
import { writableWorker } from './workers.js';

export async function recordDocument(context: Context, rawInput: unknown): Promise<DocumentRow> {
  const input = parseInput(recordDocumentInput, rawInput);
  const worker = await writableWorker(context, input.workerId);
  if (input.placementId) {
    const placement = await context.loaders.placementById.load(input.placementId);
    if (!placement || placement.workerId !== worker.id) {
      throw BadUserInputError.of('input.placementId', "is not one of this worker's placements");
    }
  } else if (PLACEMENT_DOCUMENTS.includes(input.type)) {
    throw BadUserInputError.of('input.placementId', `is required for a ${input.type} document`);
  }
  return context.db.transaction(async (tx) => {
    const document = await insertDocument(tx, {
      workerId: worker.id,
      placementId: input.placementId ?? null,
      type: input.type,
      number: input.number ?? null,
      issuer: input.issuer,
      issuedOn: input.issuedOn ?? null,
      validUntil: input.validUntil ?? null,
      recordedBy: context.principal.institutionId,
    });
    await context.audit.wrote(tx, [
      {
        ...recordEntity('Document', document),
        workerDistrictCode: worker.districtCode,
        fields: Object.keys(input),
      },
    ]);
    return document;
  });
}

async function submittedDocument(context: Context, rawId: unknown): Promise<DocumentRow> {
  const id = parseInput(documentId, rawId, 'id');
  const document = await context.loaders.documentById.load(id);
  if (!document) throw new NotFoundError('Document');
  await writableWorker(context, document.workerId);
  if (document.status !== 'SUBMITTED') {
    throw new ConflictError(`This document was already ${document.status.toLowerCase()}.`);
  }
  return document;
}

export async function verifyDocument(context: Context, rawId: unknown): Promise<DocumentRow> {
  const document = await submittedDocument(context, rawId);
  return context.db.transaction(async (tx) => {
    const verified = await updateDocument(tx, document.id, { status: 'VERIFIED', verifiedAt: new Date() });
    await context.audit.wrote(tx, [
      { ...recordEntity('Document', verified), fields: ['status', 'verifiedAt'] },
    ]);
    return verified;
  });
}

export async function rejectDocument(
  context: Context,
  rawId: unknown,
  rawReason: unknown,
): Promise<DocumentRow> {
  const reason = parseInput(rejectionReason, rawReason, 'reason');
  const document = await submittedDocument(context, rawId);
  return context.db.transaction(async (tx) => {
    const rejected = await updateDocument(tx, document.id, { status: 'REJECTED', rejectionReason: reason });
    await context.audit.wrote(tx, [
      { ...recordEntity('Document', rejected), fields: ['status', 'rejectionReason'] },
    ]);
    return rejected;
  });
}
