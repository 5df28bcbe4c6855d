import { evaluateTargets } from './targets.js';
import { GATEWAY_NAMES, type BenchResults, type GatewayRun } from './types.js';

const number = (value: number | null | undefined, digits = 1) =>
  value === null || value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(digits);
const ratio = (value: number, base: number | undefined) =>
  base && base > 0 ? `${(value / base).toFixed(2)}×` : '–';

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** `12.3 (11.8–13.0)`: the median and, over several rounds, its range. */
function withRange(run: GatewayRun, figure: string, value: number | null | undefined, digits = 1): string {
  const range = run.range?.[figure];
  const median = number(value, digits);
  return range && (run.rounds ?? 1) > 1 && range[0] !== range[1]
    ? `${median} (${range[0].toFixed(digits)}–${range[1].toFixed(digits)})`
    : median;
}

/** Why a run has no figures: never "0 req/s, errors 0 / 0" for a run that got no answer. */
function noFigures(run: GatewayRun): string {
  if (run.status === 'no answer') return `**${run.reason ?? `no answer within ${run.seconds ?? '?'} s`}**`;
  return `not measured: ${run.reason ?? 'unknown'}`;
}

function sameData(run: GatewayRun): string {
  if (run.peerRouterLimit) return `no, by design: ${run.peerRouterLimit}`;
  if (run.sameDataAsHub === null) return run.difference ? `**answer failed**: ${run.difference}` : '–';
  return run.sameDataAsHub ? 'yes' : `**no**: ${run.difference ?? ''}`;
}

function runsOf(results: BenchResults, workload: string): GatewayRun[] {
  return GATEWAY_NAMES.map((gateway) =>
    results.results.find((run) => run.workload === workload && run.gateway === gateway),
  ).filter((run): run is GatewayRun => run !== undefined);
}

function workloadTable(results: BenchResults, workload: string): string {
  const runs = runsOf(results, workload);
  const stock = runs.find((run) => run.gateway === 'apollo-stock' && run.status === 'measured');
  const floor = runs.find((run) => run.gateway === 'floor' && run.status === 'measured');
  const header = [
    'gateway',
    'req/s',
    'p50 ms',
    'p99 ms',
    'gateway CPU ms/req',
    'subgraphs CPU ms/req',
    'PostgreSQL CPU ms/req',
    'total CPU ms/req',
    'CPU vs floor',
    'errors / non-2xx',
    'SQL/req',
    'peak MB',
    'req/s vs stock',
    'same data as hub',
  ];
  const rows = runs.map((run) => {
    if (run.status !== 'measured')
      return [run.gateway, noFigures(run), ...header.slice(2).map(() => ''), ''].slice(0, header.length);
    const partial = run.roundsWithoutAnswer
      ? ` (${run.roundsWithoutAnswer} of ${run.rounds} rounds: no answer)`
      : '';
    return [
      run.gateway,
      withRange(run, 'rps', run.rps) + partial,
      withRange(run, 'p50Ms', run.p50Ms, 2),
      withRange(run, 'p99Ms', run.p99Ms, 2),
      withRange(run, 'gatewayMs', run.cpu?.gatewayMs, 2),
      withRange(run, 'subgraphsMs', run.cpu?.subgraphsMs, 2),
      withRange(run, 'postgresMs', run.cpu?.postgresMs, 2),
      withRange(run, 'totalMs', run.cpu?.totalMs, 2),
      run.cpu?.totalMs != null && floor?.cpu?.totalMs ? ratio(run.cpu.totalMs, floor.cpu.totalMs) : '–',
      `${run.errors} / ${run.non2xx}`,
      number(run.sqlPerRequest, 2),
      number(run.peakMemoryMb, 0),
      ratio(run.rps, stock?.rps),
      sameData(run),
    ];
  });
  return table(header, rows);
}

/** CPU ms per request of every process line of each gateway's run (medians over rounds). */
function processTable(results: BenchResults, workload: string): string | null {
  const runs = runsOf(results, workload).filter((run) => run.status === 'measured' && run.cpu);
  if (runs.length === 0) return null;
  const subgraphs = [...new Set(runs.flatMap((run) => Object.keys(run.cpu?.subgraphMs ?? {})))].sort();
  const lines = [...new Set(runs.flatMap((run) => Object.keys(run.cpu?.postgresLines ?? {})))].sort();
  return table(
    ['contender', 'gateway process', ...subgraphs, ...lines.map((line) => line.replace(/^postgres /, 'PG '))],
    runs.map((run) => [
      run.gateway,
      number(run.cpu?.gatewayMs, 2),
      ...subgraphs.map((name) => number(run.cpu?.subgraphMs[name], 2)),
      ...lines.map((line) => number(run.cpu?.postgresLines[line] ?? 0, 2)),
    ]),
  );
}

function profileTables(results: BenchResults): string[] {
  const sections: string[] = [];
  for (const summary of results.profiles ?? []) {
    sections.push(
      '',
      `### ${summary.process}`,
      '',
      `${summary.files} profile${summary.files === 1 ? '' : 's'}, ${summary.totalMs.toLocaleString('en-US')} ms of self time ((idle) left out).`,
      '',
      table(
        ['package', 'self ms', 'share'],
        summary.packages.map((entry) => [
          entry.name,
          entry.selfMs.toLocaleString('en-US'),
          `${entry.share.toFixed(1)}%`,
        ]),
      ),
      '',
      table(
        ['function', 'self ms', 'share'],
        (summary.functions ?? []).map((entry) => [
          entry.name.replaceAll('|', '\\|'),
          entry.selfMs.toLocaleString('en-US'),
          `${entry.share.toFixed(1)}%`,
        ]),
      ),
    );
  }
  return sections;
}

