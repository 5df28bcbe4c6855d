import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLRequest, GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import {
  defaultTextMapSetter,
  isSpanContextValid,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Span,
} from '@opentelemetry/api';
import {
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  ATTR_URL_FULL,
} from '@opentelemetry/semantic-conventions';
import { GraphQLError } from 'graphql';
import { Agent } from 'undici';
import { HEADERS } from '../shared/auth/principal.js';
import type { ServedEntity } from '../shared/audit/recorder.js';
import { SIGNATURE_HEADER, signGatewayRequest } from '../shared/http/gateway-signature.js';
import type { ServiceKeyRing } from '../shared/keys/service-keys.js';
import { SERVED_EXTENSION } from '../shared/http/replay-check.js';
import { forwardedHeaders } from '../shared/http/request-meta.js';
import { ATTR_GRAPHQL_OPERATION_NAME, ATTR_HUB_OUTCOME } from '../shared/http/tracing.js';
import { ATTR_HUB_SERVICE, tracingOff, type ServiceTracing } from '../shared/tracing.js';
import type { GatewayContext } from './context.js';
import { isWritingFetch, stoppedByDeadline } from './deadline.js';

/** Removes the subgraph's report of what it served (it is for the gateway alone) and returns it. */
function takeServedEntities(response: GatewayGraphQLResponse): ServedEntity[] | null {
  const extensions = response.extensions as Record<string, unknown> | undefined;
  const served = extensions?.[SERVED_EXTENSION];
  if (!extensions || served === undefined) return null;
  delete extensions[SERVED_EXTENSION];
  return Array.isArray(served) ? (served as ServedEntity[]) : null;
}

function unavailable(serviceName: string): GraphQLError {
  return new GraphQLError(`The ${serviceName} service is unavailable right now.`, {
    extensions: { code: 'SERVICE_UNAVAILABLE', serviceName },
  });
}

/** How the gateway signs its fetches: its own key, for `SIGNED_REQUEST_WINDOW_SECONDS`. */
export interface FetchSigner {
  readonly ring: ServiceKeyRing;
  readonly windowSeconds: number;
}

/** Told how long each fetch to a subgraph took, and whether a GraphQL answer came back. */
export type FetchObserver = (subgraph: string, outcome: 'ok' | 'error', seconds: number) => void;

/** The span attribute naming the subgraph a fetch went to. */
const ATTR_HUB_SUBGRAPH = 'hub.subgraph';
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/**
 * Sends query-plan fetches to one subgraph over a keep-alive undici pool, with the caller's own
 * token and request id: subgraphs trust no one and verify the token themselves. Implements the
 * data source interface directly instead of RemoteGraphQLDataSource, whose node-fetch path costs
 * the stock gateway a third of its throughput (../shared/research/federation.md, section 8).
 */
export class SubgraphDataSource implements GraphQLDataSource<GatewayContext> {
  private readonly pool: Agent;
  private readonly endpoint: URL;

  constructor(
    readonly serviceName: string,
    url: string,
    private readonly timeoutMs: number,
    /** Absent only in tests of the transport: every fetch the hub's gateway makes is signed. */
    private readonly signer: FetchSigner | undefined,
    private readonly observeFetch: FetchObserver = () => undefined,
    /** The gateway's: each fetch is a client span, child of the request's server span. */
    private readonly tracing: ServiceTracing = tracingOff('gateway'),
  ) {
    this.endpoint = new URL(url);
    this.pool = new Agent({ keepAliveTimeout: 30_000, connections: 64 });
  }

