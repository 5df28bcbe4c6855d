import { sql } from 'drizzle-orm';
import { selectRows, type Database } from '../../../../shared/db/database.js';
import { withinYearsSql, yearOfSql } from '../../../../shared/db/region-cells.js';
import { readStatCells } from '../../../../shared/db/stat-cells.js';
import type { RollupSource } from '../../../../shared/db/stat-cells-check.js';
import type { MeasureRow } from '../../../../shared/stats-tables.js';
import { statCells } from '../schema.js';

export type LabourMeasure = 'registered' | 'departed' | 'returned';

/**
 * The counts per kecamatan for the years asked, from the rollup the triggers keep
 * (`labour.stat_cells`): what `countByKecamatanFromRows` counts, without reading a row.
 */
export async function countByKecamatan(
  db: Database,
  years: readonly number[],
): Promise<MeasureRow<LabourMeasure>[]> {
  return readStatCells<LabourMeasure>(db, statCells, years);
}

/**
 * The labour offices' counts per kecamatan counted from the rows, in one statement: the reference
 * the rollup is checked against (`npm run hub -- stats check`). Workers registered (by
 * registration time, WIB), placements departed by destination country and placements returned (by
 * date), each placed in the worker's current kecamatan. A cancelled placement is no departure (its
 * date is cleared on cancelling; the status says so for any older row). Regions above a kecamatan
 * are sums of these (shared/stats-tables.ts).
 */
export async function countByKecamatanFromRows(
  db: Database,
  years: readonly number[] | 'all',
): Promise<MeasureRow<LabourMeasure>[]> {
  const registeredAt = sql`w.registered_at`;
  const departedOn = sql`p.departure_date`;
  const returnedOn = sql`p.actual_return_date`;
  return selectRows<MeasureRow<LabourMeasure>>(
    db,
    sql`
      select 'registered' as "measure", ${yearOfSql(registeredAt, 'timestamp')} as "year",
        w.district_code as "kecamatanCode", null as "category", count(*)::int as "count"
      from labour.workers w
      where ${withinYearsSql(registeredAt, 'timestamp', years)}
      group by 2, 3
      union all
      select 'departed', ${yearOfSql(departedOn, 'date')}, w.district_code, p.destination_country, count(*)::int
      from labour.placements p join labour.workers w on w.id = p.worker_id
      where ${withinYearsSql(departedOn, 'date', years)} and p.status <> 'CANCELLED'
      group by 2, 3, 4
      union all
      select 'returned', ${yearOfSql(returnedOn, 'date')}, w.district_code, null, count(*)::int
      from labour.placements p join labour.workers w on w.id = p.worker_id
      where ${withinYearsSql(returnedOn, 'date', years)} and p.status <> 'CANCELLED'
      group by 2, 3`,
  );
}

/** The rollup and its reference, for `npm run hub -- stats check` and the rollup tests. */
export const rollupSource: RollupSource = {
  schema: 'labour',
  subjectCells: true,
  countFromRows: countByKecamatanFromRows,
  countFromRollup: countByKecamatan,
};
