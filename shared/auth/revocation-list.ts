/** What has been cut off before its tokens expire: suspended clients and ended console sessions. */
export interface Revocations {
  readonly clients: readonly string[];
  readonly sessions: readonly string[];
}

/**
 * The kill switch as every service checks it: the ids of suspended clients and of ended console
 * sessions, re-read from their source at most once per `maxAgeMs` (one cheap read, whatever the
 * traffic). When the source cannot be read, a list up to `staleForMs` old is still used; older than
 * that, every request is refused, because a suspension that might have happened must be assumed
 * to have happened.
 */
export class RevocationList {
  private suspended = new Set<string>();
  private ended = new Set<string>();
  private loadedAt = 0;
  private loading: Promise<void> | null = null;

  constructor(
    private readonly load: () => Promise<Revocations>,
    private readonly maxAgeMs = 1_000,
    private readonly staleForMs = 60_000,
  ) {}

  async isSuspended(clientId: string): Promise<boolean> {
    await this.current();
    return this.suspended.has(clientId);
  }

  async isSessionEnded(sessionId: string): Promise<boolean> {
    await this.current();
    return this.ended.has(sessionId);
  }

  /** Re-reads the list now (concurrent callers share one read). */
  async refresh(): Promise<void> {
    this.loading ??= this.load()
      .then(({ clients, sessions }) => {
        this.suspended = new Set(clients);
        this.ended = new Set(sessions);
        this.loadedAt = Date.now();
      })
      .finally(() => {
        this.loading = null;
      });
    await this.loading;
  }

  private async current(): Promise<void> {
    if (Date.now() - this.loadedAt <= this.maxAgeMs) return;
    try {
      await this.refresh();
    } catch (error) {
      if (Date.now() - this.loadedAt > this.staleForMs) throw error;
    }
  }
}

const isIdList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((id) => typeof id === 'string');

/** Reads the gateway's public revocation list (`/.well-known/revoked-clients`). */
export function remoteRevocations(gatewayUrl: () => string): () => Promise<Revocations> {
  return async () => {
    const response = await fetch(new URL('/.well-known/revoked-clients', gatewayUrl()), {
      signal: AbortSignal.timeout(3_000),
    });
    if (!response.ok) throw new Error(`revocation list answered ${response.status}`);
    const body = (await response.json()) as { clients?: unknown; sessions?: unknown };
    if (!isIdList(body.clients) || !isIdList(body.sessions ?? []))
      throw new Error('revocation list is malformed');
    return { clients: body.clients, sessions: (body.sessions ?? []) as string[] };
  };
}
