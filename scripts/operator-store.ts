import { join } from 'node:path';
import { ConfigError, loadConfig, type HubConfig } from '../shared/config.js';
import { embeddedStore, openEmbeddedPostgres, postgresStore, type Store } from '../shared/db/database.js';
import { migrate } from '../shared/db/migrations.js';

/**
 * The gateway's store for an operator command: GATEWAY_DATABASE_URL / DATABASE_URL, or the embedded
 * PostgreSQL in HUB_DATA_DIR while the hub is stopped (an embedded database belongs to one process
 * at a time). Exits with the configuration's problems when it has any.
 */
export async function openGatewayStore(applicationName: string): Promise<{
  readonly config: HubConfig;
  readonly store: Store;
  readonly close: () => Promise<void>;
}> {
  let config: HubConfig;
  try {
    config = loadConfig();
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  }
  const url = config.database.urls.gateway;
  const pglite = url ? null : await openEmbeddedPostgres(join(config.dataDir, 'pglite'));
  const store: Store = url ? postgresStore({ url, poolSize: 1, applicationName }) : embeddedStore(pglite!);
  await migrate(store, 'gateway');
  return {
    config,
    store,
    close: async () => {
      await store.close();
      await pglite?.close();
    },
  };
}
