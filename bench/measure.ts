import { cpuPerRequest, sampleCpu } from './cpu.js';
import { statementsOf, type HubStack } from './hub-stack.js';
import { runLoad } from './load.js';
import { peakMemoryMb, type BenchProcess } from './processes.js';
import type { GatewayName, GatewayRun, RoundFigures } from './report/types.js';
import { aggregateRounds } from './rounds.js';
import { startWindowProfiles } from './window-profiler.js';

/** How long and how hard each measured run is. */
export interface RunShape {
  readonly connections: number;
  readonly warmupSeconds: number;
  readonly seconds: number;
  /** Under `--cpu-prof`: where each measured window's profiles of the gateway and subgraphs go. */
  readonly profileDir?: string;
}

/** One prepared request of a workload: the body and the headers with a real token. */
export interface PreparedRequest {
  readonly workload: string;
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly write: boolean;
}

const round2 = (value: number) => Math.round(value * 100) / 100;
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
 * Warm-up, then one bounded measured round of one workload through one running gateway. SQL
 * statements are the subgraphs' `hub_db_statements_total` (plus the floor's own) before and after,
 * once settled; CPU is /proc time of the gateway, each subgraph and every PostgreSQL process over
 * the same window. Both are divided by requests sent: once settled, every request sent has been
 * served, including those the load generator stopped waiting for.
 */
export async function measureRound(
  service: BenchProcess,
  request: PreparedRequest,
  stack: HubStack,
  shape: RunShape,
  round: number,
  options: {
    readonly ownStatements?: boolean;
    /** The contender the window's profiles are filed under (`hub`, `apollo-stock`, `hub-growth-10000`). */
    readonly profileAs?: string;
  } = {},
): Promise<RoundFigures> {
  const load = (seconds: number) =>
    runLoad({
      url: `${service.baseUrl}/graphql`,
      headers: request.headers,
      body: request.body,
      connections: shape.connections,
      seconds,
      freshIdempotencyKey: request.write,
    });
  const statements = async () =>
    (await settledStatements(stack)) + (options.ownStatements ? await statementsOf(service.baseUrl) : 0);
  if (shape.warmupSeconds > 0) await load(shape.warmupSeconds);
  const targets = stack.cpuTargets(service.pid);
  const before = await statements();
  const profiles = shape.profileDir
    ? await startWindowProfiles(
        [
          { name: 'gateway', service },
          ...Object.entries(stack.subgraphProcesses).map(([name, subgraph]) => ({ name, service: subgraph })),
        ],
        shape.profileDir,
        `${request.workload}.${options.profileAs ?? service.label.replace(/-r\d+$/, '')}`,
        `r${round}`,
      )
    : undefined;
  const cpuBefore = await sampleCpu(targets);
  const figures = await load(shape.seconds);
  // Requests still in flight when the run stopped are still being answered by the subgraphs.
  const after = await statements();
  const cpuAfter = await sampleCpu(targets);
  await profiles?.stop();
  return {
    round,
    requests: figures.requests,
    sent: figures.sent,
    rps: figures.rps,
    p50Ms: figures.p50Ms,
    p95Ms: figures.p95Ms,
    p99Ms: figures.p99Ms,
    errors: figures.errors,
    non2xx: figures.non2xx,
    sqlPerRequest: figures.sent > 0 ? round2((after - before) / figures.sent) : null,
    peakMemoryMb: peakMemoryMb(service.pid),
    cpu: figures.requests > 0 ? cpuPerRequest(cpuBefore, cpuAfter, figures.sent) : null,
  };
}

/** Every round of one workload on one gateway as one report row (medians and ranges). */
export async function measureRounds(
  gateway: GatewayName,
  service: BenchProcess,
  request: PreparedRequest,
  stack: HubStack,
  shape: RunShape,
  workers: number,
  rounds: number,
  profileAs: string = gateway,
): Promise<Omit<GatewayRun, 'sameDataAsHub'>> {
  const figures: RoundFigures[] = [];
  for (let index = 1; index <= rounds; index += 1)
    figures.push(await measureRound(service, request, stack, shape, index, { profileAs }));
  return aggregateRounds({
    workload: request.workload,
    gateway,
    workers,
    connections: shape.connections,
    seconds: shape.seconds,
    rounds: figures,
  });
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
