import { Counter, Histogram, type Registry } from 'prom-client';
import { LATENCY_BUCKETS } from '../shared/http/metrics.js';

/** Why the gateway refused a request before (or instead of) running it. */
export type RefusalReason =
  'authentication' | 'signature' | 'rate' | 'limits' | 'trusted_documents' | 'idempotency';

/** Operation names are chosen by clients: beyond this many distinct ones, the rest share `other`. */
export const MAX_OPERATION_NAMES = 200;
const ANONYMOUS = 'anonymous';
const OTHER = 'other';
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;
const ERROR_CODE = /^[A-Z][A-Z0-9_]{0,47}$/;

/** What the gateway counts of GraphQL: operations, errors, refusals and its fetches to subgraphs. */
export interface OperationMetrics {
  readonly operation: (name: string | null, type: string | null, outcome: string, seconds: number) => void;
  readonly errors: (codes: readonly string[]) => void;
  readonly refused: (reason: RefusalReason) => void;
  readonly subgraphFetch: (subgraph: string, outcome: 'ok' | 'error', seconds: number) => void;
}

/**
 * Every label value is bounded: a name that is not a GraphQL name or comes after the first
 * `MAX_OPERATION_NAMES` is `other`, an unnamed operation `anonymous`, an unexpected code `OTHER`.
 */
export function operationMetrics(registry: Registry): OperationMetrics {
  const names = new Set<string>();
  const boundedName = (name: string | null): string => {
    if (name === null || name === '') return ANONYMOUS;
    if (!GRAPHQL_NAME.test(name)) return OTHER;
    if (names.has(name)) return name;
    if (names.size >= MAX_OPERATION_NAMES) return OTHER;
    names.add(name);
    return name;
  };
  const boundedCode = (code: string): string => (ERROR_CODE.test(code) ? code : 'OTHER');
  const boundedOutcome = (outcome: string): string => (outcome === 'ok' ? outcome : boundedCode(outcome));

  const operations = new Histogram({
    name: 'hub_graphql_operation_duration_seconds',
    help: 'GraphQL operations at the gateway, by operation name, type and outcome (ok or the first error code).',
    labelNames: ['operation', 'type', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const errors = new Counter({
    name: 'hub_graphql_errors_total',
    help: 'Errors in the gateway’s GraphQL answers, by code.',
    labelNames: ['code'] as const,
    registers: [registry],
  });
  const refusals = new Counter({
    name: 'hub_refusals_total',
    help: 'Requests the gateway refused, by reason (authentication, signature, rate, limits, trusted_documents, idempotency).',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  const fetches = new Histogram({
    name: 'hub_subgraph_fetch_duration_seconds',
    help: 'Fetches from the gateway to a subgraph, by subgraph and outcome (error: no GraphQL answer came back).',
    labelNames: ['subgraph', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  return {
    operation: (name, type, outcome, seconds) =>
      operations.observe(
        { operation: boundedName(name), type: type ?? 'unknown', outcome: boundedOutcome(outcome) },
        seconds,
      ),
    errors: (codes) => {
      for (const code of codes) errors.inc({ code: boundedCode(code) });
    },
    refused: (reason) => refusals.inc({ reason }),
    subgraphFetch: (subgraph, outcome, seconds) => fetches.observe({ subgraph, outcome }, seconds),
  };
}
