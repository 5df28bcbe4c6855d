import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../shared/config.js';
import { selectRows, type Store } from '../shared/db/database.js';
import { perMinuteWithBurst } from '../shared/limits/client-rates.js';
import type { WindowRule } from '../shared/limits/sliding-window.js';
import { createTestDatabase, type TestDatabase } from '../shared/testing/database.js';
import { ClientRateLimits } from './rate-limits.js';
import { bucketsUntilAllowed, pruneRateCounters, SharedWindowLimiter } from './shared-window.js';

// Two store objects over one database are two gateway replicas: each limiter below has its own.
let database: TestDatabase;
let replicas: [Store, Store];
beforeAll(async () => {
  database = await createTestDatabase();
  replicas = [database.store(), database.store()];
});
afterAll(async () => {
  await database.close();
});

/** A clock the test moves by hand, in milliseconds since the epoch (on a quarter second). */
function manualClock(start = 1_700_000_000_000) {
  let now = start;
  return { now: () => now, set: (offset: number) => (now = start + offset) };
}

let keys = 0;
/** A caller no other test has used (the database is shared by the whole file). */
const freshKey = () => `test-caller-${(keys += 1)}`;
const perMinute = (limit: number) => [{ limit, windowMs: 60_000 }];

/** The same rules on both replicas, on one clock. */
function limiters(rules: readonly WindowRule[]) {
  const clock = manualClock();
  const [a, b] = replicas.map((store) => new SharedWindowLimiter(store.db, rules, clock.now));
  return { clock, replicas: [a!, b!] as const };
}

/** `count` requests from one caller, alternating between the replicas; how many were allowed. */
async function allowedOf(
  pair: readonly [SharedWindowLimiter, SharedWindowLimiter],
  count: number,
  key: string,
) {
  let allowed = 0;
  for (let index = 0; index < count; index += 1) {
    if ((await pair[index % 2]!.consume(key)).allowed) allowed += 1;
  }
  return allowed;
}

const counters = async () =>
  (await selectRows<{ key: string }>(replicas[0].db, sql`select key from gateway.rate_limit_counters`)).map(
    (row) => row.key,
  );

describe('a per-minute limit shared by two replicas', () => {
  it('allows exactly N of N + k requests within one minute, wherever they arrive', async () => {
    const { clock, replicas: pair } = limiters(perMinute(40));
    const key = freshKey();
    let allowed = 0;
    for (let index = 0; index < 50; index += 1) {
      clock.set(index * 900); // 50 requests over 45 s
      if ((await pair[index % 2]!.consume(key)).allowed) allowed += 1;
    }
    expect(allowed).toBe(40);
  });

  it('refuses N at the start of a minute after N at the end of the one before', async () => {
    const { clock, replicas: pair } = limiters(perMinute(30));
    const key = freshKey();
    clock.set(59_000);
    expect(await allowedOf(pair, 30, key)).toBe(30);
    clock.set(61_000);
    expect(await allowedOf(pair, 30, key)).toBe(0);
    // The first of the 30 leaves the window a minute after it came.
    expect(await pair[1].consume(key)).toEqual({ allowed: false, retryAfterSeconds: 58 });
    clock.set(118_999);
    expect((await pair[0].consume(key)).allowed).toBe(false);
    clock.set(119_000);
    expect(await allowedOf(pair, 31, key)).toBe(30);
  });

  it('says in Retry-After when the next request will be allowed', async () => {
    const { clock, replicas: pair } = limiters(perMinute(2));
    const key = freshKey();
    await pair[0].consume(key);
    clock.set(20_500);
    await pair[1].consume(key);
    clock.set(30_000);
    const refused = await pair[0].consume(key);
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 30 });
    clock.set(30_000 + refused.retryAfterSeconds * 1000);
    expect((await pair[1].consume(key)).allowed).toBe(true);
  });

  it('holds no more than N in any window a quarter second short of a minute, in a steady stream', async () => {
    const { clock, replicas: pair } = limiters(perMinute(50));
    const key = freshKey();
    const allowedAt: number[] = [];
    for (let time = 0, index = 0; time < 180_000; time += 700, index += 1) {
      clock.set(time);
      if ((await pair[index % 2]!.consume(key)).allowed) allowedAt.push(time);
    }
    const busiest = (windowMs: number) =>
      Math.max(
        ...allowedAt.map((start) => allowedAt.filter((t) => t >= start && t < start + windowMs).length),
      );
    expect(busiest(60_000 - 250)).toBe(50);
  });

  it('counts each caller on its own', async () => {
    const { replicas: pair } = limiters(perMinute(3));
    expect(await allowedOf(pair, 5, freshKey())).toBe(3);
    expect(await allowedOf(pair, 5, freshKey())).toBe(3);
  });

  it('allows exactly the limit to requests racing on both replicas at once', async () => {
    const { replicas: pair } = limiters(perMinuteWithBurst(60));
    const key = freshKey();
    const decisions = await Promise.all(
      Array.from({ length: 40 }, (_, index) => pair[index % 2]!.consume(key)),
    );
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(10);
  });
});

