import { sql, type SQL } from 'drizzle-orm';
import { text, timestamp, type PgSchema } from 'drizzle-orm/pg-core';
import type { Database } from '../db/database.js';

/**
 * How current a grantee's consent copies are: the latest heartbeat from labour ("as of T, every
 * fact for you is delivered") and, from it, until when the copies may be used. One row per source
 * (only `labour` today). A pending revocation stops the heartbeats, so the copies lapse by
 * themselves once `usable_until` passes: a grantee labour cannot reach stops answering on consent.
 */
export function consentFeedTable(schema: PgSchema) {
  return schema.table('consent_feed', {
    source: text('source').primaryKey(),
    /** Labour's "everything delivered as of": never later than when this service received it. */
    asOf: timestamp('as_of', { withTimezone: true }).notNull(),
    usableUntil: timestamp('usable_until', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  });
}

export type ConsentFeedTable = ReturnType<typeof consentFeedTable>;

const SOURCE = 'labour';

/**
 * Keeps a heartbeat: only ever moves forward (a replayed or late one changes nothing), and a
 * statement dated ahead of this service's clock counts from now, so labour's clock cannot stretch
 * the bound.
 */
export async function recordHeartbeat(
  db: Database,
  table: ConsentFeedTable,
  asOf: Date,
  maxAgeSeconds: number,
): Promise<void> {
  const at = new Date(Math.min(asOf.getTime(), Date.now()));
  const usableUntil = new Date(at.getTime() + maxAgeSeconds * 1000);
  await db
    .insert(table)
    .values({ source: SOURCE, asOf: at, usableUntil })
    .onConflictDoUpdate({
      target: table.source,
      set: {
        asOf: sql`greatest(${table.asOf}, excluded.as_of)`,
        usableUntil: sql`greatest(${table.usableUntil}, excluded.usable_until)`,
        receivedAt: sql`now()`,
      },
    });
}

/**
 * True while the copies may be used, AND-ed into every consent rule. Evaluated by the very
 * statement that reads the copies, so every replica sees the same heartbeat at once; it is an
 * uncorrelated lookup of one primary key in a one-row table, which PostgreSQL runs once per
 * statement (an InitPlan), cheaper than any round trip an in-memory cache would save.
 */
export function consentCopiesUsable(table: ConsentFeedTable): SQL {
  return sql`exists (select 1 from ${table} where ${table.source} = ${SOURCE} and ${table.usableUntil} > now())`;
}
