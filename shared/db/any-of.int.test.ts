import { randomUUID } from 'node:crypto';
import { asc, sql } from 'drizzle-orm';
import { bigserial, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/database.js';
import { anyOf } from './any-of.js';
import type { Database } from './database.js';

const things = pgTable('any_of_things', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull(),
  seq: integer('seq').notNull(),
  serial: bigserial('serial', { mode: 'number' }).notNull(),
});

// Values an array literal could misread: quotes, backslashes, commas, braces, spaces, NULL.
const HOSTILE = ['a"b', 'c\\d', 'e,f', '{g}', ' h ', 'NULL', '', "i'j"];

let database: TestDatabase;
let db: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.store().db;
  await db.execute(
    sql`create table any_of_things (id uuid primary key, code text not null, seq integer not null, serial bigserial not null)`,
  );
  await db
    .insert(things)
    .values([...HOSTILE, 'plain', 'other'].map((code, index) => ({ id: randomUUID(), code, seq: index })));
});
afterAll(() => database.close());

describe('anyOf: a list of keys as one parameter', () => {
  it('matches exactly the values given, however an array literal could misread them', async () => {
    const rows = await db.select().from(things).where(anyOf(things.code, HOSTILE)).orderBy(asc(things.seq));
    expect(rows.map((row) => row.code)).toEqual(HOSTILE);
    const [one] = await db
      .select()
      .from(things)
      .where(anyOf(things.code, ['e,f']));
    expect(one?.code).toBe('e,f');
  });

  it('casts to the column type: uuids, integers and serials', async () => {
    const all = await db.select().from(things).orderBy(asc(things.seq));
    const ids = all.slice(0, 3).map((row) => row.id);
    expect((await db.select().from(things).where(anyOf(things.id, ids))).length).toBe(3);
    expect(
      (
        await db
          .select()
          .from(things)
          .where(anyOf(things.seq, [1, 9, 42]))
      )
        .map((row) => row.seq)
        .sort(),
    ).toEqual([1, 9]);
    const [first, second] = all.map((row) => row.serial);
    const serials = await db
      .select()
      .from(things)
      .where(anyOf(things.serial, [first ?? 0, second ?? 0]));
    expect(serials).toHaveLength(2);
  });

  it('matches nothing for an empty list, and refuses a value that is not of the column type', async () => {
    expect(await db.select().from(things).where(anyOf(things.id, []))).toEqual([]);
    await expect(
      db
        .select()
        .from(things)
        .where(anyOf(things.id, ['not-a-uuid'])),
    ).rejects.toThrow();
  });

  it('binds one parameter whatever the length of the list: one statement text', () => {
    const short = db
      .select()
      .from(things)
      .where(anyOf(things.code, ['a']))
      .toSQL();
    const long = db.select().from(things).where(anyOf(things.code, HOSTILE)).toSQL();
    expect(short.sql).toBe(long.sql);
    expect(long.params).toHaveLength(1);
  });
});
