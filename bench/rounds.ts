import type { CpuFigures, GatewayName, GatewayRun, Range, RoundFigures } from './report/types.js';

// Each contender is measured in several interleaved rounds (round 1 runs every contender once per
// workload, then round 2, ...), so that a slow minute of a shared machine does not land on one
// contender alone. The report shows the median of each figure and its range over the rounds.

const round2 = (value: number) => Math.round(value * 100) / 100;

/** The median of the values (the mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : round2(((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2);
}

export function rangeOf(values: readonly number[]): Range | null {
  return values.length === 0 ? null : [Math.min(...values), Math.max(...values)];
}

const present = (values: readonly (number | null | undefined)[]) =>
  values.filter((value): value is number => value !== null && value !== undefined && Number.isFinite(value));

/** Medians of every CPU figure over the rounds that have one. */
export function medianCpu(figures: readonly (CpuFigures | null)[]): CpuFigures | null {
  const known = figures.filter((figure): figure is CpuFigures => figure !== null);
  if (known.length === 0) return null;
  const of = (pick: (figure: CpuFigures) => number | null | undefined) => median(present(known.map(pick)));
  const subgraphs = [...new Set(known.flatMap((figure) => Object.keys(figure.subgraphMs)))].sort();
  const lines = [...new Set(known.flatMap((figure) => Object.keys(figure.postgresLines)))].sort();
  const postgresLines: Record<string, number> = {};
  for (const line of lines) postgresLines[line] = of((figure) => figure.postgresLines[line] ?? 0) ?? 0;
  return {
    gatewayMs: of((figure) => figure.gatewayMs),
    subgraphMs: Object.fromEntries(subgraphs.map((name) => [name, of((figure) => figure.subgraphMs[name])])),
    subgraphsMs: of((figure) => figure.subgraphsMs),
    postgresMs: of((figure) => figure.postgresMs),
    postgresLines,
    totalMs: of((figure) => figure.totalMs),
  };
}

/** Min and max of the figures the report shows a range for. */
export function rangesOf(rounds: readonly RoundFigures[]): Record<string, Range> {
  const pickers: Record<string, (figure: RoundFigures) => number | null | undefined> = {
    rps: (figure) => figure.rps,
    p50Ms: (figure) => figure.p50Ms,
    p99Ms: (figure) => figure.p99Ms,
    gatewayMs: (figure) => figure.cpu?.gatewayMs,
    subgraphsMs: (figure) => figure.cpu?.subgraphsMs,
    postgresMs: (figure) => figure.cpu?.postgresMs,
    totalMs: (figure) => figure.cpu?.totalMs,
  };
  const ranges: Record<string, Range> = {};
  for (const [name, pick] of Object.entries(pickers)) {
    const range = rangeOf(present(rounds.map(pick)));
    if (range) ranges[name] = range;
  }
  return ranges;
}

/**
 * One report row from every round of a workload through a gateway: medians (and ranges) over the
 * rounds that got at least one answer; `no answer` when none did, never 0 req/s with "errors 0 / 0".
 */
export function aggregateRounds(options: {
  readonly workload: string;
  readonly gateway: GatewayName;
  readonly workers: number;
  readonly connections: number;
  readonly seconds: number;
  readonly rounds: readonly RoundFigures[];
}): Omit<GatewayRun, 'sameDataAsHub'> {
  const { rounds } = options;
  const answered = rounds.filter((figure) => figure.requests > 0);
  const peaks = present(rounds.map((figure) => figure.peakMemoryMb));
  const common = {
    workload: options.workload,
    gateway: options.gateway,
    workers: options.workers,
    connections: options.connections,
    seconds: options.seconds,
    rounds: rounds.length,
    roundsWithoutAnswer: rounds.length - answered.length,
    errors: rounds.reduce((sum, figure) => sum + figure.errors, 0),
    non2xx: rounds.reduce((sum, figure) => sum + figure.non2xx, 0),
    peakMemoryMb: peaks.length > 0 ? Math.max(...peaks) : null,
    perRound: rounds,
  };
  if (answered.length === 0) {
    return {
      ...common,
      status: 'no answer',
      reason: `no answer within ${options.seconds} s (${rounds.map((figure) => figure.sent).join(', ')} sent in ${rounds.length} round${rounds.length === 1 ? '' : 's'})`,
      requests: 0,
      rps: 0,
      p50Ms: 0,
      p95Ms: 0,
      p99Ms: 0,
      sqlPerRequest: median(present(rounds.map((figure) => figure.sqlPerRequest))),
      cpu: null,
    };
  }
  const of = (pick: (figure: RoundFigures) => number | null) => median(present(answered.map(pick))) ?? 0;
  return {
    ...common,
    status: 'measured',
    requests: of((figure) => figure.requests),
    rps: of((figure) => figure.rps),
    p50Ms: of((figure) => figure.p50Ms),
    p95Ms: of((figure) => figure.p95Ms),
    p99Ms: of((figure) => figure.p99Ms),
    sqlPerRequest: median(present(answered.map((figure) => figure.sqlPerRequest))),
    cpu: medianCpu(answered.map((figure) => figure.cpu)),
    range: rangesOf(answered),
  };
}
