/**
 * The nonces (`jti`) of signed requests already accepted, kept until their signature's window
 * has passed, so that a captured request cannot be sent again. In memory, per process: a replica
 * does not see the nonces its siblings accepted (README "Security", replicas).
 *
 * Bounded: past `maxEntries` the oldest nonce is forgotten, and from then on nothing issued at or
 * before it is accepted (`floor`): under a flood the window narrows, and a replay never passes.
 */
export class SeenNonces {
  /** Nonce to its `iat` (seconds); insertion order is roughly issue order. */
  private readonly seen = new Map<string, number>();
  private floor = Number.NEGATIVE_INFINITY;

  constructor(
    /** How long after its `iat` a signature can still be accepted, tolerance included. */
    private readonly retainSeconds: number,
    private readonly maxEntries = 100_000,
  ) {}

  /** Records the nonce; false when it was seen already or is too old to tell. */
  claim(nonce: string, issuedAt: number, nowSeconds = Date.now() / 1000): boolean {
    this.forgetExpired(nowSeconds);
    if (issuedAt <= this.floor || this.seen.has(nonce)) return false;
    if (this.seen.size >= this.maxEntries) {
      const [oldest, oldestIssuedAt] = this.seen.entries().next().value as [string, number];
      this.seen.delete(oldest);
      this.floor = Math.max(this.floor, oldestIssuedAt);
      if (issuedAt <= this.floor) return false;
    }
    this.seen.set(nonce, issuedAt);
    return true;
  }

  get size(): number {
    return this.seen.size;
  }

  private forgetExpired(nowSeconds: number): void {
    for (const [nonce, issuedAt] of this.seen) {
      if (issuedAt + this.retainSeconds >= nowSeconds) return;
      this.seen.delete(nonce);
    }
  }
}
