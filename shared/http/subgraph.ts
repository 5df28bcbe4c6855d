import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { fastifyApolloDrainPlugin, fastifyApolloHandler } from '@as-integrations/fastify';
import type { GraphQLSchema } from 'graphql';
import { HEADERS, type Principal, type RequestMeta } from '../auth/principal.js';
import type { TokenVerifier } from '../auth/token-verifier.js';
import { ConfigError, serviceProductionProblems, type HubConfig, type SubgraphName } from '../config.js';
import type { StoreName } from '../db/migrations.js';
import { defaultKeyDirectory, type KeyDirectory } from '../keys/directory.js';
import { publishServiceKeys } from '../keys/routes.js';
import { keySealerFor } from '../keys/sealing.js';
import { ServiceKeyRing } from '../keys/service-keys.js';
import type { ChainHeadPublisher } from '../audit/witness-publisher.js';
import { publishChainHeads } from '../audit/witnessing.js';
import type { Store } from '../db/database.js';
import { enumCatalogueOfSchema } from '../enum-errors.js';
import { createErrorFormatter } from '../errors.js';
import { documentLimitsPlugin } from '../limits/document-limits.js';
import type { Logger } from '../logging.js';
import { serviceTracing, type ServiceTracing } from '../tracing.js';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { installDirectLimits } from './direct-limits.js';
import type { GraphClient } from './graph-client.js';
import { installGatewayRequestCheck } from './gateway-requests.js';
import { installMetrics, type ServiceMetrics } from './metrics.js';
import { replayCheckOf, type ReplayCheck } from './replay-check.js';
import { requestIdHeader, requestMetaOf } from './request-meta.js';
import { createHttpService, listen, requestLogLevel, type Service } from './service.js';
import { claimedOperation, describeOperation } from './tracing.js';

/** What every subgraph knows about the request it is answering. */
export interface RequestContext {
  readonly principal: Principal;
  readonly meta: RequestMeta;
  /** The caller's own Authorization header, for narrow calls through the gateway on their behalf. */
  readonly authorization: string;
  readonly logger: Logger;
  /**
   * The request carries the gateway's valid signature (gateway-signature.ts): facts in its
   * representations (`@requires` fields) come from the owning subgraph, and the headers it vouches
   * for are the gateway's. A direct caller's (or a peer router's) representations prove nothing.
   */
  readonly viaGateway: boolean;
  /** This service's own keys: what it signs, it signs with these (shared/keys/service-keys.ts). */
  readonly serviceKeys: ServiceKeyRing;
  /** The other services' public keys: whose signature is whose (shared/keys/directory.ts). */
  readonly keys: KeyDirectory;
  /** This service's counters (`/metrics`). */
  readonly metrics: ServiceMetrics;
  /** The gateway asked which entities this request served, to keep beside an idempotent answer. */
  readonly reportServed: boolean;
  /** The gateway is checking that an earlier answer may be sent again (replay-check.ts). */
  readonly replay: ReplayCheck | null;
}

/** What a subgraph's `createSubgraph` factory takes; the same for all four. */
export interface SubgraphDependencies {
  readonly store: Store;
  readonly config: HubConfig;
  readonly logger?: Logger;
  /** Defaults to verifying against the gateway's published keys. */
  readonly verifyToken?: TokenVerifier;
  /** Defaults to the gateway named in the configuration. */
  readonly graph?: GraphClient;
  /** Where the other services' public keys come from; defaults to pinned keys, else their addresses. */
  readonly keys?: KeyDirectory;
  /** Base URL of another hub service, for direct service-to-service calls; defaults to the configuration. */
  readonly locateService?: (service: StoreName) => string | undefined;
  /**
   * `false` only in the benchmark's log-off leg (bench/subgraph-without-read-log.ts), to measure
   * what the log of reads costs; no configuration reaches it, and production refuses it.
   */
  readonly recordReads?: boolean;
  /** Where spans go instead of the configured OTLP endpoint (tests: an in-memory exporter). */
  readonly spanProcessor?: SpanProcessor;
}

/** Whether a subgraph writes its reads to the access log (writes are logged either way). */
export function recordsReads(deps: SubgraphDependencies): boolean {
  if (deps.recordReads !== false) return true;
  if (deps.config.production) {
    throw new ConfigError([
      'recordReads: false is refused in production: every read of personal data is logged',
    ]);
  }
  return false;
}

/** A running subgraph: its HTTP service and its own keys. */
export interface SubgraphService extends Service {
  readonly serviceKeys: ServiceKeyRing;
  /** Signs this subgraph's access-log chain head for the witnesses (shared/audit/witness-publisher.ts). */
  readonly chainHeads: ChainHeadPublisher;
  readonly tracing: ServiceTracing;
}

export type SubgraphFactory = (deps: SubgraphDependencies) => Promise<SubgraphService>;

