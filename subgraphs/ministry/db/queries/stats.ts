import { sql } from 'drizzle-orm';
import { selectRows, type Database } from '../../../../shared/db/database.js';

export interface RegionYear {
  readonly regionCode: string;
  readonly year: number;
}

export interface MinistryRegionCounts extends RegionYear {
  readonly casesOpened: number;
  readonly casesResolved: number;
}

/**
 * The ministry's counts for a batch of (region, year) cells in one statement: cases opened and
 * cases resolved in the calendar year (Western Indonesian Time) about workers whose kecamatan, as
 * recorded when the case was opened, lies in the region.
 */
export async function countCaseRegionYears(
  db: Database,
  keys: readonly RegionYear[],
): Promise<MinistryRegionCounts[]> {
  const cells = sql.join(
    keys.map((key) => sql`(${key.regionCode}::text, ${key.year}::int)`),
    sql`, `,
  );
  const inRegion = sql.raw(
    `(c.worker_district_code = k.region_code or c.worker_district_code like k.region_code || '.%')`,
  );
  const inYear = (column: string) =>
    sql.raw(
      `(${column} >= make_timestamptz(k.year, 1, 1, 0, 0, 0, 'Asia/Jakarta') and ${column} < make_timestamptz(k.year + 1, 1, 1, 0, 0, 0, 'Asia/Jakarta'))`,
    );
  return selectRows<MinistryRegionCounts>(
    db,
    sql`
      select k.region_code as "regionCode", k.year as "year",
        (select count(*)::int from ministry.cases c where ${inRegion} and ${inYear('c.opened_at')}) as "casesOpened",
        (select count(*)::int from ministry.cases c where ${inRegion} and ${inYear('c.resolved_at')}) as "casesResolved"
      from (values ${cells}) as k(region_code, year)`,
  );
}
