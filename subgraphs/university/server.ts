import { AccessLogStatusCache } from '../../shared/audit/audit-log.js';
import { accessEvents } from './db/schema.js';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { accessLogPlugin } from '../../shared/audit/plugin.js';
import { createSubgraphService, recordsReads, type SubgraphFactory } from '../../shared/http/subgraph.js';
import { defaultTokenVerifier } from '../../shared/http/subgraph-defaults.js';
import { installConsentDeliveryRoute } from '../../shared/consent/delivery-route.js';
import { defaultKeyDirectory } from '../../shared/keys/directory.js';
import { createLogger } from '../../shared/logging.js';
import { protect } from '../../shared/protect.js';
import { subgraphTypeDefs } from '../../shared/schema-files.js';
import { AUDITED, AUDITED_PER_PARTICIPANT, participantReadsPlugin } from './audit.js';
import { universityConsentCopies } from './consent-copies.js';
import { createContext, type Context } from './context.js';
import { access } from './permissions.js';
import { resolvers } from './resolvers/index.js';

/**
 * The university subgraph as a service, ready to listen. A pure factory: tests and `main.ts` both
 * use it. It makes no calls through the gateway: the consent facts its rules need are shared with
 * it by the labour subgraph when granted or revoked, at `/internal/consent-facts`.
 */
export const createSubgraph: SubgraphFactory = async (deps) => {
  const { store, config } = deps;
  const schema = protect(
    buildSubgraphSchema({
      typeDefs: subgraphTypeDefs('university'),
      // Codegen's resolver map is typed per field; @apollo/subgraph takes the loose map.
      resolvers: resolvers as GraphQLResolverMap<unknown>,
    }),
    access,
  );
  const accessLogStatus = new AccessLogStatusCache(store.db, accessEvents, 'university');
  const logger = deps.logger ?? createLogger('university', config.logLevel);
  const keys = deps.keys ?? defaultKeyDirectory(config);
  const service = await createSubgraphService<Context>({
    name: 'university',
    schema,
    store,
    logger,
    production: config.production,
    config,
    keys,
    verifyToken: deps.verifyToken ?? defaultTokenVerifier(config),
    locateService: deps.locateService,
    spanProcessor: deps.spanProcessor,
    createContext: (request) => createContext({ db: store.db, accessLogStatus }, request),
    // Sessions are logged per participant (audit.ts); the shared plugin writes every read at the end.
    plugins: [
      participantReadsPlugin<Context>(),
      accessLogPlugin<Context>(store.db, AUDITED, {
        recordReads: recordsReads(deps),
        multiEntityTypes: AUDITED_PER_PARTICIPANT,
      }),
    ],
  });
  // Labour delivers its consent facts here, signed with its own key (shared/consent/delivery-route.ts).
  installConsentDeliveryRoute(service.app, {
    service: 'university',
    keys,
    logger,
    // Labour's feed is service-to-service work, not a client's request: not counted as one.
    copies: universityConsentCopies(store.background, config.consent.copyMaxAgeSeconds),
  });
  return service;
};
