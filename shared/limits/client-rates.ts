import type { InstitutionKind } from '../auth/principal.js';
import type { HubConfig } from '../config.js';
import { SlidingWindowLimiter, type Clock, type RateDecision, type WindowRule } from './sliding-window.js';

export const MINUTE_MS = 60_000;
export const BURST_MS = 10_000;

/**
 * `perMinute` requests in any rolling minute, and at most a sixth of them (rounded up) in any
 * rolling ten seconds, so a client cannot spend its minute in one burst.
 */
export function perMinuteWithBurst(perMinute: number): WindowRule[] {
  return [
    { limit: perMinute, windowMs: MINUTE_MS },
    { limit: Math.ceil(perMinute / 6), windowMs: BURST_MS },
  ];
}

/**
 * Per-client request limits by the kind of institution the client acts for (`RATE_LIMIT_*`), the
 * same at the gateway and at each subgraph for the requests it is sent directly. Counted in this
 * process's memory: the subgraphs' direct limits, where each process (and each replica) allows
 * every client the configured rate. The gateway counts the same rules in its database
 * (gateway/rate-limits.ts), so that its replicas share one budget.
 */
export class ClientRates {
  private readonly byKind: Record<InstitutionKind, SlidingWindowLimiter>;

  constructor(perMinute: HubConfig['rateLimits'], clock?: Clock) {
    const limiter = (limit: number) => new SlidingWindowLimiter(perMinuteWithBurst(limit), clock);
    this.byKind = {
      LABOUR_OFFICE: limiter(perMinute.LABOUR_OFFICE),
      MINISTRY: limiter(perMinute.MINISTRY),
      TRAINING_PROVIDER: limiter(perMinute.TRAINING_PROVIDER),
      UNIVERSITY: limiter(perMinute.UNIVERSITY),
    };
  }

  consume(kind: InstitutionKind, clientId: string): RateDecision {
    return this.byKind[kind].consume(clientId);
  }
}
