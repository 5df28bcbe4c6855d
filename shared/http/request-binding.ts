import { createHash } from 'node:crypto';

/**
 * What a signed internal request (the gateway's fetch to a subgraph, a service's call through the
 * gateway) is bound to, so that a captured signature is good for that one request only: its
 * method and path, the exact body, the caller's token and the headers whose meaning the signer
 * vouches for. The digests are SHA-256 in base64url, of the raw text as sent and received (never
 * of a re-serialised body).
 */
export interface RequestFacts {
  readonly method: string;
  /** Path and query as the receiver sees them (`/graphql`). */
  readonly path: string;
  /** `bodyDigest(raw body)`; the digest of `''` for a request without a body. */
  readonly bodyDigest: string;
  /** The caller's Authorization header as sent (`''` when none). */
  readonly authorization: string;
  /** The vouched headers' values, in a fixed order (`vouchedHeaderDigest`); absent for service calls. */
  readonly headerDigest?: string;
}

/** The claims that carry the facts (`htm`, `htu` and `ath` as in DPoP, RFC 9449). */
export interface BindingClaims {
  readonly htm: string;
  readonly htu: string;
  /** Digest of the body. */
  readonly bdg: string;
  /** Digest of the Authorization header. */
  readonly ath: string;
  /** Digest of the vouched headers. */
  readonly hdg?: string;
}

export function sha256Base64url(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

export const bodyDigest = sha256Base64url;

/** The headers' values in the order given, one per line, an absent one as empty; digested. */
export function vouchedHeaderDigest(
  names: readonly string[],
  valueOf: (name: string) => string | string[] | undefined,
): string {
  // A repeated header (an array) is not what the signer sent: it digests as no value at all can.
  const line = (name: string) => {
    const value = valueOf(name);
    if (value === undefined) return '';
    return typeof value === 'string' ? `=${value}` : '\u0000';
  };
  return sha256Base64url(names.map(line).join('\n'));
}

export function bindingClaims(facts: RequestFacts): BindingClaims {
  return {
    htm: facts.method,
    htu: facts.path,
    bdg: facts.bodyDigest,
    ath: sha256Base64url(facts.authorization),
    ...(facts.headerDigest !== undefined ? { hdg: facts.headerDigest } : {}),
  };
}

/** What of the request differs from what was signed (for the refusal), or null when all agree. */
export function bindingMismatch(claims: Record<string, unknown>, facts: RequestFacts): string | null {
  if (claims['htm'] !== facts.method) return 'it was signed for another method';
  if (claims['htu'] !== facts.path) return 'it was signed for another path';
  if (claims['bdg'] !== facts.bodyDigest) return 'the body is not the one signed';
  if (claims['ath'] !== sha256Base64url(facts.authorization)) return 'it was signed for another token';
  if (facts.headerDigest !== undefined && claims['hdg'] !== facts.headerDigest)
    return 'its headers are not the ones signed';
  return null;
}
