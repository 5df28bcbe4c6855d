import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  GraphQLError,
  parse,
  validate,
  type GraphQLFormattedError,
  type ParseOptions,
  type ValidationContext,
} from 'graphql';
import type { HubConfig } from '../config.js';
import { estimateCost, type CostInput } from './cost.js';

/** The limits on a parsed operation; the token count is part of parsing (`tokenLimit`). */
export type DocumentLimits = Pick<
  HubConfig['limits'],
  'maxDepth' | 'maxAliases' | 'maxDirectives' | 'maxFields' | 'maxCost'
>;

const count = (value: number) => value.toLocaleString('en-US');

/** A refusal in words for people; in production (`exposeLimits` false) without the numbers. */
function refusal(exposeLimits: boolean, exposed: string, hidden: string): GraphQLError {
  return new GraphQLError(exposeLimits ? exposed : hidden, {
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
  });
}

/** The refusal of a document over the token limit, in words for people. */
function tokenRefusalMessage(limit: number, exposeLimits: boolean): string {
  return exposeLimits
    ? `This document has more than ${count(limit)} tokens; at most ${count(limit)} are allowed.`
    : 'This document is too long.';
}

/** graphql-js's own refusal when parsing stops at `maxLexicalTokens` (16.x spells it "more that"). */
const GRAPHQL_TOKEN_LIMIT =
  /^Syntax Error: Document contains more th(?:an|at) (\d+) tokens\. Parsing aborted\.$/;

/** Whether a parse stopped at this token limit (and not at a syntax error of the document). */
export function isTokenLimitError(error: unknown, limit: number): boolean {
  return error instanceof GraphQLError && GRAPHQL_TOKEN_LIMIT.exec(error.message)?.[1] === String(limit);
}

/**
 * The token count of a document as a check of its own, for a port that applies it to some
 * requests only (a subgraph, to those the gateway did not sign): the refusal message (for HTTP
 * 400 with GRAPHQL_PARSE_FAILED), or null. graphql-js counts while it parses and stops at the
 * limit; a document that fails to parse for another reason is the GraphQL server's to report,
 * with its location.
 */
export function tokenLimitRefusal(query: unknown, limit: number, exposeLimits: boolean): string | null {
  if (typeof query !== 'string') return null;
  try {
    parse(query, { maxLexicalTokens: limit });
    return null;
  } catch (error) {
    return isTokenLimitError(error, limit) ? tokenRefusalMessage(limit, exposeLimits) : null;
  }
}

/**
 * The token count where every request is held to it (the gateway): counted by the one parse
 * Apollo Server makes (`parseOptions`), so that no document is lexed twice and a document Apollo
 * already holds parsed and validated costs nothing. The parse stops at the limit; `formatError`
 * words that refusal as the hub does everywhere (HTTP 400, GRAPHQL_PARSE_FAILED, no "Syntax
 * Error"), and the plugin tells `onRefusal`.
 */
