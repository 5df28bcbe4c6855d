import { sql } from 'drizzle-orm';
import { selectRows, type Database } from '../../../../shared/db/database.js';
import { withinYearsSql, yearOfSql } from '../../../../shared/db/region-cells.js';
import { readStatCells } from '../../../../shared/db/stat-cells.js';
import type { RollupSource } from '../../../../shared/db/stat-cells-check.js';
import type { MeasureRow } from '../../../../shared/stats-tables.js';
import { statCells } from '../schema.js';

export type MinistryMeasure = 'casesOpened' | 'casesResolved';

/**
 * The counts per kecamatan for the years asked, from the rollup the triggers keep
 * (`ministry.stat_cells`): what `countByKecamatanFromRows` counts, without reading a row.
 */
export async function countByKecamatan(
  db: Database,
  years: readonly number[],
): Promise<MeasureRow<MinistryMeasure>[]> {
  return readStatCells<MinistryMeasure>(db, statCells, years);
}

/**
 * The ministry's counts per kecamatan counted from the rows, in one statement (the reference the
 * rollup is checked against, `npm run hub -- stats check`): cases opened and
 * cases resolved in the calendar year (WIB), placed in the worker's kecamatan as recorded when the
 * case was opened.
 */
export async function countByKecamatanFromRows(
  db: Database,
  years: readonly number[] | 'all',
): Promise<MeasureRow<MinistryMeasure>[]> {
  const openedAt = sql`c.opened_at`;
  const resolvedAt = sql`c.resolved_at`;
  return selectRows<MeasureRow<MinistryMeasure>>(
    db,
    sql`
      select 'casesOpened' as "measure", ${yearOfSql(openedAt, 'timestamp')} as "year",
        c.worker_district_code as "kecamatanCode", null as "category", count(*)::int as "count"
      from ministry.cases c
      where ${withinYearsSql(openedAt, 'timestamp', years)}
      group by 2, 3
      union all
      select 'casesResolved', ${yearOfSql(resolvedAt, 'timestamp')}, c.worker_district_code, null, count(*)::int
      from ministry.cases c
      where ${withinYearsSql(resolvedAt, 'timestamp', years)}
      group by 2, 3`,
  );
}

/** The rollup and its reference, for `npm run hub -- stats check` and the rollup tests. */
export const rollupSource: RollupSource = {
  schema: 'ministry',
  subjectCells: false,
  countFromRows: countByKecamatanFromRows,
  countFromRollup: countByKecamatan,
};
