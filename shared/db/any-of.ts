import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/**
 * `column = any($1::type[])`: a list of keys as one bound parameter, a PostgreSQL array literal
 * sent as text. drizzle's `inArray` binds each value as a parameter of its own, which its
 * builder type-checks one by one (the largest line of a subgraph's profile when a loader asks
 * for 100 keys) and which makes a different statement, planned and cached anew, for every
 * length of list; this is one statement whatever the length.
 */
/** Serial columns are integers with a default: their arrays are of the integer type. */
const ELEMENT_TYPE_OF_SERIAL: Readonly<Record<string, string>> = {
  smallserial: 'smallint',
  serial: 'integer',
  bigserial: 'bigint',
};

export function anyOf(column: PgColumn, values: readonly (string | number)[]): SQL {
  if (values.length === 0) return sql`false`;
  // Every element quoted, with `"` and `\` escaped: the literal means exactly these values.
  const literal = `{${values.map((value) => `"${String(value).replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
  const type = column.getSQLType();
  return sql`${column} = any(${literal}::text::${sql.raw(ELEMENT_TYPE_OF_SERIAL[type] ?? type)}[])`;
}