  process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    const context: Partial<GatewayContext> = options.context;
    const deadline = context.deadline;
    if (deadline?.passed) return Promise.reject(stoppedByDeadline(this.serviceName, false));
    // A mutation once sent runs to its end (its subgraph may be writing); a read stops at the deadline.
    if (!isWritingFetch('document' in options ? options.document : undefined, request.query))
      return this.send(request, context, deadline?.signal);
    deadline?.noteWriteSent();
    return this.send(request, context);
  }

  /**
   * One signed request to the subgraph for the caller in `context` (query plans and replay
   * checks); `signal` aborts it, and then it fails with `TIMEOUT`.
   */
  async send(
    request: GatewayGraphQLRequest,
    context: Partial<GatewayContext>,
    signal?: AbortSignal,
  ): Promise<GatewayGraphQLResponse> {
    const began = performance.now();
    const seconds = () => (performance.now() - began) / 1000;
    const span = this.fetchSpan(context.span, request);
    try {
      const response = await this.exchange(request, context, signal, span);
      this.observeFetch(this.serviceName, 'ok', seconds());
      span?.setAttribute(ATTR_HUB_OUTCOME, 'ok');
      return response;
    } catch (error) {
      this.observeFetch(this.serviceName, 'error', seconds());
      if (span) {
        const code = error instanceof GraphQLError ? error.extensions['code'] : undefined;
        span.setAttribute(ATTR_HUB_OUTCOME, typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR');
        span.setStatus({ code: SpanStatusCode.ERROR });
      }
      throw error;
    } finally {
      span?.end();
    }
  }

  /**
   * A client span for one fetch, child of the request's server span; none when nothing is traced
   * (tracing off, or the gateway's own probes, which belong to no request).
   */
  private fetchSpan(parent: Span | undefined, request: GatewayGraphQLRequest): Span | undefined {
    if (!parent || !isSpanContextValid(parent.spanContext())) return undefined;
    const operation = request.operationName;
    return this.tracing.tracer.startSpan(
      `fetch ${this.serviceName}`,
      {
        kind: SpanKind.CLIENT,
        attributes: {
          [ATTR_HUB_SERVICE]: this.tracing.service,
          [ATTR_HUB_SUBGRAPH]: this.serviceName,
          [ATTR_HTTP_REQUEST_METHOD]: 'POST',
          [ATTR_URL_FULL]: this.endpoint.href,
          [ATTR_SERVER_ADDRESS]: this.endpoint.hostname,
          [ATTR_SERVER_PORT]: Number(this.endpoint.port || (this.endpoint.protocol === 'https:' ? 443 : 80)),
          // Apollo names each fetch after the client's operation (`Directory__labour__0`).
          ...(operation && GRAPHQL_NAME.test(operation) ? { [ATTR_GRAPHQL_OPERATION_NAME]: operation } : {}),
        },
      },
      trace.setSpan(ROOT_CONTEXT, parent),
    );
  }

  private async exchange(
    request: GatewayGraphQLRequest,
    context: Partial<GatewayContext>,
    signal: AbortSignal | undefined,
    span: Span | undefined,
  ): Promise<GatewayGraphQLResponse> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/json',
    };
    // Query-plan fetches carry the request's context; the gateway's own probes carry none.
    const caller = context;
    if (caller.authorization !== undefined && caller.meta)
      Object.assign(headers, forwardedHeaders(caller.authorization, caller.meta));
    if (caller.served) headers[HEADERS.reportServed] = '1';
    const payload = JSON.stringify({
      query: request.query,
      variables: request.variables,
      operationName: request.operationName,
      ...(request.extensions ? { extensions: request.extensions } : {}),
    });
    // `traceparent` and `tracestate` for the subgraph's span to be this fetch's child. Not among
    // the headers the signature binds (VOUCHED_HEADERS, a fixed list), so adding them changes no
    // signature; nor need they be: a subgraph decides nothing on them, and they carry only the
    // gateway's own context (a client's is never passed on: shared/http/tracing.ts, `link`).
    if (span)
      this.tracing.propagator?.inject(trace.setSpan(ROOT_CONTEXT, span), headers, defaultTextMapSetter);
    // Signed last, over the headers and body exactly as they leave (gateway-signature.ts).
    if (this.signer) {
      headers[SIGNATURE_HEADER] = await signGatewayRequest(
        this.signer.ring,
        { audience: this.serviceName, method: 'POST', path: this.endpoint.pathname, body: payload, headers },
        this.signer.windowSeconds,
      );
    }
    let text: string;
    try {
      const response = await this.pool.request({
        origin: this.endpoint.origin,
        path: this.endpoint.pathname,
        method: 'POST',
        headers,
        body: payload,
        headersTimeout: this.timeoutMs,
        bodyTimeout: this.timeoutMs,
        ...(signal ? { signal } : {}),
      });
      span?.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, response.statusCode);
      text = await response.body.text();
    } catch {
      throw signal?.aborted ? stoppedByDeadline(this.serviceName, true) : unavailable(this.serviceName);
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw unavailable(this.serviceName);
    }
    // A subgraph's GraphQL errors (a 401 UNAUTHENTICATED included) carry their own codes: pass them on.
    if (typeof body === 'object' && body !== null && ('data' in body || 'errors' in body)) {
      const response = body as GatewayGraphQLResponse;
      const served = takeServedEntities(response);
      if (caller.served && served) caller.served.push({ service: this.serviceName, entities: served });
      return response;
    }
    throw unavailable(this.serviceName);
  }

  async close(): Promise<void> {
    await this.pool.close();
  }
}
