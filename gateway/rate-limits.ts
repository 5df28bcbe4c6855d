import { BurstyRateLimiter, RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { InstitutionKind } from '../shared/auth/principal.js';
import type { HubConfig } from '../shared/config.js';

export interface RateDecision {
  readonly allowed: boolean;
  /** Seconds until a refused caller may try again (the `Retry-After` header). */
  readonly retryAfterSeconds: number;
}

/**
 * Per-client request limits by institution kind: a steady rate per second plus a burst allowance
 * over ten seconds (rate-limiter-flexible's BurstyRateLimiter, a token bucket in effect). Kept in
 * memory per gateway replica; replicas behind one balancer each allow the configured rate.
 */
export class ClientRateLimits {
  private readonly byKind: Record<InstitutionKind, BurstyRateLimiter>;
  private readonly tokenEndpoint: RateLimiterMemory;

  constructor(config: HubConfig) {
    const limiter = (perMinute: number) =>
      new BurstyRateLimiter(
        new RateLimiterMemory({ points: Math.max(1, Math.ceil(perMinute / 60)), duration: 1 }),
        new RateLimiterMemory({ points: Math.max(1, Math.ceil(perMinute / 6)), duration: 10 }),
      );
    this.byKind = {
      LABOUR_OFFICE: limiter(config.rateLimits.LABOUR_OFFICE),
      MINISTRY: limiter(config.rateLimits.MINISTRY),
      TRAINING_PROVIDER: limiter(config.rateLimits.TRAINING_PROVIDER),
      UNIVERSITY: limiter(config.rateLimits.UNIVERSITY),
    };
    // Each token request costs a slow password hash: the endpoint gets a limit of its own.
    this.tokenEndpoint = new RateLimiterMemory({ points: config.rateLimits.tokenRequests, duration: 60 });
  }

  consume(kind: InstitutionKind, clientId: string): Promise<RateDecision> {
    return decide(this.byKind[kind].consume(clientId));
  }

  consumeTokenRequest(key: string): Promise<RateDecision> {
    return decide(this.tokenEndpoint.consume(key));
  }
}

async function decide(attempt: Promise<RateLimiterRes>): Promise<RateDecision> {
  try {
    await attempt;
    return { allowed: true, retryAfterSeconds: 0 };
  } catch (refusal) {
    if (refusal instanceof RateLimiterRes) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)) };
    }
    throw refusal;
  }
}
