import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { fastifyApolloDrainPlugin, fastifyApolloHandler } from '@as-integrations/fastify';
import type { GraphQLSchema } from 'graphql';
import { Attestations } from '../auth/attestation.js';
import { HEADERS, type Principal, type RequestMeta } from '../auth/principal.js';
import type { TokenVerifier } from '../auth/token-verifier.js';
import type { HubConfig, SubgraphName } from '../config.js';
import type { Store } from '../db/database.js';
import { enumCatalogueOfSchema } from '../enum-errors.js';
import { createErrorFormatter } from '../errors.js';
import { documentLimitsPlugin } from '../limits/document-limits.js';
import type { Logger } from '../logging.js';
import { installDirectLimits } from './direct-limits.js';
import type { GraphClient } from './graph-client.js';
import { isSignedByGateway, SIGNATURE_HEADER } from './gateway-signature.js';
import { installMetrics, type ServiceMetrics } from './metrics.js';
import { replayCheckOf, type ReplayCheck } from './replay-check.js';
import { requestIdHeader, requestMetaOf } from './request-meta.js';
import { createHttpService, listen, type Service } from './service.js';

/** What every subgraph knows about the request it is answering. */
export interface RequestContext {
  readonly principal: Principal;
  readonly meta: RequestMeta;
  /** The caller's own Authorization header, for narrow calls through the gateway on their behalf. */
  readonly authorization: string;
  readonly logger: Logger;
  /**
   * The request carries the gateway's signature: facts in its representations (`@requires`
   * fields) come from the owning subgraph. A direct caller's representations prove nothing.
   */
  readonly viaGateway: boolean;
  /** Facts this service vouches for, or checks another service vouched for (attestation.ts). */
  readonly attestations: Attestations;
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
}

export type SubgraphFactory = (deps: SubgraphDependencies) => Promise<Service>;

export interface SubgraphServiceOptions<TContext extends RequestContext> {
  readonly name: SubgraphName;
  readonly schema: GraphQLSchema;
  readonly store: Store;
  readonly logger: Logger;
  readonly production: boolean;
  readonly verifyToken: TokenVerifier;
  /** Builds the per-request context (loaders are created here, never shared between requests). */
  readonly createContext: (request: RequestContext) => TContext;
  /** Shared with the gateway to recognise its signed requests (see gateway-signature.ts). */
  readonly gatewaySecret?: string | undefined;
  /** Subgraph-specific Apollo plugins (the access log). */
  readonly plugins?: readonly ApolloServerPlugin<TContext>[];
  readonly bodyLimit?: number;
  /** The gateway's limits and rate limits, applied to every request the gateway did not sign. */
  readonly config: Pick<HubConfig, 'limits' | 'rateLimits'>;
}

/**
 * One subgraph as an HTTP service: Apollo Server on Fastify. Every request, `_entities` and
 * `_service` included, must carry a token the subgraph verifies itself; the network is not trusted.
 */
export async function createSubgraphService<TContext extends RequestContext>(
  options: SubgraphServiceOptions<TContext>,
): Promise<Service> {
  const { name, store, logger } = options;
  const app = createHttpService({
    name,
    logger,
    bodyLimit: options.bodyLimit ?? 2 * 1024 * 1024,
    readiness: async () => {
      await store.ping();
      return { ready: true };
    },
  });

  const metrics = installMetrics(app, name, { store });
  installDirectLimits(app, {
    limits: options.config.limits,
    rateLimits: options.config.rateLimits,
    exposeLimits: !options.production,
    verifyToken: options.verifyToken,
    gatewaySecret: options.gatewaySecret,
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

  const attestations = new Attestations(options.gatewaySecret);
  const handler = fastifyApolloHandler(apollo, {
    context: async (request) => {
      const authorization = request.headers.authorization ?? '';
      const principal = await options.verifyToken(authorization);
      const viaGateway = isSignedByGateway(
        options.gatewaySecret,
        request.body,
        request.headers[SIGNATURE_HEADER],
      );
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
        attestations,
        metrics,
        // Only the gateway's signed requests may ask for either; from anyone else they mean nothing.
        reportServed: viaGateway && request.headers[HEADERS.reportServed] === '1',
        replay: viaGateway ? replayCheckOf(request.body) : null,
      });
    },
  });
  app.route({ method: ['GET', 'POST', 'OPTIONS'], url: '/graphql', handler });

  return {
    name,
    app,
    listen: (port, host) => listen(app, port, host),
    close: async () => {
      await app.close();
    },
  };
}
