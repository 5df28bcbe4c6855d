import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError, loadConfig, type HubConfig } from '../shared/config.js';
import { DataDirInUseError } from '../shared/db/data-dir-lock.js';
import { embeddedStore, openEmbeddedPostgres, postgresStore, type Store } from '../shared/db/database.js';
import { migrate, STORE_NAMES, type StoreName } from '../shared/db/migrations.js';
import { createLogger } from '../shared/logging.js';
import type { DemoCredentials, DemoPerson } from '../gateway/seed.js';
import { startEmbeddedHub } from './embedded-hub.js';
import { startAdminEndpoint } from './hub/admin-endpoint.js';
import { seedDemoHub, seedDemoPeople } from './seed/load.js';
import { sampleWorkers } from './seed/sample-workers.js';
import { buildWorld } from './seed/world.js';
import { printWelcome } from './welcome.js';

/**
 * `npm start`: the whole hub on one machine. Without DATABASE_URL every service shares one
 * embedded PostgreSQL in `.data/pglite` (a schema each); the demo world is loaded once; the
 * gateway and the four subgraphs listen on their configured ports.
 */
let config: HubConfig;
try {
  config = loadConfig();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
const logger = createLogger('hub', config.logLevel);
// Services without a PostgreSQL URL share one embedded PostgreSQL (one PGlite per process).
const needsEmbedded = STORE_NAMES.some((name) => config.database.urls[name] === undefined);
await mkdir(config.dataDir, { recursive: true });
let pglite: Awaited<ReturnType<typeof openEmbeddedPostgres>> | null = null;
try {
  pglite = needsEmbedded ? await openEmbeddedPostgres(join(config.dataDir, 'pglite')) : null;
} catch (error) {
  // Another hub (or an operator command) has the directory: say so instead of a stack trace.
  if (!(error instanceof DataDirInUseError)) throw error;
  console.error(error.message);
  process.exit(1);
}
const stores = new Map<StoreName, Store>();
for (const name of STORE_NAMES) {
  const url = config.database.urls[name];
  const store = url
    ? postgresStore({ url, poolSize: config.database.poolSize, applicationName: `migran-hub-${name}` })
    : embeddedStore(pglite!);
  await migrate(store, name);
  stores.set(name, store);
}
const storeFor = (name: StoreName): Store => {
  const store = stores.get(name);
  if (!store) throw new Error(`no store for ${name}`);
  return store;
};

const credentialsFile = join(config.dataDir, 'demo-clients.json');
let credentials: DemoCredentials[] | null = null;
let showcaseWorkerId: string | null = null;
// The world is deterministic: rebuilt on every start, it names the same showcase worker.
const world = config.seed.demoData ? buildWorld({ workers: config.seed.workers }) : null;
if (world) {
  const started = Date.now();
  showcaseWorkerId = world.showcaseWorkerId;
  credentials = await seedDemoHub(storeFor, world);
  if (credentials) {
    await writeFile(credentialsFile, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
    logger.info({ workers: world.workers.length, ms: Date.now() - started }, 'demo data loaded');
  }
}
if (!credentials && existsSync(credentialsFile)) {
  credentials = JSON.parse(await readFile(credentialsFile, 'utf8')) as DemoCredentials[];
}
const peopleFile = join(config.dataDir, 'demo-people.json');
let people: DemoPerson[] | null = null;
if (world) {
  people = await seedDemoPeople(storeFor, world);
  if (people) await writeFile(peopleFile, `${JSON.stringify(people, null, 2)}\n`, { mode: 0o600 });
}
if (!people && existsSync(peopleFile))
  people = JSON.parse(await readFile(peopleFile, 'utf8')) as DemoPerson[];

const hub = await startEmbeddedHub({ config, storeFor, ports: 'config' });
// The embedded database is this process's alone: operator commands (`npm run hub`) come through it.
const admin = pglite?.lock
  ? await startAdminEndpoint({
      config,
      storeFor,
      lock: pglite.lock,
      logger,
      refreshRevocations: () => hub.refreshRevocations(),
      reloadTokenKeys: () => hub.gateway.tokens.reload(),
    })
  : null;
printWelcome({
  gatewayUrl: hub.gatewayUrl,
  credentials,
  credentialsFile,
  people,
  peopleFile,
  showcaseWorkerId,
  ...(world ? { sampleWorkers: sampleWorkers(world) } : {}),
});

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'stopping the hub');
  await admin?.close();
  await hub.close();
  await Promise.all([...stores.values()].map((store) => store.close()));
  await pglite?.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
