import { ConflictError } from '../../../shared/errors.js';
import { parseInput } from '../../../shared/validation/input.js';
import { assertCanUpdateCases, caseNotFound } from '../access.js';
import { caseEntity } from '../audit.js';
import { acceptsNotes, canChangeCaseStatus, canResolve } from '../case-lifecycle.js';
import type { Context } from '../context.js';
import type { CaseRow, CaseStatus } from '../db/schema.js';
import { insertNote, updateCase } from '../db/queries/cases.js';
import { id as caseIdSchema, newCaseStatus, noteText, resolveCaseInput } from '../validation.js';

/** A case the caller may update: the ministry's, and visible through the row rule. */
async function updatableCase(context: Context, rawId: unknown): Promise<CaseRow> {
  const id = parseInput(caseIdSchema, rawId, 'caseId');
  assertCanUpdateCases(context.principal);
  const found = await context.loaders.caseById.load(id);
  if (!found) throw caseNotFound();
  return found;
}

/** Later fields of the same request (a sanction's `case`, say) see the case as it now is. */
function remember(context: Context, updated: CaseRow): CaseRow {
  context.loaders.caseById.clear(updated.id).prime(updated.id, updated);
  return updated;
}

/** Adds a note and marks the case as touched, together. */
export async function addCaseNote(context: Context, rawId: unknown, rawText: unknown): Promise<CaseRow> {
  const text = parseInput(noteText, rawText, 'text');
  const found = await updatableCase(context, rawId);
  if (!acceptsNotes(found.status)) throw new ConflictError('This case is closed; no notes can be added.');
  const updated = await context.db.transaction(async (tx) => {
    await insertNote(tx, {
      caseId: found.id,
      at: new Date(),
      authorInstitutionId: context.principal.institutionId,
      text,
    });
    const touched = await updateCase(tx, found.id, {});
    await context.audit.wrote(tx, [{ ...caseEntity(touched), fields: ['notes'] }]);
    return touched;
  });
  return remember(context, updated);
}

export async function changeCaseStatus(
  context: Context,
  rawId: unknown,
  rawStatus: unknown,
): Promise<CaseRow> {
  const status: CaseStatus = parseInput(newCaseStatus, rawStatus, 'status');
  const found = await updatableCase(context, rawId);
  if (found.status === status) return found;
  if (status === 'RESOLVED') {
    throw new ConflictError('A case is resolved with resolveCase, which records the outcome.');
  }
  if (!canChangeCaseStatus(found.status, status)) {
    throw new ConflictError(`A case cannot move from ${found.status} to ${status}.`);
  }
  const updated = await context.db.transaction(async (tx) => {
    const changed = await updateCase(tx, found.id, { status });
    await context.audit.wrote(tx, [{ ...caseEntity(changed), fields: ['status'] }]);
    return changed;
  });
  return remember(context, updated);
}

export async function resolveCase(context: Context, rawId: unknown, rawInput: unknown): Promise<CaseRow> {
  const input = parseInput(resolveCaseInput, rawInput);
  const found = await updatableCase(context, rawId);
  if (!canResolve(found.status)) {
    throw new ConflictError(`This case is already ${found.status.toLowerCase()}.`);
  }
  const updated = await context.db.transaction(async (tx) => {
    const resolved = await updateCase(tx, found.id, {
      status: 'RESOLVED',
      resolutionOutcome: input.outcome,
      resolutionSummary: input.summary,
      resolvedAt: new Date(),
    });
    await context.audit.wrote(tx, [{ ...caseEntity(resolved), fields: ['resolution', 'status'] }]);
    return resolved;
  });
  return remember(context, updated);
}
