import { buildASTSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { readSupergraphSdl } from '../shared/schema-files.js';
import { answerDifference } from './compare.js';
import { databaseNameOf, parseOptions, parseSize } from './options.js';
import { stagesOf } from './plan-recorder.js';
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
    run('b-kecamatan-list', 'hub', 300, 30, 180),
    run('b-kecamatan-list', 'apollo-stock', 150, 60, 200),
    run('b-kecamatan-list', 'hive-js', 320, 28, 300),
    {
      ...run('b-kecamatan-list', 'hive-rust', 0, 0, 0),
      status: 'not measured',
      reason: 'no native binary here',
      peakMemoryMb: null,
    },
    run('b-kecamatan-list', 'floor', 500, 20, 60),
  ],
  growth: [
    { workload: 'a-agency-lookup', workers: 10_000, p50Ms: 4, sqlPerRequest: 8 },
    { workload: 'a-agency-lookup', workers: 1_000_000, p50Ms: 4.4, sqlPerRequest: 8 },
    { workload: 'd-ministry-region-view', workers: 10_000, p50Ms: 10, sqlPerRequest: 12 },
    { workload: 'd-ministry-region-view', workers: 1_000_000, p50Ms: 30, sqlPerRequest: 12 },
  ],
  accessLog: { onRps: 300, offRps: 330 },
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
    expect(new Set(names).size).toBe(9);
  });

  it('meets a ratio at or past its goal and says by how much one is missed', () => {
    expect(byName('Hub throughput on (b) / stock')).toMatchObject({ value: 2, met: true });
    expect(byName('Hub throughput on (b) / fastest Hive')).toMatchObject({
      value: 0.94,
      met: false,
      note: 'missed by 6.3% (0.94 against >= 1.0)',
    });
    expect(byName('Hub p50 latency on (b) / floor')).toMatchObject({
      value: 1.5,
      met: false,
      note: 'missed by 20% (1.5 against <= 1.25)',
    });
    expect(byName('cost(1M) / cost(10k) for (a)')).toMatchObject({ value: 1.1, met: true });
    expect(byName('cost(1M) / cost(10k) for (d)')).toMatchObject({ value: 3, met: false });
    expect(byName('SQL statements per request')).toMatchObject({ value: 1, met: true });
    expect(byName('Access log on / off')).toMatchObject({ value: 0.91, met: true });
  });

  it("takes the hub gateway's highest peak and leaves what was not measured unmet", () => {
    expect(byName('Hub gateway peak memory')).toMatchObject({ value: 180, met: true });
    expect(byName('Whole embedded hub')).toMatchObject({
      value: null,
      met: false,
      note: 'not measured in this run',
    });
  });
});

describe('rendering', () => {
  it('writes the workload table with ratios to stock Apollo and to the floor', () => {
    const markdown = renderMarkdown(FIXED);
    expect(markdown).toContain(
      '| hub | 300.0 | 30.00 | 60.00 | 90.00 | 0 / 0 | 9.00 | 180 | 2.00× | 1.50× | yes |',
    );
    expect(markdown).toContain('| hive-rust | not measured: no native binary here |');
    expect(markdown).toContain('| a-agency-lookup | 1,000,000 | 4.40 | 8.00 | 1.10× | 1.00× |');
    expect(markdown).toContain('Test CPU, 2 cores, 24 GB RAM');
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

  it('groups recorded subgraph requests into sequential stages of parallel fetches', () => {
    const fetch = (subgraph: string, startedAt: number, endedAt: number) => ({
      subgraph,
      url: 'http://127.0.0.1:1/graphql',
      headers: {},
      body: '',
      startedAt,
      endedAt,
    });
    const stages = stagesOf([
      fetch('labour', 0, 10),
      fetch('ministry', 11, 20),
      fetch('training', 12, 18),
      fetch('university', 21, 30),
    ]);
    expect(stages.map((stage) => stage.map((entry) => entry.subgraph))).toEqual([
      ['labour'],
      ['ministry', 'training'],
      ['university'],
    ]);
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
