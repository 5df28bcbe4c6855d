import { sql } from 'drizzle-orm';
import { selectRows, type Database } from '../../../../shared/db/database.js';

export interface RegionYear {
  readonly regionCode: string;
  readonly year: number;
}

export interface LabourRegionCounts extends RegionYear {
  readonly registered: number;
  readonly departed: number;
  readonly returned: number;
  readonly byDestination: readonly { readonly countryCode: string; readonly departed: number }[];
}

/**
 * The labour offices' counts for a batch of (region, year) cells in one statement. Regions match
 * by Kemendagri prefix; years are calendar years in Western Indonesian Time.
 */
export async function countRegionYears(
  db: Database,
  keys: readonly RegionYear[],
): Promise<LabourRegionCounts[]> {
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
  return selectRows<LabourRegionCounts>(
    db,
    sql`
      select k.region_code as "regionCode", k.year as "year",
        (select count(*)::int from labour.workers w
          where ${inRegion('w.district_code')} and w.registered_at >= ${yearStart} and w.registered_at < ${yearEnd}
        ) as "registered",
        (select count(*)::int from labour.placements p join labour.workers w on w.id = p.worker_id
          where ${inRegion('w.district_code')} and p.departure_date >= ${firstDay} and p.departure_date < ${nextFirstDay}
        ) as "departed",
        (select count(*)::int from labour.placements p join labour.workers w on w.id = p.worker_id
          where ${inRegion('w.district_code')} and p.actual_return_date >= ${firstDay} and p.actual_return_date < ${nextFirstDay}
        ) as "returned",
        (select coalesce(json_agg(json_build_object('countryCode', d.country, 'departed', d.n) order by d.n desc, d.country), '[]'::json)
          from (select p.destination_country as country, count(*)::int as n
                from labour.placements p join labour.workers w on w.id = p.worker_id
                where ${inRegion('w.district_code')} and p.departure_date >= ${firstDay} and p.departure_date < ${nextFirstDay}
                group by p.destination_country) d
        ) as "byDestination"
      from (values ${cells}) as k(region_code, year)`,
  );
}
