import { sql } from 'drizzle-orm';
import { selectRows, type Database } from '../../shared/db/database.js';

export const SERVICE_SCHEMAS = ['labour', 'ministry', 'training', 'university', 'gateway'] as const;

/** What a table held: a digest of every row's text, or for an access log, of the rows up to `upTo`. */
export interface TableState {
  readonly rows: number;
  readonly digest: string;
  /** For append-only access logs: the last position when the snapshot was taken. */
  readonly upTo?: number;
}

export type DatabaseSnapshot = Readonly<Record<string, TableState>>;

const isAccessLog = (table: string) => table.endsWith('.access_events');

async function tablesOf(db: Database): Promise<string[]> {
  const rows = await selectRows<{ name: string }>(
    db,
    sql`select table_schema || '.' || table_name as "name" from information_schema.tables
        where table_schema in (${sql.join(
          SERVICE_SCHEMAS.map((schema) => sql`${schema}`),
          sql`, `,
        )}) and table_type = 'BASE TABLE' order by 1`,
  );
  return rows.map((row) => row.name).filter((name) => !MOVES_BY_ITSELF.has(name.split('.')[1] ?? ''));
}

/**
 * Tables that change whatever a request asks, so a hostile one is not blamed for them: a grantee's
 * consent feed moves with labour's heartbeat every few seconds, and the gateway's rate-limit
 * counters count every request, refused ones as much as good ones.
 */
const MOVES_BY_ITSELF = new Set(['consent_feed', 'rate_limit_counters']);

async function digestOf(db: Database, table: string, upTo?: number): Promise<TableState> {
  const [schema, name] = table.split('.') as [string, string];
  const where = upTo === undefined ? sql`` : sql` where t.position <= ${upTo}`;
  const [row] = await selectRows<{ rows: number; digest: string }>(
    db,
    sql`select count(*)::int as "rows", md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as "digest"
        from ${sql.identifier(schema)}.${sql.identifier(name)} t${where}`,
  );
  if (!row) throw new Error(`no digest for ${table}`);
  return upTo === undefined ? row : { ...row, upTo };
}

/**
 * Every table of every service schema, discovered from the catalogue so that a table added later
 * is covered too. Access logs grow with every read, legitimately: for them the snapshot covers
 * the rows that existed, which must stay exactly as they were.
 */
export async function snapshotDatabase(db: Database): Promise<DatabaseSnapshot> {
  const snapshot: Record<string, TableState> = {};
  for (const table of await tablesOf(db)) {
    if (!isAccessLog(table)) {
      snapshot[table] = await digestOf(db, table);
      continue;
    }
    const [schema] = table.split('.') as [string];
    const [last] = await selectRows<{ position: number }>(
      db,
      sql`select coalesce(max(position), 0)::int as "position" from ${sql.identifier(schema)}.access_events`,
    );
    snapshot[table] = await digestOf(db, table, last?.position ?? 0);
  }
  return snapshot;
}

/** The same tables again, access logs over the same range of positions as before. */
export async function resnapshot(db: Database, before: DatabaseSnapshot): Promise<DatabaseSnapshot> {
  const after: Record<string, TableState> = {};
  for (const table of await tablesOf(db)) {
    after[table] = await digestOf(db, table, before[table]?.upTo);
  }
  return after;
}

/** Positions 1..n without a gap: nothing was deleted from the log. */
export async function accessLogPositions(
  db: Database,
  schema: string,
): Promise<{ rows: number; first: number; last: number }> {
  const [row] = await selectRows<{ rows: number; first: number; last: number }>(
    db,
    sql`select count(*)::int as "rows", coalesce(min(position), 1)::int as "first",
               coalesce(max(position), 0)::int as "last" from ${sql.identifier(schema)}.access_events`,
  );
  return row ?? { rows: 0, first: 1, last: 0 };
}

export { isAccessLog };
