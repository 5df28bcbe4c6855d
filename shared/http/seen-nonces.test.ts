import { describe, expect, it } from 'vitest';
import { SeenNonces } from './seen-nonces.js';

describe('SeenNonces', () => {
  it('accepts a nonce once, and again only after its window has passed', () => {
    const nonces = new SeenNonces(36);
    expect(nonces.claim('a', 1_000, 1_000)).toBe(true);
    expect(nonces.claim('a', 1_000, 1_010)).toBe(false);
    expect(nonces.claim('b', 1_005, 1_010)).toBe(true);
    // Past the window it is forgotten (the signature's own time check refuses it by then).
    expect(nonces.claim('a', 1_000, 1_040)).toBe(true);
    expect(nonces.size).toBe(2);
  });

  it('when full, forgets the oldest and refuses anything issued no later than it', () => {
    const nonces = new SeenNonces(36, 2);
    expect(nonces.claim('a', 1_000, 1_001)).toBe(true);
    expect(nonces.claim('b', 1_001, 1_001)).toBe(true);
    expect(nonces.claim('c', 1_002, 1_002)).toBe(true);
    expect(nonces.size).toBe(2);
    // 'a' was forgotten: a replay of it, or of anything as old, is refused rather than let through.
    expect(nonces.claim('a', 1_000, 1_003)).toBe(false);
    expect(nonces.claim('d', 999, 1_003)).toBe(false);
    expect(nonces.claim('e', 1_003, 1_003)).toBe(true);
  });
});
