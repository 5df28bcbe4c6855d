import { integer, primaryKey, text, uuid, type PgSchema } from 'drizzle-orm/pg-core';

/**
 * The statistics rollup every subgraph keeps in its own schema: the count of each measure per
 * year, kecamatan and breakdown category ('' for none), kept exact by the triggers of its
 * `stat_cells` migration in the same transaction as every change to the rows it counts. The key
 * leads with the year: every reader asks for whole years.
 */
export function statCellsTable(schema: PgSchema) {
  return schema.table(
    'stat_cells',
    {
      measure: text('measure').notNull(),
      year: integer('year').notNull(),
      kecamatanCode: text('kecamatan_code').notNull(),
      category: text('category').notNull().default(''),
      count: integer('count').notNull(),
    },
    (table) => [
      primaryKey({
        name: 'stat_cells_pkey',
        columns: [table.year, table.measure, table.kecamatanCode, table.category],
      }),
    ],
  );
}

/**
 * What each subject (a worker, a session) adds to the rollup's cells, as last counted. Measures
 * that count a subject once a year, in the kecamatan of its first row of the year, cannot be
 * undone from the changed row alone: the trigger recomputes the subject's share from its rows and
 * applies the difference to this one, so the result never depends on the order of the changes.
 */
export function statSubjectCellsTable(schema: PgSchema) {
  return schema.table(
    'stat_subject_cells',
    {
      subjectId: uuid('subject_id').notNull(),
      measure: text('measure').notNull(),
      year: integer('year').notNull(),
      kecamatanCode: text('kecamatan_code').notNull(),
      category: text('category').notNull().default(''),
      count: integer('count').notNull(),
    },
    (table) => [
      primaryKey({
        name: 'stat_subject_cells_pkey',
        columns: [table.subjectId, table.measure, table.year, table.kecamatanCode, table.category],
      }),
    ],
  );
}

export type StatCellsTable = ReturnType<typeof statCellsTable>;
