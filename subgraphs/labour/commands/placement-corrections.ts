import { BadUserInputError } from '../../../shared/errors.js';
import { todayInJakarta } from '../../../shared/scalars.js';
import { definedOnly, parseInput } from '../../../shared/validation/input.js';
import { recordEntity, workerEntity } from '../audit.js';
import { amendPlacementInput, correctionReason } from '../amendment-validation.js';
import type { Context } from '../context.js';
import {
  assertCancellable,
  assertPlacementCorrection,
  PLAN_FIELDS,
  statusAfterCancel,
  type PlacementCorrection,
} from '../corrections.js';
import type { AmendedValue, PlacementRow, WorkerRow } from '../db/schema.js';
import { updatePlacement } from '../db/queries/records.js';
import { updateWorker } from '../db/queries/workers.js';
import { eventDate } from '../validation.js';
import { lockPlacement } from '../db/queries/amendments.js';
import { assertUnchangedSince, changesBetween, recordAmendment, type AmendmentFacts } from './amendments.js';
import { writablePlacement } from './placements.js';
import { writableWorker } from './workers.js';

// Corrections of a placement (README, "Corrections"): each keeps the values it replaced as an
// amendment, is a WRITE in the access log, and commits with both or not at all.

/** GraphQL names of the placement's columns where they differ (an id column is its entity field). */
const GRAPHQL_NAME: Readonly<Record<string, string>> = { agencyId: 'agency', jobOrderId: 'jobOrder' };
const graphQLName = (column: string) => GRAPHQL_NAME[column] ?? column;

function correctionOf(column: string): PlacementCorrection {
  return (PLAN_FIELDS as readonly string[]).includes(column) ? 'plan' : 'contract';
}

/** Applies the changes, keeps the amendment and logs the write, in one transaction. */
async function amend(
  context: Context,
  placement: PlacementRow,
  changes: Partial<PlacementRow>,
  amendment: Omit<AmendmentFacts, 'entityType' | 'entityId' | 'workerId'>,
  workerStatus?: WorkerRow['status'],
): Promise<PlacementRow> {
  const worker = await writableWorker(context, placement.workerId);
  return context.db.transaction(async (tx) => {
    assertUnchangedSince(placement, await lockPlacement(tx, placement.id), Object.keys(changes));
    const updated = await updatePlacement(tx, placement.id, changes);
    await recordAmendment(tx, context, {
      ...amendment,
      entityType: 'Placement',
      entityId: placement.id,
      workerId: placement.workerId,
    });
    const movesWorker = workerStatus !== undefined && workerStatus !== worker.status;
    if (movesWorker) await updateWorker(tx, worker.id, { status: workerStatus });
    await context.audit.wrote(tx, [
      {
        ...recordEntity('Placement', updated),
        workerDistrictCode: worker.districtCode,
        fields: amendment.changes.map((change) => change.field),
      },
      ...(movesWorker ? [{ ...workerEntity(worker), fields: ['status'] }] : []),
    ]);
    return updated;
  });
}

function nothingToCorrect(field: string): BadUserInputError {
  return BadUserInputError.of(field, 'changes nothing: every value given is the one already recorded');
}

/** The placement as amended must still hold together, as it had to when it was created. */
function assertAmendedPlacementHolds(merged: PlacementRow, given: Partial<PlacementRow>): void {
  const departure = merged.departureDate ?? merged.plannedDepartureDate;
  if (departure && merged.expectedReturnDate && merged.expectedReturnDate < departure) {
    throw 'expectedReturnDate' in given
      ? BadUserInputError.of('input.expectedReturnDate', `must not be before the departure date ${departure}`)
      : BadUserInputError.of(
          'input.plannedDepartureDate',
          `must not be after the expected return date ${merged.expectedReturnDate}`,
        );
  }
  if ((merged.monthlyWage === null) !== (merged.wageCurrency === null)) {
    const field = 'wageCurrency' in given ? 'input.wageCurrency' : 'input.monthlyWage';
    throw BadUserInputError.of(field, 'monthlyWage and wageCurrency go together: give both, or clear both');
  }
  if (merged.scheme === 'PRIVATE_AGENCY' && merged.channel === 'PROCEDURAL' && merged.agencyId === null) {
    throw BadUserInputError.of('input.agencyId', 'is required for a placement through an agency');
  }
}

