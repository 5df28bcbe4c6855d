import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { fastifyApolloDrainPlugin, fastifyApolloHandler } from '@as-integrations/fastify';
import { createTokenVerifier } from '../shared/auth/token-verifier.js';
import { VerifiedTokenCache } from '../shared/auth/verified-token-cache.js';
import { ConfigError, SUBGRAPH_NAMES, type HubConfig, type SubgraphName } from '../shared/config.js';
import type { Store } from '../shared/db/database.js';
import { enumCatalogueOfSdl } from '../shared/enum-errors.js';
import { createErrorFormatter } from '../shared/errors.js';
import { createHttpService, listen, requestLogLevel, type Service } from '../shared/http/service.js';
import { ServiceCallVerifier } from '../shared/http/service-call.js';
import { createLogger, type Logger } from '../shared/logging.js';
import { readSupergraphSdl } from '../shared/schema-files.js';
import type { GatewayContext } from './context.js';
import { SubgraphDataSource } from './data-source.js';
import { admittedContext, installFrontDoor } from './front-door.js';
import { HeldReply } from './held-reply.js';
import { IdempotencyStore } from './idempotency.js';
import { requestLimits, TIMED_OUT, withDeadline } from './limits.js';
import { KnownOperationTypesRule, operationResolution } from './request-checks.js';
import { ClientRateLimits } from './rate-limits.js';
import { ReplayChecker, resolvableEntityTypes } from './replays.js';
import { TrustedDocuments } from './trusted-documents.js';
import { installMetrics } from '../shared/http/metrics.js';
import { installOperationLog } from './operation-log.js';
import { operationMetrics } from './operation-metrics.js';
import { mountOAuthRoutes } from './oauth-routes.js';
import { mountSignIn } from './sign-in.js';
import { mountConsoleSession, mountPeopleLookup } from './console-session.js';
import { mountAccountAdmin } from './account-admin.js';
import { activeDemoAccounts } from './accounts.js';
import { installConsole } from './console.js';
import { EXPLORER_PATH, installExplorer, wantsExplorerPage } from './explorer.js';
import { gatewayReadiness } from './readiness.js';
import { RevocationList } from '../shared/auth/revocation-list.js';
import { activeDemoClients, currentRevocations, ensureConsoleClient } from './clients.js';
import { TokenAuthority } from './tokens.js';
import { serviceProductionProblems } from '../shared/config.js';
import { defaultKeyDirectory, type KeyDirectory } from '../shared/keys/directory.js';
import { publishServiceKeys } from '../shared/keys/routes.js';
import { installHeadWitness } from '../shared/audit/witnessing.js';
import { witnessedHeads } from './db/schema.js';
import { keySealerFor } from '../shared/keys/sealing.js';
import { ServiceKeyRing } from '../shared/keys/service-keys.js';
import { serviceTracing, type ServiceTracing } from '../shared/tracing.js';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';

/**
 * Verified tokens the gateway remembers (by hash, each until it expires): some 500 bytes each, so
 * a few megabytes at most, and more than the clients and console sessions of one token lifetime.
 */
const VERIFIED_TOKENS = 10_000;

export interface GatewayDependencies {
  readonly store: Store;
  readonly config: HubConfig;
  readonly logger?: Logger;
  /** Where each subgraph listens; defaults to the configuration. */
  readonly subgraphUrls?: Partial<Record<SubgraphName, string>>;
  /** Origins the console is served from besides the issuer; an embedded hub adds its own once it listens. */
  readonly consoleOrigins?: Set<string>;
  /** Where the other services' public keys come from; defaults to pinned keys, else their addresses. */
  readonly keys?: KeyDirectory;
  /** Where spans go instead of the configured OTLP endpoint (tests: an in-memory exporter). */
  readonly spanProcessor?: SpanProcessor;
  /** Verified tokens kept between requests; defaults to a cache of 10,000 (tests pass a small one). */
  readonly verifiedTokens?: VerifiedTokenCache;
  /** Told of each token signature the gateway checks (tests count them). */
  readonly onSignatureChecked?: () => void;
}

