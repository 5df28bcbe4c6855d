import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { isConnectionFailure } from './db/database.js';
import { explainEnumValues, type EnumCatalogue } from './enum-errors.js';
import type { Logger } from './logging.js';

/** Stable `extensions.code` values that clients may branch on. */
export type HubErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE';

abstract class HubError extends GraphQLError {
  constructor(message: string, code: HubErrorCode, status: number, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code, http: { status } } });
  }
}

export class UnauthenticatedError extends HubError {
  constructor(message = 'A valid access token is required.') {
    super(message, 'UNAUTHENTICATED', 401);
  }
}

export class ForbiddenError extends HubError {
  constructor(
    message = 'Your institution is not allowed to do this.',
    extensions: Record<string, unknown> = {},
  ) {
    super(message, 'FORBIDDEN', 200, extensions);
  }
}

/**
 * Also used for records the caller may not see: a hidden record and a missing one must be
 * indistinguishable, so both get exactly this error.
 */
export class NotFoundError extends HubError {
  constructor(entity: string) {
    super(`${entity} not found.`, 'NOT_FOUND', 200, { entity });
  }
}

export interface InputIssue {
  /** Dotted path of the offending argument, e.g. `input.nik`. */
  readonly field: string;
  readonly message: string;
}

export class BadUserInputError extends HubError {
  constructor(readonly issues: readonly [InputIssue, ...InputIssue[]]) {
    const [first] = issues;
    super(`Invalid ${first.field}: ${first.message}`, 'BAD_USER_INPUT', 200, {
      field: first.field,
      issues: issues.map(({ field, message }) => ({ field, message })),
    });
  }

  static of(field: string, message: string): BadUserInputError {
    return new BadUserInputError([{ field, message }]);
  }
}

export class ConflictError extends HubError {
  constructor(message: string) {
    super(message, 'CONFLICT', 200);
  }
}

/** Codes produced by GraphQL itself or by Apollo Server that are safe and useful to pass through. */
const PASS_THROUGH_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  // The gateway's deadline stopped a fetch (gateway/deadline.ts): the parts it would have served are null.
  'TIMEOUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  'INTROSPECTION_DISABLED',
]);

/**
 * Apollo Server `formatError`: known errors go out as they are (minus any stack trace, and with the
 * valid values named when an enum value is unknown, see enum-errors.ts); anything
 * else is an internal failure, logged with the request id and replaced by a generic message so
 * that no SQL, stack or internal detail reaches a client.
 */
export function createErrorFormatter(logger: Logger, enums: EnumCatalogue = new Map()) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code =
      typeof formatted.extensions?.['code'] === 'string' ? formatted.extensions['code'] : undefined;
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    const isKnown =
      code !== undefined &&
      PASS_THROUGH_CODES.has(code) &&
      (original instanceof GraphQLError || !(original instanceof Error) || code !== 'INTERNAL_SERVER_ERROR');
    if (isKnown) {
      const { stacktrace: _stacktrace, exception: _exception, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, message: explainEnumValues(formatted.message, enums), extensions };
    }
    // A lost database connection is an outage, not a bug: a stable code the caller can retry on,
    // and no driver message (host, port, SQL) in the answer.
    if (isConnectionFailure(original)) {
      logger.warn({ err: original, path: formatted.path }, 'database unavailable while resolving a request');
      return {
        message: 'The data store of this service is unavailable right now. Try again shortly.',
        ...(formatted.path ? { path: formatted.path } : {}),
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error while resolving a request');
    return {
      message: 'Something went wrong on our side. The error has been logged.',
      ...(formatted.path ? { path: formatted.path } : {}),
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
