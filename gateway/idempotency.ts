import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Database } from '../shared/db/database.js';
import { idempotencyKeys, type Disclosure } from './db/schema.js';

export type IdempotencyStart =
  | { readonly kind: 'first' }
  | {
      readonly kind: 'replay';
      readonly status: number;
      readonly body: string;
      /** What the first answer held and for whom; null for answers kept before this was recorded. */
      readonly disclosed: Disclosure | null;
    }
  | { readonly kind: 'mismatch' }
  | { readonly kind: 'in-progress' };

/** What identifies "the same request" for a key: the operation and its variables. */
export function requestHash(body: unknown): string {
  const { query, variables, operationName } = (body ?? {}) as Record<string, unknown>;
  return createHash('sha256')
    .update(JSON.stringify([query ?? null, variables ?? null, operationName ?? null]))
    .digest('hex');
}

/**
 * Idempotent mutations (`Idempotency-Key` header). The first request with a key claims it with an
 * insert the database serialises, so of two racing requests exactly one runs; the other waits for
 * the first answer and gets it, or after `waitMs` hears that it is still in progress. A key is
 * kept for a day; an answer that says "try again" (an outage, a timeout before any write was
 * sent) releases the key instead, so the retry can do the work. A mutation past its deadline
 * keeps its claim until its outcome is known (front-door.ts `passDeadline`).
 */
export class IdempotencyStore {
  private lastSweep = 0;

  constructor(
    private readonly db: Database,
    private readonly waitMs = 15_000,
  ) {}

  async begin(clientId: string, key: string, hash: string): Promise<IdempotencyStart> {
    await this.sweep();
    const claimed = await this.db
      .insert(idempotencyKeys)
      .values({ clientId, key, requestHash: hash })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (claimed.length > 0) return { kind: 'first' };
    const deadline = Date.now() + this.waitMs;
    for (;;) {
      const [row] = await this.db
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.clientId, clientId), eq(idempotencyKeys.key, key)));
      // Released by a failed first attempt in the meantime: this request may claim it now.
      if (!row) return this.begin(clientId, key, hash);
      if (row.requestHash !== hash) return { kind: 'mismatch' };
      if (row.status === 'COMPLETED')
        return {
          kind: 'replay',
          status: row.responseStatus ?? 200,
          body: row.responseBody ?? '',
          disclosed: row.disclosed ?? null,
        };
      if (Date.now() > deadline) return { kind: 'in-progress' };
      await sleep(50);
    }
  }

  async complete(
    clientId: string,
    key: string,
    status: number,
    body: string,
    disclosed: Disclosure,
  ): Promise<void> {
    await this.db
      .update(idempotencyKeys)
      .set({
        status: 'COMPLETED',
        responseStatus: status,
        responseBody: body,
        disclosed,
        completedAt: sql`now()`,
      })
      .where(and(eq(idempotencyKeys.clientId, clientId), eq(idempotencyKeys.key, key)));
  }

  async release(clientId: string, key: string): Promise<void> {
    await this.db
      .delete(idempotencyKeys)
      .where(
        and(
          eq(idempotencyKeys.clientId, clientId),
          eq(idempotencyKeys.key, key),
          eq(idempotencyKeys.status, 'PENDING'),
        ),
      );
  }

  /** Forgets keys older than a day, at most once an hour. */
  private async sweep(): Promise<void> {
    if (Date.now() - this.lastSweep < 3_600_000) return;
    this.lastSweep = Date.now();
    await this.db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, sql`now() - interval '1 day'`));
  }
}
