import { randomUUID } from 'node:crypto';
import { desc, gt, isNull, or } from 'drizzle-orm';
import { pgSchema } from 'drizzle-orm/pg-core';
import {
  exportJWK,
  generateKeyPair,
  importJWK,
  SignJWT,
  type CryptoKey,
  type JSONWebKeySet,
  type JWK,
  type JWTPayload,
  type KeyObject,
} from 'jose';
import type { Database } from '../db/database.js';
import type { StoreName } from '../db/migrations.js';
import type { KeySealer } from './sealing.js';
import { serviceKeysTable, type ServiceKeyRow } from './table.js';

/** Every service key is Ed25519: small signatures, fast to make and to check on each request. */
export const SERVICE_KEY_ALG = 'EdDSA';
/** A retired key stays published this long, for what it signed just before the rotation. */
const RETIRED_KEY_GRACE_MS = 24 * 60 * 60 * 1000;
/** How often a running service looks for a rotated key. */
const DEFAULT_REFRESH_MS = 30_000;

/** The `iss` of everything a service signs. */
export function serviceIssuer(service: StoreName): string {
  return `urn:migran-hub:${service}`;
}

const tables = new Map<StoreName, ReturnType<typeof serviceKeysTable>>();
function tableOf(service: StoreName) {
  let table = tables.get(service);
  if (!table) {
    table = serviceKeysTable(pgSchema(service));
    tables.set(service, table);
  }
  return table;
}

async function newKeyRow(sealer: KeySealer, activatesAt: Date) {
  const { privateKey, publicKey } = await generateKeyPair(SERVICE_KEY_ALG, {
    crv: 'Ed25519',
    extractable: true,
  });
  const kid = randomUUID();
  const common = { kid, alg: SERVICE_KEY_ALG, use: 'sig' };
  return {
    kid,
    alg: SERVICE_KEY_ALG,
    publicJwk: { ...(await exportJWK(publicKey)), ...common },
    privateKeySealed: await sealer.seal(kid, { ...(await exportJWK(privateKey)), ...common }),
    activatesAt,
  };
}

/**
 * Adds a new key pair for the service and retires the one signing now. `activateInSeconds` lets the
 * new key be published before it signs, so peers holding a cached key set meet it only after they
 * can have fetched it (zero-downtime rotation); the old key signs until then and stays published.
 */
export async function rotateServiceKey(
  db: Database,
  service: StoreName,
  sealer: KeySealer,
  options: { readonly activateInSeconds?: number } = {},
): Promise<string> {
  const table = tableOf(service);
  // A service that never started has no key to hand over from: make its first one now.
  await ensureServiceKey(db, service, sealer);
  const activatesAt = new Date(Date.now() + (options.activateInSeconds ?? 0) * 1000);
  const row = await newKeyRow(sealer, activatesAt);
  await db.transaction(async (tx) => {
    await tx.update(table).set({ retiredAt: activatesAt }).where(isNull(table.retiredAt));
    await tx.insert(table).values(row);
  });
  return row.kid;
}

/** Creates the service's first key when it has none (a concurrent start may win; that is fine). */
async function ensureServiceKey(db: Database, service: StoreName, sealer: KeySealer): Promise<void> {
  const table = tableOf(service);
  const [any] = await db.select({ kid: table.kid }).from(table).where(isNull(table.retiredAt)).limit(1);
  if (!any) await db.insert(table).values(await newKeyRow(sealer, new Date()));
}

export interface ServiceSignOptions {
  /** The JOSE `typ`, one per kind of statement, so no statement can pass for another. */
  readonly typ: string;
  /** The service (or services) the statement is for. */
  readonly audience: string | string[];
  /** Seconds the statement is valid; absent: it does not expire (a chain head, an attestation). */
  readonly lifetimeSeconds?: number;
}

/**
 * A service's own signing keys, as it uses them: the newest active key signs, every key still
 * published is listed at `/.well-known/hub-keys.json`. Re-read from the database at most every
 * `refreshMs`, so a rotation reaches a running service without a restart.
 */
export class ServiceKeyRing {
  private signing: { readonly kid: string; readonly key: CryptoKey | KeyObject } | undefined;
  private published: JWK[] = [];
  private loadedAt = 0;
  private reloading: Promise<void> | undefined;

  private constructor(
    readonly service: StoreName,
    private readonly db: Database,
    private readonly sealer: KeySealer,
    private readonly refreshMs: number,
  ) {}

  static async open(
    db: Database,
    service: StoreName,
    sealer: KeySealer,
    options: { readonly refreshMs?: number } = {},
  ): Promise<ServiceKeyRing> {
    await ensureServiceKey(db, service, sealer);
    const ring = new ServiceKeyRing(service, db, sealer, options.refreshMs ?? DEFAULT_REFRESH_MS);
    await ring.reload();
    return ring;
  }

  get issuer(): string {
    return serviceIssuer(this.service);
  }

  /** The key id that signs now. */
  get activeKid(): string {
    if (!this.signing) throw new Error(`The ${this.service} service has no signing key loaded.`);
    return this.signing.kid;
  }

  publicJwks(): JSONWebKeySet {
    return { keys: this.published };
  }

  async sign(claims: JWTPayload, options: ServiceSignOptions): Promise<string> {
    if (Date.now() - this.loadedAt > this.refreshMs) await this.reload();
    const signing = this.signing;
    if (!signing) throw new Error(`The ${this.service} service has no signing key loaded.`);
    const jwt = new SignJWT(claims)
      .setProtectedHeader({ alg: SERVICE_KEY_ALG, kid: signing.kid, typ: options.typ })
      .setIssuer(this.issuer)
      .setAudience(options.audience)
      .setIssuedAt();
    if (options.lifetimeSeconds !== undefined) jwt.setExpirationTime(`${options.lifetimeSeconds}s`);
    return jwt.sign(signing.key);
  }

  /** Reads the keys again now (after a rotation in this process, or on the refresh interval). */
  reload(): Promise<void> {
    this.reloading ??= this.load().finally(() => {
      this.reloading = undefined;
    });
    return this.reloading;
  }

  private async load(): Promise<void> {
    const table = tableOf(this.service);
    const now = new Date();
    const rows: ServiceKeyRow[] = await this.db
      .select()
      .from(table)
      .where(or(isNull(table.retiredAt), gt(table.retiredAt, new Date(now.getTime() - RETIRED_KEY_GRACE_MS))))
      .orderBy(desc(table.activatesAt));
    const active = rows.find((row) => row.activatesAt <= now) ?? rows[rows.length - 1];
    if (!active) throw new Error(`The ${this.service} service has no signing key.`);
    if (active.kid !== this.signing?.kid) {
      const jwk = await this.sealer.unseal(active.kid, active.privateKeySealed);
      const key = await importJWK(jwk, SERVICE_KEY_ALG);
      if (key instanceof Uint8Array) throw new Error(`Key ${active.kid} is not an Ed25519 private key.`);
      this.signing = { kid: active.kid, key };
    }
    this.published = rows.map((row) => row.publicJwk as JWK);
    this.loadedAt = Date.now();
  }
}

/** Every key the service ever had, public halves only (audit verify checks old signatures with them). */
export async function allPublicKeys(db: Database, service: StoreName): Promise<JSONWebKeySet> {
  const table = tableOf(service);
  const rows = await db.select({ publicJwk: table.publicJwk }).from(table).orderBy(desc(table.createdAt));
  return { keys: rows.map((row) => row.publicJwk as JWK) };
}
