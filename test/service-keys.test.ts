import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceKeys } from '../subgraphs/labour/db/schema.js';
import { createGateway } from '../gateway/server.js';
import { createSubgraph as createLabour } from '../subgraphs/labour/server.js';
import { loadConfig } from '../shared/config.js';
import { createTestDatabase, type TestDatabase } from '../shared/testing/database.js';
import { KeyDirectory, readPinnedKeys, SignatureRefused } from '../shared/keys/directory.js';
import { KeySealer, keySealerFor, KeyUnsealError } from '../shared/keys/sealing.js';
import { rotateServiceKey, ServiceKeyRing } from '../shared/keys/service-keys.js';

const TYP = 'test-statement+jwt';

describe('service keys', () => {
  let database: TestDatabase;
  let labour: ServiceKeyRing;
  const sealer = KeySealer.fromSecret('labour', 'k'.repeat(40));

  beforeAll(async () => {
    database = await createTestDatabase();
    labour = await ServiceKeyRing.open(database.store().db, 'labour', sealer);
  });
  afterAll(async () => {
    await database.close();
  });

  it('keeps the private key only sealed: no private JWK member is stored in the clear', async () => {
    const rows = await database.store().db.select().from(serviceKeys);
    const stored = JSON.stringify(rows);
    expect(stored).not.toMatch(/"d"\s*:/);
    expect(JSON.stringify(labour.publicJwks())).not.toMatch(/"d"\s*:/);
    expect(labour.publicJwks().keys).toHaveLength(1);
  });

  it('cannot unseal under another KEK, nor under another service derived from the same secret', async () => {
    const [row] = await database.store().db.select().from(serviceKeys);
    const reopened = (ring: KeySealer) => ring.unseal(row!.kid, row!.privateKeySealed);
    await expect(reopened(sealer)).resolves.toHaveProperty('d');
    await expect(reopened(KeySealer.fromSecret('labour', 'x'.repeat(40)))).rejects.toBeInstanceOf(
      KeyUnsealError,
    );
    await expect(reopened(KeySealer.fromSecret('training', 'k'.repeat(40)))).rejects.toBeInstanceOf(
      KeyUnsealError,
    );
    await expect(sealer.unseal('another-kid', row!.privateKeySealed)).rejects.toBeInstanceOf(KeyUnsealError);
  });

  it('a statement verifies with the issuer’s pinned key only, for its audience and type only', async () => {
    const jwt = await labour.sign({ fact: 1 }, { typ: TYP, audience: 'training', lifetimeSeconds: 60 });
    const directory = new KeyDirectory({ labour: labour.publicJwks() }, () => undefined);
    await expect(directory.verify('labour', jwt, { typ: TYP, audience: 'training' })).resolves.toMatchObject({
      fact: 1,
      iss: 'urn:migran-hub:labour',
    });
    await expect(
      directory.verify('labour', jwt, { typ: TYP, audience: 'university' }),
    ).rejects.toBeInstanceOf(SignatureRefused);
    await expect(
      directory.verify('labour', jwt, { typ: 'other+jwt', audience: 'training' }),
    ).rejects.toBeInstanceOf(SignatureRefused);
    // Training's own key cannot speak for labour, even pinned under labour's name.
    const training = await ServiceKeyRing.open(
      database.store().db,
      'training',
      KeySealer.fromSecret('training', 't'.repeat(40)),
    );
    const forged = await training.sign({ fact: 1 }, { typ: TYP, audience: 'training' });
    await expect(
      directory.verify('labour', forged, { typ: TYP, audience: 'training' }),
    ).rejects.toBeInstanceOf(SignatureRefused);
    const asTraining = new KeyDirectory({ labour: training.publicJwks() }, () => undefined);
    await expect(asTraining.verify('labour', forged, { typ: TYP, audience: 'training' })).rejects.toThrow(
      /iss/,
    );
  });

  it('rotates without downtime: the new key is published before it signs, the old one stays published', async () => {
    const before = labour.activeKid;
    const oldStatement = await labour.sign({ n: 1 }, { typ: TYP, audience: 'ministry' });
    const next = await rotateServiceKey(database.store().db, 'labour', sealer, { activateInSeconds: 3600 });
    await labour.reload();
    expect(labour.activeKid).toBe(before);
    expect(labour.publicJwks().keys.map((key) => key.kid)).toEqual(expect.arrayContaining([before, next]));
    const now = await rotateServiceKey(database.store().db, 'labour', sealer);
    await labour.reload();
    expect(labour.activeKid).toBe(now);
    const directory = new KeyDirectory({ labour: labour.publicJwks() }, () => undefined);
    await expect(
      directory.verify('labour', oldStatement, { typ: TYP, audience: 'ministry' }),
    ).resolves.toBeTruthy();
    const newStatement = await labour.sign({ n: 2 }, { typ: TYP, audience: 'ministry' });
    await expect(
      directory.verify('labour', newStatement, { typ: TYP, audience: 'ministry' }),
    ).resolves.toBeTruthy();
  });
});

