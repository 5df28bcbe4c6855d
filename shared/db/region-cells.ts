import { sql, type SQL } from 'drizzle-orm';

/** The first instant of a calendar year in Western Indonesian Time (WIB), as SQL. */
function jakartaYearStart(year: number): SQL {
  return sql.raw(`make_timestamptz(${Math.trunc(year)}, 1, 1, 0, 0, 0, 'Asia/Jakarta')`);
}

function yearStartDate(year: number): SQL {
  return sql.raw(`make_date(${Math.trunc(year)}, 1, 1)`);
}

/**
 * Rows whose time lies in one of the calendar years asked (WIB for instants), as a condition an
 * index on the column can serve: one range per year, so years nobody asked for are never read.
 * `'all'` is every row with a time (the rollup check recounts every year).
 */
export function withinYearsSql(
  column: SQL,
  kind: 'timestamp' | 'date',
  years: readonly number[] | 'all',
): SQL {
  if (years === 'all') return sql`${column} is not null`;
  if (years.length === 0) return sql`false`;
  const start = kind === 'timestamp' ? jakartaYearStart : yearStartDate;
  return sql`(${sql.join(
    years.map((year) => sql`(${column} >= ${start(year)} and ${column} < ${start(year + 1)})`),
    sql` or `,
  )})`;
}

/** The calendar year of an instant in WIB, or of a date, as SQL. */
export function yearOfSql(column: SQL, kind: 'timestamp' | 'date'): SQL {
  return kind === 'timestamp'
    ? sql`extract(year from ${column} at time zone 'Asia/Jakarta')::int`
    : sql`extract(year from ${column})::int`;
}
