/**
 * The kill switch as every service checks it: the ids of suspended clients, re-read from their
 * source at most once per `maxAgeMs` (one cheap read, whatever the traffic). When the source
 * cannot be read, a list up to `staleForMs` old is still used; older than that, every request is
 * refused, because a suspension that might have happened must be assumed to have happened.
 */
export class RevocationList {
  private suspended = new Set<string>();
  private loadedAt = 0;
  private loading: Promise<void> | null = null;

  constructor(
    private readonly load: () => Promise<readonly string[]>,
    private readonly maxAgeMs = 1_000,
    private readonly staleForMs = 60_000,
  ) {}

  async isSuspended(clientId: string): Promise<boolean> {
    if (Date.now() - this.loadedAt > this.maxAgeMs) {
      try {
        await this.refresh();
      } catch (error) {
        if (Date.now() - this.loadedAt > this.staleForMs) throw error;
      }
    }
    return this.suspended.has(clientId);
  }

  /** Re-reads the list now (concurrent callers share one read). */
  async refresh(): Promise<void> {
    this.loading ??= this.load()
      .then((ids) => {
        this.suspended = new Set(ids);
        this.loadedAt = Date.now();
      })
      .finally(() => {
        this.loading = null;
      });
    await this.loading;
  }
}

/** Reads the gateway's public list of suspended clients (`/.well-known/revoked-clients`). */
export function remoteRevocations(gatewayUrl: () => string): () => Promise<readonly string[]> {
  return async () => {
    const response = await fetch(new URL('/.well-known/revoked-clients', gatewayUrl()), {
      signal: AbortSignal.timeout(3_000),
    });
    if (!response.ok) throw new Error(`revocation list answered ${response.status}`);
    const body = (await response.json()) as { clients?: unknown };
    if (!Array.isArray(body.clients) || !body.clients.every((id) => typeof id === 'string')) {
      throw new Error('revocation list is malformed');
    }
    return body.clients;
  };
}