export interface GatewayService extends Service {
  readonly tokens: TokenAuthority;
  readonly revocations: RevocationList;
  /** The gateway's own service key (it signs what it sends the subgraphs). */
  readonly serviceKeys: ServiceKeyRing;
  /** The other services' public keys, as the gateway checks their signatures. */
  readonly keys: KeyDirectory;
  readonly tracing: ServiceTracing;
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

  const keyProblems = serviceProductionProblems(config, 'gateway');
  if (keyProblems.length > 0) throw new ConfigError(keyProblems);
  const sealer = keySealerFor(config, 'gateway');
  const serviceKeys = await ServiceKeyRing.open(store.background, 'gateway', sealer);
  // Checks the services' own signatures on what they send through the gateway (service calls).
  const keys = deps.keys ?? defaultKeyDirectory(config);
  if (config.production) {
    const [demoClients, demoPeople] = await Promise.all([
      activeDemoClients(store.db),
      activeDemoAccounts(store.db),
    ]);
    const problems = [
      ...(demoClients.length > 0
        ? [`demo clients are active (${demoClients.join(', ')}); suspend them before running in production`]
        : []),
      ...(demoPeople.length > 0
        ? [
            `demo accounts are active (${demoPeople.join(', ')}); disable them (npm run hub -- people disable) before running in production`,
          ]
        : []),
    ];
    if (problems.length > 0) throw new ConfigError(problems);
  }
  await ensureConsoleClient(store.db);
  const tokens = await TokenAuthority.open(config, store.db, sealer, deps.consoleOrigins);
  const revocations = new RevocationList(
    () => currentRevocations(store.db),
    config.tokens.revocationMaxAgeMs,
  );
  const verifyToken = createTokenVerifier({
    keys: tokens.getKey,
    issuer: config.tokens.issuer,
    audience: config.tokens.audience,
    isSuspended: (clientId) => revocations.isSuspended(clientId),
    isSessionEnded: (sessionId) => revocations.isSessionEnded(sessionId),
    // A client's next request skips the signature check; suspension and sessions still bind each time.
    cache: deps.verifiedTokens ?? new VerifiedTokenCache(VERIFIED_TOKENS),
    keysVersion: tokens.keysVersion,
    ...(deps.onSignatureChecked ? { onSignatureChecked: deps.onSignatureChecked } : {}),
  });

