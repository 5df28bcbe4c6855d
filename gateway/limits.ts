import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLFormattedError, ParseOptions, ValidationRule } from 'graphql';
import type { HubConfig } from '../shared/config.js';
import { documentLimitsPlugin, tokenLimit } from '../shared/limits/document-limits.js';
import type { GatewayContext } from './context.js';

/**
 * Request limits: the token count, by the one parse Apollo makes of a document it has not seen
 * (`parseOptions`, with `formatError` wording its refusal); then, once the operation and its
 * variables are known and before planning, depth, aliases, directives, fields and an estimated
 * cost (shared/limits/document-limits.ts, the same rules every subgraph applies to requests the
 * gateway did not sign). In production refusals do not say what the limit is, and graphql-armor
 * blocks field suggestions ("did you mean").
 */
export function requestLimits(
  config: HubConfig,
  onRefusal?: () => void,
): {
  readonly parseOptions: ParseOptions;
  readonly validationRules: readonly ValidationRule[];
  readonly plugins: readonly ApolloServerPlugin<GatewayContext>[];
  readonly formatError: (
    format: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError,
  ) => (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
} {
  const { limits, production } = config;
  const tokens = tokenLimit<GatewayContext>({
    limit: limits.maxTokens,
    exposeLimits: !production,
    ...(onRefusal ? { onRefusal } : {}),
  });
  const armor = new ApolloArmor({
    maxTokens: { enabled: false },
    maxDepth: { enabled: false },
    maxAliases: { enabled: false },
    maxDirectives: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: production },
  }).protect();
  return {
    parseOptions: tokens.parseOptions,
    formatError: tokens.formatError,
    validationRules: armor.validationRules,
    plugins: [
      tokens.plugin,
      // graphql-armor is typed against @apollo/server's CommonJS build; the plugin is a plain hook.
      ...(armor.plugins as unknown as ApolloServerPlugin<GatewayContext>[]),
      documentLimitsPlugin<GatewayContext>({
        limits,
        exposeLimits: !production,
        ...(onRefusal ? { onRefusal } : {}),
      }),
    ],
  };
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
