import { asc } from 'drizzle-orm';
import { pgSchema } from 'drizzle-orm/pg-core';
import { decodeJwt, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import type { StoreName } from '../db/migrations.js';
import type { KeyDirectory } from '../keys/directory.js';
import { serviceIssuer } from '../keys/service-keys.js';
import { createTestDatabase, type TestDatabase } from '../testing/database.js';
import { HeadWitness } from './witness.js';
import { witnessedHeadsTable } from './witness-table.js';

const witnessedHeads = witnessedHeadsTable(pgSchema('ministry'));

let database: TestDatabase;
let db: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.store().db;
});
afterAll(async () => {
  await database.close();
});

/** Signatures are tested across services (test/witnessed-chain.test.ts); here every one holds. */
const acceptingKeys = {
  verifyWithKey: (_service: StoreName, jwt: string) =>
    Promise.resolve({
      payload: decodeJwt(jwt),
      publicJwk: { kty: 'OKP', crv: 'Ed25519', x: 'test', kid: 'test-key' },
    }),
} as unknown as KeyDirectory;

const witness = () =>
  new HeadWitness({
    db,
    table: witnessedHeads,
    witness: 'ministry',
    witnessed: ['labour', 'training'],
    keys: acceptingKeys,
  });

function head(service: StoreName, position: unknown, hash: unknown, signedAtSeconds: number): string {
  return new UnsecuredJWT({ position, hash, iat: signedAtSeconds })
    .setIssuer(serviceIssuer(service))
    .encode();
}

const HASH = (digit: string) => digit.repeat(64);

describe('a chain-head witness', () => {
  it('keeps a head once, and keeps a contradicting one only as evidence', async () => {
    expect((await witness().receive(head('labour', 5, HASH('a'), 1_000))).status).toBe('ACCEPTED');
    expect((await witness().receive(head('labour', 5, HASH('a'), 1_010))).status).toBe('ALREADY_HELD');
    const other = await witness().receive(head('labour', 5, HASH('b'), 1_020));
    expect(other).toMatchObject({
      status: 'CONTRADICTED',
      refusal: `position 5 was witnessed with another hash (${HASH('a')})`,
    });
    // A late delivery of an older head fits; a lower head signed after a higher one is a chain moved back.
    expect((await witness().receive(head('labour', 9, HASH('c'), 1_100))).status).toBe('ACCEPTED');
    expect((await witness().receive(head('labour', 7, HASH('d'), 1_050))).status).toBe('ACCEPTED');
    expect(await witness().receive(head('labour', 8, HASH('e'), 1_200))).toMatchObject({
      status: 'CONTRADICTED',
      refusal: 'the chain moved back: position 9 was witnessed in the other order of time',
    });
    const rows = await db.select().from(witnessedHeads).orderBy(asc(witnessedHeads.receivedAt));
    expect(rows.map((row) => [row.position, row.hash[0], row.refusal === null])).toEqual([
      [5, 'a', true],
      [5, 'b', false],
      [9, 'c', true],
      [7, 'd', true],
      [8, 'e', false],
    ]);
    expect(rows[0]!.kid).toBe('test-key');
  });

  it('refuses what is not a head of a service it witnesses, with a stable code', async () => {
    const refusals: [string, string][] = [
      ['not a jwt', 'BAD_USER_INPUT'],
      [head('ministry', 1, HASH('a'), 1_000), 'FORBIDDEN'],
      [
        new UnsecuredJWT({ position: 1, hash: HASH('a') }).setIssuer('urn:someone').encode(),
        'BAD_USER_INPUT',
      ],
      [head('training', 0, HASH('a'), 1_000), 'BAD_USER_INPUT'],
      [head('training', 1.5, HASH('a'), 1_000), 'BAD_USER_INPUT'],
      [head('training', '1', HASH('a'), 1_000), 'BAD_USER_INPUT'],
      [head('training', 1, 'ABC', 1_000), 'BAD_USER_INPUT'],
      [head('training', 1, null, 1_000), 'BAD_USER_INPUT'],
    ];
    for (const [jwt, code] of refusals) {
      await expect(witness().receive(jwt), jwt).rejects.toMatchObject({ name: 'HeadRefused', code });
    }
  });
});
