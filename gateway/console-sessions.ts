import { and, eq, sql } from 'drizzle-orm';
import type { HubConfig } from '../shared/config.js';
import type { Database } from '../shared/db/database.js';
import { endedSessions, oidcPayloads } from './db/schema.js';
import { sessionHolding } from './oidc-store.js';

/** How long a person's console session may idle and last, and how long one access token lives. */
export interface ConsoleSessionPolicy {
  /** A session unused this long ends: its refresh token expires. */
  readonly idleSeconds: number;
  /** A session ends this long after sign-in, however busy. */
  readonly maxSeconds: number;
  /** Lifetime of one console access token; sign-out ends them all at once (ended sessions). */
  readonly accessTokenSeconds: number;
}

export function consoleSessionPolicy(config: HubConfig): ConsoleSessionPolicy {
  return {
    idleSeconds: config.console.idleMinutes * 60,
    maxSeconds: config.console.maxHours * 3600,
    accessTokenSeconds: Math.min(config.tokens.ttlSeconds, 300),
  };
}

/**
 * The lifetime of a refresh token being issued: another idle period, but never past the session's
 * absolute end, counted from the first token of the chain (`iiat`, which rotation carries on).
 * At least one second, as oidc-provider requires.
 */
export function refreshTokenSeconds(
  policy: ConsoleSessionPolicy,
  token: { readonly iiat?: number | undefined; readonly iat?: number | undefined },
  now = Math.floor(Date.now() / 1000),
): number {
  const since = token.iiat ?? token.iat ?? now;
  return Math.max(1, Math.min(policy.idleSeconds, policy.maxSeconds - (now - since)));
}

/**
 * Ends every console session of an account at once (it was disabled): its grants and their tokens
 * go, and every service refuses the session's access tokens from its next revocation-list read.
 */
export async function endAccountSessions(
  db: Database,
  accountId: string,
  config: HubConfig,
): Promise<number> {
  const grants = await db
    .select({ id: oidcPayloads.id })
    .from(oidcPayloads)
    .where(and(eq(oidcPayloads.model, 'Grant'), sql`${oidcPayloads.payload}->>'accountId' = ${accountId}`));
  for (const { id } of grants) {
    await db.delete(oidcPayloads).where(eq(oidcPayloads.grantId, id));
    await db.delete(oidcPayloads).where(and(eq(oidcPayloads.model, 'Grant'), eq(oidcPayloads.id, id)));
    await db.delete(oidcPayloads).where(sessionHolding(id));
    await db
      .insert(endedSessions)
      .values({ grantId: id, forgetAfter: new Date(Date.now() + 2 * config.tokens.ttlSeconds * 1000) })
      .onConflictDoNothing();
  }
  return grants.length;
}
