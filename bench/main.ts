import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { benchFixtures, seedBench, seededWorkers } from './seed/index.js';
import { measureEmbeddedHub } from './embedded-hub.js';
import { startContender } from './contenders.js';
import { measureRound, measureRounds, type RunShape } from './measure.js';
import { readProfiles } from './profiles.js';
import { PROFILED_NODE_ARGS } from './window-profiler.js';
import { aggregateRounds } from './rounds.js';
import { databaseNameOf, parseOptions, type BenchOptions } from './options.js';
import { benchPostgres, databaseOn } from './postgres-server.js';
import { answerProblem, ask } from './compare.js';
import { CLOCK_TICKS } from './cpu.js';
import { describeMachine } from './report/machine.js';
import { WORKLOAD_IDS } from './report/targets.js';
import { writeResults } from './report/write.js';
import type { BenchResults, GatewayRun, GrowthPoint, RoundFigures } from './report/types.js';
import { openSession, registerActors, type Session } from './session.js';
import { sideBySide } from './side-by-side.js';
import { GROWTH_WORKLOADS, kecamatanList, WORKLOADS } from './workloads/index.js';

// `npm run bench`: seeds what is missing, then measures each workload through each gateway, growth
// over data sizes, the access log's cost and the embedded hub, and writes bench/results/latest.*.

const log = (message: string) => process.stdout.write(`${message}\n`);

async function withHub<T>(
  session: Session,
  label: string,
  logDir: string,
  body: (service: Awaited<ReturnType<typeof startContender>>) => Promise<T>,
) {
  const service = await startContender('hub', { stack: session.stack, logDir, label, workload: label });
  try {
    return await body(service);
  } finally {
    await session.stack.stopProcess(service);
  }
}

