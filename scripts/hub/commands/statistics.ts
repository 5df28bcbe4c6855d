import { z } from 'zod';
import type { RollupCheck, RollupSource } from '../../../shared/db/stat-cells-check.js';
import type { SubgraphName } from '../../../shared/config.js';
import type { Database } from '../../../shared/db/database.js';
import { defineCommand, type OperatorContext } from '../command.js';

/** How many differing cells a report lists per subgraph (the count says how many there are). */
const LISTED = 20;

/** Each subgraph's rollup and its reference count from the rows, loaded when a command needs them. */
async function rollupSources(): Promise<Record<SubgraphName, RollupSource>> {
  const [labour, ministry, training, university] = await Promise.all([
    import('../../../subgraphs/labour/db/queries/stats.js'),
    import('../../../subgraphs/ministry/db/queries/stats.js'),
    import('../../../subgraphs/training/db/queries/stats.js'),
    import('../../../subgraphs/university/db/queries/stats.js'),
  ]);
  return {
    labour: labour.rollupSource,
    ministry: ministry.rollupSource,
    training: training.rollupSource,
    university: university.rollupSource,
  };
}

function report(checks: readonly RollupCheck[], verb: string): { lines: string[]; failed: boolean } {
  const lines: string[] = [];
  let failed = false;
  for (const check of checks) {
    const differing = check.differences.length + check.shareDifferences.length;
    failed ||= differing > 0;
    lines.push(
      differing === 0
        ? `${check.schema}: ${check.cells} cells ${verb}, all equal to the rows`
        : `${check.schema}: ${check.differences.length} of ${check.cells} cells differ from the rows` +
            (check.shareDifferences.length > 0
              ? `, and the recorded shares differ in ${check.shareDifferences.length}`
              : ''),
    );
    for (const [label, differences] of [
      ['cell', check.differences],
      ['share', check.shareDifferences],
    ] as const) {
      for (const difference of differences.slice(0, LISTED)) {
        const category = difference.category ? ` ${difference.category}` : '';
        lines.push(
          `  ${label} ${difference.measure} ${difference.year} ${difference.kecamatanCode}${category}: rollup ${difference.rollup}, rows ${difference.rows}`,
        );
      }
      if (differences.length > LISTED) lines.push(`  … and ${differences.length - LISTED} more`);
    }
  }
  if (failed) lines.push('Run `npm run hub -- stats rebuild` to rewrite the rollups from the rows.');
  return { lines, failed };
}

/** Runs `run` over each subgraph's store in turn. */
async function eachSubgraph(
  context: OperatorContext,
  run: (db: Database, source: RollupSource) => Promise<RollupCheck>,
): Promise<RollupCheck[]> {
  const sources = await rollupSources();
  const checks: RollupCheck[] = [];
  for (const [name, source] of Object.entries(sources) as [SubgraphName, RollupSource][])
    checks.push(await run((await context.store(name)).db, source));
  return checks;
}

const check = defineCommand({
  group: 'stats',
  name: 'check',
  summary: 'Recounts every subgraph’s statistics rollup from its rows and lists any cell that differs.',
  options: {
    repair: { type: 'boolean', optional: true, description: 'rewrite the rollups from the rows afterwards' },
  },
  input: z.object({ repair: z.boolean().optional() }),
  examples: ['stats check', 'stats check --repair'],
  run: async (input, context) => {
    const { checkRollup, repairRollup } = await import('../../../shared/db/stat-cells-check.js');
    const checks = await eachSubgraph(context, checkRollup);
    if (!input.repair || checks.every((c) => c.differences.length + c.shareDifferences.length === 0))
      return report(checks, 'checked');
    const found = report(checks, 'checked');
    const repaired = report(await eachSubgraph(context, repairRollup), 'rewritten');
    // Differences found and repaired still exit 1: the operator learns that something wrote around the triggers.
    return { lines: [...found.lines, 'Repaired:', ...repaired.lines], failed: true };
  },
});

const rebuild = defineCommand({
  group: 'stats',
  name: 'rebuild',
  summary: 'Rewrites every subgraph’s statistics rollup from its rows (after a load with triggers off).',
  input: z.object({}),
  run: async (_input, context) => {
    const { repairRollup } = await import('../../../shared/db/stat-cells-check.js');
    return report(await eachSubgraph(context, repairRollup), 'rewritten');
  },
});

export const STATISTICS_COMMANDS = [check, rebuild];
