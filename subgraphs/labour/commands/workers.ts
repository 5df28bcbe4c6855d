import { ConflictError } from '../../../shared/errors.js';
import { parentOfCode } from '../../../shared/reference/regions.js';
import { definedOnly, parseInput, uuid } from '../../../shared/validation/input.js';
import { assertCanWriteInRegion, workerNotFound } from '../access.js';
import type { Context } from '../context.js';
import type { WorkerRow, WorkerStatus } from '../db/schema.js';
import { insertWorker, updateWorker as updateWorkerRow, workerHoldingNik } from '../db/queries/workers.js';
import { workerEntity } from '../audit.js';
import { canChangeStatus } from '../lifecycle.js';
import { registerWorkerInput, statusReason, updateWorkerInput } from '../validation.js';

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
  const input = parseInput(registerWorkerInput, rawInput);
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
  const input = parseInput(updateWorkerInput, rawInput);
  await writableWorker(context, id);
  const districtCode = input.villageCode ? districtOfVillage(input.villageCode) : undefined;
  // Moving a worker to a village outside the office's region would hand the record to another
  // office; that transfer is not something one office can do alone.
  if (districtCode) assertCanWriteInRegion(context.principal, districtCode);
  const changes = definedOnly(input);
  return context.db.transaction(async (tx) => {
    const worker = await updateWorkerRow(tx, id, { ...changes, ...(districtCode ? { districtCode } : {}) });
    await context.audit.wrote(tx, [{ ...workerEntity(worker), fields: Object.keys(changes) }]);
    return worker;
  });
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
