import type { InstitutionKind } from '../shared/auth/principal.js';
import type { HubConfig } from '../shared/config.js';
import type { Store } from '../shared/db/database.js';
import { MINUTE_MS, perMinuteWithBurst } from '../shared/limits/client-rates.js';
import type { Clock, RateDecision } from '../shared/limits/sliding-window.js';
import type { Logger } from '../shared/logging.js';
import { pruneRateCounters, SharedWindowLimiter } from './shared-window.js';

export type { RateDecision } from '../shared/limits/sliding-window.js';

export interface RateLimitOptions {
  /** Milliseconds since the epoch, for tests; by default the database's clock decides. */
  readonly clock?: Clock;
  readonly logger?: Logger;
}

/**
 * The gateway's rate limits: per client by institution kind (the same rules the subgraphs apply
 * to direct requests, shared/limits/client-rates.ts) and per client id at the token endpoint.
 * Counted in the gateway's database (shared-window.ts), so every replica spends one budget: one
 * statement per request. Counters idle past their window are pruned in the background, at most
 * once a minute and only while requests come (an idle gateway writes no counters to prune).
 */
export class ClientRateLimits {
  private readonly byKind: Record<InstitutionKind, SharedWindowLimiter>;
  private readonly tokenEndpoint: SharedWindowLimiter;
  private readonly elapsed: Clock;
  private lastPrune: number;
  private pruning: Promise<void> | undefined;

  constructor(
    config: HubConfig,
    private readonly store: Pick<Store, 'db' | 'background'>,
    private readonly options: RateLimitOptions = {},
  ) {
    const limiter = (perMinute: number) =>
      new SharedWindowLimiter(store.db, perMinuteWithBurst(perMinute), options.clock);
    const perMinute = config.rateLimits;
    this.byKind = {
      LABOUR_OFFICE: limiter(perMinute.LABOUR_OFFICE),
      MINISTRY: limiter(perMinute.MINISTRY),
      TRAINING_PROVIDER: limiter(perMinute.TRAINING_PROVIDER),
      UNIVERSITY: limiter(perMinute.UNIVERSITY),
    };
    // Each token request costs a slow password hash: the endpoint gets a limit of its own, with no
    // burst bound (a client's processes may all ask for a token as they start).
    this.tokenEndpoint = new SharedWindowLimiter(
      store.db,
      [{ limit: perMinute.tokenRequests, windowMs: MINUTE_MS }],
      options.clock,
    );
    this.elapsed = options.clock ?? (() => performance.now());
    this.lastPrune = this.elapsed();
  }

  consume(kind: InstitutionKind, clientId: string): Promise<RateDecision> {
    this.pruneWhenDue();
    return this.byKind[kind].consume(`client:${kind}:${clientId}`);
  }

  consumeTokenRequest(key: string): Promise<RateDecision> {
    this.pruneWhenDue();
    return this.tokenEndpoint.consume(`token:${key}`);
  }

  /** Waits for a prune under way (the store is about to close). */
  async close(): Promise<void> {
    await this.pruning;
  }

  private pruneWhenDue(): void {
    const now = this.elapsed();
    if (this.pruning || now - this.lastPrune < MINUTE_MS) return;
    this.lastPrune = now;
    // On the background connection: a prune is not a statement the request caused.
    this.pruning = pruneRateCounters(this.store.background, this.options.clock?.())
      .then(
        (pruned) => this.options.logger?.debug({ pruned }, 'pruned idle rate-limit counters'),
        (error: unknown) => this.options.logger?.warn({ err: error }, 'could not prune rate-limit counters'),
      )
      .finally(() => {
        this.pruning = undefined;
      });
  }
}
