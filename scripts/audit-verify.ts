import { join } from 'node:path';
import { verifyAccessChain } from '../shared/audit/verify.js';
import { ConfigError, loadConfig, SUBGRAPH_NAMES } from '../shared/config.js';
import { embeddedStore, openEmbeddedPostgres, postgresStore, type Store } from '../shared/db/database.js';

/**
 * `npm run audit:verify`: checks the hash chain of every subgraph's access log and names the
 * first broken link. Exit code 0 when every chain holds, 1 when one does not.
 */
let config;
try {
  config = loadConfig();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
const needsEmbedded = SUBGRAPH_NAMES.some((name) => config.database.urls[name] === undefined);
const pglite = needsEmbedded ? await openEmbeddedPostgres(join(config.dataDir, 'pglite')) : null;
let intact = true;
for (const name of SUBGRAPH_NAMES) {
  const url = config.database.urls[name];
  const store: Store = url
    ? postgresStore({ url, poolSize: 1, applicationName: 'migran-hub-audit-verify' })
    : embeddedStore(pglite!);
  const report = await verifyAccessChain(store.db, name);
  if (report.broken) {
    intact = false;
    const { position, eventId, reason } = report.broken;
    console.log(
      `${name}: BROKEN at event ${position} (${eventId}): ${reason}; ${report.checked} events before it hold`,
    );
  } else {
    console.log(`${name}: intact, ${report.checked} events`);
  }
  await store.close();
}
await pglite?.close();
process.exit(intact ? 0 : 1);
