import { sql } from 'drizzle-orm';
import { selectRows, type Database } from '../../../../shared/db/database.js';

export interface RegionYear {
  readonly regionCode: string;
  readonly year: number;
}

export interface TrainingRegionCounts extends RegionYear {
  readonly enrolled: number;
  readonly certified: number;
}

/**
 * The training providers' counts for a batch of (region, year) cells in one statement: distinct
 * workers enrolled (by enrolment time) and certified (by issue date) in the year, by the district
 * the worker lived in at the time. Years are calendar years in Western Indonesian Time.
 */
export async function countRegionYears(
  db: Database,
  keys: readonly RegionYear[],
): Promise<TrainingRegionCounts[]> {
  const cells = sql.join(
    keys.map((key) => sql`(${key.regionCode}::text, ${key.year}::int)`),
    sql`, `,
  );
  const inRegion = (column: string) =>
    sql.raw(`(${column} = k.region_code or ${column} like k.region_code || '.%')`);
  const yearStart = sql.raw(`make_timestamptz(k.year, 1, 1, 0, 0, 0, 'Asia/Jakarta')`);
  const yearEnd = sql.raw(`make_timestamptz(k.year + 1, 1, 1, 0, 0, 0, 'Asia/Jakarta')`);
  const firstDay = sql.raw(`make_date(k.year, 1, 1)`);
  const nextFirstDay = sql.raw(`make_date(k.year + 1, 1, 1)`);
  return selectRows<TrainingRegionCounts>(
    db,
    sql`
      select k.region_code as "regionCode", k.year as "year",
        (select count(distinct e.worker_id)::int from training.enrollments e
          where ${inRegion('e.worker_district_code')} and e.enrolled_at >= ${yearStart} and e.enrolled_at < ${yearEnd}
        ) as "enrolled",
        (select count(distinct c.worker_id)::int from training.certifications c
          where ${inRegion('c.worker_district_code')} and c.issued_on >= ${firstDay} and c.issued_on < ${nextFirstDay}
        ) as "certified"
      from (values ${cells}) as k(region_code, year)`,
  );
}
