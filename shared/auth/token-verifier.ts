import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors as joseErrors,
  jwtVerify,
  type JSONWebKeySet,
  type JWTVerifyGetKey,
} from 'jose';
import { z } from 'zod';
import { UnauthenticatedError } from '../errors.js';
import { isWithinRegion } from '../reference/regions.js';
import { INSTITUTION_KINDS, SCOPES, SCOPES_BY_KIND, type Principal, type Scope } from './principal.js';
import type { VerifiedToken, VerifiedTokenCache } from './verified-token-cache.js';

/** Claims of a hub access token beyond the registered ones (iss, aud, exp, iat, jti, sub). */
const hubClaims = z.object({
  client_id: z.string().min(1),
  institution_id: z.uuid(),
  institution_kind: z.enum(INSTITUTION_KINDS),
  region_code: z.string().nullable().optional(),
  scope: z.string(),
  sub: z.string().min(1),
  /** Console tokens only: the person's role and session (shared/auth/principal.ts `Person`). */
  account_role: z.string().min(1).optional(),
  sid: z.string().min(1).optional(),
});

export interface TokenVerifierOptions {
  /** Where to fetch the issuer's public keys (cached), the key set itself, or a key resolver. */
  readonly keys: URL | JSONWebKeySet | JWTVerifyGetKey;
  readonly issuer: string;
  readonly audience: string;
  /** The kill switch: a suspended client's still-valid tokens are refused. */
  readonly isSuspended?: (clientId: string) => Promise<boolean>;
  /** A console session that was ended (signed out): its still-valid tokens are refused. */
  readonly isSessionEnded?: (sessionId: string) => Promise<boolean>;
  /**
   * Tokens already verified, so that a client's next request costs no signature check. Pass
   * `keysVersion` when the key set can change: an entry verified against another key set is not
   * used (a key taken out of the set stops its tokens at once).
   */
  readonly cache?: VerifiedTokenCache;
  readonly keysVersion?: () => unknown;
  /** Called for each signature actually checked (tests count them). */
  readonly onSignatureChecked?: () => void;
}

export type TokenVerifier = (authorizationHeader: string | undefined) => Promise<Principal>;

const ALGORITHMS = ['ES256'];
/** Seconds of clock difference tolerated between the issuer and this service, as jose applies it. */
const CLOCK_TOLERANCE_SECONDS = 5;

/**
 * Verifies a bearer token the way every service of the hub does: signature against the
 * published keys, issuer, audience, expiry, and claims that make sense together (a client never
 * holds a scope its institution kind may not have). Any failure is the same UNAUTHENTICATED error.
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const getKey: JWTVerifyGetKey =
    typeof options.keys === 'function'
      ? options.keys
      : options.keys instanceof URL
        ? createRemoteJWKSet(options.keys, { cooldownDuration: 5_000, cacheMaxAge: 600_000 })
        : createLocalJWKSet(options.keys);

  const { cache, keysVersion } = options;

  /** Signature, issuer, audience, expiry and claims: from the cache while they still hold. */
  async function verified(token: string): Promise<Principal> {
    const keys = keysVersion?.();
    const known = cache?.get(token, keys);
    if (known && stillHolds(known, options, Date.now() / 1000)) return known.principal;
    options.onSignatureChecked?.();
    const { payload } = await jwtVerify(token, getKey, {
      issuer: options.issuer,
      audience: options.audience,
      algorithms: ALGORITHMS,
      requiredClaims: ['exp', 'iat', 'jti'],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    });
    const principal = Object.freeze(principalFromClaims(payload));
    cache?.set(token, {
      principal,
      issuer: payload.iss ?? '',
      audience: typeof payload.aud === 'string' ? [payload.aud] : (payload.aud ?? []),
      expiresAt: payload.exp ?? 0,
      notBefore: payload.nbf,
      keys,
    });
    return principal;
  }

  return async (authorizationHeader) => {
    const token = bearerToken(authorizationHeader);
    try {
      const principal = await verified(token);
      // Cut-offs change while a token is valid: checked on every request, cached or not.
      if (await options.isSuspended?.(principal.clientId)) {
        throw new UnauthenticatedError('This client has been suspended.');
      }
      if (principal.person && (await options.isSessionEnded?.(principal.person.sessionId))) {
        throw new UnauthenticatedError('This session has ended; sign in again.');
      }
      return principal;
    } catch (error) {
      if (error instanceof UnauthenticatedError) throw error;
      if (error instanceof joseErrors.JWTExpired)
        throw new UnauthenticatedError('The access token has expired.');
      throw new UnauthenticatedError('The access token is not valid.');
    }
  };
}

/**
 * Whether what was verified still holds now: the issuer and audience this verifier expects (a
 * cache is never a way around them), and the clock. Past `exp` the entry is not used at all, so
 * the token is verified afresh and refused as expired the way jose words it.
 */
function stillHolds(known: VerifiedToken, options: TokenVerifierOptions, nowSeconds: number): boolean {
  return (
    known.issuer === options.issuer &&
    known.audience.includes(options.audience) &&
    nowSeconds < known.expiresAt &&
    (known.notBefore === undefined || known.notBefore <= nowSeconds + CLOCK_TOLERANCE_SECONDS)
  );
}

function bearerToken(header: string | undefined): string {
  if (!header) throw new UnauthenticatedError();
  const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/.exec(header.trim());
  if (!match?.[1]) throw new UnauthenticatedError('The Authorization header must be "Bearer <token>".');
  return match[1];
}

function principalFromClaims(payload: unknown): Principal {
  const claims = hubClaims.safeParse(payload);
  if (!claims.success) throw new UnauthenticatedError('The access token is not valid.');
  const { client_id, institution_id, institution_kind, region_code, scope, sub, account_role, sid } =
    claims.data;
  const allowed = new Set<string>(SCOPES_BY_KIND[institution_kind]);
  const scopes = scope.split(' ').filter((s) => s !== '');
  const consistent =
    scopes.every((s) => allowed.has(s) && (SCOPES as readonly string[]).includes(s)) &&
    (institution_kind === 'LABOUR_OFFICE') === (typeof region_code === 'string' && region_code !== '') &&
    (region_code == null || isWithinRegion(region_code, region_code.slice(0, 2)));
  // A person's token names the person (a UUID) and the session; a machine token neither.
  const person = account_role !== undefined || sid !== undefined;
  if (!consistent || (person && (!account_role || !sid || !/^[0-9a-f-]{36}$/.test(sub)))) {
    throw new UnauthenticatedError('The access token is not valid.');
  }
  return {
    clientId: client_id,
    institutionId: institution_id,
    institutionKind: institution_kind,
    regionCode: region_code ?? null,
    scopes: new Set(scopes as Scope[]),
    person: person && account_role && sid ? { accountId: sub, role: account_role, sessionId: sid } : null,
  };
}
