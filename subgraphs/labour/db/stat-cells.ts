import {
  changedRowsSql,
  rebuildFunctionSql,
  refreshFunctionSql,
  tableTriggersSql,
  triggerFunctionSql,
  migrationSql,
} from '../../../shared/db/stat-cells-sql.js';

const MEASURES = `ARRAY['registered', 'departed', 'returned']`;

/**
 * The labour rollup's migration (scripts/stats-rollup-migration.ts): a worker's share is her
 * registration and her placements' departures (by destination) and returns, all in her current
 * kecamatan, as `countByKecamatanFromRows` counts them. A change to a worker (a district
 * correction) or to any of her placements (a date corrected, a cancellation, a deletion) recounts
 * her share from her rows: a district correction moves her registration and every placement.
 */
export const statCellsMigrationSql = migrationSql(
  `CREATE VIEW "labour".stat_contributions AS
  SELECT w.id AS subject_id, 'registered'::text AS measure,
    extract(year FROM w.registered_at AT TIME ZONE 'Asia/Jakarta')::int AS year,
    w.district_code AS kecamatan_code, ''::text AS category, 1 AS count
  FROM "labour".workers w
  UNION ALL
  SELECT p.worker_id, 'departed', extract(year FROM p.departure_date)::int, w.district_code,
    p.destination_country, count(*)::int
  FROM "labour".placements p JOIN "labour".workers w ON w.id = p.worker_id
  WHERE p.departure_date IS NOT NULL AND p.status <> 'CANCELLED'
  GROUP BY p.worker_id, extract(year FROM p.departure_date)::int, w.district_code, p.destination_country
  UNION ALL
  SELECT p.worker_id, 'returned', extract(year FROM p.actual_return_date)::int, w.district_code, '', count(*)::int
  FROM "labour".placements p JOIN "labour".workers w ON w.id = p.worker_id
  WHERE p.actual_return_date IS NOT NULL AND p.status <> 'CANCELLED'
  GROUP BY p.worker_id, extract(year FROM p.actual_return_date)::int, w.district_code;`,
  refreshFunctionSql('labour'),
  ...rebuildFunctionSql('labour', { subjectCells: true }),
  triggerFunctionSql(
    'labour',
    'stat_cells_workers_changed',
    (op) => `PERFORM "labour".stat_refresh(${MEASURES}, ARRAY(
        SELECT DISTINCT changed.id FROM (${changedRowsSql('id, district_code, registered_at', op)}) changed));`,
  ),
  triggerFunctionSql(
    'labour',
    'stat_cells_placements_changed',
    (op) => `PERFORM "labour".stat_refresh(${MEASURES}, ARRAY(
        SELECT DISTINCT changed.worker_id FROM (${changedRowsSql(
          "worker_id, id, departure_date, actual_return_date, status = 'CANCELLED' AS cancelled, destination_country",
          op,
        )}) changed));`,
  ),
  ...tableTriggersSql('labour', 'workers', 'stat_cells_workers_changed'),
  ...tableTriggersSql('labour', 'placements', 'stat_cells_placements_changed'),
  `SELECT "labour".stat_cells_rebuild();`,
);
