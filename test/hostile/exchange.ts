import { PLACEHOLDER, type HostileRequest, type Json } from './corpus.js';

/** Codes a client may branch on; anything else (INTERNAL_SERVER_ERROR above all) fails an entry. */
export const STABLE_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'RATE_LIMITED',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'TIMEOUT',
]);

/** What must never appear in an answer: stack traces, sources, SQL, driver and runtime internals. */
export const LEAKS: readonly (readonly [string, RegExp])[] = [
  ['a stack frame', / {4}at |\bat [\w.<>]+ \(/],
  ['a source file', /\.ts:\d|\.[cm]?js:\d|file:\/\/|\/work\/|\/src\//],
  ['a dependency path', /node_modules/],
  ['SQL', /\bSELECT |\bINSERT |\bUPDATE .* SET |\bDELETE FROM |syntax error at or near|Failed query/i],
  [
    'a database message',
    /relation "|violates .* constraint|duplicate key value|invalid input syntax for|invalid byte sequence|PostgresError|pglite|drizzle|SQLSTATE/i,
  ],
  [
    'a runtime error',
    /\b(TypeError|ReferenceError|RangeError|InternalError)\b|Cannot read propert|is not a function|Maximum call stack|undefined is not/,
  ],
  ['a framework code', /FST_ERR|ZodError|ECONNREFUSED|ECONNRESET|socket hang up|EPIPE/],
];

/** The leaks in a response, ignoring patterns the request itself contained (an echoed input). */
export function leaksIn(responseText: string, requestText: string): string[] {
  return LEAKS.filter(([, pattern]) => pattern.test(responseText) && !pattern.test(requestText)).map(
    ([name]) => name,
  );
}

/** Replaces every `«name»` in every string of a value. */
export function fill<T extends Json | Readonly<Record<string, string>>>(
  value: T,
  values: Readonly<Record<string, string>>,
): T {
  const replace = (text: string) =>
    text.replace(PLACEHOLDER, (_match, name: string) => {
      const replacement = values[name];
      if (replacement === undefined) throw new Error(`the corpus names an unknown value «${name}»`);
      return replacement;
    });
  const walk = (item: Json): Json => {
    if (typeof item === 'string') return replace(item);
    if (Array.isArray(item)) return item.map(walk);
    if (item !== null && typeof item === 'object')
      return Object.fromEntries(Object.entries(item).map(([key, entry]) => [key, walk(entry)]));
    return item;
  };
  return walk(value) as T;
}

export interface Exchange {
  readonly status: number;
  readonly text: string;
  /** The parsed body when it is JSON. */
  readonly body: unknown;
  readonly requestText: string;
}

/** Sends one corpus request to the gateway, with the actor's token unless it brings its own. */
export async function send(
  baseUrl: string,
  request: HostileRequest,
  values: Readonly<Record<string, string>>,
  token: string | null,
): Promise<Exchange> {
  const headers = fill(request.headers, values);
  const hasAuthorization = Object.keys(headers).some((name) => name.toLowerCase() === 'authorization');
  const body =
    request.body === undefined || request.body instanceof Uint8Array
      ? request.body
      : typeof request.body === 'string'
        ? fill(request.body, values)
        : JSON.stringify(fill(request.body, values));
  const path = fill(request.path, values);
  const response = await fetch(`${baseUrl}${path}`, {
    method: request.method,
    headers: { ...headers, ...(token && !hasAuthorization ? { authorization: `Bearer ${token}` } : {}) },
    // Raw bytes go out as they are (TypeScript's DOM types want an ArrayBuffer-backed view).
    ...(body === undefined ? {} : { body: body as BodyInit }),
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const sentBody = body instanceof Uint8Array ? Buffer.from(body).toString('utf8') : (body ?? '');
  return {
    status: response.status,
    text,
    body: parsed,
    requestText: `${path}\n${JSON.stringify(headers)}\n${sentBody}`,
  };
}

export interface GraphQLErrorShape {
  readonly message?: unknown;
  readonly extensions?: {
    readonly code?: unknown;
    readonly field?: unknown;
    readonly issues?: readonly { readonly field?: unknown }[];
  };
}

/** The `errors` of a GraphQL-shaped body, or null when the body is not a GraphQL response. */
export function graphqlErrors(body: unknown): readonly GraphQLErrorShape[] | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  if (!('data' in body) && !('errors' in body)) return null;
  const errors = (body as { errors?: unknown }).errors;
  return Array.isArray(errors) ? (errors as GraphQLErrorShape[]) : [];
}
