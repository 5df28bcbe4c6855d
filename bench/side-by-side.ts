import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../shared/testing/ports.js';
import { answerDifference, answerProblem, ask, type Answer } from './compare.js';
import { startContender } from './contenders.js';
import { measureRun, notMeasured, type PreparedRequest, type RunShape } from './measure.js';
import { startPlanRecorder } from './plan-recorder.js';
import type { GatewayName, GatewayRun } from './report/types.js';
import type { Session } from './session.js';

type Log = (message: string) => void;

function headersFor(request: PreparedRequest): Record<string, string> {
  return request.write ? { ...request.headers, 'idempotency-key': randomUUID() } : { ...request.headers };
}

/**
 * Records, through a hub gateway whose subgraph URLs point at recording proxies, the subgraph
 * requests of each workload's query plan, and writes one plan file per workload for the floor.
 */
async function recordFloorPlans(
  session: Session,
  requests: readonly PreparedRequest[],
  logDir: string,
  log: Log,
) {
  const recorder = await startPlanRecorder(session.stack.subgraphUrls);
  const gateway = await session.stack.startHubGateway('plan-recorder', await freePort(), recorder.proxyUrls);
  const paths = new Map<string, string>();
  try {
    for (const request of requests) {
      recorder.take('discard');
      await ask(`${gateway.baseUrl}/graphql`, headersFor(request), request.body);
      const plan = recorder.take(request.workload);
      const path = join(logDir, `floor-plan-${request.workload}.json`);
      writeFileSync(path, JSON.stringify(plan));
      paths.set(request.workload, path);
      log(
        `  floor plan for ${request.workload}: ${plan.stages.map((stage) => stage.map((fetch) => fetch.subgraph).join('+')).join(' → ')}`,
      );
    }
  } finally {
    await session.stack.stopProcess(gateway);
    await recorder.close();
  }
  return paths;
}

/**
 * Each workload through each gateway, one thing at a time: a fresh gateway process per workload,
 * its answer checked against the hub's, then warm-up and a measured run.
 */
export async function sideBySide(options: {
  readonly session: Session;
  readonly requests: readonly (PreparedRequest & { readonly compareAnswers: boolean })[];
  readonly gateways: readonly GatewayName[];
  readonly shape: RunShape;
  readonly workers: number;
  readonly logDir: string;
  readonly log: Log;
}): Promise<GatewayRun[]> {
  const { session, shape, workers, logDir, log } = options;
  let requests = options.requests;
  // The hub's own answer, taken again just before each peer's (writes change counts meanwhile).
  const hubAnswer = async (request: PreparedRequest): Promise<Answer> =>
    ask(`${session.stack.issuerUrl}/graphql`, headersFor(request), request.body);
  // A workload the hub itself cannot answer (a subgraph timing out at this size) is reported, not measured.
  const hubFailures = new Map<string, string>();
  for (const request of requests) {
    const problem = answerProblem(await hubAnswer(request));
    if (problem) {
      hubFailures.set(request.workload, `the hub's own answer fails: ${problem}`);
      log(`  ${request.workload}: the hub's own answer fails, not measured: ${problem}`);
    }
  }
  requests = requests.filter((request) => !hubFailures.has(request.workload));
  const runs: GatewayRun[] = [...hubFailures].flatMap(([workload, reason]) =>
    options.gateways.map((gateway) => notMeasured(gateway, workload, workers, reason)),
  );
  const floorPlans = options.gateways.includes('floor')
    ? await recordFloorPlans(session, requests, logDir, log)
    : new Map<string, string>();

  for (const gateway of options.gateways) {
    let unavailable: string | null = null;
    for (const request of requests) {
      if (unavailable) {
        runs.push(notMeasured(gateway, request.workload, workers, unavailable));
        continue;
      }
      let service;
      try {
        const floorPlanPath = floorPlans.get(request.workload);
        service = await startContender(gateway, {
          stack: session.stack,
          logDir,
          label: `${gateway}-${request.workload}`,
          ...(floorPlanPath ? { floorPlanPath } : {}),
        });
      } catch (error) {
        unavailable = error instanceof Error ? error.message : String(error);
        log(`  ${gateway}: not measured (${unavailable})`);
        runs.push(notMeasured(gateway, request.workload, workers, unavailable));
        continue;
      }
      try {
        let sameDataAsHub: boolean | null = null;
        let difference: string | null = null;
        if (gateway !== 'floor') {
          const reference = await hubAnswer(request);
          const answer = await ask(`${service.baseUrl}/graphql`, headersFor(request), request.body);
          difference = request.compareAnswers
            ? answerDifference(reference, answer)
            : answer.errors.length > 0 || answer.status !== 200
              ? `HTTP ${answer.status}, errors: ${JSON.stringify(answer.errors).slice(0, 160)}`
              : null;
          sameDataAsHub = request.compareAnswers ? difference === null : null;
          if (difference)
            log(`  ${gateway} ${request.workload}: answer differs from the hub's: ${difference}`);
        }
        const run = await measureRun(gateway, service, request, session.stack, shape, workers);
        runs.push({ ...run, sameDataAsHub, ...(difference ? { difference } : {}) });
        log(
          `  ${gateway.padEnd(12)} ${request.workload.padEnd(24)} ${run.rps.toFixed(1).padStart(8)} req/s  p50 ${run.p50Ms} ms  p99 ${run.p99Ms} ms  ` +
            `SQL/req ${run.sqlPerRequest ?? '–'}  peak ${run.peakMemoryMb ?? '–'} MB  errors ${run.errors}/${run.non2xx}`,
        );
      } finally {
        await session.stack.stopProcess(service);
      }
    }
  }
  return runs;
}
