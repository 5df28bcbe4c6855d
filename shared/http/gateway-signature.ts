import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The gateway signs each request it sends to a subgraph (HMAC-SHA256 over the JSON body, with a
 * secret only the hub's services hold). A subgraph still verifies the caller's token on every
 * request; the signature additionally tells it that the representations in `_entities` (and the
 * `@requires` facts in them, such as a worker's kecamatan) were assembled by the gateway from the
 * owning subgraph, not written by the caller.
 */
export const SIGNATURE_HEADER = 'x-hub-gateway-signature';

export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** Whether a parsed JSON body carries a valid gateway signature (the gateway signs `JSON.stringify` output, which round-trips). */
export function isSignedByGateway(
  secret: string | undefined,
  body: unknown,
  header: string | string[] | undefined,
): boolean {
  if (!secret || typeof header !== 'string' || body === undefined) return false;
  const expected = Buffer.from(signBody(secret, JSON.stringify(body)));
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * A hub service's own narrow call through the gateway (labour sending a consent fact on to the
 * grantees), made with the caller's token. The token decides what may be done, as for any
 * request; the signature only tells the gateway the operation is the service's, not the
 * caller's, so that a caller restricted to its own trusted documents (the console) can still
 * have a service act for it. HMAC-SHA256 over the body with a key derived for this purpose alone.
 */
export const SERVICE_CALL_HEADER = 'x-hub-service-call';

function serviceCallKey(secret: string): Buffer {
  return createHmac('sha256', secret).update('migran-hub service call').digest();
}

export function signServiceCall(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', serviceCallKey(secret)).update(body).digest('hex')}`;
}

/** Whether a parsed JSON body carries a valid service-call signature (its sender signed `JSON.stringify` output). */
export function isServiceCall(
  secret: string | undefined,
  body: unknown,
  header: string | string[] | undefined,
): boolean {
  if (!secret || typeof header !== 'string' || body === undefined) return false;
  const expected = Buffer.from(signServiceCall(secret, JSON.stringify(body)));
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
