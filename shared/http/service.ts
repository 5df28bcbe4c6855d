import { randomUUID } from 'node:crypto';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyRequest,
} from 'fastify';
import { isConnectionFailure } from '../db/database.js';
import type { Logger } from '../logging.js';
import { HEADERS } from '../auth/principal.js';
import { tracingOff, type ServiceTracing } from '../tracing.js';
import { installTracing, type IncomingTrace } from './tracing.js';

/** A running or ready-to-run HTTP service of the hub (a subgraph or the gateway). */
export interface Service {
  readonly name: string;
  readonly app: FastifyInstance;
  /** Starts listening; resolves to the base URL (`http://127.0.0.1:4001`). Port 0 picks a free port. */
  listen(port: number, host: string): Promise<string>;
  /** Stops accepting requests, drains those in flight, releases resources. */
  close(): Promise<void>;
}

export type ReadinessCheck = () => Promise<{ ready: boolean; details?: Record<string, unknown> }>;

export interface HttpServiceOptions {
  readonly name: string;
  readonly logger: Logger;
  /** Largest request body accepted, in bytes. */
  readonly bodyLimit: number;
  readonly readiness: ReadinessCheck;
  /**
   * The level of the "request completed" line: `info` in production, `debug` elsewhere so that a
   * development hub's start banner is not buried (`requestLogLevel`). Defaults to `info`.
   */
  readonly requestLogLevel?: 'info' | 'debug';
  /** Paths logged at `debug` whatever the level: another line tells of them (the gateway's operations). */
  readonly quietPaths?: readonly string[];
  /** The service's spans (shared/tracing.ts); off by default. */
  readonly tracing?: ServiceTracing;
  /** Whether a caller's `traceparent` is continued (subgraphs, the default) or only linked (the gateway). */
  readonly incomingTrace?: IncomingTrace;
}

/**
 * In production every HTTP request is one `info` line; in development and tests only the
 * gateway's per-operation lines are (`LOG_LEVEL=debug` shows the requests as well).
 */
export function requestLogLevel(production: boolean): 'info' | 'debug' {
  return production ? 'info' : 'debug';
}

/** Liveness and readiness probes come every few seconds: logged one level lower so they do not drown the rest. */
const PROBE_PATHS = ['/health', '/ready'];

/**
 * Every service makes its own id for each request it receives: a caller's `X-Request-Id` is never
 * the hub's id (it would let one client file its accesses under another's). The gateway forwards
 * its id to the subgraphs, which adopt it for a request the gateway signed (subgraph.ts).
 */
function newRequestId(): string {
  return randomUUID();
}

interface FastifyErrorLike {
  readonly statusCode?: number;
  readonly code?: string;
  readonly message?: string;
}

/** Transport-level failures (bad JSON, oversized or unsupported bodies) in the GraphQL error shape. */
function transportError(error: FastifyErrorLike): { status: number; code: string; message: string } {
  // A route that needs the database while it is unreachable (a restart, a failover): retry later.
  if (isConnectionFailure(error)) {
    return {
      status: 503,
      code: 'SERVICE_UNAVAILABLE',
      message: 'A data store of this service is unavailable right now. Try again shortly.',
    };
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, code: 'BAD_REQUEST', message: 'The request body is not valid JSON.' };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large.' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: 'Send GraphQL requests as application/json.',
      };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return {
        status: 400,
        code: 'BAD_REQUEST',
        message: 'The Content-Length header does not match the body.',
      };
    case undefined:
    default:
      break;
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500)
    return { status, code: 'BAD_REQUEST', message: 'The request is malformed.' };
  return { status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong on our side.' };
}

/**
 * The Fastify skeleton every service shares: request ids, a server span per request, body limit,
 * GraphQL-shaped transport errors (never a stack trace), liveness at `/health` and readiness at
 * `/ready`.
 */
export function createHttpService(options: HttpServiceOptions): FastifyInstance {
  // pino's Logger is a FastifyBaseLogger; naming the base type keeps the instance type plain.
  const logger: FastifyBaseLogger = options.logger;
  const app = Fastify({
    loggerInstance: logger,
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    bodyLimit: options.bodyLimit,
    genReqId: newRequestId,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });
  // First of all hooks: every later log line of the request carries its trace id.
  installTracing(app, options.tracing ?? tracingOff(options.name), options.incomingTrace ?? 'continue');

  // Closing reaps only the keep-alive connections idle at that moment; one whose request was still
  // in flight would stay open after its answer (for the 72 s keep-alive timeout) and hold up the
  // drain. Answers given while draining therefore close their connection.
  let draining = false;
  app.addHook('preClose', (done) => {
    draining = true;
    done();
  });
  app.addHook('onSend', async (request: FastifyRequest, reply) => {
    reply.header(HEADERS.requestId, request.id);
    if (draining) reply.header('connection', 'close');
  });

  // One line per answered request, in place of Fastify's request logging, which would write the
  // whole URL: a GET request's query string carries the operation and its variables (a NIK, a
  // name).
  const quietPaths = new Set([...PROBE_PATHS, ...(options.quietPaths ?? [])]);
  const level = options.requestLogLevel ?? 'info';
  app.addHook('onResponse', async (request, reply) => {
    const path = request.url.split('?', 1)[0] ?? '';
    request.log[quietPaths.has(path) ? 'debug' : level](
      { method: request.method, path, status: reply.statusCode, durationMs: Math.round(reply.elapsedTime) },
      'request completed',
    );
  });

  app.setErrorHandler((error: FastifyErrorLike, request, reply) => {
    const { status, code, message } = transportError(error);
    if (status === 503) request.log.warn({ err: error }, 'request failed: database unavailable');
    else if (status >= 500) request.log.error({ err: error }, 'request failed');
    void reply
      .status(status)
      .type('application/json')
      .send({ errors: [{ message, extensions: { code } }] });
  });

  app.setNotFoundHandler((_request, reply) => {
    void reply.status(404).send({
      errors: [
        { message: 'No such endpoint; GraphQL is served at /graphql.', extensions: { code: 'NOT_FOUND' } },
      ],
    });
  });

  app.get('/health', (_request, reply) => reply.send({ status: 'ok', service: options.name }));
  app.get('/ready', async (_request, reply) => {
    try {
      const { ready, details } = await options.readiness();
      return reply
        .status(ready ? 200 : 503)
        .send({ status: ready ? 'ready' : 'not ready', service: options.name, ...details });
    } catch {
      return reply.status(503).send({ status: 'not ready', service: options.name });
    }
  });
  return app;
}

export async function listen(app: FastifyInstance, port: number, host: string): Promise<string> {
  await app.listen({ port, host });
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return `http://${host}:${actualPort}`;
}
