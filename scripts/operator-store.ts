import { join } from 'node:path';
import { ConfigError, loadConfig, type HubConfig } from '../shared/config.js';
import { embeddedStore, openEmbeddedPostgres, postgresStore, type Store } from '../shared/db/database.js';
import { migrate, type StoreName } from '../shared/db/migrations.js';

/**
 * The gateway's store for an operator command: GATEWAY_DATABASE_URL / DATABASE_URL, or the embedded
 * PostgreSQL in HUB_DATA_DIR while the hub is stopped (an embedded database belongs to one process
 * at a time). Exits with the configuration's problems when it has any.
 */
export function openGatewayStore(applicationName: string): Promise<OperatorStore> {
  return openOperatorStore('gateway', applicationName);
}

export interface OperatorStore {
  readonly config: HubConfig;
  readonly store: Store;
  readonly close: () => Promise<void>;
}

/** The store of any one service for an operator command, as `openGatewayStore` opens the gateway's. */
export async function openOperatorStore(service: StoreName, applicationName: string): Promise<OperatorStore> {
  let config: HubConfig;
  try {
    config = loadConfig();
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  }
  const url = config.database.urls[service];
  const pglite = url ? null : await openEmbeddedPostgres(join(config.dataDir, 'pglite'));
  const store: Store = url ? postgresStore({ url, poolSize: 1, applicationName }) : embeddedStore(pglite!);
  await migrate(store, service);
  return {
    config,
    store,
    close: async () => {
      await store.close();
      await pglite?.close();
    },
  };
}
