import { sql } from 'drizzle-orm';
import { selectRows, type Database } from '../db/database.js';

export interface ChainReport {
  readonly schema: string;
  /** Events checked, in chain order. */
  readonly checked: number;
  /** The first link that does not hold, or null when the whole chain is intact. */
  readonly broken: { readonly position: number; readonly eventId: string; readonly reason: string } | null;
}

interface ChainRow {
  readonly position: number;
  readonly id: string;
  readonly prevHash: string;
  readonly hash: string;
  readonly expected: string;
}

const BATCH = 5_000;

/**
 * Walks one access log in chain order and recomputes every hash: each event must follow the
 * previous one without a gap, name its hash as `prev_hash`, and hash to what it stores. A changed,
 * removed or inserted event breaks the chain at that point, and the report names it.
 */
export async function verifyAccessChain(db: Database, schema: string): Promise<ChainReport> {
  const table = sql.raw(`"${schema}"."access_events"`);
  const digest = sql.raw(`"${schema}".access_event_digest`);
  let previous: { position: number; hash: string } = { position: 0, hash: 'genesis' };
  let checked = 0;
  for (;;) {
    const rows = await selectRows<ChainRow>(
      db,
      sql`select e.position::int as "position", e.id::text as "id", e.prev_hash as "prevHash", e.hash as "hash",
                 ${digest}(e.prev_hash, e) as "expected"
          from ${table} e where e.position > ${previous.position} order by e.position limit ${BATCH}`,
    );
    for (const row of rows) {
      const reason =
        row.position !== previous.position + 1
          ? `event ${previous.position + 1} is missing`
          : row.prevHash !== previous.hash
            ? 'its prev_hash does not match the hash of the event before it'
            : row.hash !== row.expected
              ? 'its content does not match its hash'
              : null;
      if (reason) return { schema, checked, broken: { position: row.position, eventId: row.id, reason } };
      previous = { position: row.position, hash: row.hash };
      checked += 1;
    }
    if (rows.length < BATCH) return { schema, checked, broken: null };
  }
}
