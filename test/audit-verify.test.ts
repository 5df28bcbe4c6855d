import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { embeddedStore, openEmbeddedPostgres } from '../shared/db/database.js';
import { migrateAll } from '../shared/db/migrations.js';
import { accessEvents } from '../subgraphs/labour/db/schema.js';
import { sampleAccessEvent } from '../shared/testing/access-events.js';

const run = promisify(execFile);
const directories: string[] = [];
afterAll(async () => {
  await Promise.all(directories.map((directory) => rm(directory, { recursive: true, force: true })));
});

/** `npm run hub -- audit verify` as an operator runs it, against an embedded data directory. */
async function auditVerify(dataDir: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await run('npx', ['tsx', 'scripts/hub.ts', 'audit', 'verify'], {
      env: { ...process.env, HUB_DATA_DIR: dataDir, DATABASE_URL: '' },
    });
    return { code: 0, output: stdout };
  } catch (error) {
    const failure = error as { code: number; stdout: string };
    return { code: failure.code, output: failure.stdout };
  }
}

describe('npm run hub -- audit verify', () => {
  it('reports every chain intact, then names the first event someone changed behind the triggers', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'migran-audit-'));
    directories.push(dataDir);
    const pglite = await openEmbeddedPostgres(join(dataDir, 'pglite'));
    const store = embeddedStore(pglite);
    await migrateAll(store);
    const event = (index: number) => sampleAccessEvent({ requestId: `request-${index}` });
    for (let index = 1; index <= 4; index += 1) await store.db.insert(accessEvents).values(event(index));
    await pglite.close();

    const intact = await auditVerify(dataDir);
    expect(intact.code).toBe(0);
    expect(intact.output).toContain('labour: intact, 4 events');
    expect(intact.output).toContain('ministry: intact, 0 events');

    const reopened = await openEmbeddedPostgres(join(dataDir, 'pglite'));
    const db = embeddedStore(reopened).db;
    await db.execute(sql`alter table labour.access_events disable trigger access_events_no_update`);
    await db.execute(
      sql`update labour.access_events set fields = array['fullName', 'nik'] where position = 3`,
    );
    await reopened.close();

    const tampered = await auditVerify(dataDir);
    expect(tampered.code).toBe(1);
    expect(tampered.output).toMatch(
      /labour: BROKEN at event 3 \([0-9a-f-]+\): its content does not match its hash; 2 events before it hold/,
    );
  }, 120_000);

  it('names an event whose hash was recomputed over a forged prev_hash, which only the link check sees', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'migran-audit-'));
    directories.push(dataDir);
    const pglite = await openEmbeddedPostgres(join(dataDir, 'pglite'));
    const store = embeddedStore(pglite);
    await migrateAll(store);
    for (let index = 1; index <= 4; index += 1) {
      await store.db.insert(accessEvents).values({
        requestId: `request-${index}`,
        subgraph: 'labour',
        institutionId: randomUUID(),
        institutionKind: 'MINISTRY',
        clientId: 'kp2mi-auditor',
        action: 'READ',
        entityType: 'Worker',
        entityId: randomUUID(),
        fields: ['fullName'],
      });
    }
    // Every event still hashes to what it stores; event 3 no longer names event 2's hash.
    await store.db.execute(sql`alter table labour.access_events disable trigger access_events_no_update`);
    await store.db.execute(
      sql`update labour.access_events e set prev_hash = repeat('0', 64), hash = labour.access_event_digest(repeat('0', 64), e) where position = 3`,
    );
    await pglite.close();

    const tampered = await auditVerify(dataDir);
    expect(tampered.code).toBe(1);
    expect(tampered.output).toMatch(
      /labour: BROKEN at event 3 \([0-9a-f-]+\): its prev_hash does not match the hash of the event before it/,
    );
  }, 120_000);
});
