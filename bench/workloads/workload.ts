import type { InstitutionKind } from '../../shared/auth/principal.js';
import type { BenchFixtures } from '../seed/index.js';

/** The institution whose client runs a workload (real tokens of that kind). */
export type BenchActor = 'agency' | 'labourOffice' | 'ministry' | 'university';

export const ACTOR_KIND: Readonly<Record<BenchActor, InstitutionKind>> = {
  agency: 'MINISTRY',
  labourOffice: 'LABOUR_OFFICE',
  ministry: 'MINISTRY',
  university: 'UNIVERSITY',
};

/** Facts a workload needs that only the running graph can tell (e.g. a mentor of a programme). */
export interface LiveFacts {
  readonly mentorId: string | null;
}

/** One kind of request a real user of the hub makes, replayed under load. */
export interface Workload {
  /** Short stable id used in results: `a-agency-lookup`. */
  readonly id: string;
  readonly title: string;
  readonly actor: BenchActor;
  readonly query: string;
  variables(fixtures: BenchFixtures, live: LiveFacts): Record<string, unknown>;
  /** A write: every request is a new event, sent with a fresh idempotency key as a real client would. */
  readonly write: boolean;
  /** Whether peers must answer exactly as the hub does (reads only). */
  readonly compareAnswers: boolean;
}

/** The institution id behind an actor in the seeded data. */
export function institutionOf(actor: BenchActor, fixtures: BenchFixtures): string {
  switch (actor) {
    case 'agency':
    case 'ministry':
      return fixtures.ministryInstitutionId;
    case 'labourOffice':
      return fixtures.labourOffice.institutionId;
    case 'university':
      return fixtures.university.institutionId;
  }
}
