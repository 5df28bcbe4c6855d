import type { HubStack } from './hub-stack.js';
import { runLoad } from './load.js';
import { peakMemoryMb, type BenchProcess } from './processes.js';
import type { GatewayName, GatewayRun } from './report/types.js';

/** How long and how hard each measured run is. */
export interface RunShape {
  readonly connections: number;
  readonly warmupSeconds: number;
  readonly seconds: number;
}

/** One prepared request of a workload: the body and the headers with a real token. */
export interface PreparedRequest {
  readonly workload: string;
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly write: boolean;
}

const round = (value: number) => Math.round(value * 100) / 100;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The subgraphs' statement total once it has stopped moving (bounded: 10 s at most). */
async function settledStatements(stack: HubStack): Promise<number> {
  let last = await stack.statements();
  for (let attempt = 0; attempt < 40; attempt += 1) {
    await sleep(250);
    const now = await stack.statements();
    if (now === last) return now;
    last = now;
  }
  return last;
}

/**
 * Warm-up, then a bounded measured run of one workload through one running gateway. SQL statements
 * are the subgraphs' `hub_db_statements_total` before and after (once settled), divided by requests sent.
 */
export async function measureRun(
  gateway: GatewayName,
  service: BenchProcess,
  request: PreparedRequest,
  stack: HubStack,
  shape: RunShape,
  workers: number,
): Promise<Omit<GatewayRun, 'sameDataAsHub'>> {
  const load = (seconds: number) =>
    runLoad({
      url: `${service.baseUrl}/graphql`,
      headers: request.headers,
      body: request.body,
      connections: shape.connections,
      seconds,
      freshIdempotencyKey: request.write,
    });
  if (shape.warmupSeconds > 0) await load(shape.warmupSeconds);
  const before = await settledStatements(stack);
  const figures = await load(shape.seconds);
  // Requests still in flight when the run stopped are still being answered by the subgraphs.
  const after = await settledStatements(stack);
  return {
    workload: request.workload,
    gateway,
    workers,
    connections: shape.connections,
    status: 'measured',
    ...figures,
    sqlPerRequest: figures.sent > 0 ? round((after - before) / figures.sent) : null,
    peakMemoryMb: peakMemoryMb(service.pid),
  };
}

/** A row for a gateway that could not be measured, with the reason. */
export function notMeasured(
  gateway: GatewayName,
  workload: string,
  workers: number,
  reason: string,
): GatewayRun {
  return {
    workload,
    gateway,
    workers,
    connections: 0,
    status: 'not measured',
    reason,
    requests: 0,
    rps: 0,
    p50Ms: 0,
    p95Ms: 0,
    p99Ms: 0,
    errors: 0,
    non2xx: 0,
    sqlPerRequest: null,
    peakMemoryMb: null,
    sameDataAsHub: null,
  };
}