describe('key-encryption keys in configuration', () => {
  it('production refuses a service without its own KEK; a file KEK is read', () => {
    const production = {
      NODE_ENV: 'production',
      SEED_DEMO_DATA: 'false',
      TOKEN_ISSUER: 'https://hub.example.go.id',
    };
    const config = loadConfig(production);
    expect(() => keySealerFor(config, 'labour')).toThrow(/key-encryption key/);
    const dir = mkdtempSync(join(tmpdir(), 'kek-'));
    writeFileSync(join(dir, 'labour.kek'), `${'f'.repeat(44)}\n`);
    const withFile = loadConfig({ ...production, LABOUR_KEY_ENCRYPTION_KEY_FILE: join(dir, 'labour.kek') });
    expect(keySealerFor(withFile, 'labour')).toBeInstanceOf(KeySealer);
    expect(() => loadConfig({ ...production, LABOUR_KEY_ENCRYPTION_KEY: 'short' })).toThrow(/32 characters/);
  });

  it('a production subgraph or gateway without its own KEK refuses to start, naming the variable', async () => {
    const database = await createTestDatabase();
    try {
      const config = loadConfig({
        NODE_ENV: 'production',
        SEED_DEMO_DATA: 'false',
        TOKEN_ISSUER: 'https://hub.example.go.id',
        NIK_PSEUDONYM_KEY: 'n'.repeat(40),
        // Another service's KEK is no substitute for labour's own.
        TRAINING_KEY_ENCRYPTION_KEY: 't'.repeat(40),
      });
      const store = database.store();
      await expect(createLabour({ store, config })).rejects.toThrow(/LABOUR_KEY_ENCRYPTION_KEY/);
      await expect(createGateway({ store, config })).rejects.toThrow(/GATEWAY_KEY_ENCRYPTION_KEY/);
      expect(await store.db.select().from(serviceKeys)).toEqual([]);
    } finally {
      await database.close();
    }
  });

  it('outside production a KEK is made once per service in the data directory and kept', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hub-data-'));
    const config = loadConfig({ NODE_ENV: 'test', HUB_DATA_DIR: dir });
    keySealerFor(config, 'university');
    const first = readFileSync(join(dir, 'secrets', 'university.kek'), 'utf8');
    keySealerFor(config, 'university');
    expect(readFileSync(join(dir, 'secrets', 'university.kek'), 'utf8')).toBe(first);
    keySealerFor(config, 'ministry');
    expect(readFileSync(join(dir, 'secrets', 'ministry.kek'), 'utf8')).not.toBe(first);
  });

  it('pinned keys must name hub services and be key sets', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pins-'));
    const file = join(dir, 'pins.json');
    writeFileSync(file, JSON.stringify({ labour: { keys: [] } }));
    expect(readPinnedKeys(file)).toEqual({ labour: { keys: [] } });
    writeFileSync(file, JSON.stringify({ mallory: { keys: [] } }));
    expect(() => readPinnedKeys(file)).toThrow(/unknown service mallory/);
    writeFileSync(file, JSON.stringify({ labour: [] }));
    expect(() => readPinnedKeys(file)).toThrow(/JWK set/);
  });
});
