import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Principal } from './principal.js';

/** What a token's signature and claims were found to say, kept so that its next request skips both. */
export interface VerifiedToken {
  readonly principal: Principal;
  readonly issuer: string;
  readonly audience: readonly string[];
  /** `exp` and `nbf`, in seconds since the epoch. */
  readonly expiresAt: number;
  readonly notBefore: number | undefined;
  /** The key set the signature was checked against (`keysVersion`): a new key set forgets the entry. */
  readonly keys: unknown;
}

/**
 * Tokens whose signature and claims have been verified, by the SHA-256 of the token (the cache
 * never holds a token that could be replayed from a heap dump), each until its `exp` and never
 * past it, at most `maxEntries` of them (least recently used go first). Only what a signature
 * proves is kept: suspension, ended sessions and the clock are still checked on every request.
 */
export class VerifiedTokenCache {
  private readonly entries: LRUCache<string, VerifiedToken>;

  constructor(
    readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {
    this.entries = new LRUCache({ max: maxEntries });
  }

  /** The entry of a token verified against `keys`, unless it has expired or the keys changed. */
  get(token: string, keys: unknown): VerifiedToken | undefined {
    const key = keyOf(token);
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.keys !== keys || this.now() >= entry.expiresAt * 1000) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  set(token: string, entry: VerifiedToken): void {
    const ttl = entry.expiresAt * 1000 - this.now();
    if (ttl <= 0) return;
    this.entries.set(keyOf(token), entry, { ttl });
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}

function keyOf(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
