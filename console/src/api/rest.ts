import { accessToken, refresh, SessionEndedError } from '../auth/tokens.js';
import { sessionEnded } from './client.js';
import { apiErrorOf, localError, type ApiError } from './errors.js';

export interface RestResult<TData> {
  readonly data: TData | null;
  readonly status: number;
  readonly errors: readonly ApiError[];
}

interface WireError {
  readonly message?: unknown;
  readonly extensions?: Record<string, unknown>;
}

/**
 * A refusal of the gateway's own endpoints (`/console/accounts`) as the console shows every
 * refusal: by its code, and a BAD_USER_INPUT beside the field it names (`extensions.field`).
 */
export function restErrorOf(wire: WireError): ApiError {
  const error = apiErrorOf(wire);
  const field = wire.extensions?.['field'];
  return typeof field === 'string' && error.issues.length === 0
    ? { ...error, issues: [{ field, message: error.message }] }
    : error;
}

async function send(method: string, path: string, token: string, body: unknown): Promise<Response> {
  return fetch(path, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/**
 * A JSON request to one of the gateway's console endpoints with the person's bearer token, as
 * GraphQL requests are sent: an expired access token is refreshed once and the request sent again.
 */
export async function requestJson<TData>(
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<RestResult<TData>> {
  let response: Response;
  try {
    response = await send(method, path, await accessToken(), body);
    if (response.status === 401) response = await send(method, path, (await refresh()).accessToken, body);
  } catch (error) {
    if (error instanceof SessionEndedError) {
      sessionEnded();
      return { data: null, status: 401, errors: [localError('UNAUTHENTICATED')] };
    }
    return { data: null, status: 0, errors: [localError('NETWORK')] };
  }
  if (response.status === 401) {
    sessionEnded();
    return { data: null, status: 401, errors: [localError('UNAUTHENTICATED')] };
  }
  const payload = (await response.json().catch(() => null)) as { errors?: WireError[] } | null;
  if (!response.ok) {
    const errors = (payload?.errors ?? []).map(restErrorOf);
    return {
      data: null,
      status: response.status,
      errors:
        errors.length > 0 ? errors : [localError(response.status >= 500 ? 'SERVICE_UNAVAILABLE' : 'UNKNOWN')],
    };
  }
  return { data: payload as TData, status: response.status, errors: [] };
}
