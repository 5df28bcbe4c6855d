import {
  changedRowsSql,
  rebuildFunctionSql,
  refreshFunctionSql,
  tableTriggersSql,
  triggerFunctionSql,
  migrationSql,
} from '../../../shared/db/stat-cells-sql.js';

const enrolledYear = `extract(year FROM e.enrolled_at AT TIME ZONE 'Asia/Jakarta')::int`;
const issuedYear = `extract(year FROM c.issued_on)::int`;

/** Recounts, for one measure, the workers whose rows of the table the statement changed. */
const recount = (measure: string, columns: string) => (op: 'INSERT' | 'UPDATE' | 'DELETE') =>
  `PERFORM "training".stat_refresh(ARRAY['${measure}'], ARRAY(
        SELECT DISTINCT changed.worker_id FROM (${changedRowsSql(`worker_id, ${columns}`, op)}) changed));`;

/**
 * The training rollup's migration (scripts/stats-rollup-migration.ts): a worker counts once a
 * year as enrolled (certified), in the kecamatan of her first enrolment (certificate) of the year
 * by time then id, as `countByKecamatanFromRows` counts her. Any change to one of her enrolments
 * (certificates) recounts her from her rows, so a new earlier enrolment or a deleted first one
 * moves her to the right kecamatan.
 */
export const statCellsMigrationSql = migrationSql(
  `CREATE VIEW "training".stat_contributions AS
  SELECT f.worker_id AS subject_id, 'enrolled'::text AS measure, f.year, f.district AS kecamatan_code,
    ''::text AS category, 1 AS count
  FROM (
    SELECT DISTINCT ON (e.worker_id, ${enrolledYear}) e.worker_id, ${enrolledYear} AS year,
      e.worker_district_code AS district
    FROM "training".enrollments e
    ORDER BY e.worker_id, ${enrolledYear}, e.enrolled_at, e.id
  ) f
  UNION ALL
  SELECT f.worker_id, 'certified', f.year, f.district, '', 1
  FROM (
    SELECT DISTINCT ON (c.worker_id, ${issuedYear}) c.worker_id, ${issuedYear} AS year,
      c.worker_district_code AS district
    FROM "training".certifications c
    ORDER BY c.worker_id, ${issuedYear}, c.issued_on, c.id
  ) f;`,
  refreshFunctionSql('training'),
  ...rebuildFunctionSql('training', { subjectCells: true }),
  triggerFunctionSql(
    'training',
    'stat_cells_enrollments_changed',
    recount('enrolled', 'id, enrolled_at, worker_district_code'),
  ),
  triggerFunctionSql(
    'training',
    'stat_cells_certifications_changed',
    recount('certified', 'id, issued_on, worker_district_code'),
  ),
  ...tableTriggersSql('training', 'enrollments', 'stat_cells_enrollments_changed'),
  ...tableTriggersSql('training', 'certifications', 'stat_cells_certifications_changed'),
  `SELECT "training".stat_cells_rebuild();`,
);
