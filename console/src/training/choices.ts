import type { CourseKind, EnrollmentStatus } from '../graphql/__generated__/graphql.js';

/** The values of the training contract's enums the registrar's forms offer, in the contract's order. */
export const COURSE_KINDS: readonly CourseKind[] = ['LANGUAGE', 'SKILL', 'PRE_DEPARTURE', 'ENTREPRENEURSHIP'];

/**
 * Where an enrolment may move next, as the training service allows it (COMPLETED and WITHDRAWN
 * are final; a failed worker may sit a remedial round). The service decides again on every write.
 */
export const ENROLLMENT_MOVES: Readonly<Record<EnrollmentStatus, readonly EnrollmentStatus[]>> = {
  ENROLLED: ['IN_PROGRESS', 'COMPLETED', 'FAILED', 'WITHDRAWN'],
  IN_PROGRESS: ['COMPLETED', 'FAILED', 'WITHDRAWN'],
  FAILED: ['IN_PROGRESS'],
  COMPLETED: [],
  WITHDRAWN: [],
};

/** Statuses that close a course for the worker and carry the day it closed. */
export const FINISHED: readonly EnrollmentStatus[] = ['COMPLETED', 'FAILED'];
