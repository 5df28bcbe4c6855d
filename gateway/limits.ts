import { ApolloArmor } from '@escape.tech/graphql-armor';
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import type { HubConfig } from '../shared/config.js';

/**
 * Request limits checked while parsing and validating, before planning (graphql-armor): tokens,
 * depth, aliases, directives and an estimated cost. Refusals are GraphQL errors
 * (GRAPHQL_PARSE_FAILED for the token limit, GRAPHQL_VALIDATION_FAILED for the others) that name
 * the limit; in production they do not say what the limit is, and field suggestions are blocked.
 */
export function requestLimits(config: HubConfig) {
  const { limits, production } = config;
  const exposeLimits = !production;
  return new ApolloArmor({
    // Checked by the front door instead (`exceedsTokenLimit`): armor's Apollo hook answers with 500.
    maxTokens: { enabled: false },
    maxDepth: { n: limits.maxDepth, exposeLimits, flattenFragments: true },
    maxAliases: { n: limits.maxAliases, exposeLimits },
    maxDirectives: { n: limits.maxDirectives, exposeLimits },
    costLimit: { maxCost: limits.maxCost, exposeLimits },
    blockFieldSuggestion: { enabled: production },
  }).protect();
}

export const TIMED_OUT = Symbol('timed out');

/** Resolves to the work's result, or to TIMED_OUT when the deadline comes first. */
export async function withDeadline<T>(work: Promise<T>, milliseconds: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), milliseconds);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * graphql-armor's token count, run by the front door before Apollo parses: a document over the
 * limit is refused with 400 and GRAPHQL_PARSE_FAILED. (armor's own Apollo hook throws while
 * Apollo parses, which Apollo answers with HTTP 500.) Returns the refusal message, or null.
 */
export function exceedsTokenLimit(query: unknown, limit: number, exposeLimits: boolean): string | null {
  if (typeof query !== 'string') return null;
  try {
    new MaxTokensParserWLexer(query, { n: limit, exposeLimits }).parseDocument();
    return null;
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    // Other syntax errors are Apollo's to report, with their location.
    return /token limit/i.test(message) ? message : null;
  }
}
