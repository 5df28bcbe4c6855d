import type { InstitutionKind } from '../shared/auth/principal.js';
import type { HubConfig } from '../shared/config.js';
import { ClientRates, MINUTE_MS } from '../shared/limits/client-rates.js';
import { SlidingWindowLimiter, type Clock, type RateDecision } from '../shared/limits/sliding-window.js';

export type { RateDecision } from '../shared/limits/sliding-window.js';

/**
 * The gateway's rate limits: per client by institution kind (shared with the subgraphs, see
 * shared/limits/client-rates.ts) and per client id at the token endpoint. Answers are promises so
 * that a store shared between replicas could take the place of this process's memory.
 */
export class ClientRateLimits {
  private readonly clients: ClientRates;
  private readonly tokenEndpoint: SlidingWindowLimiter;

  constructor(config: HubConfig, clock?: Clock) {
    this.clients = new ClientRates(config.rateLimits, clock);
    // Each token request costs a slow password hash: the endpoint gets a limit of its own, with no
    // burst bound (a client's processes may all ask for a token as they start).
    this.tokenEndpoint = new SlidingWindowLimiter(
      [{ limit: config.rateLimits.tokenRequests, windowMs: MINUTE_MS }],
      clock,
    );
  }

  consume(kind: InstitutionKind, clientId: string): Promise<RateDecision> {
    return Promise.resolve(this.clients.consume(kind, clientId));
  }

  consumeTokenRequest(key: string): Promise<RateDecision> {
    return Promise.resolve(this.tokenEndpoint.consume(key));
  }
}