export interface SubgraphServiceOptions<TContext extends RequestContext> {
  readonly name: SubgraphName;
  readonly schema: GraphQLSchema;
  readonly store: Store;
  readonly logger: Logger;
  readonly production: boolean;
  readonly verifyToken: TokenVerifier;
  /** Builds the per-request context (loaders are created here, never shared between requests). */
  readonly createContext: (request: RequestContext) => TContext;
  /**
   * The service's narrow calls through the gateway: they are signed with this service's own key
   * once it is open (service-call.ts), hence handed over here.
   */
  readonly graph?: GraphClient | undefined;
  /** Subgraph-specific Apollo plugins (the access log). */
  readonly plugins?: readonly ApolloServerPlugin<TContext>[];
  readonly bodyLimit?: number;
  /** The gateway's limits and rate limits, applied to every request the gateway did not sign. */
  readonly config: HubConfig;
  /** Defaults to `defaultKeyDirectory(config)`. */
  readonly keys?: KeyDirectory | undefined;
  /** Where the other services listen (the witnesses of the chain head); defaults to the configuration. */
  readonly locateService?: ((service: StoreName) => string | undefined) | undefined;
  /** Defaults to the configured OTLP endpoint, if any (`SubgraphDependencies.spanProcessor`). */
  readonly spanProcessor?: SpanProcessor | undefined;
}

/**
 * One subgraph as an HTTP service: Apollo Server on Fastify. Every request, `_entities` and
 * `_service` included, must carry a token the subgraph verifies itself; the network is not trusted.
 */
export async function createSubgraphService<TContext extends RequestContext>(
  options: SubgraphServiceOptions<TContext>,
): Promise<SubgraphService> {
  const { name, store, logger } = options;
  const keyProblems = serviceProductionProblems(options.config, name);
  if (keyProblems.length > 0) throw new ConfigError(keyProblems);
  // Its re-reads (every 30 s, on first use after that) are housekeeping, not statements a request
  // caused: on the background connection, or the batching tests' counts would depend on the clock.
  const serviceKeys = await ServiceKeyRing.open(store.background, name, keySealerFor(options.config, name));
  const keys = options.keys ?? defaultKeyDirectory(options.config);
  options.graph?.useServiceKeys?.(serviceKeys);
  const tracing = serviceTracing(options.config.tracing, name, options.spanProcessor);
  const app = createHttpService({
    name,
    logger,
    tracing,
    bodyLimit: options.bodyLimit ?? 2 * 1024 * 1024,
    requestLogLevel: requestLogLevel(options.production),
    readiness: async () => {
      await store.ping();
      return { ready: true };
    },
  });

  const metrics = installMetrics(app, name, { store });
  // The request's span is named after the operation the gateway (or a direct caller) sent.
  app.addHook('onSend', async (request, _reply, payload) => {
    if (request.routeOptions.url === '/graphql') describeOperation(request, () => claimedOperation(request));
    return payload;
  });
  publishServiceKeys(app, serviceKeys);
  // Before the direct limits: the gateway's verified fetches are exempt from them.
  const isFromGateway = installGatewayRequestCheck(app, {
    audience: name,
    keys,
    windowSeconds: options.config.keys.signedRequestWindowSeconds,
  });
  installDirectLimits(app, {
    limits: options.config.limits,
    rateLimits: options.config.rateLimits,
    exposeLimits: !options.production,
    verifyToken: options.verifyToken,
    viaGateway: isFromGateway,
  });

  const apollo = new ApolloServer<TContext>({
    schema: options.schema,
    introspection: !options.production,
    includeStacktraceInErrorResponses: false,
    formatError: createErrorFormatter(logger, enumCatalogueOfSchema(options.schema)),
    // Inline traces (ftv1) feed Apollo's hosted studio, which the hub never reports to.
    plugins: [
      fastifyApolloDrainPlugin(app),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      // The gateway's signed fetches were checked there as one operation (see direct-limits.ts).
      documentLimitsPlugin<TContext>({
        limits: options.config.limits,
        exposeLimits: !options.production,
        appliesTo: (context) => !context.viaGateway,
      }),
      ...(options.plugins ?? []),
    ],
  });
  await apollo.start();

  const handler = fastifyApolloHandler(apollo, {
    context: async (request) => {
      const authorization = request.headers.authorization ?? '';
      const principal = await options.verifyToken(authorization);
      const viaGateway = isFromGateway(request);
      // One id follows a request through the hub: the gateway's, in a request the gateway signed.
      // A direct caller's `X-Request-Id` is only its own reference (`clientRequestId`).
      const requestId = viaGateway
        ? (requestIdHeader(request.headers, HEADERS.requestId) ?? request.id)
        : request.id;
      const meta = requestMetaOf(request.headers, requestId, {
        forwardedByGateway: viaGateway,
        person: principal.person,
      });
      return options.createContext({
        principal,
        meta,
        authorization,
        logger: request.log as Logger,
        viaGateway,
        serviceKeys,
        keys,
        metrics,
        // Only the gateway's signed requests may ask for either; from anyone else they mean nothing.
        reportServed: viaGateway && request.headers[HEADERS.reportServed] === '1',
        replay: viaGateway ? replayCheckOf(request.body) : null,
      });
    },
  });
  app.route({ method: ['GET', 'POST', 'OPTIONS'], url: '/graphql', handler });

  const chainHeads = publishChainHeads({
    // A background loop: its reads are not statements any request caused.
    db: store.background,
    service: name,
    config: options.config,
    serviceKeys,
    locate: options.locateService,
    logger,
  });
  return {
    name,
    app,
    serviceKeys,
    chainHeads,
    tracing,
    listen: (port, host) => listen(app, port, host),
    close: async () => {
      await chainHeads.stop();
      await app.close();
      await tracing.close();
    },
  };
}
