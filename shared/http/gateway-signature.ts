import { randomUUID } from 'node:crypto';
import { HEADERS } from '../auth/principal.js';
import { SignatureRefused, type KeyDirectory } from '../keys/directory.js';
import type { ServiceKeyRing } from '../keys/service-keys.js';
import {
  bindingClaims,
  bindingMismatch,
  bodyDigest,
  vouchedHeaderDigest,
  type RequestFacts,
} from './request-binding.js';
import { SeenNonces } from './seen-nonces.js';

/**
 * The gateway signs each request it sends to a subgraph with its own key (README "Keys"): a JWT
 * for that subgraph alone (`aud`), good for a short window (`iat`, `exp`) and once (`jti`), bound
 * to the method, path, exact body, the caller's token and the headers below. A subgraph still
 * verifies the caller's token on every request; the signature additionally tells it that the
 * representations in `_entities` (the `@requires` facts in them, such as a worker's kecamatan or
 * another service's access events) were assembled by the gateway from the owning subgraph, and
 * that the gateway vouches for the headers below. A request without it is a direct caller's.
 */
export const SIGNATURE_HEADER = 'x-hub-gateway-signature';
export const GATEWAY_REQUEST_TYP = 'hub-request+jwt';

/** Headers that mean more when the gateway sends them (request-meta.ts, subgraph.ts): all signed. */
export const VOUCHED_HEADERS: readonly string[] = [
  HEADERS.requestId,
  HEADERS.clientRequestId,
  HEADERS.reportServed,
  HEADERS.actingSubject,
  HEADERS.purpose,
  HEADERS.caseReference,
];

/** The stable code of a request whose signature is present but not good (HTTP 401). */
export const INVALID_SIGNATURE = 'INVALID_SIGNATURE';

export interface OutgoingRequest {
  /** The subgraph it is for. */
  readonly audience: string;
  readonly method: string;
  readonly path: string;
  readonly body: string;
  /** Every header sent (lower-case names): the Authorization and vouched ones are bound. */
  readonly headers: Readonly<Record<string, string>>;
}

/** The `x-hub-gateway-signature` value for one request; one Ed25519 signature. */
export function signGatewayRequest(
  ring: ServiceKeyRing,
  request: OutgoingRequest,
  windowSeconds: number,
): Promise<string> {
  const facts: RequestFacts = {
    method: request.method,
    path: request.path,
    bodyDigest: bodyDigest(request.body),
    authorization: request.headers[HEADERS.authorization] ?? '',
    headerDigest: vouchedHeaderDigest(VOUCHED_HEADERS, (name) => request.headers[name]),
  };
  return ring.sign(
    { ...bindingClaims(facts), jti: randomUUID() },
    { typ: GATEWAY_REQUEST_TYP, audience: request.audience, lifetimeSeconds: windowSeconds },
  );
}

export type SignatureVerdict =
  { readonly kind: 'signed' } | { readonly kind: 'refused'; readonly reason: string };

/** Allowance for clocks that disagree a little (the same as KeyDirectory's). */
const CLOCK_TOLERANCE_SECONDS = 5;

/**
 * Checks signed internal requests of one issuer for one audience: the signature, the window, the
 * binding to the request as received, and that its nonce is new here.
 */
export class SignedRequestVerifier {
  private readonly nonces: SeenNonces;

  constructor(
    private readonly keys: KeyDirectory,
    private readonly options: {
      readonly typ: string;
      readonly audience: string;
      readonly windowSeconds: number;
    },
  ) {
    // +1: `iat` is whole seconds.
    this.nonces = new SeenNonces(options.windowSeconds + CLOCK_TOLERANCE_SECONDS + 1);
  }

  async verify(
    issuer: Parameters<KeyDirectory['verify']>[0],
    jwt: string,
    facts: RequestFacts,
  ): Promise<SignatureVerdict> {
    let payload;
    try {
      payload = await this.keys.verify(issuer, jwt, {
        typ: this.options.typ,
        audience: this.options.audience,
        maxAgeSeconds: this.options.windowSeconds,
        clockToleranceSeconds: CLOCK_TOLERANCE_SECONDS,
      });
    } catch (error) {
      if (error instanceof SignatureRefused) return { kind: 'refused', reason: error.message };
      throw error;
    }
    const mismatch = bindingMismatch(payload, facts);
    if (mismatch) return { kind: 'refused', reason: mismatch };
    const { jti, iat } = payload;
    if (typeof jti !== 'string' || jti.length === 0 || jti.length > 100 || typeof iat !== 'number')
      return { kind: 'refused', reason: 'it carries no nonce' };
    if (!this.nonces.claim(jti, iat)) return { kind: 'refused', reason: 'it was sent before (a replay)' };
    return { kind: 'signed' };
  }
}
