import {
  defaultTextMapGetter,
  isSpanContextValid,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Span,
  type SpanOptions,
} from '@opentelemetry/api';
import {
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
} from '@opentelemetry/semantic-conventions';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ATTR_HUB_SERVICE, type ServiceTracing } from '../tracing.js';

// The GraphQL attributes are still "incubating" in the semantic conventions, whose authors advise
// copying them rather than importing the incubating entry point (it may change in a minor release).
export const ATTR_GRAPHQL_OPERATION_NAME = 'graphql.operation.name';
export const ATTR_GRAPHQL_OPERATION_TYPE = 'graphql.operation.type';
export const ATTR_HUB_REQUEST_ID = 'hub.request_id';
export const ATTR_HUB_OUTCOME = 'hub.outcome';

/** What a GraphQL request's span is named after; never its text or variables (NIKs, names). */
export interface OperationDescription {
  readonly name: string | null;
  readonly type: string | null;
  /** `ok`, or the first error's stable code (the gateway's operation log knows it). */
  readonly outcome?: string;
}

interface Traced {
  hubSpan?: Span | null;
  hubOperation?: OperationDescription | null;
}

/** How a service treats a caller's `traceparent`. */
export type IncomingTrace =
  /** A subgraph: its span is a child of the caller's (the gateway's fetch, a peer router's). */
  | 'continue'
  /**
   * The gateway, the hub's front door: every request starts a trace of the hub's own and the
   * client's context, if any, is only a link. A client cannot put the hub's spans into a trace it
   * chose (another client's, say), nor have its sampling flag or `tracestate` passed on to the
   * subgraphs: what reaches them is the gateway's context alone. The link keeps a client's own
   * trace findable from the hub's.
   */
  | 'link';

/** Probes and scrapes come every few seconds and tell nothing: no spans for them. */
const UNTRACED_ROUTES = new Set(['/health', '/ready', '/metrics']);
const CHILD_SPAN: SpanOptions = { kind: SpanKind.SERVER };
const ROOT_SPAN: SpanOptions = { kind: SpanKind.SERVER, root: true };

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;
const OPERATION_TYPE = /^\s*(query|mutation|subscription)\b/;

/**
 * A server span for every request a service answers, started as it arrives and ended with its
 * answer: route, method, status, the GraphQL operation's name and type, the service and the
 * hub's request id. Never a header, a query string, variables or any other payload. The trace id
 * joins the request's log lines (`traceId`, `spanId`). With tracing off the tracer is the API's
 * no-op one: one non-recording span per request, no headers read, no attributes built.
 */
export function installTracing(app: FastifyInstance, tracing: ServiceTracing, incoming: IncomingTrace): void {
  const { tracer, propagator, service } = tracing;
  // Declared up front, as Fastify advises, so that requests keep one shape.
  app.decorateRequest('hubSpan', null);
  app.decorateRequest('hubOperation', null);
  app.addHook('onRequest', async (request: FastifyRequest & Traced, reply) => {
    const route = request.routeOptions.url;
    if (route !== undefined && UNTRACED_ROUTES.has(route)) return;
    const name = route ?? 'unmatched';
    let span: Span;
    if (!propagator) span = tracer.startSpan(name, CHILD_SPAN, ROOT_CONTEXT);
    else {
      const remote = propagator.extract(ROOT_CONTEXT, request.headers, defaultTextMapGetter);
      if (incoming === 'continue') span = tracer.startSpan(name, CHILD_SPAN, remote);
      else {
        const client = trace.getSpanContext(remote);
        const options =
          client && isSpanContextValid(client) ? { ...ROOT_SPAN, links: [{ context: client }] } : ROOT_SPAN;
        span = tracer.startSpan(name, options, ROOT_CONTEXT);
      }
    }
    request.hubSpan = span;
    if (span.isRecording()) {
      const { traceId, spanId } = span.spanContext();
      request.log = request.log.child({ traceId, spanId });
      reply.log = request.log;
    }
  });
  app.addHook('onResponse', async (request: FastifyRequest & Traced, reply) => {
    const span = request.hubSpan;
    if (!span?.isRecording()) return;
    const route = request.routeOptions.url;
    const operation = request.hubOperation;
    span.setAttributes({
      [ATTR_HUB_SERVICE]: service,
      [ATTR_HUB_REQUEST_ID]: request.id,
      [ATTR_HTTP_REQUEST_METHOD]: request.method,
      [ATTR_HTTP_RESPONSE_STATUS_CODE]: reply.statusCode,
      ...(route !== undefined ? { [ATTR_HTTP_ROUTE]: route } : {}),
      ...(operation?.name ? { [ATTR_GRAPHQL_OPERATION_NAME]: operation.name } : {}),
      ...(operation?.type ? { [ATTR_GRAPHQL_OPERATION_TYPE]: operation.type } : {}),
      ...(operation?.outcome ? { [ATTR_HUB_OUTCOME]: operation.outcome } : {}),
    });
    span.updateName(operation ? operationSpanName(operation) : `${request.method} ${route ?? 'unmatched'}`);
    // A server's 4xx is the caller's mistake, not the service's (semantic conventions for HTTP).
    if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
}

/** `query WorkerNames`, as the semantic conventions name a GraphQL operation's span. */
function operationSpanName(operation: OperationDescription): string {
  const type = operation.type ?? 'graphql';
  return operation.name ? `${type} ${operation.name}` : type;
}

/** The request's server span (undefined for a probe, or before `onRequest`). */
export function requestSpan(request: FastifyRequest): Span | undefined {
  return (request as FastifyRequest & Traced).hubSpan ?? undefined;
}

/** Names the request's span after its GraphQL operation; nothing when nothing is recorded. */
export function describeOperation(request: FastifyRequest, operation: () => OperationDescription): void {
  const traced = request as FastifyRequest & Traced;
  if (traced.hubSpan?.isRecording()) traced.hubOperation = operation();
}

/**
 * The operation a request says it is: its `operationName` when that is a GraphQL name (any other
 * text may be a person's name a client put there), and the type its document starts with.
 */
export function claimedOperation(request: FastifyRequest): OperationDescription {
  const source = (request.method === 'POST' ? request.body : request.query) as Record<string, unknown> | null;
  const name = source?.['operationName'];
  const query = source?.['query'];
  const type =
    typeof query === 'string'
      ? (OPERATION_TYPE.exec(query)?.[1] ?? (/^\s*\{/.test(query) ? 'query' : null))
      : null;
  return { name: typeof name === 'string' && GRAPHQL_NAME.test(name) ? name : null, type };
}
