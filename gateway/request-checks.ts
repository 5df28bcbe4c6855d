import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type ValidationRule } from 'graphql';

/**
 * An operation whose type the graph does not have (a subscription: the hub has none). graphql-js
 * 16 has no such rule and leaves it to execution, where @apollo/gateway's query planner throws
 * an uncoded error that would reach the client as a 500.
 */
export const KnownOperationTypesRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (!context.getSchema().getRootType(node.operation)) {
      context.reportError(
        new GraphQLError(`This graph has no ${node.operation} operations.`, { nodes: node }),
      );
    }
  },
});

/**
 * An `operationName` that picks no operation of the document (or none given for a document of
 * several) is the client's mistake: 400 OPERATION_RESOLUTION_FAILURE, as Apollo Server answers
 * without a gateway, rather than the query planner's uncoded throw (a 500).
 */
export function operationResolution<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation: ({ operation, operationName, request, document }) => {
          if (operation) return Promise.resolve();
          const named = request.operationName ?? operationName;
          const operations = document.definitions.filter(
            (definition) => definition.kind === Kind.OPERATION_DEFINITION,
          ).length;
          const message = named
            ? `Unknown operation named "${named}".`
            : operations > 1
              ? 'Must provide operation name if query contains multiple operations.'
              : 'Must provide an operation.';
          return Promise.reject(
            new GraphQLError(message, {
              extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } },
            }),
          );
        },
      }),
  };
}

const SHA256_HEX = /^[0-9a-f]{64}$/i;

/**
 * Why Apollo Server would refuse a request's `persistedQuery` extension (Automatic Persisted
 * Queries), or null. Apollo refuses an unknown version or a hash that does not match the query
 * with errors that carry no code, which the hub's error formatter cannot tell from a bug; the
 * front door answers them first with BAD_REQUEST. A GET carries its extensions as JSON text.
 */
export function persistedQueryProblem(query: unknown, extensions: unknown): string | null {
  let parsed = extensions;
  if (typeof parsed === 'string') {
    try {
      parsed = JSON.parse(parsed);
    } catch {
      return null; // Apollo answers malformed GET extensions with 400 BAD_REQUEST itself.
    }
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const persisted: unknown = (parsed as Record<string, unknown>)['persistedQuery'];
  if (!persisted) return null;
  const { version, sha256Hash } = (typeof persisted === 'object' ? persisted : {}) as Record<string, unknown>;
  if (version !== 1) return 'Only version 1 of extensions.persistedQuery is supported.';
  if (typeof sha256Hash !== 'string' || !SHA256_HEX.test(sha256Hash)) {
    return 'extensions.persistedQuery.sha256Hash must be a SHA-256 hash in hexadecimal.';
  }
  if (typeof query === 'string' && createHash('sha256').update(query).digest('hex') !== sha256Hash) {
    return 'extensions.persistedQuery.sha256Hash does not match the query.';
  }
  return null;
}
