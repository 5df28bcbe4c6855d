import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, text, timestamp, uniqueIndex, uuid, type PgSchema } from 'drizzle-orm/pg-core';

/**
 * Chain heads another service signed and handed to this one to keep (witness.ts): the ministry's
 * and the gateway's stores hold them, outside the database of the service whose log they describe,
 * so that a rewrite of a whole chain there no longer matches what was witnessed here.
 *
 * An accepted head has `refusal` null, one per service and position. A validly signed head that
 * contradicts one already held (same position, another hash; or a chain that moved back) is kept
 * too, with the reason it was refused: it is evidence, never a replacement.
 */
export function witnessedHeadsTable(schema: PgSchema) {
  return schema.table(
    'witnessed_heads',
    {
      id: uuid('id').primaryKey().defaultRandom(),
      /** The service whose access log this is the head of (the JWT's issuer). */
      service: text('service').notNull(),
      position: bigint('position', { mode: 'number' }).notNull(),
      hash: text('hash').notNull(),
      /** When the service signed it (the JWT's `iat`). */
      signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
      /** The signed head itself (compact JWS), so anyone can check it again later. */
      jwt: text('jwt').notNull(),
      /** The key the witness checked it with, as it knew that key then (`audit verify` uses it). */
      kid: text('kid').notNull(),
      publicJwk: jsonb('public_jwk').notNull(),
      receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
      /** Null for an accepted head; otherwise why this head contradicts what was already witnessed. */
      refusal: text('refusal'),
    },
    (table) => [
      uniqueIndex('witnessed_heads_accepted_key')
        .on(table.service, table.position)
        .where(sql`${table.refusal} is null`),
      index('witnessed_heads_service_idx').on(table.service, table.signedAt),
    ],
  );
}

export type WitnessedHeadsTable = ReturnType<typeof witnessedHeadsTable>;
export type WitnessedHeadRow = WitnessedHeadsTable['$inferSelect'];
