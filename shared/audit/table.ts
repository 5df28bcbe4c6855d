import { bigint, index, text, timestamp, uniqueIndex, uuid, type PgSchema } from 'drizzle-orm/pg-core';

/**
 * The access log every subgraph keeps in its own schema: one row per entity touched per request.
 * Append-only and hash-chained by database triggers (see `chainMigrationSql`): `position` and the
 * hashes are set under a lock by the database itself, never by the application.
 */
export function accessEventsTable(schema: PgSchema) {
  return schema.table(
    'access_events',
    {
      id: uuid('id').primaryKey().defaultRandom(),
      /** Place in the hash chain, assigned by the insert trigger under the chain's lock. */
      position: bigint('position', { mode: 'number' }).notNull().default(0),
      at: timestamp('at', { withTimezone: true, precision: 6 }).notNull().defaultNow(),
      requestId: text('request_id').notNull(),
      /** The client's own id for its request (`X-Request-Id`), never the hub's. */
      clientRequestId: text('client_request_id'),
      subgraph: text('subgraph').notNull(),
      institutionId: uuid('institution_id').notNull(),
      institutionKind: text('institution_kind').notNull(),
      clientId: text('client_id').notNull(),
      actingSubject: text('acting_subject'),
      purpose: text('purpose'),
      caseReference: text('case_reference'),
      /** READ or WRITE. */
      action: text('action').notNull(),
      entityType: text('entity_type').notNull(),
      entityId: text('entity_id').notNull(),
      /** The worker whose data this is, when it is a worker's data. */
      workerId: uuid('worker_id'),
      /** The worker's kecamatan as this subgraph knows it, for the labour office's view of the log. */
      workerDistrictCode: text('worker_district_code'),
      fields: text('fields').array().notNull(),
      prevHash: text('prev_hash').notNull().default(''),
      hash: text('hash').notNull().default(''),
    },
    (table) => [
      uniqueIndex('access_events_position_key').on(table.position),
      index('access_events_worker_idx').on(table.workerId, table.at),
      index('access_events_at_idx').on(table.at),
    ],
  );
}

export type AccessEventsTable = ReturnType<typeof accessEventsTable>;
export type AccessEventRow = AccessEventsTable['$inferSelect'];
export type NewAccessEvent = Omit<
  AccessEventsTable['$inferInsert'],
  'id' | 'position' | 'at' | 'prevHash' | 'hash'
>;

/**
 * The canonical content of an event, as hashed. JSON (jsonb's text form) so no field can smuggle
 * a separator; the instant in UTC with microseconds so the text never depends on the session's
 * time zone.
 */
function canonicalSql(schema: string): string {
  // Columns added after the chain began are appended only when set, so the events written before
  // them keep the canonical text (and the hash) they were chained with.
  return `(jsonb_build_array(
      e.position, to_char(e.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), e.request_id, e.subgraph,
      e.institution_id, e.institution_kind, e.client_id, e.acting_subject, e.purpose, e.case_reference,
      e.action, e.entity_type, e.entity_id, e.worker_id, e.worker_district_code, e.fields
    ) || case when e.client_request_id is null then '[]'::jsonb
              else jsonb_build_array(jsonb_build_object('clientRequestId', e.client_request_id)) end
    )::text /* ${schema} */`;
}

/** The function that hashes one event after its predecessor's hash (`audit verify` calls it too). */
function digestFunctionSql(schema: string, replace: boolean): string {
  const table = `"${schema}"."access_events"`;
  return `
CREATE ${replace ? 'OR REPLACE ' : ''}FUNCTION "${schema}".access_event_digest(prev text, e ${table}) RETURNS text
  LANGUAGE sql STABLE AS $$
    SELECT encode(sha256(convert_to(prev || ${canonicalSql(schema)}, 'UTF8')), 'hex')
  $$;`;
}

/** SQL of a migration that adds a column to the events and to what their hash covers. */
export function digestMigrationSql(schema: string): string {
  return digestFunctionSql(schema, true);
}

/**
 * The insert trigger's function. The chain's lock is taken and its head read once per
 * transaction, not once per row: the head this transaction last wrote is kept in a
 * transaction-local setting tagged with the transaction's id, so the next row of the same
 * statement (or of a later statement of the same transaction, which still holds the lock) chains
 * after it without another lock call or index read. The setting ends with the transaction and is
 * undone with a rolled-back savepoint, as is the row it describes.
 */
function chainFunctionSql(schema: string, replace: boolean): string {
  const table = `"${schema}"."access_events"`;
  const headSetting = `hub.access_chain_head_${schema}`;
  return `CREATE ${replace ? 'OR REPLACE ' : ''}FUNCTION "${schema}".access_events_chain() RETURNS trigger
  LANGUAGE plpgsql AS $$
  DECLARE
    this_transaction text := pg_current_xact_id()::text;
    head text[] := string_to_array(current_setting('${headSetting}', true), ' ');
    last_position bigint;
    last_hash text;
  BEGIN
    IF head[1] IS NOT DISTINCT FROM this_transaction THEN
      last_position := head[2]::bigint;
      last_hash := head[3];
    ELSE
      PERFORM pg_advisory_xact_lock(hashtext('${schema}.access_events'));
      SELECT position, hash INTO last_position, last_hash FROM ${table} ORDER BY position DESC LIMIT 1;
    END IF;
    NEW.position := coalesce(last_position, 0) + 1;
    NEW.at := clock_timestamp();
    NEW.prev_hash := coalesce(last_hash, 'genesis');
    NEW.hash := "${schema}".access_event_digest(NEW.prev_hash, NEW);
    PERFORM set_config('${headSetting}', this_transaction || ' ' || NEW.position || ' ' || NEW.hash, true);
    RETURN NEW;
  END
  $$;`;
}

/** SQL of the migration that moves an existing chain to the once-per-transaction lock above. */
export function bulkChainMigrationSql(schema: string): string {
  return `\n${chainFunctionSql(schema, true)}\n`;
}

/**
 * SQL of the migration that makes a schema's access log tamper-evident: each new row gets the
 * next position and `hash = sha256(prev_hash || canonical row)` under a transaction-level lock
 * (so concurrent writers chain one after another), and updates, deletes and truncation are
 * refused. `digest` recomputes a row's hash for `npm run hub -- audit verify`.
 */
export function chainMigrationSql(schema: string): string {
  const table = `"${schema}"."access_events"`;
  return `${digestFunctionSql(schema, false)}
--> statement-breakpoint
${chainFunctionSql(schema, false)}
--> statement-breakpoint
CREATE TRIGGER access_events_chain BEFORE INSERT ON ${table}
  FOR EACH ROW EXECUTE FUNCTION "${schema}".access_events_chain();
--> statement-breakpoint
CREATE FUNCTION "${schema}".access_events_append_only() RETURNS trigger
  LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION 'the access log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
  END
  $$;
--> statement-breakpoint
CREATE TRIGGER access_events_no_update BEFORE UPDATE OR DELETE ON ${table}
  FOR EACH ROW EXECUTE FUNCTION "${schema}".access_events_append_only();
--> statement-breakpoint
CREATE TRIGGER access_events_no_truncate BEFORE TRUNCATE ON ${table}
  FOR EACH STATEMENT EXECUTE FUNCTION "${schema}".access_events_append_only();
`;
}
