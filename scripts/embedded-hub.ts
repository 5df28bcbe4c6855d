import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { HubConfig, SubgraphName } from '../shared/config.js';
import { SUBGRAPH_NAMES } from '../shared/config.js';
import type { Store } from '../shared/db/database.js';
import type { StoreName } from '../shared/db/migrations.js';
import type { SubgraphFactory, SubgraphService } from '../shared/http/subgraph.js';
import {
  defaultGraphClient,
  defaultRevocationList,
  defaultTokenVerifier,
} from '../shared/http/subgraph-defaults.js';
import { defaultKeyDirectory } from '../shared/keys/directory.js';
import { createLogger } from '../shared/logging.js';
import { createGateway, type GatewayService } from '../gateway/server.js';
import { isLabourService, createSubgraph as labour } from '../subgraphs/labour/server.js';
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
  /**
   * Every service's spans go here instead of the configured OTLP endpoint (tests). Each service
   * still has a tracer provider of its own, whose resource names it (shared/tracing.ts).
   */
  readonly spanProcessor?: SpanProcessor;
}

export interface EmbeddedHub {
  readonly gatewayUrl: string;
  readonly subgraphUrls: Readonly<Record<SubgraphName, string>>;
  readonly gateway: GatewayService;
  /** The running services; a restarted subgraph replaces its entry. */
  readonly subgraphs: Readonly<Record<SubgraphName, SubgraphService>>;
  /** Every service re-reads the revocation list now (after an operator suspended someone). */
  refreshRevocations(): Promise<void>;
  /** Closes one subgraph (a crash, for fault tests); the others keep running. */
  stopSubgraph(name: SubgraphName): Promise<void>;
  /** Starts a stopped subgraph again on its store, at the address it had. */
  startSubgraph(name: SubgraphName): Promise<void>;
  close(): Promise<void>;
}

/**
 * The whole hub in one process: four subgraphs and the gateway, each its own HTTP service, talking
 * over real HTTP on loopback. Subgraphs learn the gateway's address (for its keys and for narrow
 * calls) only once it listens, hence the late binding.
 */
export async function startEmbeddedHub(options: EmbeddedHubOptions): Promise<EmbeddedHub> {
  const { config } = options;
  let gatewayUrl: string | undefined = undefined;
  const gatewayLocation = () => {
    if (!gatewayUrl) throw new Error('The gateway is not listening yet.');
    return gatewayUrl;
  };
  const port = (configured: number) => (options.ports === 'config' ? configured : 0);
  // Each service's public keys are fetched from where it ends up listening (free ports in tests).
  const locations: Partial<Record<StoreName, string>> = {};
  const keys = defaultKeyDirectory(config, (service) => locations[service]);

  const subgraphs = {} as Record<SubgraphName, SubgraphService>;
  const revocationLists = Object.fromEntries(
    SUBGRAPH_NAMES.map((name) => [name, defaultRevocationList(config, gatewayLocation)]),
  ) as Record<SubgraphName, ReturnType<typeof defaultRevocationList>>;
  const subgraphUrls = {} as Record<SubgraphName, string>;
  /** Starts one subgraph on its store; `listenOn` is its port (0: a free one). */
  const startOne = async (name: SubgraphName, listenOn: number) => {
    const service = await SUBGRAPH_FACTORIES[name]({
      store: options.storeFor(name),
      config,
      logger: createLogger(name, config.logLevel),
      verifyToken: defaultTokenVerifier(config, gatewayLocation, revocationLists[name]),
      graph: defaultGraphClient(config, gatewayLocation),
      keys,
      locateService: (service) => locations[service],
      ...(options.spanProcessor ? { spanProcessor: options.spanProcessor } : {}),
    });
    subgraphs[name] = service;
    locations[name] = await service.listen(listenOn, config.host);
    subgraphUrls[name] = `${locations[name]}/graphql`;
  };
  for (const name of SUBGRAPH_NAMES) await startOne(name, port(config.subgraphs[name].port));

  // The console may be opened at the address the gateway ends up on (a free port in tests).
  const consoleOrigins = new Set<string>();
  const gateway = await createGateway({
    store: options.storeFor('gateway'),
    config,
    subgraphUrls,
    consoleOrigins,
    keys,
    ...(options.spanProcessor ? { spanProcessor: options.spanProcessor } : {}),
  });
  gatewayUrl = await gateway.listen(port(config.gateway.port), config.host);
  locations.gateway = gatewayUrl;
  consoleOrigins.add(gatewayUrl);

  // Labour's consent delivery started before its grantees listened: it tells them now.
  const labourService = subgraphs.labour;
  if (isLabourService(labourService)) await labourService.consentDelivery.deliverNow();

  return {
    gatewayUrl,
    subgraphUrls,
    gateway,
    subgraphs,
    refreshRevocations: async () => {
      // The gateway's list first: the subgraphs read theirs from it.
      await gateway.revocations.refresh();
      await Promise.all(Object.values(revocationLists).map((list) => list.refresh()));
    },
    stopSubgraph: async (name) => {
      await subgraphs[name].close();
    },
    startSubgraph: async (name) => {
      // The same address as before: the gateway and the other services keep theirs for it.
      const address = locations[name];
      await startOne(name, address ? Number(new URL(address).port) : port(config.subgraphs[name].port));
    },
    close: async () => {
      await gateway.close();
      await Promise.all(Object.values(subgraphs).map((service) => service.close()));
    },
  };
}
