import { sql } from 'drizzle-orm';
import type { MeasureRow } from '../stats-tables.js';
import { selectRows, type Database } from './database.js';
import type { StatCellsTable } from './stat-cells-table.js';

/** The rollup's cells for the years asked, in the shape of the counting queries (category null when none). */
export async function readStatCells<TMeasure extends string>(
  db: Database,
  table: StatCellsTable,
  years: readonly number[],
): Promise<MeasureRow<TMeasure>[]> {
  if (years.length === 0) return [];
  return selectRows<MeasureRow<TMeasure>>(
    db,
    sql`select ${table.measure} as "measure", ${table.year} as "year",
        ${table.kecamatanCode} as "kecamatanCode", nullif(${table.category}, '') as "category",
        ${table.count} as "count"
      from ${table}
      where ${table.year} in (${sql.join(
        years.map((year) => sql.raw(String(Math.trunc(year)))),
        sql`, `,
      )}) and ${table.count} <> 0`,
  );
}

/** Every cell of the rollup, zeros left out. */
export async function readAllStatCells(db: Database, schema: string): Promise<MeasureRow<string>[]> {
  return selectRows<MeasureRow<string>>(
    db,
    sql`select measure, year, kecamatan_code as "kecamatanCode", nullif(category, '') as category, count
      from ${sql.identifier(schema)}.stat_cells where count <> 0`,
  );
}

/** The cells the subjects' recorded shares add up to (only where the schema keeps them). */
export async function sumStatSubjectCells(db: Database, schema: string): Promise<MeasureRow<string>[]> {
  return selectRows<MeasureRow<string>>(
    db,
    sql`select measure, year, kecamatan_code as "kecamatanCode", nullif(category, '') as category,
        sum(count)::int as count
      from ${sql.identifier(schema)}.stat_subject_cells group by 1, 2, 3, 4 having sum(count) <> 0`,
  );
}

/** Rewrites a schema's rollup from its rows (the `stat_cells_rebuild` function of its migration). */
export async function rebuildStatCells(db: Database, schema: string): Promise<void> {
  await db.execute(sql`select ${sql.identifier(schema)}.stat_cells_rebuild()`);
}
