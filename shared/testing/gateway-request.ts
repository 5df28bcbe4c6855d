import type { SubgraphName } from '../config.js';
import { SIGNATURE_HEADER, signGatewayRequest } from '../http/gateway-signature.js';
import type { ServiceKeyRing } from '../keys/service-keys.js';

/** The default `SIGNED_REQUEST_WINDOW_SECONDS`. */
const WINDOW_SECONDS = 30;

export interface AsGateway {
  /** The subgraph the request is for (`aud`). */
  readonly audience: SubgraphName;
  /** The exact body that will be sent. */
  readonly body: string;
  /** The headers that will be sent besides content-type (the Authorization and vouched ones are bound). */
  readonly headers?: Readonly<Record<string, string>>;
  readonly path?: string;
  readonly method?: string;
}

/**
 * The headers of a request as the gateway sends it to a subgraph: `headers` plus the gateway's
 * signature made with `ring` (`hub.gateway.serviceKeys` in a full hub, `hub.peerKeys.gateway` in
 * the subgraph harness; any other ring for a forgery).
 */
export async function signedAsGateway(
  ring: ServiceKeyRing,
  request: AsGateway,
): Promise<Record<string, string>> {
  const headers = Object.fromEntries(
    Object.entries(request.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]),
  );
  const signature = await signGatewayRequest(
    ring,
    {
      audience: request.audience,
      method: request.method ?? 'POST',
      path: request.path ?? '/graphql',
      body: request.body,
      headers,
    },
    WINDOW_SECONDS,
  );
  return { ...headers, [SIGNATURE_HEADER]: signature };
}

/** The same for a GraphQL operation as `postGraphQL` sends it (`{ query, variables }`). */
export function operationAsGateway(
  ring: ServiceKeyRing,
  audience: SubgraphName,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Readonly<Record<string, string>> = {},
): Promise<Record<string, string>> {
  return signedAsGateway(ring, { audience, body: JSON.stringify({ query, variables }), headers });
}
