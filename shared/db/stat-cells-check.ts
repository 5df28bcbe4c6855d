import type { MeasureRow } from '../stats-tables.js';
import type { Database } from './database.js';
import { readAllStatCells, rebuildStatCells, sumStatSubjectCells } from './stat-cells.js';

/** One cell where the rollup and the count from the rows disagree. */
export interface CellDifference {
  readonly measure: string;
  readonly year: number;
  readonly kecamatanCode: string;
  readonly category: string;
  /** What the rollup holds, and what counting the rows gives. */
  readonly rollup: number;
  readonly rows: number;
}

/** A subgraph's rollup and the reference that counts its rows (`countByKecamatanFromRows`). */
export interface RollupSource {
  readonly schema: string;
  /** True where the schema keeps each subject's share (`stat_subject_cells`). */
  readonly subjectCells: boolean;
  countFromRows(db: Database, years: readonly number[] | 'all'): Promise<readonly MeasureRow<string>[]>;
  /** What `regionStats` reads (`countByKecamatan`). */
  countFromRollup(db: Database, years: readonly number[]): Promise<readonly MeasureRow<string>[]>;
}

export interface RollupCheck {
  readonly schema: string;
  readonly cells: number;
  /** Cells of `stat_cells` that differ from the rows. */
  readonly differences: readonly CellDifference[];
  /** Cells that the recorded subject shares do not add up to (the next change would be off by it). */
  readonly shareDifferences: readonly CellDifference[];
}

const keyOf = (row: MeasureRow<string>) =>
  `${row.measure}\u0000${row.year}\u0000${row.kecamatanCode}\u0000${row.category ?? ''}`;

function countsByCell(rows: readonly MeasureRow<string>[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(keyOf(row), (counts.get(keyOf(row)) ?? 0) + Number(row.count));
  return counts;
}

/** The cells where two sets of counts differ (a missing cell counts 0), in key order. */
export function cellDifferences(
  rollup: readonly MeasureRow<string>[],
  rows: readonly MeasureRow<string>[],
): CellDifference[] {
  const held = countsByCell(rollup);
  const counted = countsByCell(rows);
  const differences: CellDifference[] = [];
  for (const key of [...new Set([...held.keys(), ...counted.keys()])].sort()) {
    const a = held.get(key) ?? 0;
    const b = counted.get(key) ?? 0;
    if (a === b) continue;
    const [measure = '', year = '0', kecamatanCode = '', category = ''] = key.split('\u0000');
    differences.push({ measure, year: Number(year), kecamatanCode, category, rollup: a, rows: b });
  }
  return differences;
}

/** Recounts every cell of a subgraph's rollup from its rows and says where they differ. */
export async function checkRollup(db: Database, source: RollupSource): Promise<RollupCheck> {
  const [rollup, rows, shares] = await Promise.all([
    readAllStatCells(db, source.schema),
    source.countFromRows(db, 'all'),
    source.subjectCells ? sumStatSubjectCells(db, source.schema) : Promise.resolve(null),
  ]);
  return {
    schema: source.schema,
    cells: rollup.length,
    differences: cellDifferences(rollup, rows),
    shareDifferences: shares ? cellDifferences(shares, rows) : [],
  };
}

/** Rewrites a subgraph's rollup from its rows, then checks it. */
export async function repairRollup(db: Database, source: RollupSource): Promise<RollupCheck> {
  await rebuildStatCells(db, source.schema);
  return checkRollup(db, source);
}