describe('the burst bound beside the per-minute limit', () => {
  it('allows at most a sixth of the minute, rounded up, in any ten seconds', async () => {
    const { clock, replicas: pair } = limiters(perMinuteWithBurst(55));
    const key = freshKey();
    expect(await allowedOf(pair, 30, key)).toBe(10);
    clock.set(9_999);
    expect(await pair[0].consume(key)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    clock.set(10_000);
    expect(await allowedOf(pair, 30, key)).toBe(10);
  });

  it('still allows exactly N in a minute to a client that spreads its requests', async () => {
    const { clock, replicas: pair } = limiters(perMinuteWithBurst(60));
    const key = freshKey();
    let allowed = 0;
    for (let time = 0, index = 0; time < 60_000; time += 400, index += 1) {
      clock.set(time);
      if ((await pair[index % 2]!.consume(key)).allowed) allowed += 1;
    }
    expect(allowed).toBe(60);
  });

  it('waits for the window that binds longest', () => {
    const counts = [0, 0, 4, ...Array<number>(36).fill(0), 6];
    // Burst of 10 in 40 buckets: the 6 leave after 1 bucket, the 4 would have to leave too.
    expect(bucketsUntilAllowed(counts, [{ limit: 10, span: 40 }])).toBe(1);
    expect(bucketsUntilAllowed(counts, [{ limit: 5, span: 40 }])).toBe(1);
    expect(bucketsUntilAllowed(counts, [{ limit: 4, span: 40 }])).toBe(38);
    expect(bucketsUntilAllowed(counts, [{ limit: 11, span: 40 }])).toBe(0);
  });
});

describe('old counters', () => {
  it('are pruned once idle for their longest window, and a busy one stays', async () => {
    const { clock, replicas: pair } = limiters(perMinute(3));
    const [idle, busy] = [freshKey(), freshKey()];
    clock.set(0);
    await pair[0].consume(idle);
    clock.set(30_000);
    await pair[1].consume(busy);
    expect(await pruneRateCounters(replicas[0].db, clock.set(59_999))).toBe(0);
    const pruned = await pruneRateCounters(replicas[1].db, clock.set(60_001));
    expect(pruned).toBeGreaterThanOrEqual(1);
    const left = await counters();
    expect(left).not.toContain(idle);
    expect(left).toContain(busy);
  });

  it('are pruned by the gateway as requests come, at most once a minute', async () => {
    const clock = manualClock(1_800_000_000_000);
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
    const limits = new ClientRateLimits(config, replicas[0], { clock: clock.now });
    await limits.consume('UNIVERSITY', 'early');
    clock.set(61_000);
    await limits.consumeTokenRequest('later');
    await limits.close();
    const left = await counters();
    expect(left).not.toContain('client:UNIVERSITY:early');
    expect(left).toContain('token:later');
  });
});
