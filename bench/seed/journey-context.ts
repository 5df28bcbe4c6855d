import type { Course } from './courses.js';
import type { Directory } from './directory.js';
import { DAY_MS, isoInstant } from './random.js';

// What the stages of a worker's story share: the directory, running counters, and the compact
// facts later passes (access log, fixtures) need about every worker.

/** What the access log and the fixtures need to know about every worker, kept compactly. */
export interface WorkerFacts {
  /** Index of the training provider the worker consented to, or -1. */
  readonly provider: Int16Array;
  /** Index of the university the worker consented to, or -1. */
  readonly university: Int16Array;
  /** Global index of the worker's case, or -1. */
  readonly caseIndex: Int32Array;
  /** Day the worker's case was opened (when there is one). */
  readonly caseOpened: Int32Array;
  readonly district: Uint16Array;
}

export interface JourneyContext {
  readonly directory: Directory;
  readonly courses: ReadonlyMap<number, Course[]>;
  readonly facts: WorkerFacts;
  /** Running numbers for references that must be unique across the seed. */
  readonly counters: { cases: number; certificates: number; sessions: number };
}

/** An instant on a day at a local (WIB, UTC+7) hour. */
export const at = (day: number, hour: number) => isoInstant(day * DAY_MS + (hour - 7) * 3_600_000);

export interface Consent {
  readonly id: string;
  readonly granted: number;
  readonly expires: number | null;
  readonly revoked: number | null;
}
