import { sql } from 'drizzle-orm';
import { selectRows, type Database } from '../../../../shared/db/database.js';
import {
  jakartaYearStartSql,
  regionCellsSql,
  regionPrefixesSql,
  type RegionYear,
} from '../../../../shared/db/region-cells.js';

export type { RegionYear };

export interface LabourRegionCounts extends RegionYear {
  readonly registered: number;
  readonly departed: number;
  readonly returned: number;
  readonly byDestination: readonly { readonly countryCode: string; readonly departed: number }[];
}

/**
 * The labour offices' counts for a batch of (region, year) cells in one statement. Regions match
 * by Kemendagri prefix; years are calendar years in Western Indonesian Time. Each table is read
 * once for the years asked, grouped by region prefix and year (region-cells.ts); `materialized`
 * keeps PostgreSQL from inlining a grouping into each cell's subquery, which reads it again per cell.
 */
export async function countRegionYears(
  db: Database,
  keys: readonly RegionYear[],
): Promise<LabourRegionCounts[]> {
  const prefixes = regionPrefixesSql('w.district_code');
  return selectRows<LabourRegionCounts>(
    db,
    sql`
      with ${regionCellsSql(keys)},
      registered as materialized (
        select r.prefix, r.year, count(*)::int as n
        from (
          select unnest(${prefixes}) as prefix,
            extract(year from w.registered_at at time zone 'Asia/Jakarta')::int as year
          from labour.workers w, span
          where w.registered_at >= ${jakartaYearStartSql('span.lo')}
            and w.registered_at < ${jakartaYearStartSql('span.hi + 1')}
        ) r
        group by r.prefix, r.year
      ),
      departures as materialized (
        select d.prefix, d.year, d.country, count(*)::int as n
        from (
          select unnest(${prefixes}) as prefix, extract(year from p.departure_date)::int as year,
            p.destination_country as country
          from labour.placements p join labour.workers w on w.id = p.worker_id, span
          where p.departure_date >= make_date(span.lo, 1, 1) and p.departure_date < make_date(span.hi + 1, 1, 1)
        ) d
        group by d.prefix, d.year, d.country
      ),
      returns as materialized (
        select r.prefix, r.year, count(*)::int as n
        from (
          select unnest(${prefixes}) as prefix, extract(year from p.actual_return_date)::int as year
          from labour.placements p join labour.workers w on w.id = p.worker_id, span
          where p.actual_return_date >= make_date(span.lo, 1, 1)
            and p.actual_return_date < make_date(span.hi + 1, 1, 1)
        ) r
        group by r.prefix, r.year
      )
      select k.region_code as "regionCode", k.year as "year",
        coalesce((select r.n from registered r where r.prefix = k.region_code and r.year = k.year), 0) as "registered",
        coalesce((select sum(d.n) from departures d where d.prefix = k.region_code and d.year = k.year), 0)::int as "departed",
        coalesce((select r.n from returns r where r.prefix = k.region_code and r.year = k.year), 0) as "returned",
        (select coalesce(json_agg(json_build_object('countryCode', d.country, 'departed', d.n) order by d.n desc, d.country), '[]'::json)
          from departures d where d.prefix = k.region_code and d.year = k.year
        ) as "byDestination"
      from k`,
  );
}
