import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Store } from '../db/database.js';

/** What a service counts besides its HTTP routes, for the code that does the counted thing. */
export interface ServiceMetrics {
  /** Access events written to this service's log, by action (READ, WRITE, LOOKUP, REFUSED, REPLAY). */
  accessEventsWritten(action: string, count: number): void;
  /** A search by a protected key (the NIK), and whether it found anyone. */
  keyLookup(key: 'nik', outcome: 'hit' | 'miss'): void;
}

/** For code run outside a service (scripts, unit tests): counts nothing. */
export const UNCOUNTED: ServiceMetrics = { accessEventsWritten: () => undefined, keyLookup: () => undefined };

/** Where a service's metrics come from besides its HTTP routes. */
export interface MetricsSources {
  /** The service's own store: every SQL statement it issues is counted (`hub_db_statements_total`). */
  readonly store?: Store;
}

/** A service's counters, and its registry for the metrics only one service keeps (the gateway's). */
export interface InstalledMetrics extends ServiceMetrics {
  readonly registry: Registry;
}

/** Latency buckets in seconds, shared by every latency histogram of the hub so they compare. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** SQL statements are mostly well under a millisecond on PGlite; the lower buckets tell them apart. */
const STATEMENT_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5];

/** Statement counts and timings, connections in use and the pool's size, for one store. */
function installStoreMetrics(registry: Registry, store: Store): void {
  // Statements per request is how batching is checked under load: it must not grow with the
  // number of entities a request returns.
  const statements = new Counter({
    name: 'hub_db_statements_total',
    help: 'SQL statements this service issued to its database.',
    registers: [registry],
  });
  store.observeStatements(() => statements.inc());
  const timings = new Histogram({
    name: 'hub_db_statement_duration_seconds',
    help: 'Time from sending a SQL statement to its result, by outcome (ok or error).',
    labelNames: ['outcome'] as const,
    buckets: STATEMENT_BUCKETS,
    registers: [registry],
  });
  // The postgres driver does not publish its pool's state; statements in flight are the
  // connections busy (each runs on one), and a value stuck at the pool's size means requests queue.
  const inFlight = new Gauge({
    name: 'hub_db_statements_in_flight',
    help: 'SQL statements sent and not yet answered: connections of the pool in use.',
    registers: [registry],
  });
  store.observeStatementTimes({
    started: () => inFlight.inc(),
    finished: (seconds, failed) => {
      inFlight.dec();
      timings.observe({ outcome: failed ? 'error' : 'ok' }, seconds);
    },
  });
  new Gauge({
    name: 'hub_db_pool_size',
    help: 'Connections the database pool may open at once (1 for the embedded database).',
    labelNames: ['kind'] as const,
    registers: [registry],
  }).set({ kind: store.kind }, store.poolSize);
}

/**
 * Operational monitoring without payloads (X-Road style): counts and latencies per route and
 * outcome, and SQL statements issued, served at `/metrics` by every service of the hub.
 */
export function installMetrics(
  app: FastifyInstance,
  service: string,
  sources: MetricsSources = {},
): InstalledMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'hub_http_requests_total',
    help: 'HTTP requests served, by route and status code.',
    labelNames: ['route', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'hub_http_request_duration_seconds',
    help: 'HTTP request latency, by route.',
    labelNames: ['route'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  if (sources.store) installStoreMetrics(registry, sources.store);
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    requests.inc({ route, status: String(reply.statusCode) });
    duration.observe({ route }, reply.elapsedTime / 1000);
  });
  app.get('/metrics', async (_request, reply) =>
    reply.type(registry.contentType).send(await registry.metrics()),
  );
  const accessEvents = new Counter({
    name: 'hub_access_events_total',
    help: "Access events written to this service's log, by action.",
    labelNames: ['action'] as const,
    registers: [registry],
  });
  const lookups = new Counter({
    name: 'hub_key_lookups_total',
    help: 'Searches by a protected key (the NIK), by whether they found anyone.',
    labelNames: ['key', 'outcome'] as const,
    registers: [registry],
  });
  return {
    registry,
    accessEventsWritten: (action, count) => accessEvents.inc({ action }, count),
    keyLookup: (key, outcome) => lookups.inc({ key, outcome }),
  };
}
