import { sql } from 'drizzle-orm';
import { selectRows, type Database } from '../shared/db/database.js';
import type { Clock, RateDecision, WindowRule } from '../shared/limits/sliding-window.js';

/**
 * The width of one counter. A rolling window is counted as the quarter seconds it spans, the
 * current one included; a request is forgotten up to this much early, so a window of W holds at
 * most `limit` requests over any W − 250 ms, and `Retry-After` is never later than the truth.
 */
export const BUCKET_MS = 250;

interface CounterRow {
  readonly allowed: boolean;
  /** The counts as the upsert left them, newest first; only when refused (they give Retry-After). */
  readonly counts: readonly number[] | null;
  readonly bucket: number;
  readonly now_ms: number;
}

interface CountedRule {
  readonly limit: number;
  /** Quarter seconds in the window, the current one included. */
  readonly span: number;
}

/** The database's own clock in SQL: every replica reads the same one. */
const DATABASE_NOW_MS = sql.raw(`(extract(epoch from clock_timestamp()) * 1000)::bigint`);

/**
 * How many quarter seconds from the newest one until every rule holds again: the smallest k
 * for which the counts still inside each window, k buckets on, are under its limit.
 */
export function bucketsUntilAllowed(counts: readonly number[], rules: readonly CountedRule[]): number {
  let wait = 0;
  for (const rule of rules) {
    let inWindow = 0;
    for (let index = 0; index < rule.span; index += 1) inWindow += counts[index] ?? 0;
    let k = 0;
    // k buckets on, the oldest k of the window's buckets have left it.
    while (inWindow >= rule.limit && k < rule.span) {
      k += 1;
      inWindow -= counts[rule.span - k] ?? 0;
    }
    wait = Math.max(wait, k);
  }
  return wait;
}

/**
 * Rolling-window limits per caller, counted in the gateway's PostgreSQL so that every replica
 * agrees: one row per caller holds the requests allowed in each quarter second of its longest
 * window, and one `insert ... on conflict do update ... returning` per request shifts the counts
 * to now, decides, and counts an allowed request. The row lock of the upsert makes the decision
 * atomic across replicas and connections. Time is the database's unless a test passes a clock.
 */
export class SharedWindowLimiter {
  private readonly rules: readonly CountedRule[];
  private readonly slots: number;
  private readonly longestMs: number;

  constructor(
    private readonly db: Database,
    rules: readonly WindowRule[],
    private readonly clock?: Clock,
  ) {
    this.rules = rules.map((rule) => {
      // Both go into the statement's text (they are the limiter's shape, not a caller's input).
      if (!Number.isInteger(rule.limit) || rule.limit < 1 || !Number.isInteger(rule.windowMs))
        throw new Error(
          `a rate rule needs a whole limit of at least 1 and a whole window: ${JSON.stringify(rule)}`,
        );
      return { limit: rule.limit, span: Math.max(1, Math.ceil(rule.windowMs / BUCKET_MS)) };
    });
    this.slots = Math.max(...this.rules.map((rule) => rule.span));
    this.longestMs = this.slots * BUCKET_MS;
  }

  async consume(key: string): Promise<RateDecision> {
    const now = this.clock ? Math.floor(this.clock()) : null;
    const [row] = await selectRows<CounterRow>(this.db, this.statement(key, now));
    if (!row) throw new Error('the rate-limit upsert returned no row');
    if (row.allowed) return { allowed: true, retryAfterSeconds: 0 };
    const waitMs = (row.bucket + bucketsUntilAllowed(row.counts ?? [], this.rules)) * BUCKET_MS - row.now_ms;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }

  private statement(key: string, now: number | null) {
    const slots = sql.raw(String(this.slots));
    const longest = sql.raw(String(this.longestMs));
    const bucketMs = sql.raw(String(BUCKET_MS));
    // Every rule must hold over the buckets of its window, counted after the shift to now.
    const holds = sql.raw(
      this.rules
        .map(
          (rule) => `(select coalesce(sum(v), 0) from unnest(t.shifted[1:${rule.span}]) v) < ${rule.limit}`,
        )
        .join(' and '),
    );
    // The counts moved on by the buckets elapsed since the row was last written (never back).
    const elapsed = sql.raw(`least(greatest(excluded.bucket - c.bucket, 0), ${this.slots})::int`);
    return sql`
      insert into gateway.rate_limit_counters as c (key, bucket, counts, allowed, expires_ms)
      select ${key}, n.ms / ${bucketMs}, array[1] || array_fill(0, array[${slots} - 1]), true, n.ms + ${longest}
      from (select coalesce(${now}::bigint, ${DATABASE_NOW_MS}) as ms) n
      on conflict (key) do update set (bucket, counts, allowed, expires_ms) = (
        select s.bucket,
          case when s.ok then array[s.shifted[1] + 1] || s.shifted[2:${slots}] else s.shifted end,
          s.ok,
          excluded.expires_ms
        from (
          select t.bucket, t.shifted, ${holds} as ok
          from (
            select greatest(c.bucket, excluded.bucket) as bucket,
              array_fill(0, array[${elapsed}]) || c.counts[1:${slots} - ${elapsed}] as shifted
          ) t
        ) s
      )
      returning allowed,
        case when allowed then null else counts end as counts,
        bucket::float8 as bucket,
        (expires_ms - ${longest})::float8 as now_ms`;
  }
}

/** Deletes the counters that count nothing any more; returns how many went. */
export async function pruneRateCounters(db: Database, nowMs?: number): Promise<number> {
  const now = nowMs === undefined ? null : Math.floor(nowMs);
  const [row] = await selectRows<{ pruned: number }>(
    db,
    sql`with pruned as (
          delete from gateway.rate_limit_counters
          where expires_ms < coalesce(${now}::bigint, ${DATABASE_NOW_MS}) returning 1
        )
        select count(*)::int as pruned from pruned`,
  );
  return row?.pruned ?? 0;
}
