import { sql } from 'drizzle-orm';
import { selectRows, type Database } from '../../../../shared/db/database.js';
import { withinYearsSql, yearOfSql } from '../../../../shared/db/region-cells.js';
import { readStatCells } from '../../../../shared/db/stat-cells.js';
import type { RollupSource } from '../../../../shared/db/stat-cells-check.js';
import type { MeasureRow } from '../../../../shared/stats-tables.js';
import { statCells } from '../schema.js';

export type UniversityMeasure = 'mentored' | 'mentoringSessions';

/**
 * The counts per kecamatan for the years asked, from the rollup the triggers keep
 * (`university.stat_cells`): what `countByKecamatanFromRows` counts, without reading a row.
 */
export async function countByKecamatan(
  db: Database,
  years: readonly number[],
): Promise<MeasureRow<UniversityMeasure>[]> {
  return readStatCells<UniversityMeasure>(db, statCells, years);
}

/**
 * The university partners' counts per kecamatan counted from the rows, in one statement (the reference the
 * rollup is checked against, `npm run hub -- stats check`): distinct
 * workers mentored and sessions held in the year, by the district snapshot taken when a session
 * was logged. A worker counts once a year, in the kecamatan of her first session of the year; a
 * session counts once, in the lowest kecamatan code among its participants'; so that a region's
 * count is the sum of its kecamatan's, as every level and its disclosure control assume.
 */
export async function countByKecamatanFromRows(
  db: Database,
  years: readonly number[] | 'all',
): Promise<MeasureRow<UniversityMeasure>[]> {
  const heldOn = sql`s.date`;
  return selectRows<MeasureRow<UniversityMeasure>>(
    db,
    sql`
      with attended as materialized (
        select p.worker_id, p.worker_district_code as district, s.id as session_id, s.date,
          ${yearOfSql(heldOn, 'date')} as year
        from university.session_participants p join university.mentoring_sessions s on s.id = p.session_id
        where ${withinYearsSql(heldOn, 'date', years)}
      )
      select 'mentored' as "measure", f.year as "year", f.district as "kecamatanCode", null as "category",
        count(*)::int as "count"
      from (
        select distinct on (a.worker_id, a.year) a.year, a.district
        from attended a
        order by a.worker_id, a.year, a.date, a.session_id
      ) f
      group by 2, 3
      union all
      select 'mentoringSessions', f.year, f.district, null, count(*)::int
      from (select a.session_id, a.year, min(a.district) as district from attended a group by 1, 2) f
      group by 2, 3`,
  );
}

/** The rollup and its reference, for `npm run hub -- stats check` and the rollup tests. */
export const rollupSource: RollupSource = {
  schema: 'university',
  subjectCells: true,
  countFromRows: countByKecamatanFromRows,
  countFromRollup: countByKecamatan,
};
