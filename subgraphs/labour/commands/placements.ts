import { BadUserInputError, ConflictError, NotFoundError } from '../../../shared/errors.js';
import { parseInput } from '../../../shared/validation/input.js';
import type { Context } from '../context.js';
import type { PlacementRow, WorkerStatus } from '../db/schema.js';
import { insertPlacement, updatePlacement } from '../db/queries/records.js';
import { updateWorker } from '../db/queries/workers.js';
import { recordEntity, workerEntity } from '../audit.js';
import { DEPARTABLE } from '../lifecycle.js';
import { createPlacementInput, eventDate, id as placementIdSchema } from '../validation.js';
import { writableWorker } from './workers.js';

const OPEN_PLACEMENT: readonly PlacementRow['status'][] = ['PLANNED', 'DEPARTED', 'ABROAD'];

export async function createPlacement(context: Context, rawInput: unknown): Promise<PlacementRow> {
  const input = parseInput(createPlacementInput, rawInput);
  const worker = await writableWorker(context, input.workerId);
  const channel = input.channel ?? 'PROCEDURAL';
  const existing = await context.loaders.placementsByWorkerId.load(worker.id);
  if (channel === 'PROCEDURAL' && existing.some((placement) => OPEN_PLACEMENT.includes(placement.status))) {
    throw new ConflictError('This worker already has a placement that is planned or in progress.');
  }
  return context.db.transaction(async (tx) => {
    const placement = await insertPlacement(tx, {
      workerId: worker.id,
      agencyId: input.agencyId ?? null,
      jobOrderId: input.jobOrderId ?? null,
      scheme: input.scheme,
      channel,
      destinationCountry: input.destinationCountry,
      employerName: input.employerName ?? null,
      occupation: input.occupation,
      sector: input.sector,
      contractMonths: input.contractMonths ?? null,
      monthlyWage: input.monthlyWage ?? null,
      wageCurrency: input.wageCurrency ?? null,
      status: 'PLANNED',
      plannedDepartureDate: input.plannedDepartureDate ?? null,
      expectedReturnDate: input.expectedReturnDate ?? null,
      createdBy: context.principal.institutionId,
    });
    // A departure discovered outside the legal process marks the worker as non-procedural.
    if (channel === 'NON_PROCEDURAL') await updateWorker(tx, worker.id, { status: 'NON_PROCEDURAL' });
    await context.audit.wrote(tx, [
      {
        ...recordEntity('Placement', placement),
        workerDistrictCode: worker.districtCode,
        fields: Object.keys(input),
      },
      ...(channel === 'NON_PROCEDURAL' ? [{ ...workerEntity(worker), fields: ['status'] }] : []),
    ]);
    return placement;
  });
}

/** A placement the caller may write: its worker is visible to them and in their own region. */
export async function writablePlacement(context: Context, rawId: unknown): Promise<PlacementRow> {
  const id = parseInput(placementIdSchema, rawId, 'placementId');
  const placement = await context.loaders.placementById.load(id);
  if (!placement) throw new NotFoundError('Placement');
  await writableWorker(context, placement.workerId);
  return placement;
}

/** Moves placement and worker together, in one transaction. */
async function advance(
  context: Context,
  placement: PlacementRow,
  placementChanges: Partial<PlacementRow>,
  workerStatus: WorkerStatus,
): Promise<PlacementRow> {
  return context.db.transaction(async (tx) => {
    const updated = await updatePlacement(tx, placement.id, placementChanges);
    const worker = await updateWorker(tx, placement.workerId, { status: workerStatus });
    await context.audit.wrote(tx, [
      {
        ...recordEntity('Placement', updated),
        workerDistrictCode: worker.districtCode,
        fields: Object.keys(placementChanges),
      },
      { ...workerEntity(worker), fields: ['status'] },
    ]);
    return updated;
  });
}

export async function recordDeparture(
  context: Context,
  rawId: unknown,
  rawDate: unknown,
): Promise<PlacementRow> {
  const departedOn = parseInput(eventDate, rawDate, 'departedOn');
  const placement = await writablePlacement(context, rawId);
  if (placement.status !== 'PLANNED')
    throw new ConflictError(`This placement is already ${placement.status.toLowerCase()}.`);
  const worker = await writableWorker(context, placement.workerId);
  if (placement.channel === 'PROCEDURAL' && !DEPARTABLE.includes(worker.status)) {
    throw new ConflictError(
      `A worker must be VERIFIED before a procedural departure; this one is ${worker.status}.`,
    );
  }
  const status = placement.channel === 'NON_PROCEDURAL' ? 'NON_PROCEDURAL' : 'DEPARTED';
  return advance(context, placement, { status: 'DEPARTED', departureDate: departedOn }, status);
}

export async function recordArrival(
  context: Context,
  rawId: unknown,
  rawDate: unknown,
): Promise<PlacementRow> {
  const arrivedOn = parseInput(eventDate, rawDate, 'arrivedOn');
  const placement = await writablePlacement(context, rawId);
  if (placement.status !== 'DEPARTED')
    throw new ConflictError('Only a departed placement can record an arrival.');
  if (placement.departureDate && arrivedOn < placement.departureDate) {
    throw BadUserInputError.of('arrivedOn', 'must not be before the departure date');
  }
  const status = placement.channel === 'NON_PROCEDURAL' ? 'NON_PROCEDURAL' : 'ABROAD';
  return advance(context, placement, { status: 'ABROAD', arrivalDate: arrivedOn }, status);
}

export async function recordReturn(
  context: Context,
  rawId: unknown,
  rawDate: unknown,
  reason: NonNullable<PlacementRow['returnReason']>,
): Promise<PlacementRow> {
  const returnedOn = parseInput(eventDate, rawDate, 'returnedOn');
  const placement = await writablePlacement(context, rawId);
  if (placement.status !== 'DEPARTED' && placement.status !== 'ABROAD') {
    throw new ConflictError('Only a placement in progress can record a return.');
  }
  const since = placement.arrivalDate ?? placement.departureDate;
  if (since && returnedOn < since)
    throw BadUserInputError.of('returnedOn', 'must not be before departure or arrival');
  return advance(
    context,
    placement,
    { status: 'RETURNED', actualReturnDate: returnedOn, returnReason: reason },
    'RETURNED',
  );
}
