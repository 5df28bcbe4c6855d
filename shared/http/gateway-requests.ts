import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SubgraphName } from '../config.js';
import type { KeyDirectory } from '../keys/directory.js';
import { bodyDigestOf, installBodyDigest } from './body-digest.js';
import {
  GATEWAY_REQUEST_TYP,
  INVALID_SIGNATURE,
  SIGNATURE_HEADER,
  SignedRequestVerifier,
  VOUCHED_HEADERS,
} from './gateway-signature.js';
import { sendRefusal } from './refusal.js';
import { vouchedHeaderDigest } from './request-binding.js';

const fromGateway = new WeakSet<FastifyRequest>();

/**
 * A subgraph's check of the gateway's signature, once per request before anything else looks at
 * it. A request without the header is a direct caller's (or a peer router's: README "Peer
 * router mode"); limits apply to it and its `@requires` facts count for nothing. A request whose
 * header is there but does not hold (another audience, token, body or path, out of its window, a
 * nonce seen before, another service's key) is refused with 401 `INVALID_SIGNATURE`: a broken
 * signature is an attack or a fault, never quietly a direct request.
 *
 * Returns whether a request was verified as the gateway's.
 */
export function installGatewayRequestCheck(
  app: FastifyInstance,
  options: { readonly audience: SubgraphName; readonly keys: KeyDirectory; readonly windowSeconds: number },
): (request: FastifyRequest) => boolean {
  installBodyDigest(app, [SIGNATURE_HEADER]);
  const verifier = new SignedRequestVerifier(options.keys, {
    typ: GATEWAY_REQUEST_TYP,
    audience: options.audience,
    windowSeconds: options.windowSeconds,
  });
  app.addHook('preValidation', async (request, reply) => {
    if (request.routeOptions.url !== '/graphql' || request.method === 'OPTIONS') return undefined;
    const signature = request.headers[SIGNATURE_HEADER];
    if (signature === undefined) return undefined;
    const verdict =
      typeof signature === 'string'
        ? await verifier.verify('gateway', signature, {
            method: request.method,
            path: request.url,
            bodyDigest: bodyDigestOf(request),
            authorization: request.headers.authorization ?? '',
            headerDigest: vouchedHeaderDigest(VOUCHED_HEADERS, (name) => request.headers[name]),
          })
        : ({ kind: 'refused', reason: 'it carries more than one signature' } as const);
    if (verdict.kind === 'signed') {
      fromGateway.add(request);
      return undefined;
    }
    request.log.warn({ reason: verdict.reason }, 'refused a request with an invalid gateway signature');
    return sendRefusal(
      reply,
      401,
      INVALID_SIGNATURE,
      `This request carries a gateway signature that does not hold: ${verdict.reason}.`,
    );
  });
  return (request) => fromGateway.has(request);
}
