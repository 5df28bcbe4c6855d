import type { CaseStatus } from './db/schema.js';

/**
 * Moves an officer may make with `changeCaseStatus`. RESOLVED is reached only through
 * `resolveCase`, which records the outcome; CLOSED only from RESOLVED, and CLOSED is final.
 */
const MANUAL_TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  OPEN: ['IN_PROGRESS', 'REFERRED'],
  IN_PROGRESS: ['REFERRED'],
  // A case referred to another body comes back to the ministry's desk when that body is done.
  REFERRED: ['IN_PROGRESS'],
  RESOLVED: ['CLOSED'],
  CLOSED: [],
};

export function canChangeCaseStatus(from: CaseStatus, to: CaseStatus): boolean {
  return MANUAL_TRANSITIONS[from].includes(to);
}

/** Statuses from which a case can be resolved. */
export function canResolve(status: CaseStatus): boolean {
  return status === 'OPEN' || status === 'IN_PROGRESS' || status === 'REFERRED';
}

/** A closed case is history: nothing more is added to it. */
export function acceptsNotes(status: CaseStatus): boolean {
  return status !== 'CLOSED';
}
