/**
 * The SQL of a subgraph's statistics rollup migration (shared/db/stat-cells.ts), from which
 * `scripts/stats-rollup-migration.ts` writes it. Each subgraph gives a view
 * `<schema>.stat_contributions(subject_id, measure, year, kecamatan_code, category, count)`: every
 * subject's share of the cells, computed from its rows exactly as the subgraph's raw counting query
 * counts them, and its triggers. The functions here are the same for every subgraph.
 *
 * Triggers are statement-level with transition tables, so a bulk write pays once per statement.
 * They run on PGlite (PostgreSQL 17) and PostgreSQL 15 alike.
 */

const CELL = 'measure, year, kecamatan_code, category';

/**
 * `<schema>.stat_refresh(measures, subjects)`: recounts the subjects' shares of those measures
 * from their rows, applies the difference from the recorded shares to the cells (one upsert, in
 * key order, so two writers lock cells in the same order) and records the new shares. Writers
 * of the same subject take turns (an advisory lock per subject), so the second sees what the
 * first recorded.
 */
export function refreshFunctionSql(schema: string): string {
  const s = `"${schema}"`;
  return `
CREATE FUNCTION ${s}.stat_refresh(measures text[], subjects uuid[]) RETURNS void
  LANGUAGE plpgsql AS $$
  DECLARE
    fresh ${s}.stat_subject_cells[];
  BEGIN
    IF coalesce(cardinality(subjects), 0) = 0 THEN
      RETURN;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('${schema}.stat_subject_cells'), k.key)
      FROM (SELECT DISTINCT hashtext(subject::text) AS key FROM unnest(subjects) subject ORDER BY 1) k;
    fresh := ARRAY(
      SELECT ROW(c.subject_id, c.measure, c.year, c.kecamatan_code, c.category, c.count)::${s}.stat_subject_cells
      FROM ${s}.stat_contributions c
      WHERE c.measure = ANY (measures) AND c.subject_id = ANY (subjects));
    INSERT INTO ${s}.stat_cells AS t (${CELL}, count)
      SELECT ${CELL}, sum(d.count)::int
      FROM (
        SELECT ${CELL}, f.count FROM unnest(fresh) f
        UNION ALL
        SELECT ${CELL}, -m.count FROM ${s}.stat_subject_cells m
        WHERE m.measure = ANY (measures) AND m.subject_id = ANY (subjects)
      ) d
      GROUP BY year, measure, kecamatan_code, category
      HAVING sum(d.count) <> 0
      ORDER BY year, measure, kecamatan_code, category
      ON CONFLICT (year, measure, kecamatan_code, category) DO UPDATE SET count = t.count + excluded.count;
    DELETE FROM ${s}.stat_subject_cells m WHERE m.measure = ANY (measures) AND m.subject_id = ANY (subjects);
    INSERT INTO ${s}.stat_subject_cells SELECT * FROM unnest(fresh);
  END $$;
`;
}

/**
 * The cells a set of row changes adds (`sign` 1) and takes away (-1), added to the rollup in one
 * upsert: for measures where a row's share depends on that row alone.
 */
export function applyDeltaSql(schema: string, changes: string): string {
  return `INSERT INTO "${schema}".stat_cells AS t (${CELL}, count)
      SELECT ${CELL}, sum(d.count)::int FROM (${changes}) d
      GROUP BY year, measure, kecamatan_code, category
      HAVING sum(d.count) <> 0
      ORDER BY year, measure, kecamatan_code, category
      ON CONFLICT (year, measure, kecamatan_code, category) DO UPDATE SET count = t.count + excluded.count;`;
}

/**
 * `<schema>.stat_cells_rebuild()`: the rollup (and the recorded shares, where kept) rewritten from
 * the rows, under a lock that makes writers wait; used by the migration's backfill, the bench seed
 * (which loads with triggers off), `npm run hub -- stats rebuild` and after a TRUNCATE.
 */