export async function amendPlacement(context: Context, rawId: unknown, rawInput: unknown) {
  const { reason, ...wanted } = parseInput(amendPlacementInput, rawInput);
  const placement = await writablePlacement(context, rawId);
  const given = definedOnly(wanted) as Partial<PlacementRow>;
  const changes = changesBetween(placement, given, graphQLName);
  if (changes.length === 0) throw nothingToCorrect('input');
  // Only what actually changes is held to the status rule: a form sent back whole is fine.
  for (const column of Object.keys(given)) {
    if (changes.some((change) => change.field === graphQLName(column)))
      assertPlacementCorrection(correctionOf(column), placement);
  }
  assertAmendedPlacementHolds({ ...placement, ...given }, given);
  return amend(context, placement, given, { kind: 'PLACEMENT_AMENDED', changes, reason });
}

export async function cancelPlacement(context: Context, rawId: unknown, rawReason: unknown) {
  const reason = parseInput(correctionReason, rawReason, 'reason');
  const placement = await writablePlacement(context, rawId);
  assertCancellable(placement, todayInJakarta());
  const worker = await writableWorker(context, placement.workerId);
  // A cancelled placement is no departure: the date goes (the amendment keeps it), so statistics
  // and the compliance check see none.
  const placementChanges: Partial<PlacementRow> = { status: 'CANCELLED', departureDate: null };
  const changes = changesBetween(placement, placementChanges);
  return amend(
    context,
    placement,
    placementChanges,
    { kind: 'PLACEMENT_CANCELLED', changes, reason },
    statusAfterCancel(placement, worker.status),
  );
}

export async function correctDeparture(
  context: Context,
  rawId: unknown,
  rawDate: unknown,
  rawReason: unknown,
) {
  const departedOn = parseInput(eventDate, rawDate, 'departedOn');
  const reason = parseInput(correctionReason, rawReason, 'reason');
  const placement = await writablePlacement(context, rawId);
  assertPlacementCorrection('departure', placement);
  if (placement.arrivalDate && departedOn > placement.arrivalDate)
    throw BadUserInputError.of(
      'departedOn',
      `must not be after the recorded arrival on ${placement.arrivalDate}`,
    );
  if (placement.actualReturnDate && departedOn > placement.actualReturnDate)
    throw BadUserInputError.of(
      'departedOn',
      `must not be after the recorded return on ${placement.actualReturnDate}`,
    );
  const changes = changesBetween(placement, { departureDate: departedOn });
  if (changes.length === 0) throw nothingToCorrect('departedOn');
  return amend(
    context,
    placement,
    { departureDate: departedOn },
    { kind: 'DEPARTURE_CORRECTED', changes, reason },
  );
}

export async function correctReturn(
  context: Context,
  rawId: unknown,
  corrected: { returnedOn: unknown; returnReason: PlacementRow['returnReason'] | undefined },
  rawReason: unknown,
) {
  const returnedOn = parseInput(eventDate.nullish(), corrected.returnedOn, 'returnedOn');
  const reason = parseInput(correctionReason, rawReason, 'reason');
  if (returnedOn == null && corrected.returnReason == null)
    throw BadUserInputError.of('returnedOn', 'give returnedOn, returnReason or both: nothing to correct');
  const placement = await writablePlacement(context, rawId);
  assertPlacementCorrection('return', placement);
  const since = placement.arrivalDate ?? placement.departureDate;
  if (returnedOn && since && returnedOn < since)
    throw BadUserInputError.of(
      'returnedOn',
      `must not be before the recorded departure or arrival on ${since}`,
    );
  const wanted: Partial<PlacementRow> = definedOnly({
    actualReturnDate: returnedOn ?? undefined,
    returnReason: corrected.returnReason ?? undefined,
  });
  const changes: AmendedValue[] = changesBetween(placement, wanted);
  if (changes.length === 0) throw nothingToCorrect(returnedOn ? 'returnedOn' : 'returnReason');
  return amend(context, placement, wanted, { kind: 'RETURN_CORRECTED', changes, reason });
}
