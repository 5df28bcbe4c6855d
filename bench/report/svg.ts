import { GATEWAY_NAMES, type BenchResults, type GatewayName } from './types.js';

const WIDTH = 960;
const LABEL = 110;
const BAR = 16;
const COLOURS: Readonly<Record<GatewayName, string>> = {
  hub: '#1f6f43',
  'apollo-stock': '#6b7280',
  'hive-js': '#c2410c',
  'hive-rust': '#9a3412',
  floor: '#2563eb',
};

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const text = (x: number, y: number, content: string, extra = '') =>
  `<text x="${x}" y="${y}" ${extra}>${escape(content)}</text>`;

interface Bar {
  readonly label: string;
  readonly value: number;
  readonly colour: string;
}

/** Horizontal bars scaled to the largest value, each labelled with its value and unit. */
function bars(
  x: number,
  y: number,
  width: number,
  title: string,
  unit: string,
  items: readonly Bar[],
): string[] {
  const largest = Math.max(...items.map((item) => item.value), 1e-9);
  const parts = [text(x, y, title, 'font-weight="bold"')];
  items.forEach((item, index) => {
    const top = y + 8 + index * (BAR + 4);
    const length = Math.max(1, (item.value / largest) * (width - LABEL - 70));
    parts.push(
      text(x, top + BAR - 4, item.label),
      `<rect x="${x + LABEL}" y="${top}" width="${length.toFixed(1)}" height="${BAR}" fill="${item.colour}"/>`,
      text(Math.round(x + LABEL + length + 4), top + BAR - 4, `${item.value.toFixed(1)} ${unit}`),
    );
  });
  return parts;
}

/**
 * The chart `bench/results/latest.svg`: throughput and p50 latency per gateway for each workload,
 * and p50 cost against data size for the growth workloads. Plain SVG text, no dependencies.
 */
export function renderSvg(results: BenchResults): string {
  const parts: string[] = [];
  let y = 30;
  parts.push(
    text(10, y, `Migran Center hub benchmark — ${results.machine.date}`, 'font-size="16" font-weight="bold"'),
  );
  y += 24;
  const workloads = [...new Set(results.results.map((run) => run.workload))].sort();
  for (const workload of workloads) {
    const runs = GATEWAY_NAMES.flatMap((gateway) =>
      results.results.filter(
        (run) => run.workload === workload && run.gateway === gateway && run.status === 'measured',
      ),
    );
    if (runs.length === 0) continue;
    parts.push(text(10, y, workload, 'font-size="14" font-weight="bold"'));
    y += 20;
    const half = WIDTH / 2 - 10;
    parts.push(
      ...bars(
        10,
        y,
        half,
        'requests/s (higher is better)',
        'req/s',
        runs.map((run) => ({ label: run.gateway, value: run.rps, colour: COLOURS[run.gateway] })),
      ),
      ...bars(
        WIDTH / 2,
        y,
        half,
        'p50 latency (lower is better)',
        'ms',
        runs.map((run) => ({ label: run.gateway, value: run.p50Ms, colour: COLOURS[run.gateway] })),
      ),
    );
    y += 16 + runs.length * (BAR + 4) + 16;
  }
  const growthWorkloads = [...new Set(results.growth.map((point) => point.workload))];
  if (growthWorkloads.length > 0) {
    parts.push(
      text(10, y, 'Cost against data size (hub, 1 connection)', 'font-size="14" font-weight="bold"'),
    );
    y += 20;
    growthWorkloads.forEach((workload, index) => {
      const points = results.growth.filter((point) => point.workload === workload && !point.failure);
      const x = index % 2 === 0 ? 10 : WIDTH / 2;
      parts.push(
        ...bars(
          x,
          y,
          WIDTH / 2 - 10,
          `${workload}: p50 ms`,
          'ms',
          points.map((point) => ({
            label: `${point.workers.toLocaleString('en-US')} workers`,
            value: point.p50Ms,
            colour: '#1f6f43',
          })),
        ),
      );
    });
    const tallest = Math.max(
      ...growthWorkloads.map(
        (workload) => results.growth.filter((point) => point.workload === workload && !point.failure).length,
      ),
    );
    y += 16 + tallest * (BAR + 4) + 16;
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${y}" viewBox="0 0 ${WIDTH} ${y}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${y}" fill="#ffffff"/>`,
    ...parts,
    '</svg>',
    '',
  ].join('\n');
}
