import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildASTSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { readSupergraphSdl } from '../shared/schema-files.js';
import { answerDifference } from './compare.js';
import { databaseNameOf, parseOptions, parseSize } from './options.js';
import { renderMarkdown } from './report/markdown.js';
import { renderSvg } from './report/svg.js';
import { evaluateTargets } from './report/targets.js';
import type { BenchResults, GatewayName, GatewayRun } from './report/types.js';
import { kecamatanList, MENTOR_OF_PROGRAM, WORKLOADS } from './workloads/index.js';

function run(
  workload: string,
  gateway: GatewayName,
  rps: number,
  p50Ms: number,
  peakMemoryMb: number,
  gatewayMs = 10,
): GatewayRun {
  return {
    workload,
    gateway,
    workers: 1_000_000,
    connections: 10,
    status: 'measured',
    requests: rps * 10,
    rps,
    p50Ms,
    p95Ms: p50Ms * 2,
    p99Ms: p50Ms * 3,
    errors: 0,
    non2xx: 0,
    sqlPerRequest: 9,
    peakMemoryMb,
    sameDataAsHub: gateway === 'floor' ? null : true,
    cpu: cpu(gatewayMs, 30, 20),
  };
}

function cpu(gatewayMs: number, subgraphsMs: number, postgresMs: number) {
  return {
    gatewayMs,
    subgraphMs: { labour: subgraphsMs / 2, ministry: subgraphsMs / 2 },
    subgraphsMs,
    postgresMs,
    postgresLines: { 'postgres backend labour': postgresMs },
    totalMs: gatewayMs + subgraphsMs + postgresMs,
  };
}

const FIXED: BenchResults = {
  machine: {
    cpu: 'Test CPU',
    cores: 2,
    memoryGb: 24,
    os: 'Debian',
    node: 'v20.0.0',
    postgres: 'PostgreSQL 15',
    date: '2026-01-01T00:00:00.000Z',
  },
  parameters: {
    sizes: [10_000, 1_000_000],
    mainWorkers: 1_000_000,
    connections: 10,
    warmupSeconds: 3,
    seconds: 10,
    growthConnections: 1,
    quick: false,
    notes: ['a note'],
  },
  results: [
    run('b-kecamatan-list', 'hub', 300, 30, 180, 10),
    run('b-kecamatan-list', 'apollo-stock', 150, 60, 200, 20),
    run('b-kecamatan-list', 'hive-js', 320, 28, 300, 8),
    {
      ...run('b-kecamatan-list', 'hive-rust', 0, 0, 0),
      status: 'not measured',
      reason: 'no native binary here',
      peakMemoryMb: null,
    },
    { ...run('b-kecamatan-list', 'floor', 500, 20, 60), cpu: cpu(2, 0, 18) },
    {
      ...run('d-ministry-region-view', 'hub', 0, 0, 190),
      status: 'no answer',
      seconds: 6,
      reason: 'no answer within 6 s (10 sent in 1 round)',
      cpu: null,
    },
  ],
  growth: [
    { workload: 'a-agency-lookup', workers: 10_000, p50Ms: 4, sqlPerRequest: 8, cpuMs: 20 },
    { workload: 'a-agency-lookup', workers: 1_000_000, p50Ms: 4.4, sqlPerRequest: 8, cpuMs: 22 },
    { workload: 'd-ministry-region-view', workers: 10_000, p50Ms: 10, sqlPerRequest: 12, cpuMs: 50 },
    { workload: 'd-ministry-region-view', workers: 1_000_000, p50Ms: 30, sqlPerRequest: 12, cpuMs: 150 },
  ],
  accessLog: { onRps: 300, offRps: 330, onCpuMs: 60, offCpuMs: 50 },
  batching: { first10SqlPerRequest: 9, first100SqlPerRequest: 9 },
  embeddedHub: null,
};

describe('targets', () => {
  const byName = (start: string) => {
    const target = evaluateTargets(FIXED).find((entry) => entry.name.startsWith(start));
    if (!target) throw new Error(`no target ${start}`);
    return target;
  };

  it('lists every target of the issue', () => {
    const names = evaluateTargets(FIXED).map((target) => target.name);
    expect(new Set(names).size).toBe(12);
  });

  it('compares CPU per request with the floor, the log off and the peers, and names what dominates', () => {
    expect(byName('(b) CPU per request (gateway')).toMatchObject({ value: 3, met: true });
    expect(byName('(b) CPU per request with the access log')).toMatchObject({ value: 1.2, met: true });
    expect(byName('(b) hub gateway CPU per request / stock')).toMatchObject({ value: 0.5, met: true });
    const hive = byName('(b) hub gateway CPU per request / fastest Hive');
    expect(hive).toMatchObject({ value: 1.25, met: false });
    expect(hive.note).toContain('missed by 25% (1.25 against <= 1.0)');
    expect(hive.note).toContain('hub gateway 10 against 8 ms/req');
    expect(byName('(a) cost(1M) / cost(10k)')).toMatchObject({ value: 1.1, met: true });
    expect(byName('(d) cost(1M) / cost(10k)')).toMatchObject({ value: 3, met: false });
    expect(byName('SQL statements per request constant')).toMatchObject({ value: 1, met: true });
  });

  it("takes (d)'s latency at 1M workers and one connection, not under the main run's load", () => {
    expect(byName('(d) hub p50 latency at 1M workers and one connection')).toMatchObject({
      value: 30,
      met: true,
    });
  });

  it('says when a run got no answer instead of a value', () => {
    const silent: BenchResults = {
      ...FIXED,
      growth: FIXED.growth.map((point) =>
        point.workload === 'd-ministry-region-view' && point.workers === 1_000_000
          ? { ...point, noAnswerWithinSeconds: 6 }
          : point,
      ),
      results: FIXED.results.map((entry) =>
        entry.workload === 'b-kecamatan-list' && entry.gateway === 'apollo-stock'
          ? { ...entry, status: 'no answer', reason: 'no answer within 6 s (10 sent in 1 round)', cpu: null }
          : entry,
      ),
    };
    const targets = evaluateTargets(silent);
    const named = (start: string) => targets.find((target) => target.name.startsWith(start));
    expect(named('(d) hub p50 latency')).toMatchObject({
      value: null,
      met: false,
      note: 'not met: at 1,000,000 workers no answer within 6 s',
    });
    expect(named('(b) hub gateway CPU per request / stock')).toMatchObject({
      value: null,
      met: false,
      note: 'not met: stock @apollo/gateway got no answer within 6 s (10 sent in 1 round)',
    });
  });

  it("takes the hub gateway's highest peak and leaves what was not measured unmet", () => {
    expect(byName('Hub gateway peak memory')).toMatchObject({ value: 190, met: true });
    expect(byName('Whole embedded hub')).toMatchObject({
      value: null,
      met: false,
      note: 'not measured in this run',
    });
  });
});

