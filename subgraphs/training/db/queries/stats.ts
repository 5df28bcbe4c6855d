import { sql } from 'drizzle-orm';
import { selectRows, type Database } from '../../../../shared/db/database.js';
import {
  cellValueSql,
  countedByRegionYearSql,
  regionCellsSql,
  type RegionYear,
} from '../../../../shared/db/region-cells.js';

export type { RegionYear };

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
  return selectRows<TrainingRegionCounts>(
    db,
    sql`
      with ${regionCellsSql(keys)},
        ${countedByRegionYearSql({
          name: 'enrolled',
          from: 'training.enrollments e',
          districtColumn: 'e.worker_district_code',
          timeColumn: 'e.enrolled_at',
          timeKind: 'timestamp',
          measures: 'count(distinct e.worker_id)::int as n',
        })},
        ${countedByRegionYearSql({
          name: 'certified',
          from: 'training.certifications c',
          districtColumn: 'c.worker_district_code',
          timeColumn: 'c.issued_on',
          timeKind: 'date',
          measures: 'count(distinct c.worker_id)::int as n',
        })}
      select k.region_code as "regionCode", k.year as "year",
        ${cellValueSql('enrolled', 'n')} as "enrolled",
        ${cellValueSql('certified', 'n')} as "certified"
      from k`,
  );
}
