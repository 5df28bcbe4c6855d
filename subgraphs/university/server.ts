import { AccessLogStatusCache } from '../../shared/audit/audit-log.js';
import { accessEvents } from './db/schema.js';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { accessLogPlugin } from '../../shared/audit/plugin.js';
import { createSubgraphService, type SubgraphFactory } from '../../shared/http/subgraph.js';
import { defaultTokenVerifier } from '../../shared/http/subgraph-defaults.js';
import { createLogger } from '../../shared/logging.js';
import { protect } from '../../shared/protect.js';
import { subgraphTypeDefs } from '../../shared/schema-files.js';
import { AUDITED, AUDITED_PER_PARTICIPANT, participantReadsPlugin } from './audit.js';
import { createContext, type Context } from './context.js';
import { access } from './permissions.js';
import { resolvers } from './resolvers/index.js';

/**
 * The university subgraph as a service, ready to listen. A pure factory: tests and `main.ts` both
 * use it. It makes no calls through the gateway: the consent facts its rules need are shared with
 * it by the labour subgraph when granted or revoked (`shareConsentWithUniversities`).
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
  return createSubgraphService<Context>({
    name: 'university',
    schema,
    store,
    logger: deps.logger ?? createLogger('university', config.logLevel),
    production: config.production,
    config,
    verifyToken: deps.verifyToken ?? defaultTokenVerifier(config),
    gatewaySecret: config.gatewaySigningSecret,
    createContext: (request) => createContext({ db: store.db, accessLogStatus }, request),
    // Sessions are logged per participant (audit.ts); the shared plugin writes every read at the end.
    // ACCESS_LOG=benchmark-off measures what the log costs; it is on in every real deployment.
    plugins: [
      participantReadsPlugin<Context>(),
      accessLogPlugin<Context>(store.db, AUDITED, {
        recordReads: config.accessLog,
        multiEntityTypes: AUDITED_PER_PARTICIPANT,
      }),
    ],
  });
};
