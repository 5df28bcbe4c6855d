import type { Span } from '@opentelemetry/api';
import type { ServedEntity } from '../shared/audit/recorder.js';
import type { Principal, RequestMeta } from '../shared/auth/principal.js';
import type { RequestDeadline } from './deadline.js';

/** What the gateway knows about a request once its token is verified. */
export interface GatewayContext {
  readonly principal: Principal;
  readonly meta: RequestMeta;
  /** Forwarded unchanged: every subgraph verifies the caller's token itself. */
  readonly authorization: string;
  /**
   * For a mutation sent with an Idempotency-Key: what each service reports it served, collected
   * by the data sources, kept beside the answer so that a retry can be checked (replays.ts).
   */
  readonly served?: ServedByService[];
  /** The request's deadline: its fetches stop when it passes (deadline.ts). */
  readonly deadline?: RequestDeadline;
  /** The request's server span: each fetch to a subgraph is its child (data-source.ts). */
  readonly span?: Span | undefined;
}

export interface ServedByService {
  readonly service: string;
  readonly entities: readonly ServedEntity[];
}
