import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { serviceKeysTable } from '../../shared/keys/table.js';
import { witnessedHeadsTable } from '../../shared/audit/witness-table.js';

/** The gateway's own store: who may call the hub, and the keys it signs their tokens with. */
export const gateway = pgSchema('gateway');

export const institutionKind = gateway.enum('institution_kind', [
  'LABOUR_OFFICE',
  'MINISTRY',
  'TRAINING_PROVIDER',
  'UNIVERSITY',
]);
export const clientStatus = gateway.enum('client_status', ['ACTIVE', 'SUSPENDED']);
/**
 * A machine client holds a secret and acts for its institution (client credentials); the console
 * is a public client (authorization code with PKCE) whose tokens act for the person signed in, so
 * it belongs to no institution itself.
 */
export const clientType = gateway.enum('client_type', ['MACHINE', 'CONSOLE']);

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
    type: clientType('type').notNull().default('MACHINE'),
    /** The institution a machine client acts for; null for the console (its people have one each). */
    institutionId: uuid('institution_id').references(() => institutions.id),
    /** scrypt hash of a machine client's secret (the secret itself is never stored); null for the console. */
    secretHash: text('secret_hash'),
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

/** The gateway's own key for signing its requests to the subgraphs (shared/keys/table.ts). */
export const serviceKeys = serviceKeysTable(gateway);

/** Access-log chain heads other services signed and handed here to witness (shared/audit/witness.ts). */
export const witnessedHeads = witnessedHeadsTable(gateway);

export const signingKeys = gateway.table('signing_keys', {
  kid: text('kid').primaryKey(),
  /** Kept only by hubs from before keys were sealed; emptied into `privateKeySealed` at start. */
  privateJwk: jsonb('private_jwk'),
  /** The private JWK as a compact JWE under the gateway's key-encryption key (shared/keys/sealing.ts). */
  privateKeySealed: text('private_key_sealed'),
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

/** What a person does at the hub; each role maps to scopes its institution's kind may hold (accounts.ts). */
export const accountRole = gateway.enum('account_role', [
  'LTSA_OFFICER',
  'CASE_OFFICER',
  'ANALYST',
  'AUDITOR',
  'TRAINING_REGISTRAR',
  'MENTOR',
  'INSTITUTION_ADMIN',
]);
export const accountStatus = gateway.enum('account_status', ['ACTIVE', 'DISABLED']);

/** People who sign in to the console: a personal account of one institution, with one role. */
export const accounts = gateway.table(
  'accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    /** Lower case; unique in the hub. */
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    role: accountRole('role').notNull(),
    /** scrypt hash; the password itself is never stored. */
    passwordHash: text('password_hash').notNull(),
    status: accountStatus('status').notNull().default('ACTIVE'),
    /** Failed sign-ins since the last success; reaching the limit locks the account for a while. */
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    /** Created by the demo seed; production refuses to start while one is active. */
    demo: boolean('demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: text('created_by'),
  },
  (table) => [
    uniqueIndex('accounts_username_key').on(table.username),
    index('accounts_institution_idx').on(table.institutionId),
  ],
);

/**
 * What the authorization server keeps between requests (sessions, interactions, authorization
 * codes, refresh tokens, grants), as oidc-provider's adapter stores it: one row per artefact.
 */
export const oidcPayloads = gateway.table(
  'oidc_payloads',
  {
    model: text('model').notNull(),
    id: text('id').notNull(),
    payload: jsonb('payload').notNull(),
    grantId: text('grant_id'),
    uid: text('uid'),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.model, table.id] }),
    index('oidc_payloads_grant_idx').on(table.grantId),
    index('oidc_payloads_uid_idx').on(table.uid),
    index('oidc_payloads_expires_idx').on(table.expiresAt),
  ],
);

/**
 * Console sessions ended before their tokens expired (signed out, account disabled): every service
 * refuses a token of an ended session at once, as for a suspended client (`/.well-known/revoked-clients`).
 */
export const endedSessions = gateway.table('ended_sessions', {
  grantId: text('grant_id').primaryKey(),
  endedAt: timestamp('ended_at', { withTimezone: true }).notNull().defaultNow(),
  /** After this no token of the session can be valid any more, so the row may go. */
  forgetAfter: timestamp('forget_after', { withTimezone: true }).notNull(),
});

/** Keys that sign the authorization server's cookies (sessions, interactions); shared by every replica. */
export const cookieKeys = gateway.table('cookie_keys', {
  id: uuid('id').primaryKey().defaultRandom(),
  secret: text('secret').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Rate-limit counters that every gateway replica shares (gateway/shared-window.ts): per caller,
 * the requests it was allowed in each quarter second of the last minute. Written by one upsert per
 * request; a row past `expires_ms` counts nothing any more and is pruned.
 */
export const rateLimitCounters = gateway.table(
  'rate_limit_counters',
  {
    key: text('key').primaryKey(),
    /** The newest quarter second counted: milliseconds since the epoch, divided by 250. */
    bucket: bigint('bucket', { mode: 'number' }).notNull(),
    /** Requests allowed in each quarter second, newest first (`counts[1]` is `bucket`'s). */
    counts: integer('counts').array().notNull(),
    /** Whether the request that last touched the row was allowed: what the upsert answers. */
    allowed: boolean('allowed').notNull(),
    /** When the newest counted request leaves the longest window (milliseconds since the epoch). */
    expiresMs: bigint('expires_ms', { mode: 'number' }).notNull(),
  },
  (table) => [index('rate_limit_counters_expires_idx').on(table.expiresMs)],
);

export type AccountRow = typeof accounts.$inferSelect;
export type InstitutionRow = typeof institutions.$inferSelect;
export type ClientRow = typeof clients.$inferSelect;
export type SigningKeyRow = typeof signingKeys.$inferSelect;
