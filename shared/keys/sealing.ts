import { hkdfSync, randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CompactEncrypt, compactDecrypt, type JWK } from 'jose';
import type { HubConfig } from '../config.js';
import type { StoreName } from '../db/migrations.js';

const KEK_FILE_ENCODING = 'utf8';

/**
 * Private keys at rest: every private JWK a service keeps in its database is sealed as a compact
 * JWE (`dir`, A256GCM) under a key derived from the service's own key-encryption key (KEK), which
 * lives outside the database (environment or a mounted file). A database administrator, or a
 * backup, sees ciphertext; the key id is in the authenticated header, so a sealed key cannot be
 * moved to another row unnoticed.
 */
export class KeySealer {
  private constructor(private readonly key: Uint8Array) {}

  /** Derives the sealing key of one service from its KEK (the service name keeps services apart). */
  static fromSecret(service: StoreName, secret: string): KeySealer {
    const derived = hkdfSync(
      'sha256',
      Buffer.from(secret, 'utf8'),
      'migran-hub',
      `key-encryption:${service}`,
      32,
    );
    return new KeySealer(new Uint8Array(derived));
  }

  async seal(kid: string, jwk: JWK): Promise<string> {
    return new CompactEncrypt(new TextEncoder().encode(JSON.stringify(jwk)))
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid, cty: 'jwk+json' })
      .encrypt(this.key);
  }

  /** Throws `KeyUnsealError` when the blob was not sealed under this KEK or belongs to another key. */
  async unseal(kid: string, sealed: string): Promise<JWK> {
    try {
      const { plaintext, protectedHeader } = await compactDecrypt(sealed, this.key);
      if (protectedHeader.kid !== kid) throw new Error('sealed for another key id');
      return JSON.parse(new TextDecoder().decode(plaintext)) as JWK;
    } catch (error) {
      throw new KeyUnsealError(kid, error);
    }
  }
}

export class KeyUnsealError extends Error {
  constructor(kid: string, cause: unknown) {
    super(
      `The private key ${kid} cannot be decrypted with this service's key-encryption key: is it the KEK the key was sealed under?`,
      { cause },
    );
    this.name = 'KeyUnsealError';
  }
}

/**
 * The service's KEK: given inline, read from its file, or (outside production only) made once in
 * `<dataDir>/secrets/<service>.kek` so that an embedded hub keeps its keys across restarts.
 * Production refuses to start without one (`serviceProductionProblems`), so none is made there.
 */
export function keySealerFor(config: HubConfig, service: StoreName): KeySealer {
  const source = config.keys.encryption[service];
  if (source.value) return KeySealer.fromSecret(service, source.value);
  if (source.file) return KeySealer.fromSecret(service, readKekFile(source.file));
  if (config.production) throw new Error(`The ${service} service has no key-encryption key.`);
  return KeySealer.fromSecret(service, developmentKek(join(config.dataDir, 'secrets'), service));
}

function readKekFile(path: string): string {
  const secret = readFileSync(path, KEK_FILE_ENCODING).trim();
  if (secret.length < 32) throw new Error(`The key-encryption key in ${path} is shorter than 32 characters.`);
  return secret;
}

/** Creates the file atomically (write aside, then link), so concurrent starts agree on one KEK. */
function developmentKek(dir: string, service: StoreName): string {
  const path = join(dir, `${service}.kek`);
  try {
    return readKekFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const aside = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(aside, randomBytes(32).toString('base64url'), { mode: 0o600 });
  try {
    linkSync(aside, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(aside, { force: true });
  }
  return readKekFile(path);
}
