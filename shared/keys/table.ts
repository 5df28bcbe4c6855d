import { jsonb, text, timestamp, type PgSchema } from 'drizzle-orm/pg-core';

/**
 * The signing keys of one hub service, in its own schema: an Ed25519 key pair per row, the private
 * half sealed under the service's key-encryption key (sealing.ts). The newest key whose
 * `activatesAt` has passed signs; every key not yet past `retiredAt` plus the grace is published,
 * so peers can check what was signed before a rotation.
 */
export function serviceKeysTable(schema: PgSchema) {
  return schema.table('service_keys', {
    kid: text('kid').primaryKey(),
    alg: text('alg').notNull(),
    publicJwk: jsonb('public_jwk').notNull(),
    /** Compact JWE of the private JWK (never the JWK itself). */
    privateKeySealed: text('private_key_sealed').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Published from creation, used for signing from here: peers learn a key before they meet it. */
    activatesAt: timestamp('activates_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set when a newer key takes over. */
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  });
}

export type ServiceKeysTable = ReturnType<typeof serviceKeysTable>;
export type ServiceKeyRow = ServiceKeysTable['$inferSelect'];
