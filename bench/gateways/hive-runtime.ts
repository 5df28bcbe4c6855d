import { createServer } from 'node:http';
import { createGatewayRuntime, type GatewayPlugin, type GatewayRuntime } from '@graphql-hive/gateway';
// A dependency of Hive Gateway's own (not of the hub): the step both of its planners run first.
import { getStitchedSchemaFromSupergraphSdl } from '@graphql-tools/federation';
import type { RunningPeerGateway } from './apollo-stock-gateway.js';

export type HivePlanner = 'js' | 'rust';

export interface HiveGatewayOptions {
  /** A Federation 2 supergraph whose `@join__graph(url:)` already point at the subgraphs. */
  readonly supergraphSdl: string;
  readonly planner: HivePlanner;
}

function headerRecord(headers: unknown): Record<string, string> {
  if (headers instanceof Headers) return Object.fromEntries(headers.entries());
  return { ...(headers as Record<string, string> | undefined) };
}

/**
 * What the hub's subgraphs need from any router, done at the last moment before each subgraph
 * request leaves: the caller's token and request id. A peer router cannot hold the gateway's key,
 * so its requests are unsigned and the subgraphs treat them as direct ones (README "Peer router
 * mode"): their limits apply and `@requires` facts count for nothing.
 */
function forwardCaller(): GatewayPlugin {
  return {
    onFetch(fetch) {
      const { options, context } = fetch;
      const incoming = 'request' in context ? context.request.headers : undefined;
      const headers = headerRecord(options.headers);
      const authorization = incoming?.get('authorization');
      const requestId = incoming?.get('x-request-id');
      if (authorization) headers['authorization'] = authorization;
      if (requestId) headers['x-request-id'] = requestId;
      fetch.setOptions({ ...options, headers });
    },
  };
}

/**
 * Why Hive Gateway cannot serve this supergraph, or undefined when it can. Both planners first
 * turn the supergraph into stitched subschemas (the Rust one lazily, on the first request, so a
 * refusal would otherwise show only as an "Unexpected error" per request). Hive Gateway 2.15.1
 * refuses a @shareable value type returned by `@requires` fields of several subgraphs
 * (@graphql-tools/stitch marks it canonical in each isolated subschema); the hub's supergraph
 * therefore gives each service's access events a type of its own.
 */
export function hiveRefusal(supergraphSdl: string): string | undefined {
  try {
    getStitchedSchemaFromSupergraphSdl({ supergraphSdl });
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Hive Gateway on the given supergraph with everything a fair comparison must not measure turned
 * off: no logging, GraphiQL, landing page, usage reporting, request ids or in-flight
 * de-duplication (inbound is off by default; outbound, in the HTTP transport, is on by default).
 * `rust` swaps the JavaScript query planner for Hive Router's, a native addon.
 */
export async function createHiveGateway(options: HiveGatewayOptions): Promise<GatewayRuntime> {
  const refusal = hiveRefusal(options.supergraphSdl);
  if (refusal) throw new Error(`Hive Gateway cannot serve this supergraph: ${refusal}`);
  const unifiedGraphHandler =
    options.planner === 'rust'
      ? (await import('@graphql-hive/router-runtime')).unifiedGraphHandler
      : undefined;
  const gateway = createGatewayRuntime({
    supergraph: options.supergraphSdl,
    ...(unifiedGraphHandler ? { unifiedGraphHandler } : {}),
    transportEntries: { '*': { options: { deduplicateInflightRequests: false } } },
    inboundInflightRequestDeduplication: false,
    logging: false,
    graphiql: false,
    landingPage: false,
    requestId: false,
    plugins: () => [forwardCaller()],
  });
  await gateway.getSchema();
  return gateway;
}

/** Hive Gateway served by Node's own HTTP server on 127.0.0.1 (`port` 0 for any free port). */
export async function startHiveGateway(
  options: HiveGatewayOptions & { readonly port: number },
): Promise<RunningPeerGateway> {
  const gateway = await createHiveGateway(options);
  const server = createServer((request, response) => {
    void gateway(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    stop: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
      await gateway.dispose();
    },
  };
}
