import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';

/**
 * An access event as the verifier reads it: every column the hash covers, in text form straight
 * from the row (no database function in between), so Node alone decides what the hash should be.
 */
export interface RawChainEvent {
  readonly id: string;
  /** bigint as text, so positions past 2^53 stay exact. */
  readonly position: string;
  /** Microseconds since the Unix epoch, as text: the instant without any session time zone. */
  readonly atMicros: string;
  readonly requestId: string;
  readonly clientRequestId: string | null;
  readonly subgraph: string;
  readonly institutionId: string;
  readonly institutionKind: string;
  readonly clientId: string;
  readonly actingSubject: string | null;
  readonly purpose: string | null;
  readonly caseReference: string | null;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly workerId: string | null;
  readonly workerDistrictCode: string | null;
  /**
   * text[] in PostgreSQL's own text form (`{a,NULL,"b c"}`): drivers turn a null element into the
   * string "NULL", which a hash must not confuse with the word, so Node parses the literal itself.
   */
  readonly fields: string;
  readonly prevHash: string;
  readonly hash: string;
}

/**
 * The select list that reads a `RawChainEvent` from `e`, an access_events row. Only casts to text,
 * never the canonical form itself: a DBA who rewrites `access_event_digest` or `to_char` changes
 * nothing here.
 */
export const RAW_CHAIN_EVENT_COLUMNS: SQL = sql.raw(`e.id::text as "id", e.position::text as "position",
  (extract(epoch from e.at) * 1000000)::bigint::text as "atMicros",
  e.request_id as "requestId", e.client_request_id as "clientRequestId", e.subgraph as "subgraph",
  e.institution_id::text as "institutionId", e.institution_kind as "institutionKind", e.client_id as "clientId",
  e.acting_subject as "actingSubject", e.purpose as "purpose", e.case_reference as "caseReference",
  e.action as "action", e.entity_type as "entityType", e.entity_id as "entityId",
  e.worker_id::text as "workerId", e.worker_district_code as "workerDistrictCode", e.fields::text as "fields",
  e.prev_hash as "prevHash", e.hash as "hash"`);

/**
 * jsonb's text form of a value: `[a, b]` and `{"k": v}` with a space after each separator, strings
 * escaped as JSON.stringify escapes them (PostgreSQL's escape_json agrees: `\"`, `\\`, `\b\f\n\r\t`,
 * other control characters as lowercase `\u00xx`, everything else as it is).
 */
function jsonbText(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return `[${value.map(jsonbText).join(', ')}]`;
  if (typeof value === 'object') {
    // jsonb orders keys by length, then bytewise; the canonical form has one-key objects only.
    const entries = Object.entries(value).sort(
      ([a], [b]) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0),
    );
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}: ${jsonbText(item)}`).join(', ')}}`;
  }
  throw new Error(`no canonical form for a ${typeof value}`);
}

/**
 * A text[] literal as PostgreSQL writes it: `{...}` nested per dimension (after `[l:u]=` when a
 * lower bound is not 1), elements quoted with backslash escapes when they need it, `NULL` unquoted.
 */
export function parseTextArray(literal: string): unknown[] {
  let at = literal.startsWith('[') ? literal.indexOf('=') + 1 : 0;
  const fail = (): never => {
    throw new Error(`not a text[] literal: ${literal.slice(0, 80)}`);
  };
  const parse = (): unknown[] => {
    if (literal[at] !== '{') fail();
    at += 1;
    const items: unknown[] = [];
    if (literal[at] === '}') {
      at += 1;
      return items;
    }
    for (;;) {
      if (literal[at] === '{') items.push(parse());
      else if (literal[at] === '"') {
        let text = '';
        for (at += 1; literal[at] !== '"'; at += 1) {
          if (at >= literal.length) fail();
          if (literal[at] === '\\') at += 1;
          text += literal[at];
        }
        at += 1;
        items.push(text);
      } else {
        const end = literal.slice(at).search(/[,}]/);
        if (end < 0) fail();
        const token = literal.slice(at, at + end);
        at += end;
        items.push(token.toUpperCase() === 'NULL' ? null : token);
      }
      const separator = literal[at];
      at += 1;
      if (separator === '}') return items;
      if (separator !== ',') fail();
    }
  };
  const items = parse();
  if (at !== literal.length) fail();
  return items;
}

/** `to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`, from microseconds since the epoch. */
export function utcMicrosecondInstant(atMicros: string): string {
  const micros = BigInt(atMicros);
  let millis = micros / 1000n;
  let fraction = micros % 1000n;
  if (fraction < 0n) {
    fraction += 1000n;
    millis -= 1n;
  }
  const iso = new Date(Number(millis)).toISOString(); // YYYY-MM-DDTHH:MM:SS.mmmZ
  const extended = iso.startsWith('+') || iso.startsWith('-');
  if (extended) throw new Error(`instant out of the canonical range: ${atMicros}`);
  return `${iso.slice(0, 23)}${fraction.toString().padStart(3, '0')}Z`;
}

/**
 * The canonical text of an event, exactly as `canonicalSql` in table.ts builds it: the original
 * sixteen values, then `{"clientRequestId": ...}` only when one is set. A column added to the
 * chain later is appended here the same way, in the same migration that changes the SQL.
 */
export function canonicalEventText(event: RawChainEvent): string {
  const values: unknown[] = [
    BigInt(event.position),
    utcMicrosecondInstant(event.atMicros),
    event.requestId,
    event.subgraph,
    event.institutionId,
    event.institutionKind,
    event.clientId,
    event.actingSubject,
    event.purpose,
    event.caseReference,
    event.action,
    event.entityType,
    event.entityId,
    event.workerId,
    event.workerDistrictCode,
    parseTextArray(event.fields),
  ];
  if (event.clientRequestId !== null) values.push({ clientRequestId: event.clientRequestId });
  return jsonbText(values);
}

/** `sha256(prev || canonical)` in hex, as the chain trigger stores it. */
export function eventDigest(prevHash: string, event: RawChainEvent): string {
  return createHash('sha256')
    .update(prevHash + canonicalEventText(event), 'utf8')
    .digest('hex');
}
