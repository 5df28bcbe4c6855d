import { randomUUID } from 'node:crypto';
import type { GraphResult } from '../../../shared/http/graph-client.js';
import { isWithinRegion } from '../../../shared/reference/regions.js';
import type { GraphCall } from '../../../shared/testing/subgraph-harness.js';

interface StandInWorker {
  readonly districtCode: string;
  readonly placementIds: readonly string[];
}

/**
 * Answers the ministry's narrow call `worker(id) { id districtCode placements { id } }` the way
 * labour would: from the caller's own token, showing a labour office only its region's workers and
 * the ministry all of them. A worker added with `failing` makes the gateway report an outage.
 */
export function labourStandIn() {
  const workers = new Map<string, StandInWorker>();
  const failing = new Set<string>();

  function claimsOf(authorization: string): { institution_kind?: string; region_code?: string | null } {
    const payload = authorization.replace(/^Bearer /, '').split('.')[1] ?? '';
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      institution_kind?: string;
      region_code?: string | null;
    };
  }

  return {
    /** Registers a worker with labour; returns the new worker's id. */
    addWorker(districtCode = '35.07.11', placementIds: readonly string[] = [randomUUID()]): string {
      const id = randomUUID();
      workers.set(id, { districtCode, placementIds });
      return id;
    },
    /** A worker whose lookup fails as if labour were down. */
    addUnreachableWorker(): string {
      const id = randomUUID();
      failing.add(id);
      return id;
    },
    placementsOf(id: string): readonly string[] {
      return workers.get(id)?.placementIds ?? [];
    },
    answer(call: GraphCall): GraphResult<unknown> {
      const id = String(call.variables['id']);
      if (failing.has(id)) {
        return {
          data: null,
          errors: [{ message: 'labour unavailable', extensions: { code: 'SUBREQUEST_HTTP_ERROR' } }],
        };
      }
      const worker = workers.get(id);
      const claims = claimsOf(call.authorization);
      const visible =
        worker !== undefined &&
        (claims.institution_kind === 'MINISTRY' ||
          (claims.institution_kind === 'LABOUR_OFFICE' &&
            typeof claims.region_code === 'string' &&
            isWithinRegion(worker.districtCode, claims.region_code)));
      if (!visible) return { data: { worker: null }, errors: [] };
      return {
        data: {
          worker: {
            id,
            districtCode: worker.districtCode,
            placements: worker.placementIds.map((placementId) => ({ id: placementId })),
          },
        },
        errors: [],
      };
    },
  };
}
