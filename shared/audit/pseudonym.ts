import { createHmac, randomBytes } from 'node:crypto';

/**
 * Stands for a protected key (a NIK someone searched for) in the access log: an HMAC-SHA256 under
 * a key only the owning service holds. Whoever holds the key can answer "did anyone look up this
 * NIK, and who?" by computing its pseudonym; the log itself, its backups and its auditors never
 * hold the NIK, and without the key a 16-digit NIK cannot be recovered by trying them all (a
 * plain hash could be: there are only some 10^9 plausible NIKs per regency).
 */
export class KeyedPseudonyms {
  private readonly key: Buffer;

  /** Without a configured key (development, tests) each start gets a random one. */
  constructor(key: string | undefined) {
    this.key = key ? Buffer.from(key, 'utf8') : randomBytes(32);
  }

  of(kind: 'nik', value: string): string {
    return `hmac-sha256:${createHmac('sha256', this.key).update(`${kind}\u0000${value}`).digest('hex')}`;
  }
}
