import postgres from 'postgres';
import { postgresStore } from '../../shared/db/database.js';
import { migrateAll } from '../../shared/db/migrations.js';
import { SERVICE_SCHEMAS } from './tables.js';

/** The same server's maintenance database, from which another database is created. */
function adminUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  return url.toString();
}

export function databaseName(databaseUrl: string): string {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
    throw new Error(`"${name}" is not a database name the seed will create`);
  return name;
}

export function connect(databaseUrl: string, max = 1): postgres.Sql {
  return postgres(databaseUrl, {
    max,
    onnotice: () => {},
    connection: { application_name: 'bench-seed' },
    connect_timeout: 120,
  });
}

/** Creates the database when it does not exist yet. */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const name = databaseName(databaseUrl);
  const admin = connect(adminUrl(databaseUrl));
  try {
    const [existing] = await admin`select 1 as found from pg_database where datname = ${name}`;
    if (!existing) await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
}

/**
 * Empties the database the quickest sure way: drops every service schema (and the migration
 * bookkeeping and the completion record), then applies the hub's own migrations afresh.
 */
export async function resetSchemas(databaseUrl: string): Promise<void> {
  const sql = connect(databaseUrl);
  try {
    for (const schema of [...SERVICE_SCHEMAS, 'drizzle', 'bench'])
      await sql.unsafe(`drop schema if exists "${schema}" cascade`);
  } finally {
    await sql.end();
  }
  const store = postgresStore({ url: databaseUrl, poolSize: 1, applicationName: 'bench-seed-migrate' });
  try {
    await migrateAll(store);
  } finally {
    await store.close();
  }
}

/**
 * Drops the secondary indexes of the service schemas and returns their definitions: building an
 * index once over loaded rows is much cheaper than maintaining it row by row during COPY.
 * Indexes behind constraints (primary keys) stay.
 */
export async function dropSecondaryIndexes(databaseUrl: string): Promise<string[]> {
  const sql = connect(databaseUrl);
  try {
    const rows = await sql<{ schema: string; name: string; definition: string }[]>`
      select n.nspname as schema, c.relname as name, pg_get_indexdef(i.indexrelid) as definition
      from pg_index i
      join pg_class c on c.oid = i.indexrelid
      join pg_namespace n on n.oid = c.relnamespace
      where n.nspname in ${sql([...SERVICE_SCHEMAS])}
        and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)`;
    for (const row of rows) await sql.unsafe(`drop index "${row.schema}"."${row.name}"`);
    return rows.map((row) => row.definition);
  } finally {
    await sql.end();
  }
}

/** Rebuilds the dropped indexes, two at a time (one per core), with generous sort memory. */
export async function createIndexes(databaseUrl: string, definitions: readonly string[]): Promise<void> {
  const queue = [...definitions];
  const worker = async () => {
    const sql = connect(databaseUrl);
    try {
      await sql`set maintenance_work_mem = '256MB'`;
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) await sql.unsafe(next);
    } finally {
      await sql.end();
    }
  };
  await Promise.all([worker(), worker()]);
}

/** Refreshes planner statistics and the visibility map, so the first benchmark queries run as later ones will. */
export async function analyze(databaseUrl: string): Promise<void> {
  const sql = connect(databaseUrl);
  try {
    for (const schema of SERVICE_SCHEMAS) {
      const tables = await sql<
        { name: string }[]
      >`select tablename as name from pg_tables where schemaname = ${schema}`;
      // VACUUM as well: hint bits and the visibility map get set now, not during the first benchmark.
      for (const table of tables) await sql.unsafe(`vacuum (analyze) "${schema}"."${table.name}"`);
    }
  } finally {
    await sql.end();
  }
}

/**
 * Rewrites every service's statistics rollup (`<schema>.stat_cells`) from the loaded rows: the
 * COPY ran with triggers off, so nothing counted the rows as they came in.
 */
export async function rebuildStatCells(databaseUrl: string): Promise<void> {
  const schemas = ['labour', 'ministry', 'training', 'university'];
  const sql = connect(databaseUrl, schemas.length);
  try {
    await Promise.all(schemas.map((schema) => sql.unsafe(`select "${schema}".stat_cells_rebuild()`)));
  } finally {
    await sql.end();
  }
}

/** Sets the ministry's case numbering after the seeded cases, as the demo seed does. */
export async function continueCaseNumbering(databaseUrl: string, cases: number): Promise<void> {
  const sql = connect(databaseUrl);
  try {
    await sql`select setval('ministry.case_reference_seq', ${Math.max(cases, 1)})`;
  } finally {
    await sql.end();
  }
}

/** Records a finished seed; written last, so its presence means every row and index is in place. */
export async function recordCompletion(
  databaseUrl: string,
  workers: number,
  version: number,
  seconds: number,
): Promise<void> {
  const sql = connect(databaseUrl);
  try {
    await sql`create schema if not exists bench`;
    await sql`create table if not exists bench.seed_state (
      workers integer not null, generator_version integer not null, seconds real not null,
      finished_at timestamptz not null default now())`;
    await sql`delete from bench.seed_state`;
    await sql`insert into bench.seed_state (workers, generator_version, seconds) values (${workers}, ${version}, ${seconds})`;
  } finally {
    await sql.end();
  }
}

/** The finished seed recorded in the database, or null (no database, no record, or no table). */
export async function readCompletion(
  databaseUrl: string,
): Promise<{ workers: number; version: number } | null> {
  const sql = connect(databaseUrl);
  try {
    const [state] = await sql<
      { found: string | null }[]
    >`select to_regclass('bench.seed_state')::text as found`;
    if (!state?.found) return null;
    const [row] = await sql<{ workers: number; version: number }[]>`
      select workers, generator_version as version from bench.seed_state limit 1`;
    return row ?? null;
  } catch (error) {
    // 3D000: the database does not exist, so it was never seeded.
    if (error instanceof postgres.PostgresError && error.code === '3D000') return null;
    throw error;
  } finally {
    await sql.end();
  }
}

/** The database's size on disk, as PostgreSQL prints it (`pg_database_size`). */
export async function databaseSize(databaseUrl: string): Promise<string> {
  const sql = connect(databaseUrl);
  try {
    const [row] = await sql<
      { size: string }[]
    >`select pg_size_pretty(pg_database_size(current_database())) as size`;
    return row?.size ?? 'unknown';
  } finally {
    await sql.end();
  }
}
