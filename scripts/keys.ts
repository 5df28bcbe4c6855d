import { STORE_NAMES, type StoreName } from '../shared/db/migrations.js';
import { keySealerFor } from '../shared/keys/sealing.js';
import { rotateServiceKey, ServiceKeyRing } from '../shared/keys/service-keys.js';
import { openOperatorStore } from './operator-store.js';

const USAGE = `The hub services' own signing keys (README "Keys"):

  npm run keys -- list <service|all>
  npm run keys -- rotate <service|all> [--publish-first <seconds>]
  npm run keys -- export-public <service|all>   (a HUB_PINNED_KEYS_FILE for the other services)

<service> is one of ${STORE_NAMES.join(', ')}. A rotation publishes the new key at once and, with
--publish-first, signs with it only after that many seconds, so peers holding a cached key set
meet it only after they can have fetched it; the old key stays published for a day. Running
services pick the new key up within 30 seconds. Works on each service's DATABASE_URL, or on the
embedded PostgreSQL in HUB_DATA_DIR while the hub is stopped.`;

const [command, target, flag, flagValue] = process.argv.slice(2);

function servicesOf(name: string | undefined): StoreName[] | null {
  if (name === 'all') return [...STORE_NAMES];
  return name && (STORE_NAMES as readonly string[]).includes(name) ? [name as StoreName] : null;
}

async function main(): Promise<number> {
  const services = servicesOf(target);
  if (!services || !['list', 'rotate', 'export-public'].includes(command ?? '')) {
    console.error(USAGE);
    return 2;
  }
  let publishFirst = 0;
  if (flag !== undefined) {
    publishFirst = Number(flagValue);
    if (
      flag !== '--publish-first' ||
      !Number.isInteger(publishFirst) ||
      publishFirst < 0 ||
      publishFirst > 86_400
    ) {
      console.error('--publish-first takes a whole number of seconds, 0 to 86400.');
      return 2;
    }
  }
  const pinned: Record<string, unknown> = {};
  for (const service of services) {
    const { config, store, close } = await openOperatorStore(service, `migran-hub-keys-${service}`);
    try {
      const sealer = keySealerFor(config, service);
      if (command === 'rotate') {
        const kid = await rotateServiceKey(store.db, service, sealer, { activateInSeconds: publishFirst });
        console.log(
          `${service}: new key ${kid}${publishFirst ? `, signing from ${publishFirst} s from now` : ''}`,
        );
      }
      const ring = await ServiceKeyRing.open(store.db, service, sealer);
      if (command === 'export-public') pinned[service] = ring.publicJwks();
      else
        console.log(
          `${service}: signing with ${ring.activeKid}; published ${ring
            .publicJwks()
            .keys.map((key) => key.kid)
            .join(', ')}`,
        );
    } finally {
      await close();
    }
  }
  if (command === 'export-public') console.log(JSON.stringify(pinned, null, 2));
  return 0;
}

process.exitCode = await main();
