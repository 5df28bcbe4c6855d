import { AccessLogStatusCache } from '../../shared/audit/audit-log.js';
import { accessEvents, witnessedHeads } from './db/schema.js';
import { installHeadWitness } from '../../shared/audit/witnessing.js';
import { defaultKeyDirectory } from '../../shared/keys/directory.js';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { createSubgraphService, recordsReads, type SubgraphFactory } from '../../shared/http/subgraph.js';
import { defaultGraphClient, defaultTokenVerifier } from '../../shared/http/subgraph-defaults.js';
import { accessLogPlugin } from '../../shared/audit/plugin.js';
import { createLogger } from '../../shared/logging.js';
import { protect } from '../../shared/protect.js';
import { subgraphTypeDefs } from '../../shared/schema-files.js';
import { AUDITED } from './audit.js';
import { createContext, type Context } from './context.js';
import { access } from './permissions.js';
import { resolvers } from './resolvers/index.js';

/** The ministry subgraph as a service, ready to listen. A pure factory: tests and `main.ts` both use it. */
export const createSubgraph: SubgraphFactory = async (deps) => {
  const { store, config } = deps;
  const graph = deps.graph ?? defaultGraphClient(config);
  const schema = protect(
    buildSubgraphSchema({
      typeDefs: subgraphTypeDefs('ministry'),
      // Codegen's resolver map is typed per field; @apollo/subgraph takes the loose map.
      resolvers: resolvers as GraphQLResolverMap<unknown>,
    }),
    access,
  );
  const accessLogStatus = new AccessLogStatusCache(store.db, accessEvents, 'ministry');
  const logger = deps.logger ?? createLogger('ministry', config.logLevel);
  const keys = deps.keys ?? defaultKeyDirectory(config);
  const service = await createSubgraphService<Context>({
    name: 'ministry',
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
  // The ministry keeps the other subgraphs' signed chain heads, outside their databases.
  installHeadWitness(service.app, { db: store.db, table: witnessedHeads, witness: 'ministry', keys, logger });
  return service;
};
