import { sql } from 'drizzle-orm';
import { selectRows, type Database } from '../../../../shared/db/database.js';
import {
  cellValueSql,
  countedByRegionYearSql,
  regionCellsSql,
  type RegionYear,
} from '../../../../shared/db/region-cells.js';

export type { RegionYear };

export interface UniversityRegionCounts extends RegionYear {
  readonly mentored: number;
  readonly mentoringSessions: number;
}

/**
 * The university partners' counts for a batch of (region, year) cells in one statement. A
 * participant counts for the region of the district snapshot taken when the session was logged.
 */
export async function countRegionYears(
  db: Database,
  keys: readonly RegionYear[],
): Promise<UniversityRegionCounts[]> {
  return selectRows<UniversityRegionCounts>(
    db,
    sql`
      with ${regionCellsSql(keys)},
        ${countedByRegionYearSql({
          name: 'mentoring',
          from: 'university.session_participants p join university.mentoring_sessions s on s.id = p.session_id',
          districtColumn: 'p.worker_district_code',
          timeColumn: 's.date',
          timeKind: 'date',
          measures: 'count(distinct p.worker_id)::int as mentored, count(distinct s.id)::int as sessions',
        })}
      select k.region_code as "regionCode", k.year as "year",
        ${cellValueSql('mentoring', 'mentored')} as "mentored",
        ${cellValueSql('mentoring', 'sessions')} as "mentoringSessions"
      from k`,
  );
}
