import { PGlite } from '@electric-sql/pglite';
import { sql, type SQL } from 'drizzle-orm';
import type { Logger as DrizzleLogger } from 'drizzle-orm/logger';
import type { PgDatabase, PgQueryResultHKT, PgTable } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';

/** A drizzle database over either driver; query code never needs to know which one it has. */
export type Database = PgDatabase<PgQueryResultHKT, Record<string, never>>;

/** Called with every SQL statement a store issues (tests count statements with it). */
export type QueryObserver = (statement: string) => void;

export interface Store {
  readonly db: Database;
  readonly kind: 'embedded' | 'postgres';
  /** Cheap round trip used by readiness probes. */
  ping(): Promise<void>;
  /** Applies the committed drizzle-kit migrations of one service (see `migrationConfig`). */
  migrate(name: string, migrationsFolder: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The bookkeeping table lives in the shared `drizzle` schema, one table per service, because
 * drizzle-kit's first migration creates the service's own schema and would collide with a
 * bookkeeping table placed inside it.
 */
function migrationConfig(name: string, migrationsFolder: string) {
  return { migrationsFolder, migrationsSchema: 'drizzle', migrationsTable: `${name}_migrations` };
}

function observerLogger(onQuery: QueryObserver | undefined): DrizzleLogger | undefined {
  return onQuery ? { logQuery: (statement) => onQuery(statement) } : undefined;
}

/**
 * Opens (creating it on first use) the embedded PostgreSQL in a data directory. One instance
 * belongs to one process; in embedded mode every service of the hub shares it, each in its own
 * PostgreSQL schema.
 */
export async function openEmbeddedPostgres(dataDir?: string, loadDataDir?: Blob): Promise<PGlite> {
  return PGlite.create(dataDir, loadDataDir ? { loadDataDir } : {});
}

/** A store over an embedded PostgreSQL that someone else owns (closing it leaves the client open). */
export function embeddedStore(client: PGlite, onQuery?: QueryObserver): Store {
  const logger = observerLogger(onQuery);
  const db: Database = drizzlePglite({ client, ...(logger ? { logger } : {}) });
  return {
    db,
    kind: 'embedded',
    ping: async () => {
      await client.query('select 1');
    },
    migrate: async (name, folder) => {
      await migratePglite(drizzlePglite({ client }), migrationConfig(name, folder));
    },
    close: async () => {},
  };
}

export interface PostgresStoreOptions {
  readonly url: string;
  readonly poolSize: number;
  /** Shown in `pg_stat_activity`, so operators can tell the services apart. */
  readonly applicationName: string;
  readonly onQuery?: QueryObserver;
}

/** A store over a real PostgreSQL server through the `postgres` driver, with its own pool. */
export function postgresStore(options: PostgresStoreOptions): Store {
  const client = postgres(options.url, {
    max: options.poolSize,
    connection: { application_name: options.applicationName },
    // Migrations re-run `CREATE SCHEMA IF NOT EXISTS`; its NOTICE is noise, not news.
    onnotice: () => {},
    idle_timeout: 30,
  });
  const logger = observerLogger(options.onQuery);
  const db: Database = drizzlePostgres({ client, ...(logger ? { logger } : {}) });
  return {
    db,
    kind: 'postgres',
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    migrate: async (name, folder) => {
      // Services that start together against one server take turns. A client of exactly one
      // connection holds the session lock for the whole run, so two runs never race.
      const single = postgres(options.url, { max: 1, onnotice: () => {} });
      try {
        await single`select pg_advisory_lock(hashtext('migran-center-hub:migrations'))`;
        await migratePostgres(drizzlePostgres({ client: single }), migrationConfig(name, folder));
      } finally {
        await single.end({ timeout: 5 });
      }
    },
    close: async () => {
      await client.end({ timeout: 5 });
    },
  };
}

/**
 * Runs a raw SQL statement and returns its rows. The two drivers shape raw results differently
 * (PGlite: `{ rows }`, postgres: an array); query code sees plain rows either way. Cast counts to
 * `int` in SQL: `bigint` comes back as a string from one driver and a BigInt from the other.
 */
export async function selectRows<Row>(db: Database, query: SQL): Promise<Row[]> {
  const result: unknown = await db.execute(query);
  if (Array.isArray(result)) return result as Row[];
  return (result as { rows: Row[] }).rows;
}

/**
 * Bulk insert in chunks: one statement per chunk keeps large seeds well under PostgreSQL's limit of
 * 65,535 bind parameters per statement.
 */
export async function insertInChunks<TTable extends PgTable>(
  db: Database,
  table: TTable,
  rows: readonly TTable['$inferInsert'][],
  chunkSize = 500,
): Promise<void> {
  for (let start = 0; start < rows.length; start += chunkSize) {
    await db.insert(table).values(rows.slice(start, start + chunkSize));
  }
}
