import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { describeOperation } from '../shared/http/tracing.js';
import type { GatewayContext } from './context.js';
import { admittedHub, callerOf } from './front-door.js';
import type { OperationMetrics } from './operation-metrics.js';

/** What Apollo learned of one operation, kept until its answer is logged. */
interface OperationFacts {
  name: string | null;
  type: string | null;
  /** Every error code of the answer, in order; null until Apollo answers (a timeout may come first). */
  codes: string[] | null;
}

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;
/** A refusal or a kept answer carries its code near the start; a large answer is not searched. */
const SEARCHED_BYTES = 64 * 1024;
const FIRST_CODE = /"code":"([A-Z][A-Z0-9_]*)"/;

/** Whether a request to `/graphql` carries an operation (not a preflight, not the explorer's page). */
function carriesOperation(request: FastifyRequest): boolean {
  if (request.routeOptions.url !== '/graphql' || request.method === 'OPTIONS') return false;
  return request.method !== 'GET' || Boolean((request.query as Record<string, unknown>)['query']);
}

/** The name the client gave, when it is a GraphQL name: anything else may be text it chose to send. */
function claimedName(request: FastifyRequest): string | null {
  const source = (request.method === 'POST' ? request.body : request.query) as Record<string, unknown> | null;
  const name = source?.['operationName'];
  return typeof name === 'string' && GRAPHQL_NAME.test(name) ? name : null;
}

function codeOf(error: { readonly extensions?: Record<string, unknown> | undefined }): string {
  const code = error.extensions?.['code'];
  return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
}

/**
 * One `info` line per GraphQL operation at the gateway, and its metrics: who asked (client and
 * institution), what (operation name and type), how it ended (`ok` or the first error's code,
 * the HTTP status) and how long it took, with the request's `traceId` when it is traced (the
 * request's logger carries it: shared/http/tracing.ts). Never the query text, its variables or any
 * data: those carry NIKs, names and phone numbers. Refusals before Apollo (the front door's) are
 * logged too.
 */
export function installOperationLog(
  app: FastifyInstance,
  metrics: OperationMetrics,
): ApolloServerPlugin<GatewayContext> {
  // Keyed by the request's meta: Apollo runs each operation on a shallow copy of the context the
  // front door admitted, whose members are the request's own objects.
  const facts = new WeakMap<GatewayContext['meta'], OperationFacts>();
  const outcomes = new WeakMap<FastifyRequest, string>();

  app.addHook('onSend', async (request, reply, payload) => {
    if (!carriesOperation(request)) return payload;
    const hub = admittedHub(request);
    const known = hub ? facts.get(hub.meta)?.codes : null;
    if (known) outcomes.set(request, known[0] ?? 'ok');
    else if (typeof payload === 'string' && payload.length <= SEARCHED_BYTES)
      outcomes.set(request, FIRST_CODE.exec(payload)?.[1] ?? (reply.statusCode < 400 ? 'ok' : 'BAD_REQUEST'));
    else outcomes.set(request, reply.statusCode < 400 ? 'ok' : 'INTERNAL_SERVER_ERROR');
    // The request's span is named as its line below is: `query WorkerNames`, and how it ended.
    describeOperation(request, () => {
      const operation = hub ? facts.get(hub.meta) : undefined;
      return {
        name: operation?.name ?? claimedName(request),
        type: operation?.type ?? null,
        outcome: outcomes.get(request) ?? 'ok',
      };
    });
    return payload;
  });

  app.addHook('onResponse', async (request, reply) => {
    if (!carriesOperation(request)) return;
    const hub = admittedHub(request);
    const known = hub ? facts.get(hub.meta) : undefined;
    const caller = callerOf(request);
    const outcome = outcomes.get(request) ?? 'ok';
    const name = known?.name ?? claimedName(request);
    const type = known?.type ?? null;
    // Apollo counted its own answer's errors; a refusal or a timeout is counted here.
    if (!known?.codes && outcome !== 'ok') metrics.errors([outcome]);
    metrics.operation(name, type, outcome, reply.elapsedTime / 1000);
    request.log.info(
      {
        operationName: name,
        operationType: type,
        clientId: caller?.clientId ?? null,
        institutionId: caller?.institutionId ?? null,
        institutionKind: caller?.institutionKind ?? null,
        outcome,
        status: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime),
      },
      'graphql operation',
    );
  });

  return {
    requestDidStart: ({ contextValue, request }) => {
      const named = request.operationName;
      const operation: OperationFacts = {
        name: named && GRAPHQL_NAME.test(named) ? named : null,
        type: null,
        codes: null,
      };
      facts.set(contextValue.meta, operation);
      return Promise.resolve({
        didResolveOperation: ({ operation: resolved, operationName }) => {
          operation.name = operationName ?? null;
          operation.type = resolved?.operation ?? null;
          return Promise.resolve();
        },
        willSendResponse: ({ response }) => {
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          operation.codes = errors.map(codeOf);
          metrics.errors(operation.codes);
          return Promise.resolve();
        },
      });
    },
  };
}
