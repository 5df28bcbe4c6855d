import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { cpuPerRequest, parseProcStat, postgresRole, sampleCpu, type CpuSample } from './cpu.js';
import { parseOptions } from './options.js';
import { freePort } from '../shared/testing/ports.js';
import { launch, waitUntilAnswering } from './processes.js';
import { packageOf, selfTimeByPackage, summariseProfiles, type CpuProfile } from './profiles.js';
import type { RoundFigures } from './report/types.js';
import { aggregateRounds, median } from './rounds.js';
import { roundOrder } from './side-by-side.js';
import { PROFILED_NODE_ARGS, startWindowProfiles } from './window-profiler.js';

describe('CPU time from /proc', () => {
  it('reads utime + stime and the children of a stat line whose command holds spaces and parentheses', () => {
    const line =
      '4242 (postgres: (x) idle) S 3776 3776 3776 0 -1 4194560 1200 0 0 0 250 75 40 10 20 0 1 0 99 1000 10 18446744073709551615';
    expect(parseProcStat(line)).toEqual({
      pid: 4242,
      command: 'postgres: (x) idle',
      parentPid: 3776,
      ticks: 325,
      childTicks: 50,
    });
    expect(() => parseProcStat('garbage')).toThrow(/not a \/proc/);
  });

  it('leaves out the backends of other databases on the same server', async () => {
    // This process stands in for the postmaster, two children for its backends.
    const children = [0, 1].map(() => spawn('sleep', ['30'], { stdio: 'ignore' }));
    try {
      const [ours, theirs] = children.map((child) => child.pid as number) as [number, number];
      const sample = await sampleCpu({
        services: {},
        postmasterPid: process.pid,
        backendOwners: () =>
          Promise.resolve({
            names: new Map([[ours, 'migran-hub-labour']]),
            otherDatabases: new Set([theirs]),
          }),
      });
      expect(sample.postgresChildren.get(ours)?.line).toBe('postgres backend labour');
      expect(sample.postgresChildren.has(theirs)).toBe(false);
    } finally {
      for (const child of children) child.kill();
    }
  });

  it("names PostgreSQL's helpers apart from its backends", () => {
    expect(postgresRole('postgres: walwriter')).toBe('walwriter');
    expect(postgresRole('postgres: autovacuum launcher')).toBe('autovacuum launcher');
    expect(postgresRole('postgres: postgres migran_bench_1m 127.0.0.1(5555) idle')).toBe('backend');
  });

  it('divides each process line by requests and keeps the time of backends that ended in the window', () => {
    const before: CpuSample = {
      services: { gateway: 100, labour: 50 },
      postmaster: 10,
      postgresChildren: new Map([
        [1, { line: 'postgres backend labour', ticks: 20 }],
        [2, { line: 'postgres backend labour', ticks: 5 }],
      ]),
    };
    const after: CpuSample = {
      services: { gateway: 150, labour: 70 },
      // Backend 2 ended at 9 ticks: its 9 moved into the postmaster's cutime.
      postmaster: 10 + 9,
      postgresChildren: new Map([
        [1, { line: 'postgres backend labour', ticks: 40 }],
        [3, { line: 'postgres walwriter', ticks: 1 }],
      ]),
    };
    // 100 ticks a second on Linux: 1 tick = 10 ms; 10 requests.
    const figures = cpuPerRequest(before, after, 10);
    expect(figures).toMatchObject({
      gatewayMs: 50,
      subgraphMs: { labour: 20 },
      subgraphsMs: 20,
      // (9 - 5) ended backend + 20 live backend + 1 walwriter = 25 ticks = 250 ms / 10
      postgresMs: 25,
      totalMs: 95,
    });
    expect(figures?.postgresLines).toEqual({
      'postgres backend labour': 20,
      'postgres postmaster + ended backends': 4,
      'postgres walwriter': 1,
    });
    expect(cpuPerRequest(before, after, 0)).toBeNull();
  });
});

