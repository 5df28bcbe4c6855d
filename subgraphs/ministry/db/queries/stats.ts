import { sql } from 'drizzle-orm';
import { selectRows, type Database } from '../../../../shared/db/database.js';
import { withinYearsSql, yearOfSql } from '../../../../shared/db/region-cells.js';
import type { MeasureRow } from '../../../../shared/stats-tables.js';

export type MinistryMeasure = 'casesOpened' | 'casesResolved';

/**
 * The ministry's counts per kecamatan for the years asked, in one statement: cases opened and
 * cases resolved in the calendar year (WIB), placed in the worker's kecamatan as recorded when the
 * case was opened.
 */
export async function countByKecamatan(
  db: Database,
  years: readonly number[],
): Promise<MeasureRow<MinistryMeasure>[]> {
  const openedAt = sql`c.opened_at`;
  const resolvedAt = sql`c.resolved_at`;
  return selectRows<MeasureRow<MinistryMeasure>>(
    db,
    sql`
      select 'casesOpened' as "measure", ${yearOfSql(openedAt, 'timestamp')} as "year",
        c.worker_district_code as "kecamatanCode", null as "category", count(*)::int as "count"
      from ministry.cases c
      where ${withinYearsSql(openedAt, 'timestamp', years)}
      group by 2, 3
      union all
      select 'casesResolved', ${yearOfSql(resolvedAt, 'timestamp')}, c.worker_district_code, null, count(*)::int
      from ministry.cases c
      where ${withinYearsSql(resolvedAt, 'timestamp', years)}
      group by 2, 3`,
  );
}
