import type { BenchResults, GatewayName, GatewayRun, GrowthPoint, Target } from './types.js';

export const WORKLOAD_IDS = {
  lookup: 'a-agency-lookup',
  list: 'b-kecamatan-list',
  write: 'c-mentoring-write',
  regions: 'd-ministry-region-view',
} as const;

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

function measured(results: BenchResults, workload: string, gateway: GatewayName): GatewayRun | undefined {
  return results.results.find(
    (run) => run.workload === workload && run.gateway === gateway && run.status === 'measured',
  );
}

/** A target whose value must be at most `limit` (`atLeast` flips it). */
function bounded(
  name: string,
  value: number | null,
  limit: number,
  goal: string,
  atLeast = false,
  missing = 'not measured in this run',
): Target {
  if (value === null || !Number.isFinite(value))
    return { name, value: null, goal, met: false, note: missing };
  const met = atLeast ? value >= limit : value <= limit;
  const off = atLeast ? (limit - value) / limit : (value - limit) / limit;
  return {
    name,
    value: round(value),
    goal,
    met,
    note: met ? 'met' : `missed by ${round(off * 100, 1)}% (${round(value)} against ${goal})`,
  };
}

function growthRatio(growth: readonly GrowthPoint[], workload: string): number | null {
  const points = growth.filter((point) => point.workload === workload && !point.failure);
  const smallest = points.find((point) => point.workers === 10_000);
  const largest = points.find((point) => point.workers === 1_000_000);
  return smallest && largest && smallest.p50Ms > 0 ? largest.p50Ms / smallest.p50Ms : null;
}

/** Why a growth ratio has no value: a size whose answer failed, or sizes not in the run. */
function growthGap(growth: readonly GrowthPoint[], workload: string): string {
  const failed = growth.find((point) => point.workload === workload && point.failure);
  return failed
    ? `not met: at ${failed.workers.toLocaleString('en-US')} workers the hub could not answer (${failed.failure})`
    : 'needs both 10k and 1M in this run';
}

/** Every target of issue 5, each with its measured value and whether it was met. */
export function evaluateTargets(results: BenchResults): Target[] {
  const hubList = measured(results, WORKLOAD_IDS.list, 'hub');
  const stockList = measured(results, WORKLOAD_IDS.list, 'apollo-stock');
  const floorList = measured(results, WORKLOAD_IDS.list, 'floor');
  const hiveRates = (['hive-js', 'hive-rust'] as const)
    .map((gateway) => measured(results, WORKLOAD_IDS.list, gateway)?.rps)
    .filter((rps): rps is number => rps !== undefined);
  const hubPeaks = results.results
    .filter((run) => run.gateway === 'hub' && run.peakMemoryMb !== null)
    .map((run) => run.peakMemoryMb as number);
  const batching = results.batching;

  return [
    bounded(
      'SQL statements per request do not grow with entities returned: (b) first 100 / first 10',
      batching && batching.first10SqlPerRequest > 0
        ? batching.first100SqlPerRequest / batching.first10SqlPerRequest
        : null,
      1.05,
      '<= 1.05 (equal but for background statements)',
    ),
    bounded(
      'Hub throughput on (b) / stock @apollo/gateway',
      hubList && stockList && stockList.rps > 0 ? hubList.rps / stockList.rps : null,
      1.5,
      '>= 1.5',
      true,
    ),
    bounded(
      'Hub throughput on (b) / fastest Hive Gateway',
      hubList && hiveRates.length > 0 ? hubList.rps / Math.max(...hiveRates) : null,
      1,
      '>= 1.0',
      true,
    ),
    bounded(
      'Hub p50 latency on (b) / floor',
      hubList && floorList && floorList.p50Ms > 0 ? hubList.p50Ms / floorList.p50Ms : null,
      1.25,
      '<= 1.25',
    ),
    bounded(
      'cost(1M) / cost(10k) for (a), p50 at one connection',
      growthRatio(results.growth, WORKLOAD_IDS.lookup),
      1.2,
      '<= 1.2',
      false,
      growthGap(results.growth, WORKLOAD_IDS.lookup),
    ),
    bounded(
      'cost(1M) / cost(10k) for (d), p50 at one connection',
      growthRatio(results.growth, WORKLOAD_IDS.regions),
      2,
      '<= 2',
      false,
      growthGap(results.growth, WORKLOAD_IDS.regions),
    ),
    bounded(
      'Hub gateway peak memory under load (MB)',
      hubPeaks.length > 0 ? Math.max(...hubPeaks) : null,
      250,
      '<= 250 MB',
    ),
    bounded(
      'Whole embedded hub from npm start, peak memory (MB)',
      results.embeddedHub?.peakMb ?? null,
      1536,
      '<= 1536 MB (1.5 GB)',
    ),
    bounded(
      'Access log on / off throughput on (b)',
      results.accessLog && results.accessLog.offRps > 0
        ? results.accessLog.onRps / results.accessLog.offRps
        : null,
      0.85,
      '>= 0.85',
      true,
    ),
  ];
}
