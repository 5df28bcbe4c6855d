import { AccessLogStatusCache } from '../../shared/audit/audit-log.js';
import { accessEvents } from './db/schema.js';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import {
  createSubgraphService,
  recordsReads,
  type SubgraphFactory,
  type SubgraphService,
} from '../../shared/http/subgraph.js';
import { configuredLocations } from '../../shared/keys/directory.js';
import { defaultGraphClient, defaultTokenVerifier } from '../../shared/http/subgraph-defaults.js';
import { accessLogPlugin } from '../../shared/audit/plugin.js';
import { KeyedPseudonyms } from '../../shared/audit/pseudonym.js';
import { ConfigError, labourProductionProblems } from '../../shared/config.js';
import { createLogger } from '../../shared/logging.js';
import { protect } from '../../shared/protect.js';
import { subgraphTypeDefs } from '../../shared/schema-files.js';
import { AUDITED } from './audit.js';
import { ConsentDelivery } from './consent-delivery.js';
import { createContext, type Context } from './context.js';
import { access } from './permissions.js';
import { resolvers } from './resolvers/index.js';

/** The labour subgraph as a service, ready to listen. A pure factory: tests and `main.ts` both use it. */
export const createSubgraph: SubgraphFactory = async (deps) => {
  const { store, config } = deps;
  const problems = labourProductionProblems(config);
  if (problems.length > 0) throw new ConfigError(problems);
  const graph = deps.graph ?? defaultGraphClient(config);
  const pseudonyms = new KeyedPseudonyms(config.nikPseudonymKey);
  const schema = protect(
    buildSubgraphSchema({
      typeDefs: subgraphTypeDefs('labour'),
      // Codegen's resolver map is typed per field; @apollo/subgraph takes the loose map.
      resolvers: resolvers as GraphQLResolverMap<unknown>,
    }),
    access,
  );
  const accessLogStatus = new AccessLogStatusCache(store.db, accessEvents, 'labour');
  const logger = deps.logger ?? createLogger('labour', config.logLevel);
  const service = await createSubgraphService<Context>({
    name: 'labour',
    schema,
    store,
    logger,
    production: config.production,
    config,
    keys: deps.keys,
    verifyToken: deps.verifyToken ?? defaultTokenVerifier(config),
    graph,
    locateService: deps.locateService,
    spanProcessor: deps.spanProcessor,
    // `delivery` needs the service's own keys, so it is made just below; requests come after that.
    createContext: (request) =>
      createContext({ db: store.db, accessLogStatus, graph, pseudonyms, consentDelivery: delivery }, request),
    plugins: [accessLogPlugin<Context>(store.db, AUDITED, { recordReads: recordsReads(deps) })],
  });
  const delivery: ConsentDelivery = new ConsentDelivery({
    // Delivery runs beside requests, not as part of one: its statements are not counted as theirs.
    db: store.background,
    serviceKeys: service.serviceKeys,
    locate: deps.locateService ?? configuredLocations(config),
    intervalMs: config.consent.deliveryIntervalMs,
    timeoutMs: config.consent.deliveryTimeoutMs,
    logger,
  });
  delivery.start();
  const labourService: LabourService = {
    ...service,
    consentDelivery: delivery,
    close: async () => {
      await delivery.stop();
      await service.close();
    },
  };
  return labourService;
};

/** The labour subgraph also delivers its consent outbox (consent-delivery.ts). */
export interface LabourService extends SubgraphService {
  readonly consentDelivery: ConsentDelivery;
}

/** Whether a running subgraph is labour's, with its consent delivery (the embedded hub nudges it). */
export function isLabourService(service: SubgraphService): service is LabourService {
  return 'consentDelivery' in service;
}
