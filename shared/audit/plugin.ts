import type {
  ApolloServerPlugin,
  GraphQLRequestContext,
  GraphQLRequestExecutionListener,
  GraphQLRequestListener,
} from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Database } from '../db/database.js';
import { entityKey, SERVED_EXTENSION, type ReplayCheck } from '../http/replay-check.js';
import type { Logger } from '../logging.js';
import type { AccessedEntity, AccessRecorder } from './recorder.js';

/** The parts of a request context the access log needs. */
export interface AuditedContext {
  readonly audit: AccessRecorder;
  readonly logger: Logger;
  /** Report the entities served in the response (the gateway asked, for an idempotent answer). */
  readonly reportServed: boolean;
  /** The gateway is checking whether an earlier answer may be sent again. */
  readonly replay: ReplayCheck | null;
}

/**
 * Which GraphQL types carry worker data in this subgraph, and how to name the entity a resolved
 * value is: `(source) => { entityType, entityId, workerId, workerDistrictCode }` or null.
 */
export type AuditedTypes = Readonly<Record<string, (source: unknown) => AccessedEntity | null>>;

export interface AccessLogOptions {
  /**
   * Whether reads are written to the log; off only to measure what the log costs (writes are
   * logged either way). What a request served is still known, for idempotent retries.
   */
  readonly recordReads: boolean;
  /** Types whose one value is several entities' data (a session, once per participant), for replays. */
  readonly multiEntityTypes?: Readonly<Record<string, (source: unknown) => readonly AccessedEntity[]>>;
}

/** For a replay check (`_entities`): a REPLAY event for each entity still visible to the caller. */
function recordReplays(
  check: ReplayCheck,
  describe: (typename: string, source: unknown) => readonly AccessedEntity[],
  recorder: AccessRecorder,
  args: Record<string, unknown>,
  result: unknown,
): void {
  const representations = Array.isArray(args['representations']) ? args['representations'] : [];
  if (!Array.isArray(result)) return;
  result.forEach((source: unknown, index) => {
    const representation = representations[index] as { __typename?: unknown; id?: unknown } | undefined;
    if (source === null || source instanceof Error || !representation) return;
    const typename = String(representation.__typename);
    const fields = check.fields[entityKey(typename, String(representation.id))] ?? [];
    for (const entity of describe(typename, source)) recorder.replayed(entity, fields);
  });
}

/**
 * Records every field of worker data this subgraph resolves without error, and writes the reads
 * before the response leaves (one insert per request). If the log cannot be written, the caller
 * gets an error instead of the data: nothing personal leaves unlogged.
 */
export function accessLogPlugin<TContext extends AuditedContext>(
  db: Database,
  audited: AuditedTypes,
  options: AccessLogOptions = { recordReads: true },
): ApolloServerPlugin<TContext> {
  const describeForReplay = (typename: string, source: unknown): readonly AccessedEntity[] => {
    const several = options.multiEntityTypes?.[typename];
    if (several) return several(source);
    const one = audited[typename]?.(source);
    return one ? [one] : [];
  };
  const executionListener: GraphQLRequestExecutionListener<TContext> = {
    willResolveField({ source, info, contextValue, args }) {
      const replay = contextValue.replay;
      if (replay && info.parentType.name === 'Query' && info.fieldName === '_entities') {
        return (error, result) => {
          if (!error) recordReplays(replay, describeForReplay, contextValue.audit, args, result);
        };
      }
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
      const body = response.body;
      try {
        if (options.recordReads) await contextValue.audit.flushReads(db);
      } catch (error) {
        contextValue.logger.error({ err: error }, 'could not write the access log; withholding the response');
        if (body?.kind === 'single') {
          body.singleResult.data = null;
          body.singleResult.errors = [
            new GraphQLError('The access log could not be written, so no data is returned. Try again.', {
              extensions: { code: 'SERVICE_UNAVAILABLE' },
            }).toJSON(),
          ];
        }
        return;
      }
      if (contextValue.reportServed && body?.kind === 'single') {
        body.singleResult.extensions = {
          ...body.singleResult.extensions,
          [SERVED_EXTENSION]: contextValue.audit.servedEntities(),
        };
      }
    },
  };
  return { requestDidStart: () => Promise.resolve(requestListener) };
}
