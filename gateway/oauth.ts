import Provider, { errors, type Configuration } from 'oidc-provider';
import { SCOPES } from '../shared/auth/principal.js';
import { verifySecret } from '../shared/auth/secret-hash.js';
import type { HubConfig } from '../shared/config.js';
import type { Database } from '../shared/db/database.js';
import { findAccount, scopesFor } from './accounts.js';
import { CONSOLE_CLIENT_ID } from './clients.js';
import { consoleSessionPolicy, refreshTokenSeconds } from './console-sessions.js';
import { SIGNING_ALGORITHM, type KeySet } from './keys.js';
import { oidcAdapter } from './oidc-store.js';
import { invalidRequestPage, languageOf } from './sign-in-page.js';

/**
 * The hub's authorization server, oidc-provider (the reference OpenID Certified server for
 * Node.js): client credentials for machine clients (RFC 6749 section 4.4) and the authorization
 * code flow with PKCE for people in the console (RFC 7636, public client, rotating refresh
 * tokens). Request parsing, client authentication, PKCE, codes, sessions, refresh-token rotation
 * and reuse detection, revocation (RFC 7009), standard errors and signed JWT access tokens
 * (RFC 9068) are all its own. Written here is only what it cannot know: where clients and
 * accounts live, how secrets are hashed, which claims a hub token carries, how long a console
 * session may idle and last, and the login page (sign-in.ts).
 */

export interface AuthorizationServerOptions {
  /** Keys that sign the server's cookies, newest first. */
  readonly cookieKeys: readonly string[];
  /** Origins the console is served from besides the issuer (an embedded hub on a free port). */
  readonly consoleOrigins: ReadonlySet<string>;
}

/** The person's claims in a console access token: who, of which institution, with which role and scopes. */
async function personClaims(db: Database, accountId: string) {
  const record = await findAccount(db, accountId);
  if (!record || record.account.status !== 'ACTIVE')
    throw new errors.InvalidGrant('the account is not active');
  const { account, institution } = record;
  return {
    institution_id: institution.id,
    institution_kind: institution.kind,
    region_code: institution.regionCode,
    scope: scopesFor(account.role, institution.kind).join(' '),
    account_role: account.role,
  };
}

export function createAuthorizationServer(
  config: HubConfig,
  db: Database,
  keySet: KeySet,
  options: AuthorizationServerOptions,
): Provider {
  const audience = config.tokens.audience;
  const session = consoleSessionPolicy(config);
  const secureCookies = new URL(config.tokens.issuer).protocol === 'https:';
  const configuration: Configuration = {
    adapter: oidcAdapter(db, config, options.consoleOrigins),
    clients: [],
    jwks: { keys: keySet.valid.map((key) => key.privateJwk) },
    scopes: ['openid', 'offline_access', ...SCOPES],
    extraClientMetadata: { properties: ['institution_id', 'institution_kind', 'region_code'] },
    clientDefaults: {
      grant_types: ['client_credentials'],
      response_types: [],
      token_endpoint_auth_method: 'client_secret_basic',
      // The hub signs with ES256 only; oidc-provider's default (RS256) would fail client validation.
      id_token_signed_response_alg: SIGNING_ALGORITHM,
    },
    // oidc-provider refuses a browser's token request from any origin but a public client's
    // callback; the gateway's own pages (the console, the explorer's client credentials form)
    // are same-origin and allowed, and every other origin stays refused.
    clientBasedCORS: (_ctx, origin, client) =>
      origin === new URL(config.tokens.issuer).origin ||
      options.consoleOrigins.has(origin) ||
      (client.clientAuthMethod === 'none' &&
        (client.redirectUris ?? []).some((uri) => URL.parse(uri)?.origin === origin)),
    routes: {
      authorization: '/oauth/auth',
      token: '/oauth/token',
      revocation: '/oauth/token/revocation',
      end_session: '/oauth/session/end',
      jwks: '/.well-known/jwks.json',
    },
    findAccount: async (_ctx, id) => {
      const record = await findAccount(db, id);
      if (!record || record.account.status !== 'ACTIVE') return undefined;
      return { accountId: id, claims: () => Promise.resolve({ sub: id, name: record.account.displayName }) };
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // Errors that cannot go back to the client (an unregistered callback) get the hub's page, not oidc-provider's.
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.set('content-security-policy', "default-src 'none'; style-src 'self'; frame-ancestors 'none'");
      ctx.body = invalidRequestPage(
        languageOf(ctx.query?.['ui_locales'] as string | undefined),
        String(out['error'] ?? 'invalid_request'),
      );
      return Promise.resolve();
    },
    cookies: {
      keys: [...options.cookieKeys],
      long: { signed: true, httpOnly: true, sameSite: 'lax', secure: secureCookies },
      short: { signed: true, httpOnly: true, sameSite: 'lax', secure: secureCookies },
    },
    features: {
      clientCredentials: { enabled: true },
      devInteractions: { enabled: false },
      introspection: { enabled: false },
      revocation: { enabled: true },
      userinfo: { enabled: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => audience,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resourceIndicator, client) => {
          if (resourceIndicator !== audience) throw new errors.InvalidTarget();
          const person = client.clientId === CONSOLE_CLIENT_ID;
          return {
            // A person's scopes follow from their account at every issuance (the jwt customizer).
            scope: person ? '' : (client.scope ?? ''),
            audience,
            accessTokenTTL: person ? session.accessTokenSeconds : config.tokens.ttlSeconds,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: SIGNING_ALGORITHM, kid: keySet.active.kid } },
          };
        },
      },
    },
    // The console is the hub's own application: signing in is the consent (sign-in.ts grants it).
    pkce: { required: () => true },
    formats: {
      customizers: {
        // The claims every service of the hub reads to know who is calling (shared/auth/token-verifier.ts).
        jwt: async (_ctx, token, jwt) => {
          const { accountId, grantId } = token as { accountId?: unknown; grantId?: unknown };
          if (token.clientId === CONSOLE_CLIENT_ID && typeof accountId === 'string') {
            // Read from the account each time a token is issued: a role change or a disabled
            // account takes effect at the next refresh.
            Object.assign(jwt.payload, await personClaims(db, accountId));
            jwt.payload['sub'] = accountId;
            jwt.payload['sid'] = grantId;
            return;
          }
          const client = token.client as unknown as Record<string, unknown> | undefined;
          jwt.payload['institution_id'] = client?.['institution_id'];
          jwt.payload['institution_kind'] = client?.['institution_kind'];
          jwt.payload['region_code'] = client?.['region_code'] ?? null;
          jwt.payload['sub'] = token.clientId;
        },
      },
    },
    ttl: {
      ClientCredentials: config.tokens.ttlSeconds,
      AccessToken: session.accessTokenSeconds,
      AuthorizationCode: 60,
      IdToken: session.accessTokenSeconds,
      Interaction: 600,
      Session: session.maxSeconds,
      Grant: session.maxSeconds,
      // Idle expiry: each use rotates the token for another idle period, never past the absolute end.
      RefreshToken: (_ctx, token) => refreshTokenSeconds(session, token),
    },
    // The console's session lives in its refresh tokens (idle and absolute expiry, rotation); it
    // asks for none with `offline_access`, which the OpenID Connect rules tie to a consent screen.
    issueRefreshToken: (_ctx, client) =>
      Promise.resolve(client.clientId === CONSOLE_CLIENT_ID && client.grantTypeAllowed('refresh_token')),
    rotateRefreshToken: true,
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
