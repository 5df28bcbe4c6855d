import type { ComponentProps } from 'react';
import type { GraphiQL } from 'graphiql';
import { GraphQLError } from 'graphql';

export type Fetcher = ComponentProps<typeof GraphiQL>['fetcher'];

type FetcherResult = Awaited<ReturnType<Fetcher>>;

function refusal(message: string, code?: string): FetcherResult {
  return { errors: [new GraphQLError(message, code ? { extensions: { code } } : {})] };
}

/**
 * GraphiQL's requests, to this gateway's `/graphql` with the explorer's token. A header set in
 * GraphiQL's own headers editor wins, so a person can try another token for one request.
 */
export function hubFetcher(token: string | null): Fetcher {
  return async (params, options) => {
    const edited = (options?.headers ?? {}) as Record<string, string>;
    const editedAuthorization = Object.keys(edited).some((name) => name.toLowerCase() === 'authorization');
    if (!token && !editedAuthorization)
      return refusal(
        'No token yet: get one with a client id and secret above, or paste one. The gateway answers nobody without a token.',
        'UNAUTHENTICATED',
      );
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(token && !editedAuthorization ? { authorization: `Bearer ${token}` } : {}),
      ...edited,
    };
    const response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify(params) });
    try {
      return (await response.json()) as FetcherResult;
    } catch {
      return refusal(`The gateway answered ${response.status} ${response.statusText} without JSON.`);
    }
  };
}
