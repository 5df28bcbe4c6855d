import type { ConsentFactRow } from './db/schema.js';

/** A consent binds while it is neither revoked nor expired. */
export function isConsentFactActive(fact: ConsentFactRow, now: Date = new Date()): boolean {
  return fact.revokedAt === null && (fact.expiresAt === null || fact.expiresAt > now);
}
