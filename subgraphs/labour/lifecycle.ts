import type { WorkerStatus } from './db/schema.js';

/**
 * Moves an officer may make by hand. Departure, arrival and return are recorded on the placement
 * and move the worker with it (see `placementDrivenStatus`).
 */
const MANUAL_TRANSITIONS: Readonly<Record<WorkerStatus, readonly WorkerStatus[]>> = {
  PROSPECTIVE: ['REGISTERED', 'WITHDRAWN'],
  REGISTERED: ['VERIFIED', 'WITHDRAWN', 'NON_PROCEDURAL'],
  VERIFIED: ['REGISTERED', 'WITHDRAWN', 'NON_PROCEDURAL'],
  DEPARTED: ['NON_PROCEDURAL'],
  ABROAD: ['NON_PROCEDURAL'],
  // A returnee who wants to go again registers again (re-migration).
  RETURNED: ['REGISTERED'],
  WITHDRAWN: ['REGISTERED'],
  NON_PROCEDURAL: ['RETURNED', 'REGISTERED'],
};

export function canChangeStatus(from: WorkerStatus, to: WorkerStatus): boolean {
  return MANUAL_TRANSITIONS[from].includes(to);
}

/** Worker statuses from which a placement may depart. */
export const DEPARTABLE: readonly WorkerStatus[] = ['VERIFIED'];
