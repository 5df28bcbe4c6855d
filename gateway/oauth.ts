import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import Provider, { errors, type Adapter, type AdapterPayload, type Configuration } from 'oidc-provider';
import { SCOPES } from '../shared/auth/principal.js';
import { verifySecret } from '../shared/auth/secret-hash.js';
import type { HubConfig } from '../shared/config.js';
import type { Database } from '../shared/db/database.js';
import { findClient } from './clients.js';
import { SIGNING_ALGORITHM, type KeySet } from './keys.js';
import type { ClientRateLimits } from './rate-limits.js';

/**
 * OAuth 2.0 client credentials (RFC 6749 section 4.4) by oidc-provider, the reference OpenID
 * Certified authorization server for Node.js: request parsing, HTTP Basic and form client
 * authentication, standard error bodies, and signed JWT access tokens (RFC 9068) are all its own.
 * Written here is only what it cannot know: where clients live (our store), how their secrets are
 * hashed, which claims a hub token carries, and the default scope when a client asks for none.
 */

/** Clients come from the gateway's store; a suspended client does not exist as far as OAuth is concerned. */
function clientAdapter(db: Database) {
  return class HubClientAdapter implements Adapter {
    constructor(private readonly model: string) {}

    async find(id: string): Promise<AdapterPayload | undefined> {
      if (this.model !== 'Client') return undefined;
      const record = await findClient(db, id);
      if (!record || record.client.status !== 'ACTIVE') return undefined;
      const { client, institution } = record;
      return {
        client_id: client.clientId,
        // Holds the scrypt hash, never the secret; see the compareClientSecret override below.
        client_secret: client.secretHash,
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
        token_endpoint_auth_method: 'client_secret_basic',
        scope: client.scopes.join(' '),
        institution_id: institution.id,
        institution_kind: institution.kind,
        region_code: institution.regionCode,
      };
    }

    // Client credentials tokens are self-contained JWTs: nothing else is ever stored.
    async upsert(): Promise<void> {}
    findByUid(): Promise<undefined> {
      return Promise.resolve(undefined);
    }
    findByUserCode(): Promise<undefined> {
      return Promise.resolve(undefined);
    }
    async consume(): Promise<void> {}
    async destroy(): Promise<void> {}
    async revokeByGrantId(): Promise<void> {}
  };
}

export function createAuthorizationServer(config: HubConfig, db: Database, keySet: KeySet): Provider {
  const audience = config.tokens.audience;
  const configuration: Configuration = {
    adapter: clientAdapter(db),
    clients: [],
    jwks: { keys: keySet.valid.map((key) => key.privateJwk) as never },
    scopes: [...SCOPES],
    extraClientMetadata: { properties: ['institution_id', 'institution_kind', 'region_code'] },
    clientDefaults: {
      grant_types: ['client_credentials'],
      response_types: [],
      token_endpoint_auth_method: 'client_secret_basic',
      // The hub signs with ES256 only; oidc-provider's default (RS256) would fail client validation.
      id_token_signed_response_alg: SIGNING_ALGORITHM,
    },
    routes: { token: '/oauth/token', jwks: '/.well-known/jwks.json' },
    features: {
      clientCredentials: { enabled: true },
      devInteractions: { enabled: false },
      introspection: { enabled: false },
      revocation: { enabled: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => audience,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resourceIndicator, client) => {
          if (resourceIndicator !== audience) throw new errors.InvalidTarget();
          return {
            scope: client.scope ?? '',
            audience,
            accessTokenTTL: config.tokens.ttlSeconds,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: SIGNING_ALGORITHM, kid: keySet.active.kid } },
          };
        },
      },
    },
    formats: {
      customizers: {
        // The claims every service of the hub reads to know who is calling (shared/auth/token-verifier.ts).
        jwt: (_ctx, token, jwt) => {
          const client = token.client as unknown as Record<string, unknown> | undefined;
          jwt.payload['institution_id'] = client?.['institution_id'];
          jwt.payload['institution_kind'] = client?.['institution_kind'];
          jwt.payload['region_code'] = client?.['region_code'] ?? null;
          jwt.payload['sub'] = token.clientId;
        },
      },
    },
    ttl: { ClientCredentials: config.tokens.ttlSeconds },
    clockTolerance: 5,
  };
  const provider = new Provider(config.tokens.issuer, configuration);
  // oidc-provider compares stored and presented secrets in constant time; ours are stored hashed,
  // so the comparison becomes a hash verification. This is the only behaviour replaced.
  provider.Client.prototype.compareClientSecret = function compareHashed(
    this: { clientSecret?: string },
    actual: string,
  ) {
    return this.clientSecret ? verifySecret(actual, this.clientSecret) : Promise.resolve(false);
  };
  return provider;
}

function basicClientId(header: string | undefined): string | null {
  const match = /^Basic ([A-Za-z0-9+/=]+)$/i.exec(header?.trim() ?? '');
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return null;
  try {
    return decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/**
 * Serves `POST /oauth/token` from oidc-provider. RFC 6749 lets the server pick a default scope
 * when the client names none; ours is everything the client is registered for (oidc-provider would
 * grant no scope at all).
 */
export function mountTokenEndpoint(
  app: FastifyInstance,
  db: Database,
  callback: () => (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  rateLimits: ClientRateLimits,
): void {
  void app.register((scope, _options, done) => {
    // Any body reaches the handler as text; oidc-provider answers a wrong one with invalid_request.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_request, body, done) =>
      done(null, body),
    );
    scope.post('/oauth/token', async (request, reply) => {
      const form = new URLSearchParams(typeof request.body === 'string' ? request.body : '');
      const claimedClient = form.get('client_id') ?? basicClientId(request.headers.authorization);
      // Each attempt costs a slow password hash: limit them per claimed client (or address).
      const rate = await rateLimits.consumeTokenRequest(claimedClient ?? `ip:${request.ip}`);
      if (!rate.allowed) {
        return reply
          .code(429)
          .header('retry-after', String(rate.retryAfterSeconds))
          .send({
            error: 'temporarily_unavailable',
            error_description: `Too many token requests; retry after ${rate.retryAfterSeconds} s.`,
          });
      }
      if (form.get('grant_type') === 'client_credentials' && !form.has('scope')) {
        const record = claimedClient ? await findClient(db, claimedClient) : null;
        if (record) form.set('scope', record.client.scopes.join(' '));
      }
      // oidc-provider reads an already-consumed body from `req.body`.
      (request.raw as IncomingMessage & { body?: string }).body = form.toString();
      reply.hijack();
      await callback()(request.raw, reply.raw);
    });
    done();
  });
}
