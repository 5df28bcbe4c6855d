import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { anyOf } from '../../shared/db/any-of.js';
import { z } from 'zod';
import {
  CONSENT_DELIVERY_PATH,
  CONSENT_GRANTEE_SERVICES,
  MAX_FACTS_PER_DELIVERY,
  signConsentDelivery,
  type ConsentGranteeService,
} from '../../shared/consent/delivery.js';
import type { Database } from '../../shared/db/database.js';
import type { StoreName } from '../../shared/db/migrations.js';
import type { ServiceKeyRing } from '../../shared/keys/service-keys.js';
import type { Logger } from '../../shared/logging.js';
import { consentOutbox } from './db/schema.js';

export interface ConsentDeliveryOptions {
  readonly db: Database;
  readonly serviceKeys: ServiceKeyRing;
  /** Base URL of a grantee service; undefined while it is not known (not listening yet). */
  readonly locate: (service: StoreName) => string | undefined;
  /** How often pending facts are retried and, when none are, the heartbeat sent. */
  readonly intervalMs: number;
  /** How long one delivery may wait for the grantee's acknowledgement. */
  readonly timeoutMs: number;
  readonly logger: Logger;
}

/** The longest pause between attempts at a grantee that keeps failing. */
const MAX_BACKOFF_MS = 10_000;

const acknowledgementSchema = z.object({
  applied: z.array(z.number().int()),
  unchanged: z.array(z.number().int()),
  rejected: z.array(z.object({ seq: z.number().int().nullable(), code: z.string(), message: z.string() })),
  heartbeat: z.boolean(),
});

/**
 * Delivers the consent outbox to the grantees' subgraphs, straight to each over HTTP: at once after
 * a grant or revocation commits, then on every interval until the grantee acknowledges. A delivery
 * holding every pending fact is also the heartbeat, so while nothing is pending the grantee hears
 * "all delivered" every interval, and while something is (a revocation it has not taken) it hears
 * nothing and its copies lapse. Deliveries to one grantee run one at a time; a grantee that fails is
 * retried with backoff (the officer's own grant still tries at once).
 */
export class ConsentDelivery {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly queues = new Map<ConsentGranteeService, Promise<void>>();
  private readonly failures = new Map<ConsentGranteeService, number>();
  private readonly retryAt = new Map<ConsentGranteeService, number>();

  constructor(private readonly options: ConsentDeliveryOptions) {}

  start(): void {
    if (this.timer || this.stopped) return;
    this.timer = setInterval(() => void this.deliverAll(false), this.options.intervalMs);
    // The loop alone never keeps a process (or a test run) alive.
    this.timer.unref();
    void this.deliverAll(false);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.timer = undefined;
    await Promise.all(this.queues.values());
  }

  /** Delivers to every grantee now, whatever the backoff; resolves once each has answered or timed out. */
  deliverNow(): Promise<void> {
    return this.deliverAll(true);
  }

  private async deliverAll(force: boolean): Promise<void> {
    await Promise.all(CONSENT_GRANTEE_SERVICES.map((service) => this.deliverTo(service, force)));
  }

  private deliverTo(service: ConsentGranteeService, force: boolean): Promise<void> {
    const previous = this.queues.get(service) ?? Promise.resolve();
    const next = previous.then(async () => {
      if (this.stopped || (!force && Date.now() < (this.retryAt.get(service) ?? 0))) return;
      try {
        // More than one delivery's worth pending: keep going until the grantee has them all.
        while (!(await this.attempt(service)) && !this.stopped);
        this.failures.delete(service);
        this.retryAt.delete(service);
      } catch (error) {
        const failures = (this.failures.get(service) ?? 0) + 1;
        this.failures.set(service, failures);
        // Capped low: a grantee that comes back should hear from labour within seconds, not minutes.
        const backoffMs = Math.min(
          this.options.intervalMs * 2 ** (failures - 1),
          Math.max(this.options.intervalMs, MAX_BACKOFF_MS),
        );
        this.retryAt.set(service, Date.now() + backoffMs);
        await this.noteFailure(service, error, backoffMs).catch(() => undefined);
      }
    });
    this.queues.set(service, next);
    return next;
  }

  /** One delivery; true when it carried everything pending (the grantee is up to date). */
  private async attempt(service: ConsentGranteeService): Promise<boolean> {
    const base = this.options.locate(service);
    if (!base) throw new Error(`the ${service} service's address is not known`);
    // Read before the pending entries: a fact committed after this instant is not covered by it.
    const asOf = new Date();
    const pending = await this.options.db
      .select({ seq: consentOutbox.seq, fact: consentOutbox.fact })
      .from(consentOutbox)
      .where(and(eq(consentOutbox.granteeService, service), isNull(consentOutbox.deliveredAt)))
      .orderBy(asc(consentOutbox.seq))
      .limit(MAX_FACTS_PER_DELIVERY + 1);
    const facts = pending.slice(0, MAX_FACTS_PER_DELIVERY).map(({ seq, fact }) => ({ ...fact, seq }));
    const complete = pending.length <= MAX_FACTS_PER_DELIVERY;
    const delivery = await signConsentDelivery(this.options.serviceKeys, service, { asOf, complete, facts });
    const response = await fetch(new URL(CONSENT_DELIVERY_PATH, base), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ delivery }),
      signal: AbortSignal.timeout(this.options.timeoutMs),
    });
    if (!response.ok) throw new Error(`${service} answered ${response.status}: ${await response.text()}`);
    const ack = acknowledgementSchema.parse(await response.json());
    const taken = [...ack.applied, ...ack.unchanged];
    if (taken.length > 0)
      await this.options.db
        .update(consentOutbox)
        .set({ deliveredAt: new Date(), lastError: null })
        .where(and(eq(consentOutbox.granteeService, service), anyOf(consentOutbox.seq, taken)));
    if (ack.rejected.length > 0) {
      // Left pending on purpose: no heartbeat while a fact is refused, so the copies lapse.
      throw new Error(`${service} refused consent facts: ${JSON.stringify(ack.rejected)}`);
    }
    return complete;
  }

  private async noteFailure(
    service: ConsentGranteeService,
    error: unknown,
    backoffMs: number,
  ): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    // A grantee not listening yet (an embedded hub starts labour first) is no news at `warn`.
    const level = this.options.locate(service) ? 'warn' : 'debug';
    this.options.logger[level](
      { service, err: error, retryInMs: backoffMs },
      'consent facts not delivered yet',
    );
    await this.options.db
      .update(consentOutbox)
      .set({
        attempts: sql`${consentOutbox.attempts} + 1`,
        lastError: message.slice(0, 1_000),
        nextAttemptAt: new Date(Date.now() + backoffMs),
      })
      .where(and(eq(consentOutbox.granteeService, service), isNull(consentOutbox.deliveredAt)));
  }
}
