import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestIssuer, TEST_AUDIENCE, TEST_ISSUER } from '../testing/tokens.js';
import { createTokenVerifier, type TokenVerifierOptions } from './token-verifier.js';
import { VerifiedTokenCache } from './verified-token-cache.js';

const issuer = await createTestIssuer();

/** A verifier with a cache, counting the signatures it actually checks. */
function cachedVerifier(options: Partial<TokenVerifierOptions> = {}) {
  const checked = { count: 0 };
  const cache = options.cache ?? new VerifiedTokenCache(100);
  const verify = createTokenVerifier({
    keys: issuer.jwks,
    issuer: TEST_ISSUER,
    audience: TEST_AUDIENCE,
    cache,
    onSignatureChecked: () => (checked.count += 1),
    ...options,
  });
  return { verify, checked, cache };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('verified tokens kept between requests', () => {
  it("serves a token's second request without checking its signature again", async () => {
    const { verify, checked } = cachedVerifier();
    const token = await issuer.token({ kind: 'MINISTRY', clientId: 'ministry-desk' });
    const first = await verify(`Bearer ${token}`);
    const second = await verify(`Bearer ${token}`);
    expect(second).toEqual(first);
    expect(second.clientId).toBe('ministry-desk');
    expect(checked.count).toBe(1);
  });

  it('keeps the hash of a token, never the token itself', async () => {
    const { verify, cache } = cachedVerifier();
    const token = await issuer.token({ kind: 'MINISTRY' });
    await verify(`Bearer ${token}`);
    const entries = [...(cache as unknown as { entries: Map<string, unknown> }).entries.keys()];
    expect(entries).toHaveLength(1);
    expect(entries[0]).not.toContain(token.slice(0, 20));
    expect(entries[0]).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('does not serve a token from the cache once it has expired', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { verify, checked } = cachedVerifier();
    const token = await issuer.token({ kind: 'MINISTRY', expiresInSeconds: 60 });
    await verify(`Bearer ${token}`);
    vi.setSystemTime(Date.now() + 70_000);
    await expect(verify(`Bearer ${token}`)).rejects.toThrow('The access token has expired.');
    expect(checked.count).toBe(2);
  });

  it('holds at most the entries it was given, dropping the least recently used', async () => {
    const { verify, checked, cache } = cachedVerifier({ cache: new VerifiedTokenCache(2) });
    const tokens = await Promise.all(
      ['a', 'b', 'c'].map((name) => issuer.token({ kind: 'MINISTRY', clientId: `client-${name}` })),
    );
    for (const token of tokens) await verify(`Bearer ${token}`);
    expect(cache.size).toBe(2);
    await verify(`Bearer ${tokens[0]}`);
    expect(checked.count).toBe(4);
  });

  it('refuses a cached token of a client suspended since', async () => {
    const suspended = new Set<string>();
    const { verify } = cachedVerifier({
      isSuspended: (clientId) => Promise.resolve(suspended.has(clientId)),
    });
    const token = await issuer.token({ kind: 'MINISTRY', clientId: 'to-be-suspended' });
    await verify(`Bearer ${token}`);
    suspended.add('to-be-suspended');
    await expect(verify(`Bearer ${token}`)).rejects.toThrow('This client has been suspended.');
  });

  it('refuses a cached token of a person whose session ended (an account disabled ends its sessions)', async () => {
    const ended = new Set<string>();
    const { verify } = cachedVerifier({
      isSessionEnded: (sessionId) => Promise.resolve(ended.has(sessionId)),
    });
    const person = { accountId: randomUUID(), role: 'CASE_OFFICER', sessionId: randomUUID() };
    const token = await issuer.token({ kind: 'MINISTRY', person });
    await expect(verify(`Bearer ${token}`)).resolves.toMatchObject({
      person: { accountId: person.accountId },
    });
    ended.add(person.sessionId);
    await expect(verify(`Bearer ${token}`)).rejects.toThrow('This session has ended; sign in again.');
  });

  it('does not accept through a shared cache a token meant for another audience', async () => {
    const cache = new VerifiedTokenCache(100);
    const ours = cachedVerifier({ cache });
    const theirs = cachedVerifier({ cache, audience: 'urn:another:service' });
    const token = await issuer.token({ kind: 'MINISTRY' });
    await ours.verify(`Bearer ${token}`);
    await expect(theirs.verify(`Bearer ${token}`)).rejects.toThrow('The access token is not valid.');
    expect(theirs.checked.count).toBe(1);
  });

  it('checks the signature again once the key set has changed', async () => {
    let keySet = {};
    const { verify, checked } = cachedVerifier({ keysVersion: () => keySet });
    const token = await issuer.token({ kind: 'MINISTRY' });
    await verify(`Bearer ${token}`);
    await verify(`Bearer ${token}`);
    keySet = {};
    await verify(`Bearer ${token}`);
    expect(checked.count).toBe(2);
  });

  it('does not keep a token that failed verification', async () => {
    const { verify, checked, cache } = cachedVerifier();
    const token = await issuer.token({ kind: 'MINISTRY' });
    const forged = `${token.slice(0, -4)}AAAA`;
    await expect(verify(`Bearer ${forged}`)).rejects.toThrow('The access token is not valid.');
    await expect(verify(`Bearer ${forged}`)).rejects.toThrow('The access token is not valid.');
    expect([cache.size, checked.count]).toEqual([0, 2]);
  });
});
