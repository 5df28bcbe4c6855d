import { randomUUID } from 'node:crypto';
import { answerDifference, answerProblem, ask, peerRouterLimit, type Answer } from './compare.js';
import { startContender } from './contenders.js';
import { measureRound, notMeasured, type PreparedRequest, type RunShape } from './measure.js';
import type { GatewayName, GatewayRun, RoundFigures } from './report/types.js';
import { aggregateRounds } from './rounds.js';
import type { Session } from './session.js';

type Log = (message: string) => void;

function headersFor(request: PreparedRequest): Record<string, string> {
  return request.write ? { ...request.headers, 'idempotency-key': randomUUID() } : { ...request.headers };
}

/** The gateways of one round, rotated by the round so that none always runs first after a start. */
export function roundOrder<T>(items: readonly T[], round: number): T[] {
  const shift = items.length === 0 ? 0 : (round - 1) % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}

interface Check {
  readonly sameDataAsHub: boolean | null;
  readonly difference?: string;
  readonly peerRouterLimit?: string;
}

/**
 * Each workload through each gateway in interleaved rounds: round 1 runs every gateway once per
 * workload, then round 2, ... A fresh gateway process per round and workload (so that its peak
 * memory belongs to one workload); in round 1 its answer is checked against the hub's.
 */
export async function sideBySide(options: {
  readonly session: Session;
  readonly requests: readonly (PreparedRequest & { readonly compareAnswers: boolean })[];
  readonly gateways: readonly GatewayName[];
  readonly shape: RunShape;
  readonly workers: number;
  readonly rounds: number;
  readonly logDir: string;
  readonly log: Log;
}): Promise<GatewayRun[]> {
  const { session, shape, workers, logDir, log } = options;
  // The hub's own answer, taken again just before each peer's (writes change counts meanwhile).
  const hubAnswer = async (request: PreparedRequest): Promise<Answer> =>
    ask(`${session.stack.issuerUrl}/graphql`, headersFor(request), request.body);
  // A workload the hub itself cannot answer (a subgraph timing out at this size) is reported, not measured.
  const hubFailures = new Map<string, string>();
  for (const request of options.requests) {
    const problem = answerProblem(
      await hubAnswer(request).catch((error: unknown) => ({
        status: 0,
        data: null,
        errors: [error instanceof Error ? error.message : String(error)],
      })),
    );
    if (problem) {
      hubFailures.set(request.workload, `the hub's own answer fails: ${problem}`);
      log(`  ${request.workload}: the hub's own answer fails, not measured: ${problem}`);
    }
  }
  const requests = options.requests.filter((request) => !hubFailures.has(request.workload));
  const runs: GatewayRun[] = [...hubFailures].flatMap(([workload, reason]) =>
    options.gateways.map((gateway) => notMeasured(gateway, workload, workers, reason)),
  );

  const key = (gateway: GatewayName, workload: string) => `${gateway} ${workload}`;
  const unavailable = new Map<GatewayName, string>();
  const checks = new Map<string, Check>();
  const figures = new Map<string, RoundFigures[]>();
  for (let round = 1; round <= options.rounds; round += 1) {
    log(`  round ${round} of ${options.rounds}`);
    for (const request of requests) {
      for (const gateway of roundOrder(options.gateways, round)) {
        if (unavailable.has(gateway)) continue;
        let service;
        try {
          service = await startContender(gateway, {
            stack: session.stack,
            logDir,
            label: `${gateway}-${request.workload}-r${round}`,
            workload: request.workload,
            ...(session.nodeArgs ? { nodeArgs: session.nodeArgs } : {}),
          });
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          unavailable.set(gateway, reason);
          log(`  ${gateway}: not measured (${reason})`);
          continue;
        }
        try {
          if (!checks.has(key(gateway, request.workload)))
            checks.set(
              key(gateway, request.workload),
              await checkAnswer(gateway, service.baseUrl, request, hubAnswer),
            );
          const check = checks.get(key(gateway, request.workload));
          if (round === 1 && check?.difference)
            log(
              `  ${gateway} ${request.workload}: answer differs from the hub's${check.peerRouterLimit ? ` (${check.peerRouterLimit})` : ''}: ${check.difference}`,
            );
          const measured = await measureRound(service, request, session.stack, shape, round, {
            ownStatements: gateway === 'floor',
            profileAs: gateway,
          });
          figures.set(key(gateway, request.workload), [
            ...(figures.get(key(gateway, request.workload)) ?? []),
            measured,
          ]);
          log(
            `  ${gateway.padEnd(12)} ${request.workload.padEnd(24)} ` +
              (measured.requests === 0
                ? `no answer within ${shape.seconds} s (${measured.sent} sent)`
                : `${measured.rps.toFixed(1).padStart(8)} req/s  p50 ${measured.p50Ms} ms  p99 ${measured.p99Ms} ms  ` +
                  `CPU ms/req gateway ${measured.cpu?.gatewayMs ?? '–'} subgraphs ${measured.cpu?.subgraphsMs ?? '–'} ` +
                  `PostgreSQL ${measured.cpu?.postgresMs ?? '–'} total ${measured.cpu?.totalMs ?? '–'}  ` +
                  `SQL/req ${measured.sqlPerRequest ?? '–'}  peak ${measured.peakMemoryMb ?? '–'} MB  errors ${measured.errors}/${measured.non2xx}`),
          );
        } finally {
          await session.stack.stopProcess(service);
        }
      }
    }
  }

  for (const gateway of options.gateways) {
    for (const request of requests) {
      const rounds = figures.get(key(gateway, request.workload)) ?? [];
      if (rounds.length === 0) {
        runs.push(
          notMeasured(gateway, request.workload, workers, unavailable.get(gateway) ?? 'did not start'),
        );
        continue;
      }
      const check = checks.get(key(gateway, request.workload)) ?? { sameDataAsHub: null };
      runs.push({
        ...aggregateRounds({
          workload: request.workload,
          gateway,
          workers,
          connections: shape.connections,
          seconds: shape.seconds,
          rounds,
        }),
        ...check,
      });
    }
  }
  return runs;
}

/** The gateway's answer against the hub's; the floor answers rows, not GraphQL, and is not compared. */
async function checkAnswer(
  gateway: GatewayName,
  baseUrl: string,
  request: PreparedRequest & { readonly compareAnswers: boolean },
  hubAnswer: (request: PreparedRequest) => Promise<Answer>,
): Promise<Check> {
  if (gateway === 'hub') return { sameDataAsHub: request.compareAnswers ? true : null };
  const reference = gateway === 'floor' ? null : await hubAnswer(request);
  const answer = await ask(`${baseUrl}/graphql`, headersFor(request), request.body);
  if (gateway === 'floor' || reference === null) {
    const problem = answerProblem(answer);
    return problem ? { sameDataAsHub: null, difference: problem } : { sameDataAsHub: null };
  }
  const difference = request.compareAnswers ? answerDifference(reference, answer) : answerProblem(answer);
  if (difference === null) return { sameDataAsHub: request.compareAnswers ? true : null };
  const limit = peerRouterLimit(reference, answer);
  return {
    sameDataAsHub: request.compareAnswers ? false : null,
    difference,
    ...(limit ? { peerRouterLimit: limit } : {}),
  };
}
