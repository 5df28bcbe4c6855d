import type { MentoringProgramRow } from './db/schema.js';

/** A worker as this subgraph knows it: the key only. The labour subgraph owns the person. */
export interface WorkerReference {
  readonly id: string;
  /**
   * Kecamatan of domicile, as the gateway sends it in the representation for
   * `universityAccessEvents` (`@requires`); decides which labour office may read the log.
   */
  readonly districtCode?: string | null;
  /** A session participant's district snapshot, for the access log only; never served. */
  readonly knownDistrictCode?: string;
}

/** A session belongs to its programme's run: not before the start, not after the end when there is one. */
export function sessionDateProblem(program: MentoringProgramRow, date: string): string | null {
  if (date < program.startDate) return `must not be before the programme starts (${program.startDate})`;
  if (program.endDate !== null && date > program.endDate)
    return `must not be after the programme ends (${program.endDate})`;
  return null;
}

/**
 * The participants' district snapshot, one per worker, from their consent facts (latest grant
 * first). Returns null when any participant lacks an active consent, without saying which: an
 * unknown worker and a non-consenting one must look the same to the caller.
 */
export function participantDistricts(
  participantIds: readonly string[],
  activeFacts: readonly { readonly workerId: string; readonly workerDistrictCode: string }[],
): { workerId: string; workerDistrictCode: string }[] | null {
  const districtByWorker = new Map<string, string>();
  for (const fact of activeFacts) {
    if (!districtByWorker.has(fact.workerId)) districtByWorker.set(fact.workerId, fact.workerDistrictCode);
  }
  const participants = participantIds.map((workerId) => ({
    workerId,
    workerDistrictCode: districtByWorker.get(workerId),
  }));
  if (participants.some((participant) => participant.workerDistrictCode === undefined)) return null;
  return participants as { workerId: string; workerDistrictCode: string }[];
}