  const tracing = serviceTracing(config.tracing, 'gateway', deps.spanProcessor);
  const app = createHttpService({
    name: 'gateway',
    logger,
    tracing,
    incomingTrace: 'link',
    bodyLimit: config.limits.bodyBytes,
    readiness: gatewayReadiness(config, store, subgraphUrls),
    // Each GraphQL operation has its own line (operation-log.ts); its HTTP line would say it twice.
    requestLogLevel: requestLogLevel(config.production),
    quietPaths: ['/graphql'],
  });
  const operations = operationMetrics(installMetrics(app, 'gateway', { store }).registry);
  const operationLog = installOperationLog(app, operations);
  // Counted in the gateway's database, so that every replica spends one budget per client.
  const rateLimits = new ClientRateLimits(config, store, { logger });
  mountOAuthRoutes(app, store.db, () => tokens.callback, rateLimits);
  mountSignIn(app, () => tokens.provider, store.db, logger);
  mountConsoleSession(app, store.db, verifyToken);
  mountPeopleLookup(app, store.db, verifyToken);
  mountAccountAdmin(app, { db: store.db, config, verifyToken, logger });
  // The console (console/dist): its pages and assets, and its operations as its client's trusted documents.
  await installConsole(app, { db: store.db, logger });
  // The API explorer (GraphiQL bundled from npm) instead of Apollo's CDN-loaded Sandbox.
  const explorer = await installExplorer(app, { enabled: config.explorer.enabled, logger });
  // One data source per subgraph, for the query planner and for the replay checks of idempotent retries.
  const supergraphSdl = readSupergraphSdl();
  const dataSources = new Map(
    SUBGRAPH_NAMES.map((name) => [
      name as string,
      new SubgraphDataSource(
        name,
        subgraphUrls[name],
        config.limits.subgraphTimeoutMs,
        {
          ring: serviceKeys,
          windowSeconds: config.keys.signedRequestWindowSeconds,
        },
        operations.subgraphFetch,
        tracing,
      ),
    ]),
  );
  const frontDoor = installFrontDoor(app, {
    maxTokens: config.limits.maxTokens,
    verifyToken,
    rateLimits,
    trustedDocuments: new TrustedDocuments(store.db),
    // A retry waits for the first answer no longer than a request may take, then hears "in progress".
    idempotency: new IdempotencyStore(store.db, config.limits.requestTimeoutMs),
    replays: new ReplayChecker(dataSources, resolvableEntityTypes(supergraphSdl)),
    serviceCalls: new ServiceCallVerifier(keys, config.keys.signedRequestWindowSeconds),
    refused: operations.refused,
  });
  publishServiceKeys(app, serviceKeys);
  // The gateway keeps every subgraph's signed chain heads, outside their databases.
  installHeadWitness(app, { db: store.db, table: witnessedHeads, witness: 'gateway', keys, logger });
  app.get('/.well-known/jwks.json', async (_request, reply) =>
    reply.header('cache-control', 'public, max-age=60').send(tokens.jwks),
  );
  // The kill switch as subgraphs read it: which clients' and sessions' tokens to refuse though unexpired.
  app.get('/.well-known/revoked-clients', async (_request, reply) =>
    reply.header('cache-control', 'no-store').send(await currentRevocations(store.db)),
  );

  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name }) => {
      const source = dataSources.get(name);
      if (!source) throw new Error(`the supergraph names a subgraph the hub does not run: ${name}`);
      return source;
    },
  });
  const limits = requestLimits(config, () => operations.refused('limits'));
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !config.production,
    includeStacktraceInErrorResponses: false,
    formatError: limits.formatError(createErrorFormatter(logger, enumCatalogueOfSdl(supergraphSdl))),
    parseOptions: limits.parseOptions,
    validationRules: [...limits.validationRules, KnownOperationTypesRule],
    plugins: [
      ...limits.plugins,
      operationResolution<GatewayContext>(),
      operationLog,
      fastifyApolloDrainPlugin(app),
      // Apollo's landing page loads Sandbox from Apollo's CDN; browsers go to /explorer instead.
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();

  // The front door (front-door.ts) has admitted the request before Apollo parses or plans it.
  const execute = fastifyApolloHandler(apollo, {
    context: (request) => Promise.resolve(admittedContext(request)),
  });
  const timeoutMs = config.limits.requestTimeoutMs;
  app.route({
    method: ['GET', 'POST', 'OPTIONS'],
    url: '/graphql',
    handler: async (request, reply) => {
      if (explorer && wantsExplorerPage(request)) return reply.redirect(EXPLORER_PATH, 303);
      type Execute = typeof execute;
      const held = new HeldReply();
      const work = Promise.resolve(
        execute.call(app, request as Parameters<Execute>[0], held as unknown as Parameters<Execute>[1]),
      );
      const result = await withDeadline(work, timeoutMs);
      if (result !== TIMED_OUT) return held.sendThrough(reply, result);
      request.log.warn({ timeoutMs }, 'request timed out');
      // Its fetches stop; a mutation already sent runs on, and its outcome settles its key.
      frontDoor.passDeadline(
        request,
        work.then((late) => ({ status: held.statusCode, body: held.bodyOf(late) })),
      );
      return reply
        .code(504)
        .type('application/json')
        .send({
          errors: [
            { message: 'The request took too long and was stopped.', extensions: { code: 'TIMEOUT' } },
          ],
        });
    },
  });

  return {
    name: 'gateway',
    app,
    tokens,
    revocations,
    serviceKeys,
    keys,
    tracing,
    listen: (port, host) => listen(app, port, host),
    close: async () => {
      await app.close();
      await rateLimits.close();
      await Promise.all([...dataSources.values()].map((source) => source.close()));
      await tracing.close();
    },
  };
}
