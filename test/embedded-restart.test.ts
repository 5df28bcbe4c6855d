import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { embeddedStore, openEmbeddedPostgres } from '../shared/db/database.js';
import { migrateAll } from '../shared/db/migrations.js';
import { workers } from '../subgraphs/labour/db/schema.js';
import { seedDemoHub } from '../scripts/seed/load.js';
import { uniformWorld } from './helpers/uniform-world.js';

const directories: string[] = [];
afterAll(async () => {
  await Promise.all(directories.map((directory) => rm(directory, { recursive: true, force: true })));
});

describe('the embedded PostgreSQL data directory', () => {
  it('keeps the hub data across restarts and loads the demo world only once', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'migran-hub-'));
    directories.push(directory);
    const world = uniformWorld(5);

    const first = await openEmbeddedPostgres(directory);
    const store = embeddedStore(first);
    await migrateAll(store);
    const credentials = await seedDemoHub(() => store, world);
    expect(credentials?.map((client) => client.clientId)).toContain('kp2mi-case-officer');
    await first.close();

    const second = await openEmbeddedPostgres(directory);
    const reopened = embeddedStore(second);
    await migrateAll(reopened);
    // Already loaded: nothing is inserted twice and no new secrets are minted.
    expect(await seedDemoHub(() => reopened, world)).toBeNull();
    const [row] = await reopened.db.select({ rows: count() }).from(workers);
    expect(row?.rows).toBe(5);
    await second.close();
  }, 120_000);
});
