import {
  boolean,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

/** The gateway's own store: who may call the hub, and the keys it signs their tokens with. */
export const gateway = pgSchema('gateway');

export const institutionKind = gateway.enum('institution_kind', [
  'LABOUR_OFFICE',
  'MINISTRY',
  'TRAINING_PROVIDER',
  'UNIVERSITY',
]);
export const clientStatus = gateway.enum('client_status', ['ACTIVE', 'SUSPENDED']);

/** Member institutions as the authorization server knows them (the ministry keeps the public directory). */
export const institutions = gateway.table('institutions', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  kind: institutionKind('kind').notNull(),
  /** The region a labour office serves; null for other kinds. */
  regionCode: text('region_code'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const clients = gateway.table(
  'clients',
  {
    clientId: text('client_id').primaryKey(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    /** scrypt hash of the client secret; the secret itself is never stored. */
    secretHash: text('secret_hash').notNull(),
    /** Scopes the client may request; never more than its institution kind allows. */
    scopes: text('scopes').array().notNull(),
    label: text('label').notNull(),
    status: clientStatus('status').notNull().default('ACTIVE'),
    /** A machine client that may run only the operations registered for it (trusted documents). */
    trustedDocumentsOnly: boolean('trusted_documents_only').notNull().default(false),
    /** Created by the demo seed; production refuses to start while one is active. */
    demo: boolean('demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    suspendedAt: timestamp('suspended_at', { withTimezone: true }),
  },
  (table) => [index('clients_institution_idx').on(table.institutionId)],
);

export const signingKeys = gateway.table('signing_keys', {
  kid: text('kid').primaryKey(),
  privateJwk: jsonb('private_jwk').notNull(),
  publicJwk: jsonb('public_jwk').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  /** Set when a newer key takes over; the key stays published until its last token expires. */
  retiredAt: timestamp('retired_at', { withTimezone: true }),
});

/** Operations registered for a client, by the SHA-256 of their text (trusted documents). */
export const trustedDocuments = gateway.table(
  'trusted_documents',
  {
    clientId: text('client_id')
      .notNull()
      .references(() => clients.clientId),
    hash: text('hash').notNull(),
    document: text('document').notNull(),
    name: text('name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.clientId, table.hash] })],
);

/** What a first answer held, as kept beside it for its retries. */
export interface Disclosure {
  readonly requestId: string;
  readonly principal: {
    readonly institutionId: string;
    readonly institutionKind: string;
    readonly regionCode: string | null;
    readonly scopes: readonly string[];
  };
  /** Per service, the entities it served (type, id, fields), as it reported them. */
  readonly served: readonly {
    readonly service: string;
    readonly entities: readonly {
      readonly entityType: string;
      readonly entityId: string;
      readonly fields: readonly string[];
    }[];
  }[];
}

export const idempotencyStatus = gateway.enum('idempotency_status', ['PENDING', 'COMPLETED']);

/** The first answer to a mutation sent with an `Idempotency-Key`, replayed to its retries. */
export const idempotencyKeys = gateway.table(
  'idempotency_keys',
  {
    clientId: text('client_id').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    status: idempotencyStatus('status').notNull().default('PENDING'),
    responseStatus: integer('response_status'),
    responseBody: text('response_body'),
    /**
     * What the first answer disclosed and to whom: who asked (institution, region, scopes) and
     * which entities each service served. A retry is answered from `responseBody` only while
     * the caller may still see all of it (replays.ts).
     */
    disclosed: jsonb('disclosed').$type<Disclosure>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.clientId, table.key] }),
    index('idempotency_keys_created_idx').on(table.createdAt),
  ],
);

export type InstitutionRow = typeof institutions.$inferSelect;
export type ClientRow = typeof clients.$inferSelect;
export type SigningKeyRow = typeof signingKeys.$inferSelect;
