import { ConflictError } from '../../shared/errors.js';
import type { PlacementRow, WorkerStatus } from './db/schema.js';

// What may be corrected after which status, one small rule per entity (README, "Corrections").
// A refusal is CONFLICT and says what is allowed instead.

type PlacementStatus = PlacementRow['status'];

/** Fields of the plan: they stop meaning anything once the worker has left. */
export const PLAN_FIELDS = ['plannedDepartureDate', 'destinationCountry', 'agencyId', 'jobOrderId'] as const;

/** Fields of the contract: a new employment agreement abroad changes them. */
export const CONTRACT_FIELDS = [
  'employerName',
  'occupation',
  'sector',
  'contractMonths',
  'monthlyWage',
  'wageCurrency',
  'expectedReturnDate',
] as const;

export type AmendableField = (typeof PLAN_FIELDS)[number] | (typeof CONTRACT_FIELDS)[number];
export type PlacementCorrection = 'plan' | 'contract' | 'cancel' | 'departure' | 'return';

/** Placement statuses in which each kind of correction is allowed. Nothing is corrected on CANCELLED. */
export const placementCorrections: Readonly<Record<PlacementCorrection, readonly PlacementStatus[]>> = {
  plan: ['PLANNED'],
  contract: ['PLANNED', 'DEPARTED', 'ABROAD'],
  // DEPARTED only within CANCEL_AFTER_DEPARTURE_DAYS and before an arrival (see `assertCancellable`).
  cancel: ['PLANNED', 'DEPARTED'],
  departure: ['DEPARTED', 'ABROAD', 'RETURNED'],
  return: ['RETURNED'],
};

/** A departure recorded for a worker turned back at the airport may be cancelled this long after it. */
export const CANCEL_AFTER_DEPARTURE_DAYS = 14;

const WHAT: Readonly<Record<PlacementCorrection, string>> = {
  plan: 'Plan fields (planned departure, destination, agency, job order) can be amended',
  contract:
    'Contract fields (employer, occupation, sector, wage, contract length, expected return) can be amended',
  cancel: 'A placement can be cancelled',
  departure: 'A departure date can be corrected',
  return: 'A return can be corrected',
};

function listed(statuses: readonly string[]): string {
  return statuses.length === 1
    ? (statuses[0] ?? '')
    : `${statuses.slice(0, -1).join(', ')} or ${statuses.at(-1)}`;
}

/** Throws CONFLICT naming what is allowed when a correction does not fit the placement's status. */
export function assertPlacementCorrection(correction: PlacementCorrection, placement: PlacementRow): void {
  const allowed = placementCorrections[correction];
  if (allowed.includes(placement.status)) return;
  const state = placement.status === 'CANCELLED' ? 'cancelled: nothing on it can change' : placement.status;
  throw new ConflictError(
    `${WHAT[correction]} only while the placement is ${listed(allowed)}; this one is ${state}.`,
  );
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Cancelling a departed placement says the worker never left: only shortly after, and before any arrival. */
export function assertCancellable(placement: PlacementRow, today: string): void {
  assertPlacementCorrection('cancel', placement);
  if (placement.status !== 'DEPARTED') return;
  const recent =
    placement.departureDate !== null &&
    daysBetween(placement.departureDate, today) <= CANCEL_AFTER_DEPARTURE_DAYS;
  if (!recent || placement.arrivalDate !== null) {
    throw new ConflictError(
      `A departed placement can be cancelled only within ${CANCEL_AFTER_DEPARTURE_DAYS} days of the departure and before an arrival; ` +
        'correct the departure date with correctDeparture or record the return with recordReturn instead.',
    );
  }
}

/**
 * Where the worker stands once a placement is called off: a procedural departure that did not
 * happen leaves her as verified as she was before it; a non-procedural record that was wrong
 * leaves her registered. A worker the placement never moved stays where she is.
 */
export function statusAfterCancel(placement: PlacementRow, worker: WorkerStatus): WorkerStatus {
  if (placement.channel === 'NON_PROCEDURAL' && worker === 'NON_PROCEDURAL') return 'REGISTERED';
  if (worker === 'DEPARTED') return 'VERIFIED';
  return worker;
}

/** Identity fields `correctWorkerIdentity` may change. */
export const IDENTITY_FIELDS = ['nik', 'fullName', 'sex', 'birthDate', 'birthPlace'] as const;
export type IdentityField = (typeof IDENTITY_FIELDS)[number];

/**
 * Worker statuses in which each identity field may be corrected: all of them. The person's
 * identity is a fact of the civil registry, whatever her migration status; the supporting
 * document, not the status, is what a correction needs.
 */
export const workerCorrections: Readonly<Record<IdentityField, 'any status' | readonly WorkerStatus[]>> = {
  nik: 'any status',
  fullName: 'any status',
  sex: 'any status',
  birthDate: 'any status',
  birthPlace: 'any status',
};

/** Civil registry documents an identity correction may rest on. */
export const IDENTITY_DOCUMENTS = ['NATIONAL_ID', 'FAMILY_CARD', 'BIRTH_CERTIFICATE'] as const;

/** Throws CONFLICT when an identity field may not be corrected in the worker's status. */
export function assertIdentityCorrection(field: IdentityField, status: WorkerStatus): void {
  const allowed = workerCorrections[field];
  if (allowed === 'any status' || allowed.includes(status)) return;
  throw new ConflictError(
    `A worker's ${field} can be corrected only while the worker is ${listed(allowed)}; this one is ${status}.`,
  );
}