export function rebuildFunctionSql(
  schema: string,
  options: { readonly subjectCells: boolean },
): readonly string[] {
  const s = `"${schema}"`;
  const fill = options.subjectCells
    ? `DELETE FROM ${s}.stat_subject_cells;
    INSERT INTO ${s}.stat_subject_cells (subject_id, ${CELL}, count)
      SELECT subject_id, ${CELL}, count FROM ${s}.stat_contributions;
    INSERT INTO ${s}.stat_cells (${CELL}, count)
      SELECT ${CELL}, sum(count)::int FROM ${s}.stat_subject_cells GROUP BY 1, 2, 3, 4 HAVING sum(count) <> 0;`
    : `INSERT INTO ${s}.stat_cells (${CELL}, count)
      SELECT ${CELL}, sum(count)::int FROM ${s}.stat_contributions GROUP BY 1, 2, 3, 4 HAVING sum(count) <> 0;`;
  const tables = options.subjectCells ? `${s}.stat_cells, ${s}.stat_subject_cells` : `${s}.stat_cells`;
  return [
    `CREATE FUNCTION ${s}.stat_cells_rebuild() RETURNS void
  LANGUAGE plpgsql AS $$
  BEGIN
    LOCK TABLE ${tables} IN EXCLUSIVE MODE;
    DELETE FROM ${s}.stat_cells;
    ${fill}
  END $$;`,
    `CREATE FUNCTION ${s}.stat_cells_rebuild_after_truncate() RETURNS trigger
  LANGUAGE plpgsql AS $$
  BEGIN
    PERFORM ${s}.stat_cells_rebuild();
    RETURN NULL;
  END $$;`,
  ];
}

/**
 * The four triggers of one table: after INSERT, UPDATE and DELETE for each statement with its
 * transition tables (`new_rows`, `old_rows`; one event per trigger, as transition tables need),
 * and a rebuild after TRUNCATE.
 */
export function tableTriggersSql(schema: string, table: string, fn: string): readonly string[] {
  const on = `"${schema}"."${table}"`;
  const name = `stat_cells_${table}`;
  const call = `FOR EACH STATEMENT EXECUTE FUNCTION "${schema}".${fn}()`;
  return [
    `CREATE TRIGGER ${name}_insert AFTER INSERT ON ${on} REFERENCING NEW TABLE AS new_rows ${call};`,
    `CREATE TRIGGER ${name}_update AFTER UPDATE ON ${on}
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows ${call};`,
    `CREATE TRIGGER ${name}_delete AFTER DELETE ON ${on} REFERENCING OLD TABLE AS old_rows ${call};`,
    `CREATE TRIGGER ${name}_truncate AFTER TRUNCATE ON ${on}
  FOR EACH STATEMENT EXECUTE FUNCTION "${schema}".stat_cells_rebuild_after_truncate();`,
  ];
}

/**
 * The rows a statement changed, as SQL yielding `columns`: for an update, rows whose columns that
 * matter differ between the old and the new transition table (both ways), so an update of
 * anything else (a phone number) recounts nothing.
 */
export function changedRowsSql(columns: string, op: 'INSERT' | 'UPDATE' | 'DELETE'): string {
  if (op === 'INSERT') return `SELECT ${columns} FROM new_rows`;
  if (op === 'DELETE') return `SELECT ${columns} FROM old_rows`;
  return `(SELECT ${columns} FROM old_rows EXCEPT SELECT ${columns} FROM new_rows)
        UNION ALL
        (SELECT ${columns} FROM new_rows EXCEPT SELECT ${columns} FROM old_rows)`;
}

/**
 * A trigger function that recounts the subjects a statement changed:
 * `body` gives the plpgsql statements each operation runs (with `changedRowsSql`).
 */
export function triggerFunctionSql(
  schema: string,
  fn: string,
  body: (op: 'INSERT' | 'UPDATE' | 'DELETE') => string,
  declarations = '',
): string {
  return `
CREATE FUNCTION "${schema}".${fn}() RETURNS trigger
  LANGUAGE plpgsql AS $$
  ${declarations ? `DECLARE\n    ${declarations}` : ''}
  BEGIN
    IF TG_OP = 'INSERT' THEN
      ${body('INSERT')}
    ELSIF TG_OP = 'UPDATE' THEN
      ${body('UPDATE')}
    ELSE
      ${body('DELETE')}
    END IF;
    RETURN NULL;
  END $$;
`;
}

/** A migration of these statements, one drizzle chunk each (the migrator runs them one by one). */
export function migrationSql(...statements: readonly (string | readonly string[])[]): string {
  return `\n${statements
    .flat()
    .map((statement) => statement.trim())
    .join('\n--> statement-breakpoint\n')}\n`;
}
