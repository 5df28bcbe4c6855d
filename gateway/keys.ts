import { randomBytes, randomUUID } from 'node:crypto';
import { desc, eq, isNull, isNotNull, gt, or, and } from 'drizzle-orm';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import type { Database } from '../shared/db/database.js';
import type { KeySealer } from '../shared/keys/sealing.js';
import { cookieKeys, signingKeys, type SigningKeyRow } from './db/schema.js';

export const SIGNING_ALGORITHM = 'ES256';

async function newKeyRow(sealer: KeySealer): Promise<typeof signingKeys.$inferInsert> {
  const { privateKey, publicKey } = await generateKeyPair(SIGNING_ALGORITHM, { extractable: true });
  const kid = randomUUID();
  const common = { kid, alg: SIGNING_ALGORITHM, use: 'sig' };
  return {
    kid,
    privateJwk: null,
    privateKeySealed: await sealer.seal(kid, { ...(await exportJWK(privateKey)), ...common }),
    publicJwk: { ...(await exportJWK(publicKey)), ...common },
  };
}

/**
 * Creates the first signing key if there is none yet, and seals any private key a hub from before
 * sealing left in the clear (SQL cannot do it: the key-encryption key never enters the database).
 */
export async function ensureSigningKey(db: Database, sealer: KeySealer): Promise<void> {
  const plaintext = await db
    .select({ kid: signingKeys.kid, privateJwk: signingKeys.privateJwk })
    .from(signingKeys)
    .where(isNotNull(signingKeys.privateJwk));
  for (const row of plaintext) {
    await db
      .update(signingKeys)
      .set({ privateKeySealed: await sealer.seal(row.kid, row.privateJwk as JWK), privateJwk: null })
      .where(eq(signingKeys.kid, row.kid));
  }
  const [active] = await db
    .select({ kid: signingKeys.kid })
    .from(signingKeys)
    .where(isNull(signingKeys.retiredAt));
  if (!active) await db.insert(signingKeys).values(await newKeyRow(sealer));
}

/**
 * Replaces the signing key. The old key is retired, not deleted: it stays published until every
 * token it signed has expired, so rotation never cuts off a client mid-token.
 */
export async function rotateSigningKey(db: Database, sealer: KeySealer): Promise<string> {
  const row = await newKeyRow(sealer);
  await db.transaction(async (tx) => {
    await tx.update(signingKeys).set({ retiredAt: new Date() }).where(isNull(signingKeys.retiredAt));
    await tx.insert(signingKeys).values(row);
  });
  return row.kid;
}

/** A signing key as the authorization server uses it: the private JWK unsealed, in memory only. */
export interface SigningKey {
  readonly kid: string;
  readonly privateJwk: JWK;
  readonly publicJwk: JWK;
  readonly retiredAt: Date | null;
}

export interface KeySet {
  /** The key new tokens are signed with. */
  readonly active: SigningKey;
  /** Every key whose tokens may still be valid, newest first (the active one included). */
  readonly valid: readonly SigningKey[];
}

async function unsealed(row: SigningKeyRow, sealer: KeySealer): Promise<SigningKey> {
  if (!row.privateKeySealed)
    throw new Error(`Signing key ${row.kid} is not sealed; run ensureSigningKey first.`);
  return {
    kid: row.kid,
    privateJwk: await sealer.unseal(row.kid, row.privateKeySealed),
    publicJwk: row.publicJwk as JWK,
    retiredAt: row.retiredAt,
  };
}

export async function loadKeySet(db: Database, tokenTtlSeconds: number, sealer: KeySealer): Promise<KeySet> {
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
    .orderBy(desc(signingKeys.createdAt))
    .then((rows) => Promise.all(rows.map((row) => unsealed(row, sealer))));
  const active = valid.find((key) => key.retiredAt === null);
  if (!active) throw new Error('No active signing key; run ensureSigningKey first.');
  return { active, valid };
}

export function publicJwks(keySet: KeySet): { keys: JWK[] } {
  return { keys: keySet.valid.map((key) => key.publicJwk) };
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
