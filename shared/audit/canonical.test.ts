import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { pgSchema } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows, type Database } from '../db/database.js';
import { createTestDatabase, type TestDatabase } from '../testing/database.js';
import {
  eventDigest,
  parseTextArray,
  RAW_CHAIN_EVENT_COLUMNS,
  utcMicrosecondInstant,
  type RawChainEvent,
} from './canonical.js';
import { sampleAccessEvent } from '../testing/access-events.js';
import { accessEventsTable } from './table.js';

const accessEvents = accessEventsTable(pgSchema('labour'));

let database: TestDatabase;
let db: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.store().db;
});
afterAll(async () => {
  await database.close();
});

const base = () => sampleAccessEvent();

describe('the canonical form of an access event, in Node', () => {
  it('hashes every kind of event exactly as the database does', async () => {
    await db.insert(accessEvents).values([
      base(),
      { ...base(), clientRequestId: 'client-ref-1', fields: [] },
      {
        ...base(),
        actingSubject: 'Siti Nurhaliza — petugas “LTSA” 日本 😀',
        purpose: 'line\nbreak\ttab\r\u0001\u001f\u007f "quotes" \\ back\\slash / \u2028\u2029',
        caseReference: '',
        workerId: randomUUID(),
        workerDistrictCode: '35.07.01',
        clientRequestId: 'ñandú "x" \\ \u0000'.replace('\u0000', '\u0002'),
        fields: ['fullName', 'nik', 'kécamatan', 'with, comma', '[bracket]', '{"json": 1}', ''],
      },
      { ...base(), entityId: '{"not": "json"}', clientRequestId: '' },
    ]);
    // text[] may hold null elements and more than one dimension; the hash must cover them too.
    await db.execute(sql`insert into labour.access_events
      (request_id, subgraph, institution_id, institution_kind, client_id, action, entity_type, entity_id, fields)
      values ('r-null', 'labour', ${randomUUID()}, 'MINISTRY', 'c', 'WRITE', 'Worker', 'e', array['a', null, 'NULL']::text[]),
             ('r-2d', 'labour', ${randomUUID()}, 'MINISTRY', 'c', 'WRITE', 'Worker', 'e', array[['a','b'],['c','d']]::text[])`);

    const rows = await selectRows<RawChainEvent & { database: string }>(
      db,
      sql`select ${RAW_CHAIN_EVENT_COLUMNS}, labour.access_event_digest(e.prev_hash, e) as "database"
          from labour.access_events e order by e.position`,
    );
    expect(rows.length).toBe(6);
    for (const row of rows) {
      expect(eventDigest(row.prevHash, row), `event ${row.position}`).toBe(row.database);
      expect(row.hash).toBe(row.database);
    }
  });

  it('reads text[] literals as PostgreSQL means them, null elements and the word NULL apart', async () => {
    const literals = [
      `array[]::text[]`,
      `array['a', null, 'NULL', 'null', '']::text[]`,
      `array['with space', 'comma,', '{brace}', '"quote"', 'back\\slash', 'ñ 日本 😀', E'tab\there']::text[]`,
      `array[['a', 'b'], ['c', null]]::text[]`,
      `'[0:1]={x,y}'::text[]`,
    ];
    for (const literal of literals) {
      const [row] = await selectRows<{ text: string; json: string }>(
        db,
        sql.raw(`select (${literal})::text as "text", to_jsonb(${literal})::text as "json"`),
      );
      expect(parseTextArray(row!.text), literal).toEqual(JSON.parse(row!.json));
    }
    expect(() => parseTextArray('{a,b')).toThrow(/not a text\[\] literal/);
  });

  it('writes instants as to_char does in UTC with microseconds, whatever the session time zone', async () => {
    const instants = [
      '2026-12-02 06:20:39.123456+00',
      '2026-01-01 00:00:00+07',
      '1999-12-31 23:59:59.999999-05',
      '2026-06-15 12:00:00.000001+00',
      '1970-01-01 00:00:00+00',
      '1969-12-31 23:59:59.5+00',
    ];
    for (const instant of instants) {
      const [row] = await selectRows<{ micros: string; expected: string }>(
        db,
        sql`select (extract(epoch from ${instant}::timestamptz) * 1000000)::bigint::text as "micros",
                   to_char(${instant}::timestamptz at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "expected"`,
      );
      expect(utcMicrosecondInstant(row!.micros), instant).toBe(row!.expected);
    }
  });

  it('sees a changed field, a changed instant and a changed prev_hash', async () => {
    const [row] = await selectRows<RawChainEvent>(
      db,
      sql`select ${RAW_CHAIN_EVENT_COLUMNS} from labour.access_events e order by e.position limit 1`,
    );
    const original = eventDigest(row!.prevHash, row!);
    expect(eventDigest(row!.prevHash, { ...row!, fields: '{fullName,nik}' })).not.toBe(original);
    expect(eventDigest(row!.prevHash, { ...row!, atMicros: String(BigInt(row!.atMicros) + 1n) })).not.toBe(
      original,
    );
    expect(eventDigest('0'.repeat(64), row!)).not.toBe(original);
    expect(eventDigest(row!.prevHash, { ...row!, clientRequestId: '' })).not.toBe(original);
  });
});
