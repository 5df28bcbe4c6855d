import { Agent, request } from 'undici';
import type { RequestMeta } from '../auth/principal.js';
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
}

export class GraphUnavailableError extends Error {
  constructor(reason: string) {
    super(`The hub gateway could not be reached: ${reason}`);
    this.name = 'GraphUnavailableError';
  }
}

export function createGraphClient(gatewayUrl: string, timeoutMs = 10_000): GraphClient {
  const agent = new Agent({ keepAliveTimeout: 30_000, connections: 16 });
  const endpoint = new URL('/graphql', gatewayUrl).toString();
  return {
    async execute<TData>(query: string, variables: Record<string, unknown>, caller: Caller) {
      let response;
      try {
        response = await request(endpoint, {
          method: 'POST',
          dispatcher: agent,
          headers: {
            'content-type': 'application/json',
            ...forwardedHeaders(caller.authorization, caller.meta),
          },
          body: JSON.stringify({ query, variables }),
          headersTimeout: timeoutMs,
          bodyTimeout: timeoutMs,
        });
      } catch (error) {
        throw new GraphUnavailableError(error instanceof Error ? error.message : String(error));
      }
      const body = (await response.body.json().catch(() => null)) as {
        data?: TData | null;
        errors?: GraphError[];
      } | null;
      if (!body || (body.data === undefined && !body.errors)) {
        throw new GraphUnavailableError(`unexpected response with status ${response.statusCode}`);
      }
      return { data: body.data ?? null, errors: body.errors ?? [] };
    },
  };
}
