import { z } from 'zod';
import { GATEWAY_NAMES } from './report/types.js';

const SIZE = /^(\d+(?:\.\d+)?)([km]?)$/i;

/** `10k` → 10000, `1m` → 1000000, `2500` → 2500. */
export function parseSize(text: string): number {
  const match = SIZE.exec(text.trim());
  if (!match) throw new Error(`not a size: ${text} (write 10k, 100k, 1m or a number)`);
  const factor = { '': 1, k: 1_000, m: 1_000_000 }[(match[2] ?? '').toLowerCase()] ?? 1;
  return Math.round(Number(match[1]) * factor);
}

/** The database a size is seeded in: `migran_bench_10k`, `migran_bench_1m`, `migran_bench_2500`. */
export function databaseNameOf(workers: number, prefix = 'migran_bench_'): string {
  const label =
    workers % 1_000_000 === 0
      ? `${workers / 1_000_000}m`
      : workers % 1_000 === 0
        ? `${workers / 1_000}k`
        : String(workers);
  return `${prefix}${label}`;
}

const flags = z.object({
  quick: z.boolean(),
  sizes: z.array(z.number().int().min(100)).min(1),
  mainSize: z.number().int().optional(),
  connections: z.number().int().min(1).max(1000),
  seconds: z.number().min(1).max(600),
  warmupSeconds: z.number().min(0).max(120),
  gateways: z.array(z.enum(GATEWAY_NAMES)).min(1),
  embedded: z.boolean(),
  outDir: z.string().min(1),
  cpuProfile: z.boolean(),
  rounds: z.number().int().min(1).max(20),
  databasePrefix: z.string().regex(/^[a-z_][a-z0-9_]*$/),
});
export type BenchOptions = z.infer<typeof flags>;

export const USAGE = `npm run bench -- [--quick] [--sizes 10k,100k,1m] [--main-size 1m] [--connections 10]
  [--duration 10] [--warmup 3] [--rounds 3] [--gateways hub,apollo-stock,hive-js,hive-rust,floor] [--no-embedded]
  [--out bench/results] [--db-prefix migran_bench_] [--cpu-prof]
  --rounds N   interleaved rounds (every contender once per workload, then again), medians and ranges
               over them; 3 by default, 1 with --quick unless given
  --cpu-prof   every measured window profiles the gateway and each subgraph through their inspectors
               (<out>/profiles/<workload>.<contender>.<process>/r<round>.cpuprofile), and the report
               adds up their self time by package and by function`;

/** Parses the command line; every value is checked before anything starts. */
export function parseOptions(argv: readonly string[]): BenchOptions {
  const quick = argv.includes('--quick');
  const value = (name: string): string | undefined => {
    const index = argv.indexOf(name);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const known = new Set([
    '--quick',
    '--sizes',
    '--main-size',
    '--connections',
    '--duration',
    '--warmup',
    '--gateways',
    '--no-embedded',
    '--out',
    '--db-prefix',
    '--rounds',
    '--cpu-prof',
  ]);
  // Options that take a value: what follows them is that value, not an option.
  const takesValue = new Set([
    '--sizes',
    '--main-size',
    '--connections',
    '--duration',
    '--warmup',
    '--gateways',
    '--out',
    '--db-prefix',
    '--rounds',
  ]);
  const unknown = argv.filter(
    (arg, index) => arg.startsWith('--') && !known.has(arg) && !takesValue.has(argv[index - 1] ?? ''),
  );
  if (unknown.length > 0) throw new Error(`unknown option ${unknown.join(', ')}\n${USAGE}`);
  const sizes = (value('--sizes') ?? '10k,100k,1m')
    .split(',')
    .map(parseSize)
    .sort((left, right) => left - right);
  const mainSize = value('--main-size');
  const parsed = flags.safeParse({
    quick,
    sizes,
    ...(mainSize ? { mainSize: parseSize(mainSize) } : {}),
    connections: Number(value('--connections') ?? 10),
    seconds: Number(value('--duration') ?? (quick ? 4 : 10)),
    warmupSeconds: Number(value('--warmup') ?? (quick ? 1 : 3)),
    gateways: (value('--gateways') ?? GATEWAY_NAMES.join(',')).split(','),
    embedded: !argv.includes('--no-embedded'),
    outDir: value('--out') ?? 'bench/results',
    databasePrefix: value('--db-prefix') ?? 'migran_bench_',
    cpuProfile: argv.includes('--cpu-prof'),
    rounds: Number(value('--rounds') ?? (quick ? 1 : 3)),
  });
  if (!parsed.success) {
    throw new Error(
      `${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}\n${USAGE}`,
    );
  }
  if (parsed.data.mainSize !== undefined && !parsed.data.sizes.includes(parsed.data.mainSize)) {
    throw new Error(`--main-size must be one of --sizes`);
  }
  return parsed.data;
}
