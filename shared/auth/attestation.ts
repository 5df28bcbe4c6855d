import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Facts one hub service vouches for to another when the message travels through the gateway with
 * a client's own token: the consent the labour subgraph recorded at the desk, sent on to the
 * grantees' subgraphs. The client's token says who asks; only an attestation says the content
 * comes from the owning subgraph rather than from the client, who could otherwise send any worker
 * with a kecamatan of its own region. HMAC-SHA256 with a key derived from the secret the hub's
 * services share (`GATEWAY_SIGNING_SECRET`), one key per kind of fact; without a secret nothing
 * can be attested and nothing is believed.
 */
export class Attestations {
  constructor(private readonly secret: string | undefined) {}

  /** Throws when the service has no secret: sending an unverifiable fact would only be refused. */
  sign(kind: string, claims: readonly unknown[]): string {
    if (!this.secret) throw new Error('GATEWAY_SIGNING_SECRET is not configured; facts cannot be attested');
    return `v1.${this.mac(this.secret, kind, claims)}`;
  }

  verify(kind: string, claims: readonly unknown[], attestation: string): boolean {
    if (!this.secret) return false;
    const expected = Buffer.from(`v1.${this.mac(this.secret, kind, claims)}`);
    const given = Buffer.from(attestation);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private mac(secret: string, kind: string, claims: readonly unknown[]): string {
    const key = createHmac('sha256', secret).update(`migran-hub attestation: ${kind}`).digest();
    return createHmac('sha256', key).update(JSON.stringify(claims)).digest('base64url');
  }
}

/** The parts of a consent that a grantee's subgraph records, as attested by the labour subgraph. */
export interface ConsentFactClaims {
  readonly consentId: string;
  readonly workerId: string;
  readonly purpose: string;
  readonly workerDistrictCode: string;
  readonly granteeInstitutionId: string;
  readonly grantedAt: Date;
  readonly expiresAt?: Date | null | undefined;
  readonly revokedAt?: Date | null | undefined;
}

export const CONSENT_FACT = 'consent-fact';

export function consentFactClaims(fact: ConsentFactClaims): readonly unknown[] {
  return [
    fact.consentId,
    fact.workerId,
    fact.purpose,
    fact.workerDistrictCode,
    fact.granteeInstitutionId,
    fact.grantedAt.toISOString(),
    fact.expiresAt?.toISOString() ?? null,
    fact.revokedAt?.toISOString() ?? null,
  ];
}
