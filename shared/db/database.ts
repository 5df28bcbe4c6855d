import { PGlite } from '@electric-sql/pglite';
import { sql, type SQL } from 'drizzle-orm';
import type { Logger as DrizzleLogger } from 'drizzle-orm/logger';
import type { PgDatabase, PgQueryResultHKT, PgTable } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { lockDataDir, type DataDirLock } from './data-dir-lock.js';
import {
  StatementClock,
  timedPglite,
  timedPostgres,
  type StatementTimeObserver,
} from './statement-timing.js';

/** A drizzle database over either driver; query code never needs to know which one it has. */
export type Database = PgDatabase<PgQueryResultHKT, Record<string, never>>;

/** Called with every SQL statement a store issues (tests count statements with it). */
export type QueryObserver = (statement: string) => void;

export interface Store {
  readonly db: Database;
  /**
   * The same database for a service's own background loops (consent delivery, chain heads): their
   * statements are not reported to the observers, which count the statements requests cause.
   */
  readonly background: Database;
  readonly kind: 'embedded' | 'postgres';
  /** Adds an observer of every SQL statement from now on (the `/metrics` statement counter). */
  observeStatements(observer: QueryObserver): void;
  /** Adds an observer of how long each of those statements takes (the `/metrics` timings). */
  observeStatementTimes(observer: StatementTimeObserver): void;
  /** Connections the store may open at once (an embedded store has the one). */
  readonly poolSize: number;
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

/** A drizzle logger that tells every observer of a store about each statement it issues. */
function observerLogger(onQuery: QueryObserver | undefined) {
  const observers: QueryObserver[] = onQuery ? [onQuery] : [];
  const logger: DrizzleLogger = {
    logQuery: (statement) => {
      for (const observer of observers) observer(statement);
    },
  };
  return { logger, observeStatements: (observer: QueryObserver) => void observers.push(observer) };
}

/**
 * Opens (creating it on first use) the embedded PostgreSQL in a data directory. One instance
 * belongs to one process; in embedded mode every service of the hub shares it, each in its own
 * PostgreSQL schema.
 */
export async function openEmbeddedPostgres(
  dataDir?: string,
  loadDataDir?: Blob,
): Promise<PGlite & { readonly lock: DataDirLock | null }> {
  // A second process on the same directory would corrupt it: refused before PGlite touches it.
  const lock = dataDir ? lockDataDir(dataDir) : null;
  let client: PGlite;
  try {
    client = await PGlite.create(dataDir, loadDataDir ? { loadDataDir } : {});
  } catch (error) {
    lock?.release();
    throw error;
  }
  const close = client.close.bind(client);
  return Object.assign(client, {
    lock,
    close: async () => {
      try {
        await close();
      } finally {
        lock?.release();
      }
    },
  });
}

/** A store over an embedded PostgreSQL that someone else owns (closing it leaves the client open). */
export function embeddedStore(client: PGlite, onQuery?: QueryObserver): Store {
  const { logger, observeStatements } = observerLogger(onQuery);
  const clock = new StatementClock();
  const db: Database = drizzlePglite({ client: timedPglite(client, clock), logger });
  return {
    db,
    background: drizzlePglite({ client }),
    kind: 'embedded',
    observeStatements,
    observeStatementTimes: (observer) => clock.observe(observer),
    poolSize: 1,
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

/** How long a transaction that lost its connection waits for the driver to notice the close. */
const LOST_TRANSACTION_GRACE_MS = 5_000;

/**
 * The `postgres` driver (3.4.9) answers a failed transaction with ROLLBACK on the same connection,
 * even when that connection is gone: written to the closed socket, the ROLLBACK throws from a timer,
 * where nothing can catch it, and the process dies (porsager/postgres#1208); written after the
 * connection reconnected, it would land in whichever session uses it next. A server rolls back the
 * transaction of a lost connection itself, and `begin` rejects as soon as the connection closes,
 * so a transaction that fails for a lost connection is left there and never sends ROLLBACK. Should
 * the connection still be open after a grace period, the failure goes on to ROLLBACK as usual.
 */
function withoutRollbackOnLostConnections(client: postgres.Sql): postgres.Sql {
  const begin = (...args: unknown[]) => {
    const body = args.pop() as (sql: postgres.TransactionSql) => unknown;
    let finished = false;
    const guarded = (sql: postgres.TransactionSql) =>
      Promise.resolve(body(sql)).catch((error: unknown) => {
        if (!(error instanceof Error) || !isConnectionFailure(error)) throw error;
        return new Promise((_resolve, reject) => {
          setTimeout(() => finished || reject(error), LOST_TRANSACTION_GRACE_MS).unref();
        });
      });
    const outcome = args.length > 0 ? client.begin(String(args[0]), guarded) : client.begin(guarded);
    void outcome.then(
      () => (finished = true),
      () => (finished = true),
    );
    return outcome;
  };
  return new Proxy(client, {
    get: (target, property, receiver) =>
      property === 'begin' ? begin : (Reflect.get(target, property, receiver) as unknown),
  });
}

/** A store over a real PostgreSQL server through the `postgres` driver, with its own pool. */
export function postgresStore(options: PostgresStoreOptions): Store {
  const client = withoutRollbackOnLostConnections(
    postgres(options.url, {
      max: options.poolSize,
      connection: { application_name: options.applicationName },
      // Migrations re-run `CREATE SCHEMA IF NOT EXISTS`; its NOTICE is noise, not news.
      onnotice: () => {},
      idle_timeout: 30,
    }),
  );
  const { logger, observeStatements } = observerLogger(options.onQuery);
  const clock = new StatementClock();
  const db: Database = drizzlePostgres({ client: timedPostgres(client, clock), logger });
  return {
    db,
    background: drizzlePostgres({ client }),
    kind: 'postgres',
    observeStatements,
    observeStatementTimes: (observer) => clock.observe(observer),
    poolSize: options.poolSize,
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

// Failures that say "the database cannot be reached right now", not "this statement is wrong":
// socket errors, the postgres driver's own connection codes, and SQLSTATE class 08 (connection
// exception), 57P01-57P03 (the server is shutting down or starting up), 53300 (too many connections).
const CONNECTION_FAILURE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  'CONNECTION_ENDED',
  'CONNECT_TIMEOUT',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

/**
 * Whether an error (or one it was caused by: drizzle wraps driver errors) means the database is
 * unreachable for the moment: the request may be retried, and the service itself is healthy.
 */
export function isConnectionFailure(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (CONNECTION_FAILURE_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) {
      return true;
    }
    current = current.cause;
  }
  return false;
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