function figures(round: number, rps: number, totalMs: number | null, requests = rps * 3): RoundFigures {
  return {
    round,
    requests,
    sent: requests,
    rps,
    p50Ms: 100 / (rps || 1),
    p95Ms: 0,
    p99Ms: 0,
    errors: 0,
    non2xx: 0,
    sqlPerRequest: 8,
    peakMemoryMb: 200 + round,
    cpu:
      totalMs === null
        ? null
        : {
            gatewayMs: totalMs / 2,
            subgraphMs: { labour: totalMs / 4 },
            subgraphsMs: totalMs / 4,
            postgresMs: totalMs / 4,
            postgresLines: {},
            totalMs,
          },
  };
}

describe('rounds', () => {
  const shape = {
    workload: 'b-kecamatan-list',
    gateway: 'hub',
    workers: 2500,
    connections: 2,
    seconds: 6,
  } as const;

  it('takes medians and ranges over the rounds', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
    const row = aggregateRounds({
      ...shape,
      rounds: [figures(1, 10, 40), figures(2, 30, 20), figures(3, 20, 60)],
    });
    expect(row).toMatchObject({
      status: 'measured',
      rps: 20,
      rounds: 3,
      roundsWithoutAnswer: 0,
      peakMemoryMb: 203,
    });
    expect(row.cpu).toMatchObject({ totalMs: 40, gatewayMs: 20, subgraphMs: { labour: 10 } });
    expect(row.range).toMatchObject({ rps: [10, 30], totalMs: [20, 60] });
  });

  it('reports a gateway that got no answer in any round as such, never as 0 req/s', () => {
    const row = aggregateRounds({ ...shape, rounds: [figures(1, 0, null, 0), figures(2, 0, null, 0)] });
    expect(row).toMatchObject({ status: 'no answer', cpu: null, roundsWithoutAnswer: 2 });
    expect(row.reason).toBe('no answer within 6 s (0, 0 sent in 2 rounds)');
  });

  it('leaves rounds without an answer out of the medians and counts them', () => {
    const row = aggregateRounds({ ...shape, rounds: [figures(1, 0, null, 0), figures(2, 10, 30)] });
    expect(row).toMatchObject({ status: 'measured', rps: 10, roundsWithoutAnswer: 1 });
  });

  it('rotates the order of the gateways from round to round', () => {
    expect(roundOrder(['a', 'b', 'c'], 1)).toEqual(['a', 'b', 'c']);
    expect(roundOrder(['a', 'b', 'c'], 2)).toEqual(['b', 'c', 'a']);
    expect(roundOrder(['a', 'b', 'c'], 4)).toEqual(['a', 'b', 'c']);
  });
});

