import { createTokenVerifier, type TokenVerifier } from '../auth/token-verifier.js';
import type { HubConfig } from '../config.js';
import { createGraphClient, type GraphClient } from './graph-client.js';

/** How a subgraph verifies tokens by default: against the gateway's published keys (cached). */
export function defaultTokenVerifier(config: HubConfig): TokenVerifier {
  return createTokenVerifier({
    keys: new URL('/.well-known/jwks.json', config.gateway.url),
    issuer: config.tokens.issuer,
    audience: config.tokens.audience,
  });
}

export function defaultGraphClient(config: HubConfig): GraphClient {
  return createGraphClient(config.gateway.url);
}
