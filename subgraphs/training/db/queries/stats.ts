import { sql } from 'drizzle-orm';
import { selectRows, type Database } from '../../../../shared/db/database.js';
import { withinYearsSql, yearOfSql } from '../../../../shared/db/region-cells.js';
import type { MeasureRow } from '../../../../shared/stats-tables.js';

export type TrainingMeasure = 'enrolled' | 'certified';

/**
 * The training providers' counts per kecamatan for the years asked, in one statement: distinct
 * workers enrolled (by enrolment time, WIB) and certified (by issue date) in the year. A worker
 * counts once a year, in the kecamatan she lived in at her first enrolment (or certificate) of the
 * year, so that a region's count is the sum of its kecamatan's, as every level of the hierarchy
 * and its disclosure control assume.
 */
export async function countByKecamatan(
  db: Database,
  years: readonly number[],
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
