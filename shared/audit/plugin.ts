import type {
  ApolloServerPlugin,
  GraphQLRequestContext,
  GraphQLRequestExecutionListener,
  GraphQLRequestListener,
} from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Database } from '../db/database.js';
import type { Logger } from '../logging.js';
import type { AccessedEntity, AccessRecorder } from './recorder.js';

/** The parts of a request context the access log needs. */
export interface AuditedContext {
  readonly audit: AccessRecorder;
  readonly logger: Logger;
}

/**
 * Which GraphQL types carry worker data in this subgraph, and how to name the entity a resolved
 * value is: `(source) => { entityType, entityId, workerId, workerDistrictCode }` or null.
 */
export type AuditedTypes = Readonly<Record<string, (source: unknown) => AccessedEntity | null>>;

/**
 * Records every field of worker data this subgraph resolves without error, and writes the reads
 * before the response leaves (one insert per request). If the log cannot be written, the caller
 * gets an error instead of the data: nothing personal leaves unlogged.
 */
export function accessLogPlugin<TContext extends AuditedContext>(
  db: Database,
  audited: AuditedTypes,
): ApolloServerPlugin<TContext> {
  const executionListener: GraphQLRequestExecutionListener<TContext> = {
    willResolveField({ source, info, contextValue }) {
      const describe = audited[info.parentType.name];
      if (!describe) return undefined;
      // graphql-shield returns its refusals (and, with allowExternalErrors, resolver errors) as
      // values rather than throwing them: a field that resolved to an Error was not read.
      return (error, result) => {
        if (error || result instanceof Error) return;
        const entity = describe(source);
        if (entity) contextValue.audit.read(entity, info.fieldName);
      };
    },
  };
  const requestListener: GraphQLRequestListener<TContext> = {
    executionDidStart: () => Promise.resolve(executionListener),
    async willSendResponse(requestContext: GraphQLRequestContext<TContext>) {
      const { contextValue, response } = requestContext;
      try {
        await contextValue.audit.flushReads(db);
      } catch (error) {
        contextValue.logger.error({ err: error }, 'could not write the access log; withholding the response');
        const body = response.body;
        if (body?.kind === 'single') {
          body.singleResult.data = null;
          body.singleResult.errors = [
            new GraphQLError('The access log could not be written, so no data is returned. Try again.', {
              extensions: { code: 'SERVICE_UNAVAILABLE' },
            }).toJSON(),
          ];
        }
      }
    },
  };
  return { requestDidStart: () => Promise.resolve(requestListener) };
}
