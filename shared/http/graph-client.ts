import { Agent, request } from 'undici';
import type { RequestMeta } from '../auth/principal.js';
import type { ServiceKeyRing } from '../keys/service-keys.js';
import { SERVICE_CALL_HEADER, signServiceCall } from './service-call.js';
import { forwardedHeaders } from './request-meta.js';

export interface GraphError {
  readonly message: string;
  readonly extensions?: { readonly code?: string; readonly [key: string]: unknown };
}

export interface GraphResult<TData> {
  readonly data: TData | null;
  readonly errors: readonly GraphError[];
}

/** The caller on whose behalf a service asks the graph something: their own token, their request id. */
export interface Caller {
  readonly authorization: string;
  readonly meta: RequestMeta;
}

/**
 * Narrow calls through the gateway, made with the caller's own identity, for rules that need
 * another institution's facts at write time. A service never reads another subgraph's tables.
 */
export interface GraphClient {
  execute<TData>(
    query: string,
    variables: Record<string, unknown>,
    caller: Caller,
  ): Promise<GraphResult<TData>>;
  /**
   * Signs the calls from now on with the service's own key (service-call.ts), given once the
   * service has opened it (createSubgraphService); until then they go unsigned.
   */
  useServiceKeys?(ring: ServiceKeyRing): void;
}

export class GraphUnavailableError extends Error {
  constructor(reason: string) {
    super(`The hub gateway could not be reached: ${reason}`);
    this.name = 'GraphUnavailableError';
  }
}

export function createGraphClient(
  gatewayUrl: string,
  options: {
    readonly timeoutMs?: number;
    /** How long the gateway accepts a signed call (`SIGNED_REQUEST_WINDOW_SECONDS`). */
    readonly windowSeconds: number;
    readonly serviceKeys?: ServiceKeyRing | undefined;
  },
): GraphClient {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const agent = new Agent({ keepAliveTimeout: 30_000, connections: 16 });
  const url = new URL('/graphql', gatewayUrl);
  const endpoint = url.toString();
  let serviceKeys = options.serviceKeys;
  return {
    useServiceKeys(ring) {
      serviceKeys = ring;
    },
    async execute<TData>(query: string, variables: Record<string, unknown>, caller: Caller) {
      const body = JSON.stringify({ query, variables });
      const signature = serviceKeys
        ? await signServiceCall(
            serviceKeys,
            { path: url.pathname, body, authorization: caller.authorization },
            options.windowSeconds,
          )
        : undefined;
      let response;
      try {
        response = await request(endpoint, {
          method: 'POST',
          dispatcher: agent,
          headers: {
            'content-type': 'application/json',
            ...forwardedHeaders(caller.authorization, caller.meta),
            ...(signature ? { [SERVICE_CALL_HEADER]: signature } : {}),
          },
          body,
          headersTimeout: timeoutMs,
          bodyTimeout: timeoutMs,
        });
      } catch (error) {
        throw new GraphUnavailableError(error instanceof Error ? error.message : String(error));
      }
      const answer = (await response.body.json().catch(() => null)) as {
        data?: TData | null;
        errors?: GraphError[];
      } | null;
      if (!answer || (answer.data === undefined && !answer.errors)) {
        throw new GraphUnavailableError(`unexpected response with status ${response.statusCode}`);
      }
      return { data: answer.data ?? null, errors: answer.errors ?? [] };
    },
  };
}
