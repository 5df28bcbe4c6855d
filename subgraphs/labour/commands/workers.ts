import { BadUserInputError, ConflictError } from '../../../shared/errors.js';
import { parentOfCode } from '../../../shared/reference/regions.js';
import { definedOnly, parseInput, uuid } from '../../../shared/validation/input.js';
import { assertCanWriteInRegion, workerNotFound } from '../access.js';
import type { Context } from '../context.js';
import type { WorkerRow, WorkerStatus } from '../db/schema.js';
import { insertWorker, updateWorker as updateWorkerRow, workerHoldingNik } from '../db/queries/workers.js';
import { workerEntity } from '../audit.js';
import { canChangeStatus } from '../lifecycle.js';
import { lockWorker } from '../db/queries/amendments.js';
import { nikAgreementAfterUpdate } from '../nik-agreement.js';
import { assertUnchangedSince, changesBetween, recordAmendment } from './amendments.js';
import { registerWorkerRecord, statusReason, updateWorkerInput } from '../validation.js';

/** The kecamatan a village lies in (`35.07.11.2008` -> `35.07.11`). */
export function districtOfVillage(villageCode: string): string {
  const district = parentOfCode(villageCode);
  if (!district) throw new Error(`${villageCode} is not a village code`);
  return district;
}

/** A worker the caller may write: visible to them and in their own region; otherwise NOT_FOUND or FORBIDDEN. */
export async function writableWorker(context: Context, workerId: string): Promise<WorkerRow> {
  // An id that is not a UUID names no worker; it must not reach SQL, where it is a type error.
  if (!uuid.safeParse(workerId).success) throw workerNotFound();
  const worker = await context.loaders.workerById.load(workerId);
  if (!worker) throw workerNotFound();
  assertCanWriteInRegion(context.principal, worker.districtCode);
  return worker;
}

export async function registerWorker(context: Context, rawInput: unknown): Promise<WorkerRow> {
  const input = parseInput(registerWorkerRecord, rawInput);
  const districtCode = districtOfVillage(input.villageCode);
  assertCanWriteInRegion(context.principal, districtCode);
  const holder = await workerHoldingNik(context.db, input.nik);
  if (holder) {
    // An office may learn that the person is registered already (a duplicate must be refused),
    // and nothing else: not where, not who. Her own office sees the attempt in her access log.
    await context.audit.refused(context.db, workerEntity(holder), ['nik']);
    throw new ConflictError('A worker with this NIK is already registered with the hub.');
  }
  return context.db.transaction(async (tx) => {
    const worker = await insertWorker(tx, {
      nik: input.nik,
      fullName: input.fullName,
      sex: input.sex,
      birthDate: input.birthDate,
      birthPlace: input.birthPlace,
      maritalStatus: input.maritalStatus,
      education: input.education,
      phone: input.phone ?? null,
      address: input.address,
      villageCode: input.villageCode,
      districtCode,
      status: input.status ?? 'REGISTERED',
      registeredBy: context.principal.institutionId,
    });
    await context.audit.wrote(tx, [{ ...workerEntity(worker), fields: Object.keys(input) }]);
    return worker;
  });
}

export async function updateWorker(context: Context, id: string, rawInput: unknown): Promise<WorkerRow> {
  const { nikIssuedElsewhere, reason, ...input } = parseInput(updateWorkerInput, rawInput);
  const stored = await writableWorker(context, id);
  assertIdentityUnchanged(stored, input);
  const districtCode = input.villageCode ? districtOfVillage(input.villageCode) : undefined;
  // Moving a worker to a village outside the office's region would hand the record to another
  // office; that transfer is not something one office can do alone.
  if (districtCode) assertCanWriteInRegion(context.principal, districtCode);
  assertNikStillAgrees(stored, { ...input, districtCode, nikIssuedElsewhere });
  const changes = { ...definedOnly(input), ...(districtCode ? { districtCode } : {}) };
  const amended = changesBetween(stored, changes);
  return context.db.transaction(async (tx) => {
    assertUnchangedSince(stored, await lockWorker(tx, id), Object.keys(changes));
    const worker = await updateWorkerRow(tx, id, changes);
    // Nothing is overwritten silently: the replaced values stay readable as an amendment.
    if (amended.length > 0)
      await recordAmendment(tx, context, {
        kind: 'WORKER_UPDATED',
        entityType: 'Worker',
        entityId: id,
        workerId: id,
        changes: amended,
        reason: reason ?? null,
      });
    // The officer's statement about the NIK is part of what was written, as at registration.
    const fields = [
      ...Object.keys(definedOnly(input)),
      ...(nikIssuedElsewhere ? ['nikIssuedElsewhere'] : []),
    ];
    await context.audit.wrote(tx, [{ ...workerEntity(worker), fields }]);
    return worker;
  });
}

/** The identity as on the KTP-el, recorded at registration and never changed by `updateWorker`. */
const IDENTITY_ON_KTP = ['fullName', 'birthDate', 'birthPlace'] as const;

/**
 * A recorded name, birth date or birth place is changed only by `correctWorkerIdentity`, which
 * keeps the reason and the civil registry document it rests on. The same value sent back is fine.
 */
function assertIdentityUnchanged(
  stored: WorkerRow,
  input: { readonly [K in (typeof IDENTITY_ON_KTP)[number]]?: string | null | undefined },
): void {
  const changed = IDENTITY_ON_KTP.find(
    (field) => input[field] !== undefined && input[field] !== stored[field],
  );
  if (changed)
    throw BadUserInputError.of(
      `input.${changed}`,
      'is recorded as on the KTP-el; correct it with correctWorkerIdentity, which keeps the reason and the supporting document',
    );
}

/**
 * An update may not leave a record whose NIK disagrees with it. The NIK is not part of the update,
 * so the error names the field that made the disagreement: the one the officer can fix here.
 */
function assertNikStillAgrees(
  stored: WorkerRow,
  changes: {
    birthDate?: string | undefined;
    districtCode?: string | undefined;
    nikIssuedElsewhere?: boolean | null | undefined;
  },
): void {
  const problem = nikAgreementAfterUpdate(stored, changes);
  if (!problem) return;
  const field =
    changes.birthDate !== undefined && nikAgreementAfterUpdate(stored, { birthDate: changes.birthDate })
      ? 'input.birthDate'
      : 'input.villageCode';
  throw BadUserInputError.of(
    field,
    `disagrees with the worker's NIK: ${problem.message} (a wrong NIK is corrected with correctWorkerIdentity)`,
  );
}

export async function changeWorkerStatus(
  context: Context,
  id: string,
  status: WorkerStatus,
  rawReason: unknown,
): Promise<WorkerRow> {
  parseInput(statusReason, rawReason, 'reason');
  const worker = await writableWorker(context, id);
  if (worker.status === status) return worker;
  if (!canChangeStatus(worker.status, status)) {
    throw new ConflictError(`A worker cannot move from ${worker.status} to ${status} by hand.`);
  }
  return context.db.transaction(async (tx) => {
    const updated = await updateWorkerRow(tx, id, { status });
    await context.audit.wrote(tx, [{ ...workerEntity(updated), fields: ['status'] }]);
    return updated;
  });
}
