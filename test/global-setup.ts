import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { embeddedStore, openEmbeddedPostgres, postgresStore } from '../shared/db/database.js';
import { migrateAll } from '../shared/db/migrations.js';
import { databaseUrl } from '../shared/testing/database.js';
import { ensureConsoleBuilt } from '../scripts/build-console.js';

/**
 * Migrates one template database before any test runs; every test file then gets its own copy.
 * Without DATABASE_URL the template is an embedded PostgreSQL dump; with it, a template database
 * on that server.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Gateways under test serve the console and register its operations: built when its sources changed.
  await ensureConsoleBuilt();
  const adminUrl = process.env['DATABASE_URL'];
  if (!adminUrl) {
    const client = await openEmbeddedPostgres();
    await migrateAll(embeddedStore(client));
    const dump = await client.dumpDataDir('none');
    await client.close();
    const dir = join('.data', 'test');
    await mkdir(dir, { recursive: true });
    const dumpPath = join(dir, `template-${process.pid}.tar`);
    await writeFile(dumpPath, Buffer.from(await dump.arrayBuffer()));
    project.provide('testDatabase', { kind: 'embedded', dumpPath });
    return async () => {};
  }
  const templateName = `migran_test_template_${process.pid}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${templateName} with (force)`);
  await admin.unsafe(`create database ${templateName}`);
  const store = postgresStore({
    url: databaseUrl(adminUrl, templateName),
    poolSize: 1,
    applicationName: 'migran-hub-test-setup',
  });
  await migrateAll(store);
  await store.close();
  project.provide('testDatabase', { kind: 'postgres', adminUrl, templateName });
  return async () => {
    await admin.unsafe(`drop database if exists ${templateName} with (force)`);
    await admin.end();
  };
}
