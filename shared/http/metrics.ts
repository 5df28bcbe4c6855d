import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
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

/**
 * Operational monitoring without payloads (X-Road style): counts and latencies per route and
 * outcome, and SQL statements issued, served at `/metrics` by every service of the hub.
 */
export function installMetrics(
  app: FastifyInstance,
  service: string,
  sources: MetricsSources = {},
): ServiceMetrics {
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
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  if (sources.store) {
    // Statements per request is how batching is checked under load: it must not grow with the
    // number of entities a request returns.
    const statements = new Counter({
      name: 'hub_db_statements_total',
      help: 'SQL statements this service issued to its database.',
      registers: [registry],
    });
    sources.store.observeStatements(() => statements.inc());
  }
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
    accessEventsWritten: (action, count) => accessEvents.inc({ action }, count),
    keyLookup: (key, outcome) => lookups.inc({ key, outcome }),
  };
}
