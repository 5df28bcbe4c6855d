import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { API } from '../config.js';
import { accessToken, refresh, SessionEndedError, TokenRequestError } from '../auth/tokens.js';
import { apiErrorOf, localError, type ApiError } from './errors.js';

export interface ApiResult<TData> {
  readonly data: TData | null;
  readonly errors: readonly ApiError[];
}

/** What codegen emits for each operation: its hash, never its text (replaceDocumentWithHash). */
interface PersistedMeta {
  readonly __meta__?: { readonly hash?: string; readonly operationName?: string | null };
}

/** Told when the session ends mid-use, so the app can show the sign-in page with a message. */
let onSessionEnded: () => void = () => undefined;
export function whenSessionEnds(handler: () => void): void {
  onSessionEnded = handler;
}
/** For the console's other requests (api/rest.ts): the session ended while they were sent. */
export function sessionEnded(): void {
  onSessionEnded();
}

async function send(body: string, token: string): Promise<Response> {
  return fetch(API.graphqlPath, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
  });
}

/**
 * Runs one of the console's operations. The console client is restricted to its trusted
 * documents, so the request carries only the operation's SHA-256 (`extensions.persistedQuery`).
 * An expired access token is refreshed once and the request sent again.
 */
export async function execute<TData, TVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
): Promise<ApiResult<TData>> {
  const meta = (document as PersistedMeta).__meta__;
  if (!meta?.hash) throw new Error('This document has no persisted hash; run the console build.');
  const body = JSON.stringify({
    operationName: meta.operationName ?? undefined,
    variables,
    extensions: { persistedQuery: { version: 1, sha256Hash: meta.hash } },
  });
  let response: Response;
  try {
    response = await send(body, await accessToken());
    if (response.status === 401) response = await send(body, (await refresh()).accessToken);
  } catch (error) {
    if (error instanceof SessionEndedError) {
      onSessionEnded();
      return { data: null, errors: [localError('UNAUTHENTICATED')] };
    }
    if (error instanceof TokenRequestError) return { data: null, errors: [localError('NETWORK')] };
    return { data: null, errors: [localError('NETWORK')] };
  }
  if (response.status === 401) {
    onSessionEnded();
    return { data: null, errors: [localError('UNAUTHENTICATED')] };
  }
  const retryAfter = Number(response.headers.get('retry-after') ?? Number.NaN);
  const payload = (await response.json().catch(() => null)) as {
    data?: TData | null;
    errors?: Parameters<typeof apiErrorOf>[0][];
  } | null;
  if (!payload) {
    return { data: null, errors: [localError(response.status >= 500 ? 'SERVICE_UNAVAILABLE' : 'UNKNOWN')] };
  }
  const errors = (payload.errors ?? []).map((error) =>
    apiErrorOf(error, Number.isFinite(retryAfter) ? retryAfter : undefined),
  );
  return { data: payload.data ?? null, errors };
}
