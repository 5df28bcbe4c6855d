import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { embeddedStore, openEmbeddedPostgres, type Store } from '../shared/db/database.js';
import { migrateAll } from '../shared/db/migrations.js';
import { insertTestPlacement, insertTestWorker } from '../subgraphs/labour/testing/factories.js';
import { insertTestCase } from '../subgraphs/ministry/testing/factories.js';
import { checkRollup } from '../shared/db/stat-cells-check.js';
import { rollupSource as labour } from '../subgraphs/labour/db/queries/stats.js';
import { rollupSource as ministry } from '../subgraphs/ministry/db/queries/stats.js';

const run = promisify(execFile);
const directories: string[] = [];
afterAll(async () => {
  await Promise.all(directories.map((directory) => rm(directory, { recursive: true, force: true })));
});

/** `npm run hub -- stats <command>` as an operator runs it, against an embedded data directory. */
async function stats(dataDir: string, ...args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await run('npx', ['tsx', 'scripts/hub.ts', 'stats', ...args], {
      env: { ...process.env, HUB_DATA_DIR: dataDir, DATABASE_URL: '' },
    });
    return { code: 0, output: stdout };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, output: `${failure.stdout}${failure.stderr}` };
  }
}

async function withDatabase(dataDir: string, work: (store: Store) => Promise<void>): Promise<void> {
  const pglite = await openEmbeddedPostgres(join(dataDir, 'pglite'));
  try {
    await work(embeddedStore(pglite));
  } finally {
    await pglite.close();
  }
}

describe('npm run hub -- stats check', () => {
  it('finds the rollups equal to the rows, names each cell written around the triggers, and repairs them', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'migran-stats-'));
    directories.push(dataDir);
    await withDatabase(dataDir, async (store) => {
      await migrateAll(store);
      const db = store.db;
      const worker = await insertTestWorker(db, {
        districtCode: '35.07.11',
        registeredAt: new Date('2024-03-01T02:00:00Z'),
      });
      await insertTestPlacement(db, worker.id, { status: 'DEPARTED', departureDate: '2024-05-02' });
      await insertTestCase(db, randomUUID(), {
        workerDistrictCode: '35.07.13',
        openedAt: new Date('2024-06-01T02:00:00Z'),
      });
    });

    const equal = await stats(dataDir, 'check');
    expect(equal.output).toContain('labour: 2 cells checked, all equal to the rows');
    expect(equal.output).toContain('ministry: 1 cells checked, all equal to the rows');
    expect(equal.code).toBe(0);

    await withDatabase(dataDir, async ({ db }) => {
      // A row written with the trigger off (as a bulk load might), and a cell edited by hand.
      await db.execute(sql`alter table labour.workers disable trigger stat_cells_workers_insert`);
      await insertTestWorker(db, {
        districtCode: '35.07.01',
        registeredAt: new Date('2024-07-01T02:00:00Z'),
      });
      await db.execute(sql`alter table labour.workers enable trigger stat_cells_workers_insert`);
      await db.execute(sql`update ministry.stat_cells set count = count + 2 where measure = 'casesOpened'`);
    });
    const planted = await stats(dataDir, 'check');
    expect(planted.code).toBe(1);
    expect(planted.output).toContain('labour: 1 of 2 cells differ from the rows');
    expect(planted.output).toContain('cell registered 2024 35.07.01: rollup 0, rows 1');
    expect(planted.output).toContain('cell casesOpened 2024 35.07.13: rollup 3, rows 1');
    expect(planted.output).toContain('training: 0 cells checked, all equal to the rows');

    const repaired = await stats(dataDir, 'check', '--repair');
    expect(repaired.code).toBe(1);
    expect(repaired.output).toContain('Repaired:');
    expect(repaired.output).toContain('labour: 3 cells rewritten, all equal to the rows');

    await withDatabase(dataDir, async ({ db }) => {
      for (const source of [labour, ministry])
        expect((await checkRollup(db, source)).differences, source.schema).toEqual([]);
    });
  }, 300_000);
});