function growthTable(results: BenchResults): string {
  const rows = results.growth.map((point) => {
    const workers = point.workers.toLocaleString('en-US');
    if (point.failure) return [point.workload, workers, `failed: ${point.failure}`, '–', '–', '–', '–', '–'];
    if (point.noAnswerWithinSeconds)
      return [
        point.workload,
        workers,
        `**no answer within ${point.noAnswerWithinSeconds} s**`,
        '–',
        '–',
        '–',
        '–',
        '–',
      ];
    const base = results.growth.find(
      (other) =>
        other.workload === point.workload &&
        other.workers === 10_000 &&
        !other.failure &&
        !other.noAnswerWithinSeconds,
    );
    const ranged = (figure: string, value: number | null | undefined, digits = 2) => {
      const range = point.range?.[figure];
      return range && (point.rounds ?? 1) > 1 && range[0] !== range[1]
        ? `${number(value, digits)} (${range[0].toFixed(digits)}–${range[1].toFixed(digits)})`
        : number(value, digits);
    };
    return [
      point.workload,
      workers,
      ranged('p50Ms', point.p50Ms),
      ranged('totalMs', point.cpuMs),
      number(point.sqlPerRequest, 2),
      base ? ratio(point.p50Ms, base.p50Ms) : '–',
      base && base.cpuMs && point.cpuMs != null ? ratio(point.cpuMs, base.cpuMs) : '–',
      base && base.sqlPerRequest && point.sqlPerRequest !== null
        ? ratio(point.sqlPerRequest, base.sqlPerRequest)
        : '–',
    ];
  });
  return table(
    [
      'workload',
      'workers',
      'p50 ms (1 connection)',
      'CPU ms/req',
      'SQL/req',
      'p50 vs 10k',
      'cost (CPU) vs 10k',
      'SQL/req vs 10k',
    ],
    rows,
  );
}

/** The results as the Markdown report `bench/results/latest.md` (and the README's table). */
export function renderMarkdown(results: BenchResults): string {
  const { machine, parameters } = results;
  const targets = evaluateTargets(results);
  // Workload ids start with their letter in the issue: (a), (b), (c), (d).
  const workloads = [...new Set(results.results.map((run) => run.workload))].sort();
  const sections = [
    '# Benchmark results',
    '',
    `Measured ${machine.date} on ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB RAM, ${machine.os}; ` +
      `Node ${machine.node}; ${machine.postgres}.`,
    '',
    `Side by side at ${parameters.mainWorkers.toLocaleString('en-US')} workers: ${parameters.connections} connections, ` +
      `${parameters.warmupSeconds} s warm-up then ${parameters.seconds} s measured per gateway and workload, one at a time, ` +
      `in ${parameters.rounds ?? 1} interleaved round${(parameters.rounds ?? 1) === 1 ? '' : 's'} (figures are medians, with the range over rounds in parentheses). ` +
      'CPU ms/req is /proc time (utime + stime) of each process over the measured window divided by requests sent. ' +
      `Growth at ${parameters.growthConnections} connection over ${parameters.sizes.map((size) => size.toLocaleString('en-US')).join(', ')} workers.` +
      (parameters.quick ? ' **Quick run**: shorter than the full benchmark.' : ''),
    '',
    '## Targets',
    '',
    table(
      ['target', 'value', 'goal', 'met', 'note'],
      targets.map((target) => [
        target.name,
        number(target.value, 2),
        target.goal,
        target.met ? 'yes' : '**no**',
        target.note,
      ]),
    ),
    '',
    '## Workloads × gateways',
  ];
  for (const workload of workloads) {
    sections.push('', `### ${workload}`, '', workloadTable(results, workload));
    const processes = processTable(results, workload);
    if (processes) sections.push('', 'CPU ms per request by process (medians):', '', processes);
  }
  sections.push(
    '',
    '## Growth',
    '',
    results.growth.length > 0 ? growthTable(results) : 'Not measured in this run.',
  );
  sections.push('', '## Access log and batching', '');
  sections.push(
    results.accessLog
      ? `(b) on the hub: ${number(results.accessLog.onRps)} req/s with the access log on, ${number(results.accessLog.offRps)} req/s off ` +
          `(${ratio(results.accessLog.onRps, results.accessLog.offRps)}); CPU ${number(results.accessLog.onCpuMs, 2)} ms/req on, ` +
          `${number(results.accessLog.offCpuMs, 2)} ms/req off (${results.accessLog.onCpuMs != null && results.accessLog.offCpuMs ? ratio(results.accessLog.onCpuMs, results.accessLog.offCpuMs) : '–'}).`
      : 'Access log on/off: not measured in this run.',
  );
  sections.push(
    results.batching
      ? `(b) SQL statements per request: ${number(results.batching.first10SqlPerRequest, 2)} with first: 10, ` +
          `${number(results.batching.first100SqlPerRequest, 2)} with first: 100.`
      : 'Batching (first: 10 against first: 100): not measured in this run.',
  );
  sections.push(
    results.embeddedHub
      ? `Embedded hub (\`npm start\`, PGlite): peak ${number(results.embeddedHub.peakMb, 0)} MB resident for the whole process tree while serving ${results.embeddedHub.workload} at ${number(results.embeddedHub.rps)} req/s.`
      : 'Embedded hub (`npm start`): not measured in this run.',
  );
  if ((results.profiles ?? []).length > 0)
    sections.push(
      '',
      '## CPU profiles by package and function (`--cpu-prof`: each measured window, rounds merged)',
      ...profileTables(results),
    );
  if (parameters.notes.length > 0)
    sections.push('', '## Notes', '', ...parameters.notes.map((note) => `- ${note}`));
  return `${sections.join('\n')}\n`;
}
