import { join } from 'node:path';
import { verifyAccessLogs } from '../shared/audit/verify-all.js';
import { ConfigError, loadConfig } from '../shared/config.js';
import {
  embeddedStore,
  openEmbeddedPostgres,
  postgresStore,
  type Database,
  type Store,
} from '../shared/db/database.js';
import { STORE_NAMES, type StoreName } from '../shared/db/migrations.js';
import { readPinnedKeys } from '../shared/keys/directory.js';

/**
 * `npm run audit:verify`: recomputes the hash chain of every subgraph's access log in Node, checks
 * it against the chain heads the ministry and the gateway witnessed, and names the first event that
 * does not hold. Exit code 0 when every chain holds, 1 when one does not.
 */
let config;
let pinned;
try {
  config = loadConfig();
  pinned = readPinnedKeys(config.keys.pinnedFile);
} catch (error) {
  console.error(error instanceof ConfigError || error instanceof Error ? error.message : error);
  process.exit(1);
}
const needsEmbedded = STORE_NAMES.some((name) => config.database.urls[name] === undefined);
const pglite = needsEmbedded ? await openEmbeddedPostgres(join(config.dataDir, 'pglite')) : null;
const stores = Object.fromEntries(
  STORE_NAMES.map((name) => {
    const url = config.database.urls[name];
    const store: Store = url
      ? postgresStore({ url, poolSize: 1, applicationName: 'migran-hub-audit-verify' })
      : embeddedStore(pglite!);
    return [name, store];
  }),
) as Record<StoreName, Store>;
const databases = Object.fromEntries(STORE_NAMES.map((name) => [name, stores[name].db])) as Record<
  StoreName,
  Database
>;
const verification = await verifyAccessLogs(databases, { pinned });
for (const line of verification.lines) console.log(line);
await Promise.all(Object.values(stores).map((store) => store.close()));
await pglite?.close();
process.exit(verification.intact ? 0 : 1);
