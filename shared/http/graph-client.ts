import { Agent, request } from 'undici';
import type { RequestMeta } from '../auth/principal.js';
import { SERVICE_CALL_HEADER, signServiceCall } from './gateway-signature.js';
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

export function createGraphClient(
  gatewayUrl: string,
  options: { readonly timeoutMs?: number; readonly signingSecret?: string | undefined } = {},
): GraphClient {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const agent = new Agent({ keepAliveTimeout: 30_000, connections: 16 });
  const endpoint = new URL('/graphql', gatewayUrl).toString();
  return {
    async execute<TData>(query: string, variables: Record<string, unknown>, caller: Caller) {
      const body = JSON.stringify({ query, variables });
      let response;
      try {
        response = await request(endpoint, {
          method: 'POST',
          dispatcher: agent,
          headers: {
            'content-type': 'application/json',
            ...forwardedHeaders(caller.authorization, caller.meta),
            ...(options.signingSecret
              ? { [SERVICE_CALL_HEADER]: signServiceCall(options.signingSecret, body) }
              : {}),
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
