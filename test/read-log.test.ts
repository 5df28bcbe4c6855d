import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, SUBGRAPH_NAMES } from '../shared/config.js';
import type { SubgraphFactory } from '../shared/http/subgraph.js';
import { createTestDatabase, type TestDatabase } from '../shared/testing/database.js';
import { startSubgraph, type SubgraphHarness } from '../shared/testing/subgraph-harness.js';
import { SUBGRAPH_FACTORIES } from '../scripts/embedded-hub.js';
import { accessEvents } from '../subgraphs/labour/db/schema.js';
import { createSubgraph as labour } from '../subgraphs/labour/server.js';
import { insertTestWorker } from '../subgraphs/labour/testing/factories.js';

// Issue 13, point 6: no setting turns the log of reads off. Only the benchmark's own entry point
// (bench/subgraph-without-read-log.ts) asks a subgraph not to record reads, and production refuses.

const MALANG = { kind: 'LABOUR_OFFICE', regionCode: '35.07' } as const;

describe('a subgraph asked not to record reads', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it.each(SUBGRAPH_NAMES)('refuses to start in production (%s)', async (name) => {
    const config = loadConfig({
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      NIK_PSEUDONYM_KEY: 'y'.repeat(32),
      SEED_DEMO_DATA: 'false',
      TOKEN_ISSUER: 'https://hub.example.go.id',
      [`${name.toUpperCase()}_KEY_ENCRYPTION_KEY`]: 'z'.repeat(32),
    });
    const factory: SubgraphFactory = SUBGRAPH_FACTORIES[name];
    const started = factory({ store: database.store(), config, recordReads: false });
    await expect(started).rejects.toBeInstanceOf(ConfigError);
    await expect(started).rejects.toThrow(/recordReads: false is refused in production/);
  });
});

async function readEventsOf(hub: SubgraphHarness, workerId: string) {
  return hub.db
    .select({ fields: accessEvents.fields })
    .from(accessEvents)
    .where(and(eq(accessEvents.entityId, workerId), eq(accessEvents.action, 'READ')));
}

describe('by default', () => {
  let hub: SubgraphHarness;
  beforeAll(async () => {
    hub = await startSubgraph(labour);
  });
  afterAll(async () => {
    await hub.close();
  });

  it('a subgraph records every read of a worker', async () => {
    const worker = await insertTestWorker(hub.db);
    const response = await hub.request(MALANG, 'query($id: ID!) { worker(id: $id) { fullName } }', {
      id: worker.id,
    });
    expect(response.errors).toEqual([]);
    expect(await readEventsOf(hub, worker.id)).toEqual([{ fields: ['fullName'] }]);
  });
});

describe("the benchmark's log-off leg, outside production", () => {
  let hub: SubgraphHarness;
  beforeAll(async () => {
    hub = await startSubgraph((deps) => labour({ ...deps, recordReads: false }));
  });
  afterAll(async () => {
    await hub.close();
  });

  it('answers reads without recording them', async () => {
    const worker = await insertTestWorker(hub.db);
    const response = await hub.request<{ worker: { fullName: string } }>(
      MALANG,
      'query($id: ID!) { worker(id: $id) { fullName } }',
      { id: worker.id },
    );
    expect(response.data?.worker.fullName).toBe(worker.fullName);
    expect(await readEventsOf(hub, worker.id)).toEqual([]);
  });
});
