import {
  applyDeltaSql,
  rebuildFunctionSql,
  tableTriggersSql,
  triggerFunctionSql,
  migrationSql,
} from '../../../shared/db/stat-cells-sql.js';

const yearOf = (column: string) => `extract(year FROM ${column} AT TIME ZONE 'Asia/Jakarta')::int`;

/** A case's cells from one transition table, each with `sign`. */
const shares = (rows: 'new_rows' | 'old_rows', sign: 1 | -1) => `
        SELECT 'casesOpened' AS measure, ${yearOf('r.opened_at')} AS year, r.worker_district_code AS kecamatan_code,
          '' AS category, ${sign} AS count FROM ${rows} r
        UNION ALL
        SELECT 'casesResolved', ${yearOf('r.resolved_at')}, r.worker_district_code, '', ${sign}
        FROM ${rows} r WHERE r.resolved_at IS NOT NULL`;

/**
 * The ministry rollup's migration (scripts/stats-rollup-migration.ts): a case counts as opened
 * and, once resolved, as resolved in the year of each (WIB), in the kecamatan recorded when it was
 * opened, as `countByKecamatanFromRows` counts it. A case's share depends on its own row alone, so
 * the trigger adds what the new rows count and takes away what the old ones counted.
 */
export const statCellsMigrationSql = migrationSql(
  `CREATE VIEW "ministry".stat_contributions AS
  SELECT c.id AS subject_id, 'casesOpened'::text AS measure, ${yearOf('c.opened_at')} AS year,
    c.worker_district_code AS kecamatan_code, ''::text AS category, 1 AS count
  FROM "ministry".cases c
  UNION ALL
  SELECT c.id, 'casesResolved', ${yearOf('c.resolved_at')}, c.worker_district_code, '', 1
  FROM "ministry".cases c WHERE c.resolved_at IS NOT NULL;`,
  ...rebuildFunctionSql('ministry', { subjectCells: false }),
  triggerFunctionSql('ministry', 'stat_cells_cases_changed', (op) =>
    applyDeltaSql(
      'ministry',
      op === 'INSERT'
        ? shares('new_rows', 1)
        : op === 'DELETE'
          ? shares('old_rows', -1)
          : `${shares('new_rows', 1)}\n        UNION ALL${shares('old_rows', -1)}`,
    ),
  ),
  ...tableTriggersSql('ministry', 'cases', 'stat_cells_cases_changed'),
  `SELECT "ministry".stat_cells_rebuild();`,
);
