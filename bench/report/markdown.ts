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

function workloadTable(results: BenchResults, workload: string): string {
  const runs = GATEWAY_NAMES.map((gateway) =>
    results.results.find((run) => run.workload === workload && run.gateway === gateway),
  ).filter((run): run is GatewayRun => run !== undefined);
  const stock = runs.find((run) => run.gateway === 'apollo-stock' && run.status === 'measured');
  const floor = runs.find((run) => run.gateway === 'floor' && run.status === 'measured');
  const rows = runs.map((run) => {
    if (run.status === 'not measured') {
      return [run.gateway, `not measured: ${run.reason ?? 'unknown'}`, '', '', '', '', '', '', '', '', ''];
    }
    const same =
      run.sameDataAsHub === null ? '–' : run.sameDataAsHub ? 'yes' : `**no**: ${run.difference ?? ''}`;
    return [
      run.gateway,
      number(run.rps),
      number(run.p50Ms, 2),
      number(run.p95Ms, 2),
      number(run.p99Ms, 2),
      `${run.errors} / ${run.non2xx}`,
      number(run.sqlPerRequest, 2),
      number(run.peakMemoryMb, 0),
      ratio(run.rps, stock?.rps),
      ratio(run.p50Ms, floor?.p50Ms),
      same,
    ];
  });
  return table(
    [
      'gateway',
      'req/s',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'errors / non-2xx',
      'SQL/req',
      'peak MB',
      'req/s vs stock',
      'p50 vs floor',
      'same data as hub',
    ],
    rows,
  );
}

function growthTable(results: BenchResults): string {
  const rows = results.growth.map((point) => {
    if (point.failure) {
      return [
        point.workload,
        point.workers.toLocaleString('en-US'),
        `failed: ${point.failure}`,
        '–',
        '–',
        '–',
      ];
    }
    const base = results.growth.find(
      (other) => other.workload === point.workload && other.workers === 10_000 && !other.failure,
    );
    return [
      point.workload,
      point.workers.toLocaleString('en-US'),
      number(point.p50Ms, 2),
      number(point.sqlPerRequest, 2),
      base ? ratio(point.p50Ms, base.p50Ms) : '–',
      base && base.sqlPerRequest && point.sqlPerRequest !== null
        ? ratio(point.sqlPerRequest, base.sqlPerRequest)
        : '–',
    ];
  });
  return table(
    ['workload', 'workers', 'p50 ms (1 connection)', 'SQL/req', 'p50 vs 10k', 'SQL/req vs 10k'],
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
      `${parameters.warmupSeconds} s warm-up then ${parameters.seconds} s measured per gateway and workload, one at a time. ` +
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
  for (const workload of workloads)
    sections.push('', `### ${workload}`, '', workloadTable(results, workload));
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
          `(${ratio(results.accessLog.onRps, results.accessLog.offRps)}).`
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
  if (parameters.notes.length > 0)
    sections.push('', '## Notes', '', ...parameters.notes.map((note) => `- ${note}`));
  return `${sections.join('\n')}\n`;
}
