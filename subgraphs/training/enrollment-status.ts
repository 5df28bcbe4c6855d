import type { EnrollmentStatus } from './db/schema.js';

/**
 * Moves a registrar may record. COMPLETED and WITHDRAWN are final: a withdrawn worker who comes
 * back enrols again (and takes a place again). A FAILED worker may sit a remedial round.
 */
const TRANSITIONS: Readonly<Record<EnrollmentStatus, readonly EnrollmentStatus[]>> = {
  ENROLLED: ['IN_PROGRESS', 'COMPLETED', 'FAILED', 'WITHDRAWN'],
  IN_PROGRESS: ['COMPLETED', 'FAILED', 'WITHDRAWN'],
  FAILED: ['IN_PROGRESS'],
  COMPLETED: [],
  WITHDRAWN: [],
};

export function canMoveEnrollment(from: EnrollmentStatus, to: EnrollmentStatus): boolean {
  return from === to || TRANSITIONS[from].includes(to);
}

/** Statuses that close a course for the worker and carry the day it closed. */
export const FINISHED: readonly EnrollmentStatus[] = ['COMPLETED', 'FAILED'];

/** Whether a record in this status may still be edited at all. */
export function isEditable(status: EnrollmentStatus): boolean {
  return status !== 'WITHDRAWN';
}
