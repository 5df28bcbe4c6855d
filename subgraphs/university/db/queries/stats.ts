import { sql } from 'drizzle-orm';
import { selectRows, type Database } from '../../../../shared/db/database.js';

export interface RegionYear {
  readonly regionCode: string;
  readonly year: number;
}

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
  const cells = sql.join(
    keys.map((key) => sql`(${key.regionCode}::text, ${key.year}::int)`),
    sql`, `,
  );
  return selectRows<UniversityRegionCounts>(
    db,
    sql`
      select k.region_code as "regionCode", k.year as "year",
        coalesce(c.mentored, 0)::int as "mentored",
        coalesce(c.sessions, 0)::int as "mentoringSessions"
      from (values ${cells}) as k(region_code, year)
      left join lateral (
        select count(distinct p.worker_id) as mentored, count(distinct s.id) as sessions
        from university.session_participants p
        join university.mentoring_sessions s on s.id = p.session_id
        where (p.worker_district_code = k.region_code or p.worker_district_code like k.region_code || '.%')
          and s.date >= make_date(k.year, 1, 1) and s.date < make_date(k.year + 1, 1, 1)
      ) c on true`,
  );
}
