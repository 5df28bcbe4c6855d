import type { FastifyInstance } from 'fastify';
import type { HubConfig } from '../config.js';
import type { Database } from '../db/database.js';
import type { StoreName } from '../db/migrations.js';
import { configuredLocations, type KeyDirectory } from '../keys/directory.js';
import type { ServiceKeyRing } from '../keys/service-keys.js';
import type { Logger } from '../logging.js';
import { SUBGRAPH_NAMES } from '../config.js';
import { HeadWitness, mountHeadWitness } from './witness.js';
import { ChainHeadPublisher } from './witness-publisher.js';
import type { WitnessedHeadsTable } from './witness-table.js';

/** Starts a subgraph signing its chain head for the witnesses; `stop()` on close. */
export function publishChainHeads(options: {
  readonly db: Database;
  readonly service: StoreName;
  readonly config: HubConfig;
  readonly serviceKeys: ServiceKeyRing;
  readonly locate: ((service: StoreName) => string | undefined) | undefined;
  readonly logger: Logger;
}): ChainHeadPublisher {
  const { config } = options;
  const publisher = new ChainHeadPublisher({
    db: options.db,
    service: options.service,
    ring: options.serviceKeys,
    locate: options.locate ?? configuredLocations(config),
    logger: options.logger,
    cadence: {
      everyEvents: config.audit.headEveryEvents,
      intervalMs: config.audit.headIntervalMs,
      checkMs: config.audit.headCheckMs,
    },
  });
  publisher.start();
  return publisher;
}

/** Makes a service a witness of the other services' chain heads, kept in `table` of its own store. */
export function installHeadWitness(
  app: FastifyInstance,
  options: {
    readonly db: Database;
    readonly table: WitnessedHeadsTable;
    readonly witness: StoreName;
    readonly keys: KeyDirectory;
    readonly logger: Logger;
  },
): HeadWitness {
  const witness = new HeadWitness({
    db: options.db,
    table: options.table,
    witness: options.witness,
    witnessed: SUBGRAPH_NAMES.filter((name) => name !== options.witness),
    keys: options.keys,
  });
  mountHeadWitness(app, witness, options.logger);
  return witness;
}
