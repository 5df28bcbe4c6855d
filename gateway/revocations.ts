import type { Database } from '../shared/db/database.js';
import { suspendedClientIds } from './clients.js';

/**
 * Which clients are suspended, as the gateway checks on every request. The list is re-read from
 * the store at most once per `maxAgeMs` (one indexed query, whatever the traffic), and at once
 * after a suspension through this gateway.
 */
export class RevocationList {
  private suspended = new Set<string>();
  private loadedAt = 0;
  private loading: Promise<void> | null = null;

  constructor(
    private readonly db: Database,
    private readonly maxAgeMs = 1_000,
  ) {}

  async isSuspended(clientId: string): Promise<boolean> {
    if (Date.now() - this.loadedAt > this.maxAgeMs) await this.refresh();
    return this.suspended.has(clientId);
  }

  async refresh(): Promise<void> {
    this.loading ??= suspendedClientIds(this.db)
      .then((ids) => {
        this.suspended = new Set(ids);
        this.loadedAt = Date.now();
      })
      .finally(() => {
        this.loading = null;
      });
    await this.loading;
  }

  list(): readonly string[] {
    return [...this.suspended];
  }
}
