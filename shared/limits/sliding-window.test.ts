import { describe, expect, it } from 'vitest';
import { perMinuteWithBurst } from './client-rates.js';
import { SlidingWindowLimiter } from './sliding-window.js';

/** A clock the test moves by hand, in milliseconds. */
function manualClock(start = 1_000_000) {
  let now = start;
  return {
    now: () => now,
    set: (value: number) => (now = start + value),
  };
}

const perMinute = (limit: number) => [{ limit, windowMs: 60_000 }];

function allowedOf(limiter: SlidingWindowLimiter, count: number, key = 'client'): number {
  let allowed = 0;
  for (let index = 0; index < count; index += 1) if (limiter.consume(key).allowed) allowed += 1;
  return allowed;
}

describe('a per-minute limit counted over a rolling window', () => {
  it('allows exactly N of N + k requests made within one minute', () => {
    const clock = manualClock();
    const limiter = new SlidingWindowLimiter(perMinute(120), clock.now);
    let allowed = 0;
    for (let index = 0; index < 150; index += 1) {
      clock.set(index * 300); // 150 requests over 45 s
      if (limiter.consume('client').allowed) allowed += 1;
    }
    expect(allowed).toBe(120);
  });

  it('refuses N at the start of a minute after N at the end of the one before', () => {
    const clock = manualClock();
    const limiter = new SlidingWindowLimiter(perMinute(30), clock.now);
    clock.set(59_000);
    expect(allowedOf(limiter, 30)).toBe(30);
    clock.set(61_000);
    expect(allowedOf(limiter, 30)).toBe(0);
    // The first of the 30 leaves the window a minute after it came.
    expect(limiter.consume('client').retryAfterSeconds).toBe(58);
    clock.set(118_999);
    expect(limiter.consume('client').allowed).toBe(false);
    clock.set(119_000);
    expect(allowedOf(limiter, 31)).toBe(30);
  });

  it('holds no more than N in any minute-long window of a steady stream', () => {
    const clock = manualClock();
    const limiter = new SlidingWindowLimiter(perMinute(50), clock.now);
    const allowedAt: number[] = [];
    for (let time = 0; time < 300_000; time += 700) {
      clock.set(time);
      if (limiter.consume('client').allowed) allowedAt.push(time);
    }
    const busiest = Math.max(
      ...allowedAt.map((start) => allowedAt.filter((time) => time >= start && time < start + 60_000).length),
    );
    expect(busiest).toBe(50);
  });

  it('says in Retry-After when the next request will be allowed', () => {
    const clock = manualClock();
    const limiter = new SlidingWindowLimiter(perMinute(2), clock.now);
    clock.set(0);
    limiter.consume('client');
    clock.set(20_500);
    limiter.consume('client');
    clock.set(30_000);
    const refused = limiter.consume('client');
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 30 });
    clock.set(30_000 + refused.retryAfterSeconds * 1000);
    expect(limiter.consume('client').allowed).toBe(true);
  });

  it('counts each client on its own', () => {
    const limiter = new SlidingWindowLimiter(perMinute(3), manualClock().now);
    expect(allowedOf(limiter, 5, 'a')).toBe(3);
    expect(allowedOf(limiter, 5, 'b')).toBe(3);
  });

  it('forgets a client idle for a minute', () => {
    const clock = manualClock();
    const limiter = new SlidingWindowLimiter(perMinute(3), clock.now);
    limiter.consume('idle');
    limiter.consume('busy');
    expect(limiter.trackedCallers).toBe(2);
    clock.set(70_000);
    limiter.consume('busy');
    expect(limiter.trackedCallers).toBe(1);
  });
});

describe('the burst bound beside the per-minute limit', () => {
  it('allows at most a sixth of the minute, rounded up, in any ten seconds', () => {
    const clock = manualClock();
    const limiter = new SlidingWindowLimiter(perMinuteWithBurst(55), clock.now);
    expect(allowedOf(limiter, 30)).toBe(10);
    clock.set(9_999);
    expect(limiter.consume('client')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    clock.set(10_000);
    expect(allowedOf(limiter, 30)).toBe(10);
  });

  it('still allows exactly N in a minute to a client that spreads its requests', () => {
    const clock = manualClock();
    const limiter = new SlidingWindowLimiter(perMinuteWithBurst(120), clock.now);
    let allowed = 0;
    for (let time = 0; time < 60_000; time += 100) {
      clock.set(time);
      if (limiter.consume('client').allowed) allowed += 1;
    }
    expect(allowed).toBe(120);
  });

  it('lets a minute-long window hold N and no more, bursts and all', () => {
    const clock = manualClock();
    const limiter = new SlidingWindowLimiter(perMinuteWithBurst(60), clock.now);
    // Ten every ten seconds fills the minute; the next burst waits for the first to age out.
    for (let second = 0; second < 60; second += 10) {
      clock.set(second * 1000);
      expect(allowedOf(limiter, 15)).toBe(10);
    }
    clock.set(59_999);
    expect(limiter.consume('client').allowed).toBe(false);
    clock.set(60_000);
    expect(allowedOf(limiter, 15)).toBe(10);
  });
});
