import { AccessLogStatusCache } from '../../shared/audit/audit-log.js';
import { accessEvents } from './db/schema.js';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { createSubgraphService, type SubgraphFactory } from '../../shared/http/subgraph.js';
import { defaultGraphClient, defaultTokenVerifier } from '../../shared/http/subgraph-defaults.js';
import { accessLogPlugin } from '../../shared/audit/plugin.js';
import { KeyedPseudonyms } from '../../shared/audit/pseudonym.js';
import { ConfigError, labourProductionProblems } from '../../shared/config.js';
import { createLogger } from '../../shared/logging.js';
import { protect } from '../../shared/protect.js';
import { subgraphTypeDefs } from '../../shared/schema-files.js';
import { AUDITED } from './audit.js';
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
  return createSubgraphService<Context>({
    name: 'labour',
    schema,
    store,
    logger: deps.logger ?? createLogger('labour', config.logLevel),
    production: config.production,
    config,
    verifyToken: deps.verifyToken ?? defaultTokenVerifier(config),
    gatewaySecret: config.gatewaySigningSecret,
    createContext: (request) => createContext({ db: store.db, accessLogStatus, graph, pseudonyms }, request),
    // ACCESS_LOG=benchmark-off measures what the log costs; it is on in every real deployment.
    plugins: [accessLogPlugin<Context>(store.db, AUDITED, { recordReads: config.accessLog })],
  });
};
