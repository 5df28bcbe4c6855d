import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SUBGRAPH_NAMES, type SubgraphName } from '../config.js';
import type { Store } from './database.js';

export type StoreName = SubgraphName | 'gateway';
export const STORE_NAMES: readonly StoreName[] = [...SUBGRAPH_NAMES, 'gateway'];

/** By convention every service keeps its committed migrations in `<service dir>/db/migrations`. */
export function migrationsFolder(name: StoreName): string {
  const dir = name === 'gateway' ? '../../gateway/' : `../../subgraphs/${name}/`;
  return fileURLToPath(new URL(`${dir}db/migrations`, import.meta.url));
}

/** Applies one service's migrations. */
export async function migrate(store: Store, name: StoreName): Promise<void> {
  await store.migrate(name, migrationsFolder(name));
}

/** Applies every service's migrations to one database (embedded hub, test templates). */
export async function migrateAll(store: Store): Promise<void> {
  for (const name of STORE_NAMES) {
    if (existsSync(migrationsFolder(name))) await migrate(store, name);
  }
}