describe('CPU profiles by package', () => {
  const root = '/work/main/';
  it('names packages, node internals, project folders and V8 lines', () => {
    const frame = (url: string, functionName = 'f') => packageOf({ url, functionName }, root);
    expect(frame('file:///work/main/node_modules/graphql/execution/execute.js')).toBe('graphql');
    expect(
      frame('file:///work/main/node_modules/@apollo/gateway/node_modules/@apollo/query-planner/dist/x.js'),
    ).toBe('@apollo/query-planner');
    expect(frame('node:internal/modules/esm/loader')).toBe('node: internal/modules');
    expect(frame('node:internal/deps/undici/undici')).toBe('node: undici');
    expect(frame('node:http')).toBe('node: http');
    expect(frame('file:///work/main/subgraphs/labour/loaders.ts')).toBe('subgraphs/labour/');
    expect(frame('file:///work/main/shared/http/run.ts')).toBe('shared/');
    expect(frame('', '(garbage collector)')).toBe('(garbage collector)');
    expect(frame('', 'JSONParse')).toBe('(native)');
  });

  it('adds up self time by package, without (idle), and keeps the largest', () => {
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: { functionName: '(root)', url: '' } },
        { id: 2, callFrame: { functionName: '(idle)', url: '' } },
        {
          id: 3,
          callFrame: { functionName: 'execute', url: 'file:///work/main/node_modules/graphql/execute.js' },
        },
        { id: 4, callFrame: { functionName: 'load', url: 'file:///work/main/gateway/server.ts' } },
        { id: 5, callFrame: { functionName: '(garbage collector)', url: '' } },
      ],
      // Each sample's time is the delta to the next one (µs).
      samples: [3, 3, 4, 2, 5, 3],
      timeDeltas: [0, 1000, 2000, 1000, 5000, 500],
    };
    expect(Object.fromEntries(selfTimeByPackage(profile, root))).toEqual({
      graphql: 3 + 0,
      'gateway/': 1,
      '(garbage collector)': 0.5,
    });
    const [summary] = summariseProfiles(new Map([['hub-b-kecamatan-list', [profile, profile]]]), 2, root);
    expect(summary).toMatchObject({ process: 'hub-b-kecamatan-list', files: 2, totalMs: 9 });
    expect(summary?.packages).toEqual([
      { name: 'graphql', selfMs: 6, share: 66.7 },
      { name: 'gateway/', selfMs: 2, share: 22.2 },
    ]);
  });

  it('names the functions that took the time, and leaves out a process that did no work', () => {
    const busy: CpuProfile = {
      nodes: [
        { id: 1, callFrame: { functionName: 'execute', url: 'file:///work/main/node_modules/graphql/x.js' } },
        { id: 2, callFrame: { functionName: '', url: 'file:///work/main/shared/audit/log.ts' } },
      ],
      samples: [1, 2, 1],
      timeDeltas: [0, 40_000, 20_000],
    };
    const idle: CpuProfile = { nodes: busy.nodes, samples: [1, 1], timeDeltas: [0, 1000] };
    const summaries = summariseProfiles(
      new Map([
        ['b.hub.labour', [busy]],
        ['b.floor.labour', [idle]],
      ]),
      5,
      root,
      10,
    );
    expect(summaries.map((summary) => summary.process)).toEqual(['b.hub.labour']);
    expect(summaries[0]?.functions).toEqual([
      { name: 'execute (graphql)', selfMs: 40, share: 66.7 },
      { name: '(anonymous) (shared/)', selfMs: 20, share: 33.3 },
    ]);
  });

  it('profiles a running process over a window through its inspector', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'window-profile-'));
    try {
      const entry = join(dir, 'busy.mjs');
      // A server that answers /health and spins between answers, so that the window has samples.
      writeFileSync(
        entry,
        `import { createServer } from 'node:http';
         createServer((req, res) => res.end('ok')).listen(Number(process.env.PORT), '127.0.0.1');
         setInterval(function spin() { const end = Date.now() + 20; while (Date.now() < end); }, 25);`,
      );
      const port = await freePort();
      const service = launch({
        label: 'busy',
        entry,
        port,
        env: { PATH: process.env['PATH'], PORT: String(port) },
        logDir: dir,
        nodeArgs: PROFILED_NODE_ARGS,
      });
      try {
        await waitUntilAnswering(service, '/health', 20_000);
        expect(service.inspectorUrl()).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\//);
        const profiles = await startWindowProfiles([{ name: 'gateway', service }], dir, 'w.busy', 'r1');
        await new Promise((resolve) => setTimeout(resolve, 400));
        await profiles.stop();
      } finally {
        await service.stop();
      }
      expect(readdirSync(join(dir, 'w.busy.gateway'))).toEqual(['r1.cpuprofile']);
      const profile = JSON.parse(
        readFileSync(join(dir, 'w.busy.gateway', 'r1.cpuprofile'), 'utf8'),
      ) as CpuProfile;
      // The process spins about 80 % of the time: the profile holds the window's work (not the
      // start-up before it) and the calls that did it.
      const [summary] = summariseProfiles(new Map([['w', [profile]]]), 50, dir);
      expect(summary?.totalMs).toBeGreaterThan(50);
      expect(summary?.totalMs).toBeLessThan(1_000);
      // (V8 may inline spin into the timer loop that calls it, so either name holds its time.)
      const spinning = new Set(['spin', 'listOnTimeout']);
      expect(profile.nodes.some((node) => spinning.has(node.callFrame.functionName))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('options', () => {
  it('accepts --cpu-prof and --rounds, with 3 rounds by default and 1 in a quick run', () => {
    expect(parseOptions(['--cpu-prof', '--rounds', '5'])).toMatchObject({ cpuProfile: true, rounds: 5 });
    expect(parseOptions([]).rounds).toBe(3);
    expect(parseOptions(['--quick']).rounds).toBe(1);
    expect(parseOptions(['--quick', '--rounds', '3']).rounds).toBe(3);
    expect(() => parseOptions(['--rounds', '0'])).toThrow(/rounds/);
    expect(() => parseOptions(['--cpu-profile'])).toThrow(/unknown option --cpu-profile/);
  });
});