describe('rendering', () => {
  it('writes the workload table with CPU per request and ratios to stock Apollo and to the floor', () => {
    const markdown = renderMarkdown(FIXED);
    expect(markdown).toContain(
      '| hub | 300.0 | 30.00 | 90.00 | 10.00 | 30.00 | 20.00 | 60.00 | 3.00× | 0 / 0 | 9.00 | 180 | 2.00× | yes |',
    );
    expect(markdown).toContain('| hub | **no answer within 6 s (10 sent in 1 round)** |');
    expect(markdown).not.toMatch(/\| hub \| 0\.0 \|/);
    expect(markdown).toContain('| hive-rust | not measured: no native binary here |');
    expect(markdown).toContain(
      '| a-agency-lookup | 1,000,000 | 4.40 | 22.00 | 8.00 | 1.10× | 1.10× | 1.00× |',
    );
    expect(markdown).toContain('Test CPU, 2 cores, 24 GB RAM');
  });

  it('renders a results file again with fresh targets, and takes profiles from a separate run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-render-'));
    try {
      const results = join(dir, 'latest.json');
      const profiled = join(dir, 'profiled.json');
      writeFileSync(results, JSON.stringify({ ...FIXED, targets: [{ name: 'stale' }] }));
      const profile = { process: 'b-kecamatan-list.hub.labour', files: 1, totalMs: 100 };
      writeFileSync(
        profiled,
        JSON.stringify({
          ...FIXED,
          profiles: [{ ...profile, packages: [{ name: 'graphql', selfMs: 60, share: 0.6 }], functions: [] }],
        }),
      );
      execFileSync('npx', ['tsx', 'bench/render.ts', '--results', results, '--profiles-from', profiled]);
      const written = JSON.parse(readFileSync(results, 'utf8')) as BenchResults & {
        targets: { name: string }[];
      };
      expect(written.targets.map((target) => target.name)).toEqual(
        evaluateTargets(FIXED).map((target) => target.name),
      );
      expect(written.profiles?.[0]?.process).toBe('b-kecamatan-list.hub.labour');
      const markdown = readFileSync(join(dir, 'latest.md'), 'utf8');
      expect(markdown).toContain('CPU profiles from a separate --cpu-prof run');
      expect(readFileSync(join(dir, 'latest.svg'), 'utf8').startsWith('<svg')).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('draws a bar per measured gateway and per data size in well-formed SVG', () => {
    const svg = renderSvg(FIXED);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<rect /g)).toHaveLength(1 + 4 * 2 + 4);
    expect(svg).not.toContain('hive-rust');
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  });
});

describe('workloads', () => {
  const schema = buildASTSchema(parse(readSupergraphSdl()), { assumeValidSDL: true });
  it('are valid operations against the committed supergraph', () => {
    for (const document of [
      ...WORKLOADS.map((workload) => workload.query),
      kecamatanList(10).query,
      MENTOR_OF_PROGRAM,
    ]) {
      expect(validate(schema, parse(document)).map((error) => error.message)).toEqual([]);
    }
  });
});

describe('parts of the runner', () => {
  it('reads sizes and names their databases', () => {
    expect([parseSize('10k'), parseSize('1m'), parseSize('2500')]).toEqual([10_000, 1_000_000, 2_500]);
    expect([
      databaseNameOf(10_000),
      databaseNameOf(1_000_000),
      databaseNameOf(100_000, 'migran_benchrun_'),
    ]).toEqual(['migran_bench_10k', 'migran_bench_1m', 'migran_benchrun_100k']);
    expect(parseOptions(['--quick', '--sizes', '1m,10k']).sizes).toEqual([10_000, 1_000_000]);
    expect(() => parseOptions(['--fast'])).toThrow(/unknown option --fast/);
  });

  it("tells where a peer's answer differs from the hub's", () => {
    const hub = { status: 200, data: { worker: { documents: [{ id: '1' }, { id: '2' }] } }, errors: [] };
    expect(answerDifference(hub, hub)).toBeNull();
    expect(
      answerDifference(hub, { ...hub, data: { worker: { documents: [{ id: '1' }, { id: '3' }] } } }),
    ).toBe('data.worker.documents[1].id: "2" against "3"');
    expect(answerDifference(hub, { status: 200, data: null, errors: [{ message: 'no' }] })).toMatch(
      /^errors: /,
    );
  });
});
