import { join } from 'node:path';
import type { HubConfig, SubgraphName } from '../config.js';
import { embeddedStore, openEmbeddedPostgres, postgresStore, type Store } from './database.js';

/**
 * The store of one service running as its own process: the PostgreSQL server named by its URL, or
 * an embedded PostgreSQL of its own in `<dataDir>/<service>` (one PGlite belongs to one process).
 */
export async function openServiceStore(service: SubgraphName | 'gateway', config: HubConfig): Promise<Store> {
  const url = config.database.urls[service];
  if (url) {
    return postgresStore({
      url,
      poolSize: config.database.poolSize,
      applicationName: `migran-hub-${service}`,
    });
  }
  const client = await openEmbeddedPostgres(join(config.dataDir, service));
  const store = embeddedStore(client);
  return {
    ...store,
    close: async () => {
      await client.close();
    },
  };
}
