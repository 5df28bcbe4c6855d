/** At most `limit` requests in any rolling `windowMs`. */
export interface WindowRule {
  readonly limit: number;
  readonly windowMs: number;
}

export interface RateDecision {
  readonly allowed: boolean;
  /** Whole seconds until this caller's next request would be allowed (the `Retry-After` header); 0 when allowed. */
  readonly retryAfterSeconds: number;
}

/** Milliseconds on a clock that only moves forward; tests pass their own. */
export type Clock = () => number;

/** The times of one caller's allowed requests, oldest first, in a ring that grows as it must. */
class RequestLog {
  private times = new Float64Array(8);
  private start = 0;
  size = 0;

  constructor(private readonly capacity: number) {}

  /** The time of the `n`-th newest entry (1 is the newest); the caller checks `n <= size`. */
  newest(n: number): number {
    return this.times[(this.start + this.size - n) % this.times.length] ?? 0;
  }

  dropOlderThan(cutoff: number): void {
    while (this.size > 0 && (this.times[this.start] ?? 0) <= cutoff) {
      this.start = (this.start + 1) % this.times.length;
      this.size -= 1;
    }
  }

  push(time: number): void {
    if (this.size === this.capacity) this.dropOldest();
    if (this.size === this.times.length) this.grow();
    this.times[(this.start + this.size) % this.times.length] = time;
    this.size += 1;
  }

  private dropOldest(): void {
    this.start = (this.start + 1) % this.times.length;
    this.size -= 1;
  }

  private grow(): void {
    const larger = new Float64Array(Math.min(this.times.length * 2, Math.max(this.capacity, 8)));
    for (let index = 0; index < this.size; index += 1) larger[index] = this.newest(this.size - index);
    this.times = larger;
    this.start = 0;
  }
}

/**
 * Exact rolling-window limits per caller (a sliding-window log): a request is allowed only while
 * every rule holds over the window that ends now, counting allowed requests only, so no rolling
 * window ever holds more than a rule's `limit`, wherever it starts. Fixed windows would allow
 * twice the limit across a boundary and token buckets a full burst on top of the steady rate.
 * Memory is one timestamp per allowed request still inside the longest window; callers idle for
 * that long are forgotten.
 */
export class SlidingWindowLimiter {
  private readonly logs = new Map<string, RequestLog>();
  private readonly longestMs: number;
  private readonly capacity: number;
  private lastSweep: number;

  constructor(
    private readonly rules: readonly WindowRule[],
    private readonly now: Clock = () => performance.now(),
  ) {
    this.longestMs = Math.max(...rules.map((rule) => rule.windowMs));
    this.capacity = Math.max(...rules.map((rule) => rule.limit));
    this.lastSweep = now();
  }

  consume(key: string): RateDecision {
    const now = this.now();
    this.sweep(now);
    let log = this.logs.get(key);
    if (!log) {
      log = new RequestLog(this.capacity);
      this.logs.set(key, log);
    }
    log.dropOlderThan(now - this.longestMs);
    // The request that would be refused is the `limit`-th newest still inside a window: it leaves
    // that window `windowMs` after it was allowed.
    let waitMs = 0;
    for (const rule of this.rules) {
      if (log.size < rule.limit) continue;
      const leaves = log.newest(rule.limit) + rule.windowMs;
      if (leaves > now) waitMs = Math.max(waitMs, leaves - now);
    }
    if (waitMs > 0) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
    log.push(now);
    return { allowed: true, retryAfterSeconds: 0 };
  }

  /** How many callers are remembered (for tests of eviction). */
  get trackedCallers(): number {
    return this.logs.size;
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < this.longestMs) return;
    this.lastSweep = now;
    for (const [key, log] of this.logs) {
      if (log.size === 0 || log.newest(1) <= now - this.longestMs) this.logs.delete(key);
    }
  }
}
