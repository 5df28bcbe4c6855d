import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import { RevocationList, remoteRevocations } from '../auth/revocation-list.js';
import { createTokenVerifier, type TokenVerifier } from '../auth/token-verifier.js';
import { VerifiedTokenCache } from '../auth/verified-token-cache.js';
import type { HubConfig } from '../config.js';
import type { ServiceKeyRing } from '../keys/service-keys.js';
import { createGraphClient, type GraphClient } from './graph-client.js';

/** The gateway's base URL, or a function giving it once known (an embedded hub learns it after start). */
export type GatewayLocation = string | (() => string);

const resolve = (location: GatewayLocation) => (typeof location === 'function' ? location() : location);

/** The gateway's revocation list as a subgraph reads it: at most once per REVOCATION_MAX_AGE_MS. */
export function defaultRevocationList(
  config: HubConfig,
  gateway: GatewayLocation = config.gateway.url,
): RevocationList {
  return new RevocationList(
    remoteRevocations(() => resolve(gateway)),
    config.tokens.revocationMaxAgeMs,
  );
}

/** How a subgraph verifies tokens by default: against the gateway's published keys, fetched and cached. */
export function defaultTokenVerifier(
  config: HubConfig,
  gateway: GatewayLocation = config.gateway.url,
  revocations: RevocationList = defaultRevocationList(config, gateway),
): TokenVerifier {
  let remote: JWTVerifyGetKey | undefined;
  const keys: JWTVerifyGetKey = (header, token) => {
    remote ??= createRemoteJWKSet(new URL('/.well-known/jwks.json', resolve(gateway)), {
      cooldownDuration: 5_000,
      cacheMaxAge: 600_000,
    });
    return remote(header, token);
  };
  return createTokenVerifier({
    keys,
    issuer: config.tokens.issuer,
    audience: config.tokens.audience,
    isSuspended: (clientId) => revocations.isSuspended(clientId),
    isSessionEnded: (sessionId) => revocations.isSessionEnded(sessionId),
    // Each of the gateway's fetches carries the client's token: its signature is checked once, not
    // per fetch. No key-set version: jose's remote set hands out copies only, and the gateway
    // publishes a retired key until every token it signed has expired (gateway/keys.ts), which is
    // as long as an entry is kept.
    cache: new VerifiedTokenCache(10_000),
  });
}

/**
 * Narrow calls through the gateway, signed with the service's own key once the service hands it
 * over (`useServiceKeys`, from createSubgraphService): the client exists before the key is open.
 */
export function defaultGraphClient(
  config: HubConfig,
  gateway: GatewayLocation = config.gateway.url,
): GraphClient {
  let client: GraphClient | undefined;
  let serviceKeys: ServiceKeyRing | undefined;
  return {
    useServiceKeys: (ring) => {
      serviceKeys = ring;
      client?.useServiceKeys?.(ring);
    },
    execute: (query, variables, caller) => {
      client ??= createGraphClient(resolve(gateway), {
        windowSeconds: config.keys.signedRequestWindowSeconds,
        serviceKeys,
      });
      return client.execute(query, variables, caller);
    },
  };
}
