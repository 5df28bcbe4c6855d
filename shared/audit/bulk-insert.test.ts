import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { PgDialect, pgSchema } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows, type Database } from '../db/database.js';
import { createTestDatabase, type TestDatabase } from '../testing/database.js';
import {
  accessEventsInsert,
  insertAccessEvents,
  type EventColumns,
  type RequestColumns,
} from './bulk-insert.js';
import { accessEventsTable } from './table.js';
import { verifyAccessChain } from './verify.js';

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

const request = (overrides: Partial<RequestColumns> = {}): RequestColumns => ({
  requestId: `request-${randomUUID()}`,
  clientRequestId: null,
  subgraph: 'labour',
  institutionId: randomUUID(),
  institutionKind: 'LABOUR_OFFICE',
  clientId: 'disnaker-malang',
  actingSubject: 'officer:sri',
  purpose: 'PLACEMENT_PROCESSING',
  caseReference: null,
  ...overrides,
});

const events = (count: number): EventColumns[] =>
  Array.from({ length: count }, (_, index) => ({
    action: 'READ',
    entityType: 'Worker',
    entityId: randomUUID(),
    workerId: index % 3 === 0 ? null : randomUUID(),
    workerDistrictCode: index % 3 === 0 ? null : '35.07.01',
    fields: ['fullName', 'nik'],
  }));

async function chainLength(): Promise<number> {
  const [row] = await selectRows<{ count: number }>(
    db,
    sql`select count(*)::int as "count" from labour.access_events`,
  );
  return row?.count ?? 0;
}

/** Index scans of the chain's position index so far: the trigger's reads of the chain head. */
async function headReads(): Promise<number> {
  await db.execute(sql`select pg_stat_force_next_flush()`);
  await db.execute(sql`select pg_stat_clear_snapshot()`);
  const [row] = await selectRows<{ scans: number }>(
    db,
    sql`select idx_scan::int as "scans" from pg_stat_user_indexes
        where schemaname = 'labour' and indexrelname = 'access_events_position_key'`,
  );
  return row?.scans ?? 0;
}

describe("one request's access events in one statement", () => {
  it('binds the same ten parameters and sends the same text for one event and for three hundred', () => {
    const dialect = new PgDialect();
    const one = dialect.sqlToQuery(accessEventsInsert(accessEvents, request(), events(1)));
    const many = dialect.sqlToQuery(accessEventsInsert(accessEvents, request(), events(300)));
    expect(one.params).toHaveLength(10);
    expect(many.params).toHaveLength(10);
    expect(many.sql).toBe(one.sql);
  });

  it('writes every event in order, exactly as given, and reads the chain head once for all of them', async () => {
    const before = await chainLength();
    const scansBefore = await headReads();
    const given = request({ clientRequestId: 'ref "1", \\ ñ', caseReference: 'PGD/2026/07' });
    const written = [
      ...events(199),
      {
        action: 'LOOKUP',
        entityType: 'Worker',
        entityId: '{"not": "json"}',
        workerId: null,
        workerDistrictCode: null,
        fields: ['with, comma', '[bracket]', '{"json": 1}', '', 'kécamatan 日本 😀', 'quote "x" \\ y'],
      },
    ];
    await insertAccessEvents(db, accessEvents, given, written);
    expect(await headReads()).toBe(scansBefore + 1);

    const rows = await db
      .select()
      .from(accessEvents)
      .where(sql`${accessEvents.requestId} = ${given.requestId}`)
      .orderBy(accessEvents.position);
    expect(rows.map((row) => row.position)).toEqual(written.map((_, index) => before + index + 1));
    expect(
      rows.map(({ action, entityType, entityId, workerId, workerDistrictCode, fields }) => ({
        action,
        entityType,
        entityId,
        workerId,
        workerDistrictCode,
        fields,
      })),
    ).toEqual(written);
    for (const row of rows) {
      expect(row).toMatchObject({ ...given, clientRequestId: 'ref "1", \\ ñ' });
    }
    expect((await verifyAccessChain(db, 'labour')).broken).toBeNull();
  });

  it('chains after a rolled-back savepoint as if its events had never been written', async () => {
    const before = await chainLength();
    await db.transaction(async (tx) => {
      await insertAccessEvents(tx, accessEvents, request(), events(2));
      await tx
        .transaction(async (savepoint) => {
          await insertAccessEvents(savepoint, accessEvents, request(), events(3));
          throw new Error('roll this savepoint back');
        })
        .catch(() => undefined);
      await insertAccessEvents(tx, accessEvents, request(), events(1));
    });
    expect(await chainLength()).toBe(before + 3);
    const report = await verifyAccessChain(db, 'labour');
    expect(report).toMatchObject({ broken: null, checked: before + 3 });
  });

  it('keeps one unbroken chain when many requests write at once, each in several statements', async () => {
    const before = await chainLength();
    const stores = [database.store(), database.store()];
    await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        stores[index % 2]!.db.transaction(async (tx) => {
          await insertAccessEvents(tx, accessEvents, request(), events(5));
          await new Promise((resolve) => setTimeout(resolve, index % 3));
          await insertAccessEvents(tx, accessEvents, request(), events(4));
        }),
      ),
    );
    expect(await chainLength()).toBe(before + 12 * 9);
    expect(await verifyAccessChain(db, 'labour')).toMatchObject({ broken: null, checked: before + 108 });
  });
});