export function tokenLimit<TContext extends object>(options: {
  readonly limit: number;
  readonly exposeLimits: boolean;
  readonly onRefusal?: () => void;
}): {
  readonly parseOptions: ParseOptions;
  readonly plugin: ApolloServerPlugin<TContext>;
  readonly formatError: (
    format: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError,
  ) => (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
} {
  const { limit, exposeLimits, onRefusal } = options;
  const stoppedAtLimit = (error: unknown) =>
    isTokenLimitError(error instanceof GraphQLError ? (error.originalError ?? error) : error, limit);
  return {
    parseOptions: { maxLexicalTokens: limit },
    plugin: {
      requestDidStart: () =>
        Promise.resolve({
          parsingDidStart: () =>
            Promise.resolve((error?: Error) => {
              if (error && stoppedAtLimit(error)) onRefusal?.();
              return Promise.resolve();
            }),
        }),
    },
    formatError: (format) => (formatted, error) =>
      stoppedAtLimit(error)
        ? { message: tokenRefusalMessage(limit, exposeLimits), extensions: { code: 'GRAPHQL_PARSE_FAILED' } }
        : format(formatted, error),
  };
}

interface Shape {
  depth: number;
  aliases: number;
  directives: number;
}

/**
 * Depth, aliases and directives as graphql-armor counts them (fragments followed, `__typename`
 * aliases free). Its rules are given no limit and report what they counted: the hub compares and
 * words the refusal itself, since armor's own refusals all begin "Syntax Error:".
 */
function shapeOf(input: CostInput): Shape {
  const shape: Shape = { depth: 0, aliases: 0, directives: 0 };
  const record =
    (key: keyof Shape) =>
    (_context: ValidationContext | null, details: { n: number }): void => {
      shape[key] = Math.max(shape[key], details.n);
    };
  const unlimited = { n: Number.POSITIVE_INFINITY, propagateOnRejection: false };
  validate(input.schema, input.document, [
    maxDepthRule({ ...unlimited, flattenFragments: true, onAccept: [record('depth')] }),
    maxAliasesRule({ ...unlimited, onAccept: [record('aliases')] }),
    maxDirectivesRule({ ...unlimited, onAccept: [record('directives')] }),
  ]);
  return shape;
}

/**
 * Every limit on a parsed and validated operation with its variables, in one place for the
 * gateway and the subgraphs: depth, aliases, directives, the number of fields and the estimated
 * cost (cost.ts). The first limit exceeded, as a GraphQL error for HTTP 400, or null.
 */
export function documentLimitRefusal(
  input: CostInput,
  limits: DocumentLimits,
  exposeLimits: boolean,
): GraphQLError | null {
  const shape = shapeOf(input);
  if (shape.depth > limits.maxDepth) {
    return refusal(
      exposeLimits,
      `This request nests fields ${count(shape.depth)} levels deep; at most ${count(limits.maxDepth)} are allowed.`,
      'This request nests fields too deeply.',
    );
  }
  if (shape.aliases > limits.maxAliases) {
    return refusal(
      exposeLimits,
      `This request has ${count(shape.aliases)} aliases; at most ${count(limits.maxAliases)} are allowed.`,
      'This request has too many aliases.',
    );
  }
  if (shape.directives > limits.maxDirectives) {
    return refusal(
      exposeLimits,
      `This request has ${count(shape.directives)} directives; at most ${count(limits.maxDirectives)} are allowed.`,
      'This request has too many directives.',
    );
  }
  const estimate = estimateCost(input, limits.maxFields);
  switch (estimate.kind) {
    case 'not estimated':
      return null;
    case 'too many fields':
      return refusal(
        exposeLimits,
        `This request selects more than ${count(limits.maxFields)} fields (a fragment counts wherever it is spread); at most ${count(limits.maxFields)} are allowed.`,
        'This request selects too many fields.',
      );
    case 'estimated':
      if (estimate.cost <= limits.maxCost) return null;
      return refusal(
        exposeLimits,
        `The estimated cost of this request is ${count(estimate.cost)} (about one per object it could return); at most ${count(limits.maxCost)} is allowed. Ask for smaller pages or fewer nested lists.`,
        'The estimated cost of this request is too high. Ask for smaller pages or fewer nested lists.',
      );
  }
}

/**
 * The document limits as an Apollo Server plugin, checked once the operation and its variables
 * are known and before anything is planned or executed. `appliesTo` exempts requests another
 * hub service has already checked (a subgraph exempts the gateway's signed fetches).
 */
export function documentLimitsPlugin<TContext extends object>(options: {
  readonly limits: DocumentLimits;
  readonly exposeLimits: boolean;
  readonly appliesTo?: (context: TContext) => boolean;
  /** Told of each refusal (the gateway counts them by reason, `limits`). */
  readonly onRefusal?: () => void;
}): ApolloServerPlugin<TContext> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation: ({ contextValue, schema, document, operation, request }) => {
          // No operation chosen: refused as OPERATION_RESOLUTION_FAILURE elsewhere.
          if (!operation || (options.appliesTo && !options.appliesTo(contextValue))) return Promise.resolve();
          const input: CostInput = {
            schema,
            document,
            operationName: operation.name?.value,
            variables: request.variables,
          };
          const refused = documentLimitRefusal(input, options.limits, options.exposeLimits);
          if (!refused) return Promise.resolve();
          options.onRefusal?.();
          return Promise.reject(refused);
        },
      }),
  };
}
