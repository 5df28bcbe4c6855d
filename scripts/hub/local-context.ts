import { userInfo } from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { HubConfig } from '../../shared/config.js';
import { embeddedStore, openEmbeddedPostgres, postgresStore, type Store } from '../../shared/db/database.js';
import { migrate, type StoreName } from '../../shared/db/migrations.js';
import type { OperatorContext } from './command.js';

/** The operator as the access log names her: her login on this machine. */
export const localOperator = (): string => `operator:${userInfo().username}`;

/**
 * The CLI on its own: each service's PostgreSQL, or the embedded data directory taken for this
 * process (refused while another process has it). Stores are opened and migrated on first use,
 * so a command opens only what it needs.
 */
export function localContext(config: HubConfig): OperatorContext & { close(): Promise<void> } {
  const stores = new Map<StoreName, Promise<Store>>();
  let pglite: Promise<PGlite> | null = null;
  const open = async (name: StoreName): Promise<Store> => {
    const url = config.database.urls[name];
    let store: Store;
    if (url) store = postgresStore({ url, poolSize: 1, applicationName: `migran-hub-cli-${name}` });
    else {
      pglite ??= openEmbeddedPostgres(join(config.dataDir, 'pglite'));
      store = embeddedStore(await pglite);
    }
    await migrate(store, name);
    return store;
  };
  return {
    config,
    inRunningHub: false,
    operator: localOperator(),
    store: (name) => {
      let store = stores.get(name);
      if (!store) {
        store = open(name);
        stores.set(name, store);
      }
      return store;
    },
    revocationsChanged: async () => {},
    tokenKeysChanged: async () => {},
    close: async () => {
      const opened = await Promise.allSettled(stores.values());
      await Promise.all(
        opened.flatMap((result) => (result.status === 'fulfilled' ? [result.value.close()] : [])),
      );
      if (pglite) await (await pglite).close();
    },
  };
}
