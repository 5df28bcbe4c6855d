import { randomUUID } from 'node:crypto';
import { decodeJwt } from 'jose';
import { SUBGRAPH_NAMES, type SubgraphName } from '../config.js';
import type { KeyDirectory } from '../keys/directory.js';
import { serviceIssuer, type ServiceKeyRing } from '../keys/service-keys.js';
import { SignedRequestVerifier, type SignatureVerdict } from './gateway-signature.js';
import { bindingClaims, bodyDigest, type RequestFacts } from './request-binding.js';

/**
 * A hub service's own narrow call through the gateway (labour sending a consent fact on to the
 * grantees), made with the caller's token. The token decides what may be done, as for any
 * request; the signature only tells the gateway the operation is the service's, not the
 * caller's, so that a caller restricted to its own trusted documents (the console) can still
 * have a service act for it. A JWT signed with the calling service's own key (`iss` says which),
 * for the gateway (`aud`), bound to method, path, body and token, fresh and used once.
 */
export const SERVICE_CALL_HEADER = 'x-hub-service-call';
export const SERVICE_CALL_TYP = 'hub-service-call+jwt';

export function signServiceCall(
  ring: ServiceKeyRing,
  request: { readonly path: string; readonly body: string; readonly authorization: string },
  windowSeconds: number,
): Promise<string> {
  const facts: RequestFacts = {
    method: 'POST',
    path: request.path,
    bodyDigest: bodyDigest(request.body),
    authorization: request.authorization,
  };
  return ring.sign(
    { ...bindingClaims(facts), jti: randomUUID() },
    { typ: SERVICE_CALL_TYP, audience: 'gateway', lifetimeSeconds: windowSeconds },
  );
}

const ISSUERS = new Map<string, SubgraphName>(SUBGRAPH_NAMES.map((name) => [serviceIssuer(name), name]));

/** The gateway's check of service calls: any subgraph may make one, each with its own key. */
export class ServiceCallVerifier {
  private readonly verifier: SignedRequestVerifier;

  constructor(keys: KeyDirectory, windowSeconds: number) {
    this.verifier = new SignedRequestVerifier(keys, {
      typ: SERVICE_CALL_TYP,
      audience: 'gateway',
      windowSeconds,
    });
  }

  async verify(header: string | string[], facts: RequestFacts): Promise<SignatureVerdict> {
    if (typeof header !== 'string') return { kind: 'refused', reason: 'it carries more than one signature' };
    let issuer: SubgraphName | undefined;
    try {
      const { iss } = decodeJwt(header);
      issuer = typeof iss === 'string' ? ISSUERS.get(iss) : undefined;
    } catch {
      return { kind: 'refused', reason: 'it is not a signed statement' };
    }
    if (!issuer) return { kind: 'refused', reason: 'it does not name a hub subgraph as its issuer' };
    return this.verifier.verify(issuer, header, facts);
  }
}
