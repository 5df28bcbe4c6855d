import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { fastifyApolloDrainPlugin, fastifyApolloHandler } from '@as-integrations/fastify';
import { createTokenVerifier } from '../shared/auth/token-verifier.js';
import { SUBGRAPH_NAMES, type HubConfig, type SubgraphName } from '../shared/config.js';
import type { Store } from '../shared/db/database.js';
import { createErrorFormatter } from '../shared/errors.js';
import { requestMetaOf } from '../shared/http/request-meta.js';
import { createHttpService, listen, type Service } from '../shared/http/service.js';
import { createLogger, type Logger } from '../shared/logging.js';
import { readSupergraphSdl } from '../shared/schema-files.js';
import type { GatewayContext } from './context.js';
import { SubgraphDataSource } from './data-source.js';
import { installMetrics } from './metrics.js';
import { mountTokenEndpoint } from './oauth.js';
import { gatewayReadiness } from './readiness.js';
import { RevocationList } from '../shared/auth/revocation-list.js';
import { suspendedClientIds } from './clients.js';
import { TokenAuthority } from './tokens.js';

export interface GatewayDependencies {
  readonly store: Store;
  readonly config: HubConfig;
  readonly logger?: Logger;
  /** Where each subgraph listens; defaults to the configuration. */
  readonly subgraphUrls?: Partial<Record<SubgraphName, string>>;
}

export interface GatewayService extends Service {
  readonly tokens: TokenAuthority;
  readonly revocations: RevocationList;
}

/**
 * The front door: OAuth token endpoint and keys, authentication before any planning, and the
 * supergraph served by @apollo/gateway over the committed `schema/supergraph.graphql`.
 */
export async function createGateway(deps: GatewayDependencies): Promise<GatewayService> {
  const { store, config } = deps;
  // @apollo/gateway 2.14 reports anonymous telemetry unless told not to; a government hub does not.
  process.env['APOLLO_TELEMETRY_DISABLED'] ??= '1';
  const logger = deps.logger ?? createLogger('gateway', config.logLevel);
  const subgraphUrls = Object.fromEntries(
    SUBGRAPH_NAMES.map((name) => [name, deps.subgraphUrls?.[name] ?? config.subgraphs[name].url]),
  ) as Record<SubgraphName, string>;

  const tokens = await TokenAuthority.open(config, store.db);
  const revocations = new RevocationList(
    () => suspendedClientIds(store.db),
    config.tokens.revocationMaxAgeMs,
  );
  const verifyToken = createTokenVerifier({
    keys: tokens.getKey,
    issuer: config.tokens.issuer,
    audience: config.tokens.audience,
    isSuspended: (clientId) => revocations.isSuspended(clientId),
  });

  const app = createHttpService({
    name: 'gateway',
    logger,
    bodyLimit: 256 * 1024,
    readiness: gatewayReadiness(config, store, subgraphUrls),
  });
  installMetrics(app, 'gateway');
  mountTokenEndpoint(app, store.db, () => tokens.callback);
  app.get('/.well-known/jwks.json', async (_request, reply) =>
    reply.header('cache-control', 'public, max-age=60').send(tokens.jwks),
  );
  // The kill switch as subgraphs read it: which clients' tokens to refuse though still unexpired.
  app.get('/.well-known/revoked-clients', async (_request, reply) =>
    reply.header('cache-control', 'no-store').send({ clients: await suspendedClientIds(store.db) }),
  );

  const dataSources: SubgraphDataSource[] = [];
  const gateway = new ApolloGateway({
    supergraphSdl: readSupergraphSdl(),
    buildService: ({ name, url }) => {
      const source = new SubgraphDataSource(
        name,
        subgraphUrls[name as SubgraphName] ?? url ?? '',
        30_000,
        config.gatewaySigningSecret,
      );
      dataSources.push(source);
      return source;
    },
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !config.production,
    includeStacktraceInErrorResponses: false,
    formatError: createErrorFormatter(logger),
    plugins: [
      fastifyApolloDrainPlugin(app),
      config.production
        ? ApolloServerPluginLandingPageDisabled()
        : ApolloServerPluginLandingPageLocalDefault({ embed: true }),
    ],
  });
  await apollo.start();

  const handler = fastifyApolloHandler(apollo, {
    // Runs before parsing and planning: a bad token never costs a query plan or a subgraph call.
    context: async (request) => {
      const authorization = request.headers.authorization ?? '';
      const principal = await verifyToken(authorization);
      return { principal, meta: requestMetaOf(request.headers, request.id), authorization };
    },
  });
  app.route({ method: ['GET', 'POST', 'OPTIONS'], url: '/graphql', handler });

  return {
    name: 'gateway',
    app,
    tokens,
    revocations,
    listen: (port, host) => listen(app, port, host),
    close: async () => {
      await app.close();
      await Promise.all(dataSources.map((source) => source.close()));
    },
  };
}
