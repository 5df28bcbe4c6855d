import { describe, expect, it } from 'vitest';
import { isoInstant, randomFor, seededUuid } from './random.js';

describe('the seed generator', () => {
  it('gives every item of a kind its own version-4-shaped UUID', () => {
    const ids = Array.from({ length: 100_000 }, (_, index) => seededUuid(12, index));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids.slice(0, 1000))
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(seededUuid(12, 7)).toBe(ids[7]);
    expect(seededUuid(13, 7)).not.toBe(ids[7]);
  });

  it('tells the same story for the same item, whatever was generated before', () => {
    const first = randomFor(10, 42);
    const values = [first.next(), first.next(), first.int(1, 100)];
    randomFor(10, 41).next();
    const again = randomFor(10, 42);
    expect([again.next(), again.next(), again.int(1, 100)]).toEqual(values);
    expect(randomFor(10, 43).next()).not.toBe(values[0]);
  });

  it('prints instants exactly as Date#toISOString does', () => {
    const random = randomFor(99, 0);
    for (let n = 0; n < 10_000; n += 1) {
      const ms = Math.floor(random.next() * 2_000_000_000_000);
      expect(isoInstant(ms)).toBe(new Date(ms).toISOString());
    }
  });
});
