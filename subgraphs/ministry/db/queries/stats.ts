import { sql } from 'drizzle-orm';
import { selectRows, type Database } from '../../../../shared/db/database.js';
import {
  cellValueSql,
  countedByRegionYearSql,
  regionCellsSql,
  type RegionYear,
} from '../../../../shared/db/region-cells.js';

export type { RegionYear };

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
  const cases = {
    from: 'ministry.cases c',
    districtColumn: 'c.worker_district_code',
    timeKind: 'timestamp',
  } as const;
  return selectRows<MinistryRegionCounts>(
    db,
    sql`
      with ${regionCellsSql(keys)},
        ${countedByRegionYearSql({ ...cases, name: 'opened', timeColumn: 'c.opened_at', measures: 'count(*)::int as n' })},
        ${countedByRegionYearSql({ ...cases, name: 'resolved', timeColumn: 'c.resolved_at', measures: 'count(*)::int as n' })}
      select k.region_code as "regionCode", k.year as "year",
        ${cellValueSql('opened', 'n')} as "casesOpened",
        ${cellValueSql('resolved', 'n')} as "casesResolved"
      from k`,
  );
}