async function run(options: BenchOptions): Promise<void> {
  const logDir = mkdtempSync(join(tmpdir(), 'migran-bench-logs-'));
  log(`logs of every process: ${logDir}`);
  const postgres = await benchPostgres(process.env['BENCH_DATABASE_URL'] || undefined);
  log(
    postgres.throwaway
      ? `started a throwaway ${postgres.version}`
      : `using the server of BENCH_DATABASE_URL (${postgres.version})`,
  );
  const mainWorkers = options.mainSize ?? Math.max(...options.sizes);
  // With --cpu-prof each measured process (hub gateways, subgraphs, peers, the floor) runs with an
  // inspector, and every measured window writes a V8 CPU profile of each of them into a folder per
  // workload, contender and process (open one in Chrome DevTools); the report adds them up by package.
  const profileDir = resolve(options.outDir, 'profiles');
  if (options.cpuProfile) rmSync(profileDir, { recursive: true, force: true });
  const nodeArgs = options.cpuProfile ? () => PROFILED_NODE_ARGS : undefined;
  const shape: RunShape = {
    connections: options.connections,
    warmupSeconds: options.warmupSeconds,
    seconds: options.seconds,
    ...(options.cpuProfile ? { profileDir } : {}),
  };
  const growthShape: RunShape = { ...shape, connections: 1 };
  const notes: string[] = [
    `Load average when the run started: ${loadavg()
      .map((value) => value.toFixed(2))
      .join(', ')} (other work on this 2-core machine shares it).`,
    'Rate limits stay on at the hub gateway but are raised to 1,000,000 requests a minute per client kind so that they count every request and refuse none.',
    'Trusted documents are off for the benchmark clients (their registration flag is unset); idempotency is on: writes carry a fresh Idempotency-Key each.',
    'SQL/req counts the statements of the four subgraphs (their hub_db_statements_total) over the measured run, once settled, divided by requests sent.',
    `CPU ms/req: utime + stime from /proc/<pid>/stat (${CLOCK_TICKS} ticks a second) of the gateway, each subgraph and every PostgreSQL process (the postmaster's children; backends by the service that opened them, from pg_stat_activity; backends that ended in the window through the postmaster's cutime/cstime), sampled once the previous run had settled and again once this one had, divided by requests sent (all of which the servers had answered by then). The issuer gateway and the load generator are not counted.`,
    `Rounds: ${options.rounds}, interleaved (round 1 runs every gateway once per workload, each a fresh process, then round 2, ...; the gateway order rotates per round). Figures are medians of the rounds that got an answer, ranges in parentheses; a run without a single answer within its seconds says so. Growth and the access-log-off leg run their rounds back to back on one hub.`,
    'The floor is a contender of its own: one process answering each request with one minimal SQL statement per subgraph that takes part (bench/floor-sql.ts: no tokens, access rules, access log or GraphQL), so its CPU per request is PostgreSQL plus a minimal client. It replaced a replay of the hub gateway\'s signed subgraph requests, which the subgraphs refused as replays (401 INVALID_SIGNATURE: "exp" outside the 30 s window or a nonce seen) without running any SQL.',
    'Peers run in peer router mode (README "Peer router mode"): their subgraph requests are unsigned, so the subgraphs believe none of the facts they relay. Where a peer\'s answer differs from the hub\'s for that reason (Placement.compliance refused, a labour office\'s view of cases without the worker\'s kecamatan, the ministry\'s rates from its own counts), "same data as hub" says "no, by design" and its figures cover a smaller answer.',
    'Subgraphs run with NODE_ENV=production and the access log on. No setting turns the log of reads off; "off" runs the subgraphs from the benchmark\'s own entry point (bench/subgraph-without-read-log.ts), which production refuses, so with NODE_ENV=test: besides the log only introspection, limit messages and graphql-js\'s development checks differ.',
  ];
  const results: GatewayRun[] = [];
  const growth: GrowthPoint[] = [];
  let accessLog: BenchResults['accessLog'] = null;
  let batching: BenchResults['batching'] = null;
  let embeddedHub: BenchResults['embeddedHub'] = null;

  const write = () => {
    const partial: BenchResults = {
      machine: describeMachine(postgres.version),
      parameters: {
        sizes: options.sizes,
        mainWorkers,
        connections: options.connections,
        warmupSeconds: options.warmupSeconds,
        seconds: options.seconds,
        growthConnections: 1,
        rounds: options.rounds,
        quick: options.quick,
        notes,
      },
      results,
      growth,
      accessLog,
      batching,
      embeddedHub,
      ...(options.cpuProfile ? { profiles: readProfiles(profileDir) } : {}),
    };
    log(`\n${writeResults(options.outDir, partial)}`);
  };

  try {
    for (const workers of options.sizes) {
      const databaseUrl = databaseOn(postgres.serverUrl, databaseNameOf(workers, options.databasePrefix));
      const seeded = await seededWorkers(databaseUrl);
      if (seeded === workers)
        log(`${databaseNameOf(workers, options.databasePrefix)}: already seeded with ${workers} workers`);
      else {
        log(`${databaseNameOf(workers, options.databasePrefix)}: seeding ${workers} workers`);
        const summary = await seedBench({
          databaseUrl,
          workers,
          onProgress: (message) => log(`  ${message}`),
        });
        log(`  seeded in ${summary.seconds.toFixed(0)} s`);
      }
      const fixtures = await benchFixtures(databaseUrl);
      const credentials = await registerActors(databaseUrl, fixtures);
      const session = await openSession({
        databaseUrl,
        fixtures,
        credentials,
        logDir,
        accessLog: 'on',
        label: `w${workers}`,
        ...(nodeArgs ? { nodeArgs } : {}),
      });
      try {
        log(`\n${workers} workers: growth workloads through the hub at 1 connection`);
        await withHub(session, `hub-growth-${workers}`, logDir, async (service) => {
          const measurable = [];
          for (const workload of GROWTH_WORKLOADS) {
            const request = session.prepare(workload);
            const problem = answerProblem(
              await ask(`${service.baseUrl}/graphql`, request.headers, request.body),
            );
            if (!problem) {
              measurable.push(request);
              continue;
            }
            growth.push({ workload: workload.id, workers, p50Ms: 0, sqlPerRequest: null, failure: problem });
            log(`  ${workload.id}: the hub could not answer: ${problem}`);
          }
          const rounds = new Map<string, RoundFigures[]>();
          for (let round = 1; round <= options.rounds; round += 1)
            for (const request of measurable)
              rounds.set(request.workload, [
                ...(rounds.get(request.workload) ?? []),
                await measureRound(service, request, session.stack, growthShape, round, {
                  profileAs: `hub-growth-${workers}`,
                }),
              ]);
          for (const request of measurable) {
            const row = aggregateRounds({
              workload: request.workload,
              gateway: 'hub',
              workers,
              connections: 1,
              seconds: growthShape.seconds,
              rounds: rounds.get(request.workload) ?? [],
            });
            growth.push({
              workload: request.workload,
              workers,
              p50Ms: row.p50Ms,
              sqlPerRequest: row.sqlPerRequest,
              cpuMs: row.cpu?.totalMs ?? null,
              cpu: row.cpu ?? null,
              ...(row.range ? { range: row.range } : {}),
              rounds: row.rounds ?? 1,
              ...(row.status === 'no answer' ? { noAnswerWithinSeconds: growthShape.seconds } : {}),
            });
            log(
              row.status === 'no answer'
                ? `  ${request.workload}: no answer within ${growthShape.seconds} s`
                : `  ${request.workload}: p50 ${row.p50Ms} ms, CPU ${row.cpu?.totalMs ?? '–'} ms/req, SQL/req ${row.sqlPerRequest ?? '–'}`,
            );
          }
        });
        if (workers === mainWorkers) {
          log(`\n${workers} workers: every workload through every gateway`);
          const requests = WORKLOADS.map((workload) => ({
            ...session.prepare(workload),
            compareAnswers: workload.compareAnswers,
          }));
          results.push(
            ...(await sideBySide({
              session,
              requests,
              gateways: options.gateways,
              shape,
              workers,
              rounds: options.rounds,
              logDir,
              log,
            })),
          );
          const hubList = results.find(
            (entry) => entry.gateway === 'hub' && entry.workload === WORKLOAD_IDS.list,
          );
          if (hubList?.sqlPerRequest != null) {
            const first10 = await withHub(session, 'hub-first-10', logDir, (service) =>
              measureRounds(
                'hub',
                service,
                session.prepare(kecamatanList(10)),
                session.stack,
                shape,
                workers,
                1,
              ),
            );
            batching = {
              first10SqlPerRequest: first10.sqlPerRequest ?? 0,
              first100SqlPerRequest: hubList.sqlPerRequest,
            };
            log(
              `  batching: SQL/req ${first10.sqlPerRequest} with first: 10, ${hubList.sqlPerRequest} with first: 100`,
            );
          }
        }
      } finally {
        await session.stack.stop();
      }
      const hubList = results.find(
        (entry) =>
          entry.gateway === 'hub' && entry.workload === WORKLOAD_IDS.list && entry.workers === workers,
      );
      if (hubList) {
        log(`\n${workers} workers: (b) on the hub with the access log off`);
        const off = await openSession({
          databaseUrl,
          fixtures,
          credentials,
          logDir,
          accessLog: 'off',
          label: `w${workers}-log-off`,
          ...(nodeArgs ? { nodeArgs } : {}),
        });
        try {
          const measured = await withHub(off, 'hub-access-log-off', logDir, (service) =>
            measureRounds(
              'hub',
              service,
              off.prepare(kecamatanList(100)),
              off.stack,
              shape,
              workers,
              options.rounds,
              'hub-log-off',
            ),
          );
          accessLog = {
            onRps: hubList.rps,
            offRps: measured.rps,
            onCpuMs: hubList.cpu?.totalMs ?? null,
            offCpuMs: measured.cpu?.totalMs ?? null,
          };
          log(
            `  access log on ${hubList.rps} req/s ${hubList.cpu?.totalMs ?? '–'} CPU ms/req, off ${measured.rps} req/s ${measured.cpu?.totalMs ?? '–'} CPU ms/req`,
          );
        } finally {
          await off.stack.stop();
        }
      }
    }
    if (options.embedded) {
      log('\nnpm start (embedded PostgreSQL, demo world) under load');
      embeddedHub = await measureEmbeddedHub({
        seconds: options.seconds,
        connections: options.connections,
        logDir,
      });
      log(`  peak ${embeddedHub.peakMb} MB at ${embeddedHub.rps} req/s`);
    }
  } catch (error) {
    notes.push(
      `The run stopped early: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    );
    throw error;
  } finally {
    write();
    await postgres.stop();
  }
}

try {
  await run(parseOptions(process.argv.slice(2)));
  process.exit(0);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
}
