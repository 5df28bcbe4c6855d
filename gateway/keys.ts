import { randomBytes, randomUUID } from 'node:crypto';
import { desc, eq, isNull, isNotNull, gt, or, and } from 'drizzle-orm';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import type { Database } from '../shared/db/database.js';
import { cookieKeys, signingKeys, type SigningKeyRow } from './db/schema.js';

export const SIGNING_ALGORITHM = 'ES256';

async function newKeyRow(): Promise<typeof signingKeys.$inferInsert> {
  const { privateKey, publicKey } = await generateKeyPair(SIGNING_ALGORITHM, { extractable: true });
  const kid = randomUUID();
  const common = { kid, alg: SIGNING_ALGORITHM, use: 'sig' };
  return {
    kid,
    privateJwk: { ...(await exportJWK(privateKey)), ...common },
    publicJwk: { ...(await exportJWK(publicKey)), ...common },
  };
}

/** Creates the first signing key if there is none yet. */
export async function ensureSigningKey(db: Database): Promise<void> {
  const [active] = await db
    .select({ kid: signingKeys.kid })
    .from(signingKeys)
    .where(isNull(signingKeys.retiredAt));
  if (!active) await db.insert(signingKeys).values(await newKeyRow());
}

/**
 * Replaces the signing key. The old key is retired, not deleted: it stays published until every
 * token it signed has expired, so rotation never cuts off a client mid-token.
 */
export async function rotateSigningKey(db: Database): Promise<string> {
  const row = await newKeyRow();
  await db.transaction(async (tx) => {
    await tx.update(signingKeys).set({ retiredAt: new Date() }).where(isNull(signingKeys.retiredAt));
    await tx.insert(signingKeys).values(row);
  });
  return row.kid;
}

export interface KeySet {
  /** The key new tokens are signed with. */
  readonly active: SigningKeyRow;
  /** Every key whose tokens may still be valid, newest first (the active one included). */
  readonly valid: readonly SigningKeyRow[];
}

export async function loadKeySet(db: Database, tokenTtlSeconds: number): Promise<KeySet> {
  // A key retired less than one token lifetime (plus clock tolerance) ago may still have live tokens.
  const stillValidSince = new Date(Date.now() - (tokenTtlSeconds + 60) * 1000);
  const valid = await db
    .select()
    .from(signingKeys)
    .where(
      or(
        isNull(signingKeys.retiredAt),
        and(isNotNull(signingKeys.retiredAt), gt(signingKeys.retiredAt, stillValidSince)),
      ),
    )
    .orderBy(desc(signingKeys.createdAt));
  const active = valid.find((key) => key.retiredAt === null);
  if (!active) throw new Error('No active signing key; run ensureSigningKey first.');
  return { active, valid };
}

export function publicJwks(keySet: KeySet): { keys: JWK[] } {
  return { keys: keySet.valid.map((key) => key.publicJwk as JWK) };
}

export async function findKey(db: Database, kid: string): Promise<SigningKeyRow | undefined> {
  const [row] = await db.select().from(signingKeys).where(eq(signingKeys.kid, kid));
  return row;
}

/**
 * Keys that sign the authorization server's cookies, newest first, created on first start and
 * kept in the gateway's database so that every replica accepts every other's cookies.
 */
export async function loadCookieKeys(db: Database): Promise<string[]> {
  const existing = await db.select().from(cookieKeys).orderBy(desc(cookieKeys.createdAt));
  if (existing.length > 0) return existing.map((row) => row.secret);
  await db.insert(cookieKeys).values({ secret: randomBytes(32).toString('base64url') });
  const created = await db.select().from(cookieKeys).orderBy(desc(cookieKeys.createdAt));
  return created.map((row) => row.secret);
}
