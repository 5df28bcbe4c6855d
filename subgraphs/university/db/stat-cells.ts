import {
  changedRowsSql,
  rebuildFunctionSql,
  refreshFunctionSql,
  tableTriggersSql,
  triggerFunctionSql,
  migrationSql,
} from '../../../shared/db/stat-cells-sql.js';

const heldYear = `extract(year FROM s.date)::int`;

/**
 * The university rollup's migration (scripts/stats-rollup-migration.ts): two kinds of subject.
 * A worker counts once a year as mentored, in the kecamatan of her first session of the year (by
 * date then session id); a session counts once, in the lowest kecamatan among its participants;
 * as `countByKecamatanFromRows` counts them. A participant added, removed or corrected recounts
 * that worker and that session; a session's date moved recounts it and all its participants.
 */
export const statCellsMigrationSql = migrationSql(
  `CREATE VIEW "university".stat_contributions AS
  SELECT f.worker_id AS subject_id, 'mentored'::text AS measure, f.year, f.district AS kecamatan_code,
    ''::text AS category, 1 AS count
  FROM (
    SELECT DISTINCT ON (p.worker_id, ${heldYear}) p.worker_id, ${heldYear} AS year,
      p.worker_district_code AS district
    FROM "university".session_participants p JOIN "university".mentoring_sessions s ON s.id = p.session_id
    ORDER BY p.worker_id, ${heldYear}, s.date, s.id
  ) f
  UNION ALL
  SELECT p.session_id, 'mentoringSessions', ${heldYear}, min(p.worker_district_code), '', 1
  FROM "university".session_participants p JOIN "university".mentoring_sessions s ON s.id = p.session_id
  GROUP BY p.session_id, ${heldYear};`,
  refreshFunctionSql('university'),
  ...rebuildFunctionSql('university', { subjectCells: true }),
  triggerFunctionSql(
    'university',
    'stat_cells_participants_changed',
    (op) => `SELECT array_agg(DISTINCT c.worker_id), array_agg(DISTINCT c.session_id) INTO workers, sessions
        FROM (${changedRowsSql('worker_id, session_id, worker_district_code', op)}) c;
      PERFORM "university".stat_refresh(ARRAY['mentored'], workers);
      PERFORM "university".stat_refresh(ARRAY['mentoringSessions'], sessions);`,
    'workers uuid[];\n    sessions uuid[];',
  ),
  triggerFunctionSql(
    'university',
    'stat_cells_sessions_changed',
    (op) => `sessions := ARRAY(SELECT DISTINCT changed.id FROM (${changedRowsSql('id, date', op)}) changed);
      PERFORM "university".stat_refresh(ARRAY['mentoringSessions'], sessions);
      PERFORM "university".stat_refresh(ARRAY['mentored'], ARRAY(
        SELECT DISTINCT p.worker_id FROM "university".session_participants p WHERE p.session_id = ANY (sessions)));`,
    'sessions uuid[];',
  ),
  ...tableTriggersSql('university', 'session_participants', 'stat_cells_participants_changed'),
  ...tableTriggersSql('university', 'mentoring_sessions', 'stat_cells_sessions_changed'),
  `SELECT "university".stat_cells_rebuild();`,
);
