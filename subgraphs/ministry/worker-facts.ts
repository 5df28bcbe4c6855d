import { NotFoundError } from '../../shared/errors.js';
import { levelOfCode, isRegionCodeFormat } from '../../shared/reference/regions.js';
import type { Context } from './context.js';

/**
 * A new case needs the worker's kecamatan (the row rule and the statistics key on it) and the
 * worker's placements (a case may name one). Labour owns both; it is asked through the gateway with
 * the caller's own identity, so it answers only about workers the caller may see.
 */
const WORKER_FACTS = /* GraphQL */ `
  query CaseWorkerFacts($id: ID!) {
    worker(id: $id) {
      id
      districtCode
      placements {
        id
      }
    }
  }
`;

interface WorkerFactsData {
  readonly worker: {
    readonly id: string;
    readonly districtCode: string;
    readonly placements: readonly { readonly id: string }[] | null;
  } | null;
}

export interface WorkerFacts {
  readonly districtCode: string;
  /** Null when labour withheld the placements from this caller. */
  readonly placementIds: readonly string[] | null;
}

/** The worker as the caller may see them; NOT_FOUND when labour does not show them to the caller. */
export async function workerFacts(context: Context, workerId: string): Promise<WorkerFacts> {
  const result = await context.graph.execute<WorkerFactsData>(
    WORKER_FACTS,
    { id: workerId },
    { authorization: context.authorization, meta: context.meta },
  );
  const worker = result.data?.worker ?? null;
  if (!worker) {
    const codes = result.errors.map((error) => error.extensions?.code);
    if (codes.every((code) => code === 'NOT_FOUND' || code === 'FORBIDDEN'))
      throw new NotFoundError('Worker');
    // An outage, not an answer: the error formatter logs it and tells the caller nothing internal.
    throw new Error(`worker lookup through the gateway failed: ${JSON.stringify(result.errors)}`);
  }
  const { districtCode } = worker;
  if (
    typeof districtCode !== 'string' ||
    !isRegionCodeFormat(districtCode) ||
    levelOfCode(districtCode) !== 'DISTRICT'
  ) {
    throw new Error(`labour answered worker ${workerId} with an unusable district code`);
  }
  return { districtCode, placementIds: worker.placements?.map((placement) => placement.id) ?? null };
}
