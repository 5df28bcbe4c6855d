import { ConfigError, loadConfig } from '../shared/config.js';
import { migrate } from '../shared/db/migrations.js';
import { openServiceStore } from '../shared/db/open-store.js';
import { createLogger } from '../shared/logging.js';
import { createGateway } from './server.js';

// The gateway as its own process (production shape): load config, open and migrate its store,
// listen, and drain in-flight requests on SIGTERM.
let config;
try {
  config = loadConfig();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
const logger = createLogger('gateway', config.logLevel);
const store = await openServiceStore('gateway', config);
await migrate(store, 'gateway');
const gateway = await createGateway({ store, config, logger });
const url = await gateway.listen(config.gateway.port, config.host);
logger.info({ url: `${url}/graphql` }, 'gateway listening');

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'draining in-flight requests');
  await gateway.close();
  await store.close();
  process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
