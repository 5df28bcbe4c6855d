/** One refusal or failure as the console shows it: a stable code, never the raw text alone. */
export interface ApiError {
  readonly code: string;
  /** The API's own message (English); shown only beside a field, for BAD_USER_INPUT. */
  readonly message: string;
  /** Where in the answer the error belongs (`['worker', 'documents']`). */
  readonly path: readonly (string | number)[];
  /** BAD_USER_INPUT: each offending argument (`filter.regionCode`) with its message. */
  readonly issues: readonly { readonly field: string; readonly message: string }[];
  /** SERVICE_UNAVAILABLE: the hub service that did not answer. */
  readonly serviceName?: string;
  /** RATE_LIMITED: seconds until the next request would be allowed. */
  readonly retryAfter?: number;
}

/** Codes with a message of their own in the catalogues (`errors.<CODE>`); any other is UNKNOWN. */
export const KNOWN_ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'TIMEOUT',
  'NETWORK',
  'INTERNAL_SERVER_ERROR',
  'UNKNOWN',
] as const;

export type KnownErrorCode = (typeof KNOWN_ERROR_CODES)[number];

export function messageKey(code: string): `errors.${KnownErrorCode}` {
  const known = (KNOWN_ERROR_CODES as readonly string[]).includes(code)
    ? (code as KnownErrorCode)
    : 'UNKNOWN';
  return `errors.${known}`;
}

interface WireError {
  readonly message?: unknown;
  readonly path?: unknown;
  readonly extensions?: Record<string, unknown>;
}

export function apiErrorOf(wire: WireError, retryAfter?: number): ApiError {
  const extensions = wire.extensions ?? {};
  const code = typeof extensions['code'] === 'string' ? extensions['code'] : 'UNKNOWN';
  const issues = Array.isArray(extensions['issues'])
    ? (extensions['issues'] as { field?: unknown; message?: unknown }[]).flatMap((issue) =>
        typeof issue.field === 'string' && typeof issue.message === 'string'
          ? [{ field: issue.field, message: issue.message }]
          : [],
      )
    : [];
  return {
    code,
    message: typeof wire.message === 'string' ? wire.message : '',
    path: Array.isArray(wire.path) ? (wire.path as (string | number)[]) : [],
    issues,
    ...(typeof extensions['serviceName'] === 'string' ? { serviceName: extensions['serviceName'] } : {}),
    ...(retryAfter !== undefined ? { retryAfter } : {}),
  };
}

export function localError(code: KnownErrorCode): ApiError {
  return { code, message: '', path: [], issues: [] };
}

/** The errors that concern one part of the answer (a field and everything under it). */
export function errorsAt(errors: readonly ApiError[], path: readonly (string | number)[]): ApiError[] {
  return errors.filter((error) => path.every((segment, index) => error.path[index] === segment));
}

/** The message the API gave for one argument of a BAD_USER_INPUT refusal, if any. */
export function issueFor(errors: readonly ApiError[], field: string): string | undefined {
  for (const error of errors) {
    const issue = error.issues.find((item) => item.field === field || item.field.endsWith(`.${field}`));
    if (issue) return issue.message;
  }
  return undefined;
}
