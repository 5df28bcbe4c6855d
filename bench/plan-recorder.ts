import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import type { SubgraphName } from '../shared/config.js';

/** One subgraph request of a query plan, as the hub's gateway sent it. */
export interface PlannedFetch {
  readonly subgraph: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** A query plan as the floor replays it: stages in sequence, the fetches of a stage in parallel. */
export const floorPlanSchema = z.object({
  workload: z.string(),
  stages: z.array(
    z.array(
      z.object({
        subgraph: z.string(),
        url: z.url(),
        headers: z.record(z.string(), z.string()),
        body: z.string(),
      }),
    ),
  ),
});
export type FloorPlan = z.infer<typeof floorPlanSchema>;

interface TimedFetch extends PlannedFetch {
  readonly startedAt: number;
  readonly endedAt: number;
}

// Hop-by-hop and length headers are the transport's business, not the plan's.
const TRANSPORT_HEADERS = new Set([
  'host',
  'connection',
  'content-length',
  'keep-alive',
  'transfer-encoding',
]);

function planHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (TRANSPORT_HEADERS.has(name) || value === undefined) continue;
    kept[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return kept;
}

/**
 * Groups recorded fetches into stages: a fetch that started before every fetch of the current stage
 * had answered ran in parallel with them; one that started after they all answered waited for them.
 */
export function stagesOf(fetches: readonly TimedFetch[]): PlannedFetch[][] {
  const stages: PlannedFetch[][] = [];
  let stageEnd = -Infinity;
  for (const fetch of [...fetches].sort((left, right) => left.startedAt - right.startedAt)) {
    const { startedAt, endedAt, ...planned } = fetch;
    const current = stages.at(-1);
    if (current && startedAt < stageEnd) {
      current.push(planned);
      stageEnd = Math.max(stageEnd, endedAt);
    } else {
      stages.push([planned]);
      stageEnd = endedAt;
    }
  }
  return stages;
}

/**
 * A pass-through proxy in front of each subgraph that records what a gateway sends: point a hub
 * gateway's subgraph URLs at `proxyUrls`, send one operation, and `take()` its plan.
 */
export async function startPlanRecorder(subgraphUrls: Readonly<Record<SubgraphName, string>>) {
  let recorded: TimedFetch[] = [];
  const servers: Server[] = [];
  const proxyUrls = {} as Record<SubgraphName, string>;
  for (const [name, target] of Object.entries(subgraphUrls) as [SubgraphName, string][]) {
    const server = createServer((request, response) => {
      if (request.method !== 'POST') {
        // Probes (`/ready`) pass through to the subgraph unrecorded: they are not part of a plan.
        void fetch(new URL(request.url ?? '/', target))
          .then(async (answer) => response.writeHead(answer.status).end(await answer.text()))
          .catch(() => response.writeHead(502).end());
        return;
      }
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const headers = planHeaders(request.headers);
        const startedAt = performance.now();
        void fetch(target, { method: 'POST', headers, body })
          .then(async (answer) => {
            const text = await answer.text();
            recorded.push({
              subgraph: name,
              url: target,
              headers,
              body,
              startedAt,
              endedAt: performance.now(),
            });
            response.writeHead(answer.status, { 'content-type': 'application/json' }).end(text);
          })
          .catch((error: unknown) => {
            response.writeHead(502).end(String(error));
          });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    proxyUrls[name] = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  }
  return {
    proxyUrls,
    /** The plan recorded since the last call. */
    take(workload: string): FloorPlan {
      const plan = { workload, stages: stagesOf(recorded) };
      recorded = [];
      return plan;
    },
    close: async () => {
      await Promise.all(
        servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))),
      );
    },
  };
}
