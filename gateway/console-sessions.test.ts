import { describe, expect, it } from 'vitest';
import { refreshTokenSeconds, type ConsoleSessionPolicy } from './console-sessions.js';

const POLICY: ConsoleSessionPolicy = { idleSeconds: 30 * 60, maxSeconds: 10 * 3600, accessTokenSeconds: 300 };
const NOW = 1_800_000_000;

describe('a console session', () => {
  it('gets a full idle period with each refresh while it is young', () => {
    expect(refreshTokenSeconds(POLICY, { iiat: NOW - 3600 }, NOW)).toBe(30 * 60);
  });

  it('never outlives its absolute end, however busy', () => {
    expect(refreshTokenSeconds(POLICY, { iiat: NOW - (10 * 3600 - 120) }, NOW)).toBe(120);
    expect(refreshTokenSeconds(POLICY, { iiat: NOW - 11 * 3600 }, NOW)).toBe(1);
  });

  it('counts from the first token of the chain, not from the rotated one', () => {
    expect(refreshTokenSeconds(POLICY, { iiat: NOW - (10 * 3600 - 60), iat: NOW }, NOW)).toBe(60);
    expect(refreshTokenSeconds(POLICY, { iat: NOW }, NOW)).toBe(30 * 60);
  });
});
