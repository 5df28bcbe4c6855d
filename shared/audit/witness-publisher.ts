import { sql } from 'drizzle-orm';
import { selectRows, type Database } from '../db/database.js';
import type { StoreName } from '../db/migrations.js';
import type { ServiceKeyRing } from '../keys/service-keys.js';
import type { Logger } from '../logging.js';
import { CHAIN_HEAD_TYP, chainHeadClaims, WITNESS_PATH } from './witness-head.js';

/** Who witnesses whose log: the ministry and the gateway keep every subgraph's heads but their own. */
export function witnessesOf(service: StoreName): StoreName[] {
  return (['ministry', 'gateway'] as const).filter((witness) => witness !== service);
}

export interface HeadCadence {
  /** A head after this many new events at the latest (a burst is witnessed within one check). */
  readonly everyEvents: number;
  /** A chain that moved is witnessed at least this often (ms). */
  readonly intervalMs: number;
  /** How often the head is looked at: one indexed read of the newest event (ms). */
  readonly checkMs: number;
}

interface Sent {
  readonly position: number;
  readonly at: number;
}

/** Whether a witness should get the head now, given the last one it got. */
export function headIsDue(head: number, last: Sent | undefined, now: number, cadence: HeadCadence): boolean {
  if (head < 1 || head === last?.position) return false;
  if (!last) return true;
  return head - last.position >= cadence.everyEvents || now - last.at >= cadence.intervalMs;
}

export type Delivery = 'WITNESSED' | 'NOT_DUE' | 'UNREACHABLE' | 'REFUSED' | 'CONTRADICTED';

export interface HeadPublisherOptions {
  readonly db: Database;
  readonly service: StoreName;
  readonly ring: ServiceKeyRing;
  readonly locate: (service: StoreName) => string | undefined;
  readonly cadence: HeadCadence;
  readonly logger: Logger;
}

/**
 * Signs this service's chain head with its own key and hands it to the witnesses outside its
 * database (witness.ts), so a later rewrite of the whole chain no longer matches what they hold.
 * A witness that cannot be reached gets the head at the next check; nothing here blocks a request.
 */
export class ChainHeadPublisher {
  private readonly sent = new Map<StoreName, Sent>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(private readonly options: HeadPublisherOptions) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.running ??= this.publish()
        .catch((error: unknown) => this.options.logger.warn({ err: error }, 'chain head not published'))
        .finally(() => {
          this.running = undefined;
        });
    }, this.options.cadence.checkMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Publishes the head to every witness it is due for (`force`: to every witness, due or not). */
  async publish(options: { readonly force?: boolean } = {}): Promise<Partial<Record<StoreName, Delivery>>> {
    const { service, locate } = this.options;
    const located = witnessesOf(service).flatMap((witness) => {
      const base = locate(witness);
      return base ? [{ witness, base }] : [];
    });
    // Nowhere to send it yet (an embedded hub before the gateway listens): not even a read.
    if (located.length === 0) return {};
    const head = await this.readHead();
    const outcome: Partial<Record<StoreName, Delivery>> = {};
    for (const { witness, base } of located) {
      const last = this.sent.get(witness);
      const due = options.force
        ? head !== null
        : head !== null && headIsDue(head.position, last, Date.now(), this.options.cadence);
      outcome[witness] = head && due ? await this.deliver(witness, base, head) : 'NOT_DUE';
    }
    return outcome;
  }

  private async readHead(): Promise<{ position: number; hash: string } | null> {
    const table = sql.raw(`"${this.options.service}"."access_events"`);
    const [row] = await selectRows<{ position: string; hash: string }>(
      this.options.db,
      // Ordered by the column, not by its text alias (which would put 9 after 10).
      sql`select e.position::text as "position", e.hash from ${table} e order by e.position desc limit 1`,
    );
    return row ? { position: Number(row.position), hash: row.hash } : null;
  }

  private async deliver(
    witness: StoreName,
    base: string,
    head: { position: number; hash: string },
  ): Promise<Delivery> {
    const { ring, logger, service } = this.options;
    const jwt = await ring.sign(chainHeadClaims(head), { typ: CHAIN_HEAD_TYP, audience: witness });
    let response: Response;
    try {
      response = await fetch(new URL(WITNESS_PATH, base), {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: jwt,
        signal: AbortSignal.timeout(5_000),
      });
      await response.body?.cancel();
    } catch (error) {
      logger.warn({ err: error, witness }, 'chain head witness unreachable');
      return 'UNREACHABLE';
    }
    if (response.ok) {
      this.sent.set(witness, { position: head.position, at: Date.now() });
      return 'WITNESSED';
    }
    if (response.status === 409) {
      // The witness holds another head at odds with this chain: someone rewrote it. Said once, loudly.
      this.sent.set(witness, { position: head.position, at: Date.now() });
      logger.error({ witness, service, ...head }, 'the witness holds a head this access log contradicts');
      return 'CONTRADICTED';
    }
    logger.error({ witness, status: response.status }, 'the witness refused this service’s chain head');
    return response.status >= 500 ? 'UNREACHABLE' : 'REFUSED';
  }
}
