import { ConfigError, loadConfig, type SubgraphName } from '../config.js';
import { migrate } from '../db/migrations.js';
import { openServiceStore } from '../db/open-store.js';
import { createLogger } from '../logging.js';
import type { SubgraphFactory } from './subgraph.js';

/**
 * The whole of a subgraph's `main.ts` in production shape: load config, open and migrate its own
 * store, listen, and drain in-flight requests on SIGTERM before closing the store.
 */
export async function runSubgraphProcess(name: SubgraphName, factory: SubgraphFactory): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  }
  const logger = createLogger(name, config.logLevel);
  const store = await openServiceStore(name, config);
  await migrate(store, name);
  const service = await factory({ store, config, logger });
  const url = await service.listen(config.subgraphs[name].port, config.host);
  logger.info({ url: `${url}/graphql` }, `${name} subgraph listening`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'draining in-flight requests');
    await service.close();
    await store.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}
