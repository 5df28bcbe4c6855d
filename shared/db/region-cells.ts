import { sql, type SQL } from 'drizzle-orm';

/** One cell of a regional statistics table: a Kemendagri region code and a calendar year. */
export interface RegionYear {
  readonly regionCode: string;
  readonly year: number;
}

/**
 * The requested cells as a `k(region_code, year)` CTE, and `span(lo, hi)`: the years they cover.
 * Statistics queries read the rows of those years once and give each row to every cell it
 * belongs to, instead of scanning the years again for each cell (38 regencies asked for at once
 * made the per-cell subqueries read the year 38 times).
 */
export function regionCellsSql(keys: readonly RegionYear[]): SQL {
  const cells = sql.join(
    keys.map((key) => sql`(${key.regionCode}::text, ${key.year}::int)`),
    sql`, `,
  );
  return sql`k(region_code, year) as (values ${cells}),
    span as (select min(year) as lo, max(year) as hi from k)`;
}

/**
 * Every region a stored code lies in, itself included: `35.07.11` gives `35`, `35.07` and
 * `35.07.11`. Region codes nest by prefix (province 2 characters, regency 5, district 8, village
 * 13), so a row belongs to cell `k` exactly when `k.region_code` is one of these; joining on
 * equality lets PostgreSQL hash the cells instead of testing `like` against each.
 */
export function regionPrefixesSql(column: string): SQL {
  return sql.raw(
    `array_remove(array[left(${column}, 2), nullif(left(${column}, 5), left(${column}, 2)), ` +
      `nullif(left(${column}, 8), left(${column}, 5)), nullif(left(${column}, 13), left(${column}, 8))], null)`,
  );
}

/** The first instant of a calendar year in Western Indonesian Time (WIB), as SQL. */
export function jakartaYearStartSql(year: string): SQL {
  return sql.raw(`make_timestamptz(${year}, 1, 1, 0, 0, 0, 'Asia/Jakarta')`);
}

export interface RegionYearCount {
  /** Name of the CTE; its columns are `prefix`, `year` and the measures' aliases. */
  readonly name: string;
  /** The rows counted, with aliases: `ministry.cases c`, or a join. */
  readonly from: string;
  /** The stored district (kecamatan) code that places a row in regions. */
  readonly districtColumn: string;
  /** The instant or day that places a row in a year. */
  readonly timeColumn: string;
  readonly timeKind: 'timestamp' | 'date';
  /** Aggregates over the rows of one region and year, each with an alias: `count(*)::int as n`. */
  readonly measures: string;
}

/**
 * A materialized CTE of `measures` per region prefix and year over the rows whose time lies in the
 * years asked (`span`). Materialized, because PostgreSQL would otherwise inline a CTE used once
 * into each cell's lookup and read the rows again per cell.
 */
export function countedByRegionYearSql(count: RegionYearCount): SQL {
  const [start, end, year] =
    count.timeKind === 'timestamp'
      ? [
          jakartaYearStartSql('span.lo'),
          jakartaYearStartSql('span.hi + 1'),
          sql.raw(`extract(year from ${count.timeColumn} at time zone 'Asia/Jakarta')::int`),
        ]
      : [
          sql.raw('make_date(span.lo, 1, 1)'),
          sql.raw('make_date(span.hi + 1, 1, 1)'),
          sql.raw(`extract(year from ${count.timeColumn})::int`),
        ];
  const time = sql.raw(count.timeColumn);
  return sql`${sql.raw(count.name)} as materialized (
      select prefix, ${year} as year, ${sql.raw(count.measures)}
      from ${sql.raw(count.from)} cross join span
        cross join lateral unnest(${regionPrefixesSql(count.districtColumn)}) as prefix
      where ${time} >= ${start} and ${time} < ${end}
      group by 1, 2
    )`;
}

/** One measure of a `countedByRegionYearSql` CTE for the cell `k` of the outer query, 0 when absent. */
export function cellValueSql(name: string, column: string): SQL {
  return sql.raw(
    `coalesce((select x.${column} from ${name} x where x.prefix = k.region_code and x.year = k.year), 0)`,
  );
}
