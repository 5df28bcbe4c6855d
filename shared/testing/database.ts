import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import postgres from 'postgres';
import { inject } from 'vitest';
import {
  embeddedStore,
  openEmbeddedPostgres,
  postgresStore,
  type QueryObserver,
  type Store,
} from '../db/database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Either `{ kind: 'embedded', dumpPath }` or `{ kind: 'postgres', adminUrl, templateName }`. */
    testDatabase: TestDatabaseTemplate;
  }
}

export type TestDatabaseTemplate =
  | { readonly kind: 'embedded'; readonly dumpPath: string }
  | { readonly kind: 'postgres'; readonly adminUrl: string; readonly templateName: string };

export interface TestDatabase {
  /** A store over the test database; `onQuery` sees every statement issued through it. */
  store(onQuery?: QueryObserver): Store;
  close(): Promise<void>;
}

export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * A private, migrated database for one test file: an embedded PostgreSQL loaded from the migrated
 * template dump, or a real PostgreSQL database created from the template database.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = inject('testDatabase');
  if (template.kind === 'embedded') {
    const dump = await readFile(template.dumpPath);
    const client = await openEmbeddedPostgres(undefined, new Blob([dump]));
    return {
      store: (onQuery) => embeddedStore(client, onQuery),
      close: () => client.close(),
    };
  }
  const name = `migran_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(template.adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name} template ${template.templateName}`);
  const url = databaseUrl(template.adminUrl, name);
  const stores: Store[] = [];
  return {
    store: (onQuery) => {
      const store = postgresStore({
        url,
        poolSize: 4,
        applicationName: 'migran-hub-test',
        ...(onQuery ? { onQuery } : {}),
      });
      stores.push(store);
      return store;
    },
    close: async () => {
      await Promise.all(stores.map((store) => store.close()));
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
