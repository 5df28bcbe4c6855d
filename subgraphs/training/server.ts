import { AccessLogStatusCache } from '../../shared/audit/audit-log.js';
import { accessEvents } from './db/schema.js';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { createSubgraphService, recordsReads, type SubgraphFactory } from '../../shared/http/subgraph.js';
import { defaultGraphClient, defaultTokenVerifier } from '../../shared/http/subgraph-defaults.js';
import { accessLogPlugin } from '../../shared/audit/plugin.js';
import { installConsentDeliveryRoute } from '../../shared/consent/delivery-route.js';
import { defaultKeyDirectory } from '../../shared/keys/directory.js';
import { createLogger } from '../../shared/logging.js';
import { protect } from '../../shared/protect.js';
import { subgraphTypeDefs } from '../../shared/schema-files.js';
import { AUDITED } from './audit.js';
import { trainingConsentCopies } from './consent-copies.js';
import { createContext, type Context } from './context.js';
import { access } from './permissions.js';
import { resolvers } from './resolvers/index.js';

/** The training subgraph as a service, ready to listen. A pure factory: tests and `main.ts` both use it. */
export const createSubgraph: SubgraphFactory = async (deps) => {
  const { store, config } = deps;
  const graph = deps.graph ?? defaultGraphClient(config);
  const schema = protect(
    buildSubgraphSchema({
      typeDefs: subgraphTypeDefs('training'),
      // Codegen's resolver map is typed per field; @apollo/subgraph takes the loose map.
      resolvers: resolvers as GraphQLResolverMap<unknown>,
    }),
    access,
  );
  const accessLogStatus = new AccessLogStatusCache(store.db, accessEvents, 'training');
  const logger = deps.logger ?? createLogger('training', config.logLevel);
  const keys = deps.keys ?? defaultKeyDirectory(config);
  const service = await createSubgraphService<Context>({
    name: 'training',
    schema,
    store,
    logger,
    production: config.production,
    config,
    keys,
    verifyToken: deps.verifyToken ?? defaultTokenVerifier(config),
    graph,
    locateService: deps.locateService,
    spanProcessor: deps.spanProcessor,
    createContext: (request) => createContext({ db: store.db, accessLogStatus, graph }, request),
    plugins: [accessLogPlugin<Context>(store.db, AUDITED, { recordReads: recordsReads(deps) })],
  });
  // Labour delivers its consent facts here, signed with its own key (shared/consent/delivery-route.ts).
  installConsentDeliveryRoute(service.app, {
    service: 'training',
    keys,
    logger,
    // Labour's feed is service-to-service work, not a client's request: not counted as one.
    copies: trainingConsentCopies(store.background, config.consent.copyMaxAgeSeconds),
  });
  return service;
};
