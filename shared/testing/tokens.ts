import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type JSONWebKeySet, type JWK } from 'jose';
import { SCOPES_BY_KIND, type InstitutionKind, type Scope } from '../auth/principal.js';
import { createTokenVerifier, type TokenVerifier } from '../auth/token-verifier.js';

export const TEST_ISSUER = 'http://hub.test';
export const TEST_AUDIENCE = 'urn:migran-center:hub';

export interface TestIdentity {
  readonly kind: InstitutionKind;
  readonly institutionId?: string;
  readonly regionCode?: string | null;
  /** Defaults to every scope the kind may hold. */
  readonly scopes?: readonly Scope[];
  readonly clientId?: string;
  readonly expiresInSeconds?: number;
  /** A console token: the person signed in (their account is the subject) and their session. */
  readonly person?: { readonly accountId: string; readonly role: string; readonly sessionId: string };
}

/**
 * A signing key pair standing in for the gateway's, for subgraph tests that run without a
 * gateway. Tokens are real ES256 JWTs, verified by the subgraph's real verifier.
 */
export async function createTestIssuer() {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const kid = randomUUID();
  const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
  const jwks: JSONWebKeySet = { keys: [publicJwk] };

  async function token(identity: TestIdentity): Promise<string> {
    const institutionId = identity.institutionId ?? randomUUID();
    const regionCode = identity.kind === 'LABOUR_OFFICE' ? (identity.regionCode ?? '35.07') : null;
    return new SignJWT({
      client_id: identity.clientId ?? `test-${identity.kind.toLowerCase()}`,
      institution_id: institutionId,
      institution_kind: identity.kind,
      region_code: regionCode,
      scope: (identity.scopes ?? SCOPES_BY_KIND[identity.kind]).join(' '),
      ...(identity.person ? { account_role: identity.person.role, sid: identity.person.sessionId } : {}),
    })
      .setProtectedHeader({ alg: 'ES256', kid })
      .setIssuer(TEST_ISSUER)
      .setAudience(TEST_AUDIENCE)
      .setSubject(identity.person?.accountId ?? identity.clientId ?? `test-${identity.kind.toLowerCase()}`)
      .setIssuedAt()
      .setJti(randomUUID())
      .setExpirationTime(`${identity.expiresInSeconds ?? 300}s`)
      .sign(privateKey);
  }

  const verifier: TokenVerifier = createTokenVerifier({
    keys: jwks,
    issuer: TEST_ISSUER,
    audience: TEST_AUDIENCE,
  });
  return { token, verifier, jwks, privateKey, kid };
}

export type TestIssuer = Awaited<ReturnType<typeof createTestIssuer>>;
