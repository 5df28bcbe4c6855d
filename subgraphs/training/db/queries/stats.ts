import { sql } from 'drizzle-orm';
import { selectRows, type Database } from '../../../../shared/db/database.js';
import { withinYearsSql, yearOfSql } from '../../../../shared/db/region-cells.js';
import { readStatCells } from '../../../../shared/db/stat-cells.js';
import type { RollupSource } from '../../../../shared/db/stat-cells-check.js';
import type { MeasureRow } from '../../../../shared/stats-tables.js';
import { statCells } from '../schema.js';

export type TrainingMeasure = 'enrolled' | 'certified';

/**
 * The counts per kecamatan for the years asked, from the rollup the triggers keep
 * (`training.stat_cells`): what `countByKecamatanFromRows` counts, without reading a row.
 */
export async function countByKecamatan(
  db: Database,
  years: readonly number[],
): Promise<MeasureRow<TrainingMeasure>[]> {
  return readStatCells<TrainingMeasure>(db, statCells, years);
}

/**
 * The training providers' counts per kecamatan counted from the rows, in one statement (the reference the
 * rollup is checked against, `npm run hub -- stats check`): distinct
 * workers enrolled (by enrolment time, WIB) and certified (by issue date) in the year. A worker
 * counts once a year, in the kecamatan she lived in at her first enrolment (or certificate) of the
 * year, so that a region's count is the sum of its kecamatan's, as every level of the hierarchy
 * and its disclosure control assume.
 */
export async function countByKecamatanFromRows(
  db: Database,
  years: readonly number[] | 'all',
): Promise<MeasureRow<TrainingMeasure>[]> {
  const enrolledAt = sql`e.enrolled_at`;
  const issuedOn = sql`c.issued_on`;
  return selectRows<MeasureRow<TrainingMeasure>>(
    db,
    sql`
      select 'enrolled' as "measure", f.year as "year", f.district as "kecamatanCode", null as "category",
        count(*)::int as "count"
      from (
        select distinct on (e.worker_id, ${yearOfSql(enrolledAt, 'timestamp')})
          ${yearOfSql(enrolledAt, 'timestamp')} as year, e.worker_district_code as district
        from training.enrollments e
        where ${withinYearsSql(enrolledAt, 'timestamp', years)}
        order by e.worker_id, ${yearOfSql(enrolledAt, 'timestamp')}, e.enrolled_at, e.id
      ) f
      group by 2, 3
      union all
      select 'certified', f.year, f.district, null, count(*)::int
      from (
        select distinct on (c.worker_id, ${yearOfSql(issuedOn, 'date')})
          ${yearOfSql(issuedOn, 'date')} as year, c.worker_district_code as district
        from training.certifications c
        where ${withinYearsSql(issuedOn, 'date', years)}
        order by c.worker_id, ${yearOfSql(issuedOn, 'date')}, c.issued_on, c.id
      ) f
      group by 2, 3`,
  );
}

/** The rollup and its reference, for `npm run hub -- stats check` and the rollup tests. */
export const rollupSource: RollupSource = {
  schema: 'training',
  subjectCells: true,
  countFromRows: countByKecamatanFromRows,
  countFromRollup: countByKecamatan,
};
