import { randomBytes } from 'node:crypto';
import type { HubConfig, SubgraphName } from '../shared/config.js';
import { SUBGRAPH_NAMES } from '../shared/config.js';
import type { Store } from '../shared/db/database.js';
import type { StoreName } from '../shared/db/migrations.js';
import type { Service } from '../shared/http/service.js';
import type { SubgraphFactory } from '../shared/http/subgraph.js';
import { defaultGraphClient, defaultTokenVerifier } from '../shared/http/subgraph-defaults.js';
import { createLogger } from '../shared/logging.js';
import { createGateway, type GatewayService } from '../gateway/server.js';
import { createSubgraph as labour } from '../subgraphs/labour/server.js';
import { createSubgraph as ministry } from '../subgraphs/ministry/server.js';
import { createSubgraph as training } from '../subgraphs/training/server.js';
import { createSubgraph as university } from '../subgraphs/university/server.js';

export const SUBGRAPH_FACTORIES: Readonly<Record<SubgraphName, SubgraphFactory>> = {
  labour,
  ministry,
  training,
  university,
};

export interface EmbeddedHubOptions {
  readonly config: HubConfig;
  /** The store each service uses; in embedded mode all of them sit on one database, a schema each. */
  readonly storeFor: (service: StoreName) => Store;
  /** `config` listens on the configured ports; `ephemeral` on free ones (tests). */
  readonly ports: 'config' | 'ephemeral';
}

export interface EmbeddedHub {
  readonly gatewayUrl: string;
  readonly subgraphUrls: Readonly<Record<SubgraphName, string>>;
  readonly gateway: GatewayService;
  readonly subgraphs: Readonly<Record<SubgraphName, Service>>;
  /** The secret the gateway signs its subgraph requests with (tests sign as the gateway with it). */
  readonly gatewaySigningSecret: string;
  close(): Promise<void>;
}

/**
 * The whole hub in one process: four subgraphs and the gateway, each its own HTTP service, talking
 * over real HTTP on loopback. Subgraphs learn the gateway's address (for its keys and for narrow
 * calls) only once it listens, hence the late binding.
 */
export async function startEmbeddedHub(options: EmbeddedHubOptions): Promise<EmbeddedHub> {
  // Every service of an embedded hub lives in this process: a fresh signing secret per start will do.
  const config: HubConfig = options.config.gatewaySigningSecret
    ? options.config
    : { ...options.config, gatewaySigningSecret: randomBytes(32).toString('base64url') };
  let gatewayUrl: string | undefined = undefined;
  const gatewayLocation = () => {
    if (!gatewayUrl) throw new Error('The gateway is not listening yet.');
    return gatewayUrl;
  };
  const port = (configured: number) => (options.ports === 'config' ? configured : 0);

  const subgraphs = {} as Record<SubgraphName, Service>;
  const subgraphUrls = {} as Record<SubgraphName, string>;
  for (const name of SUBGRAPH_NAMES) {
    const service = await SUBGRAPH_FACTORIES[name]({
      store: options.storeFor(name),
      config,
      logger: createLogger(name, config.logLevel),
      verifyToken: defaultTokenVerifier(config, gatewayLocation),
      graph: defaultGraphClient(config, gatewayLocation),
    });
    subgraphs[name] = service;
    subgraphUrls[name] = `${await service.listen(port(config.subgraphs[name].port), config.host)}/graphql`;
  }

  // The console may be opened at the address the gateway ends up on (a free port in tests).
  const consoleOrigins = new Set<string>();
  const gateway = await createGateway({
    store: options.storeFor('gateway'),
    config,
    subgraphUrls,
    consoleOrigins,
  });
  gatewayUrl = await gateway.listen(port(config.gateway.port), config.host);
  consoleOrigins.add(gatewayUrl);

  return {
    gatewayUrl,
    subgraphUrls,
    gateway,
    subgraphs,
    gatewaySigningSecret: config.gatewaySigningSecret ?? '',
    close: async () => {
      await gateway.close();
      await Promise.all(Object.values(subgraphs).map((service) => service.close()));
    },
  };
}
