import { randomUUID } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader, importJWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenVerifier } from '../shared/auth/token-verifier.js';
import { loadConfig } from '../shared/config.js';
import { createTestDatabase, type TestDatabase } from '../shared/testing/database.js';
import { bearer, errorCodes, postGraphQL } from '../shared/testing/graphql-client.js';
import { registerClient, registerInstitution, suspendClient } from './clients.js';
import { loadKeySet } from './keys.js';
import { keySealerFor } from '../shared/keys/sealing.js';
import { createGateway, type GatewayService } from './server.js';

const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
let database: TestDatabase;
let gateway: GatewayService;
let baseUrl: string;
/** Token signatures the gateway has checked (the rest were served from its cache of verified tokens). */
let signaturesChecked = 0;

async function tokenRequest(body: Record<string, string>, headers: Record<string, string> = {}) {
  const response = await fetch(`${baseUrl}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(body).toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const basic = (id: string, secret: string) => ({
  authorization: `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`,
});

async function newClient(kind: 'LABOUR_OFFICE' | 'UNIVERSITY' = 'LABOUR_OFFICE') {
  const db = gateway ? database.store().db : database.store().db;
  const institution = await registerInstitution(db, {
    name: `Test ${randomUUID()}`,
    kind,
    regionCode: kind === 'LABOUR_OFFICE' ? '35.07' : null,
  });
  const scopes =
    kind === 'LABOUR_OFFICE' ? (['workers:read', 'workers:write'] as const) : (['workers:read'] as const);
  return {
    institution,
    ...(await registerClient(db, { institutionId: institution.id, label: 'test', scopes: [...scopes] })),
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
  gateway = await createGateway({
    store: database.store(),
    config,
    onSignatureChecked: () => (signaturesChecked += 1),
  });
  baseUrl = await gateway.listen(0, '127.0.0.1');
});
afterAll(async () => {
  await gateway.close();
  await database.close();
});

describe('POST /oauth/token (client credentials)', () => {
  it('issues a signed JWT with the hub claims to a client authenticating with HTTP Basic', async () => {
    const { clientId, clientSecret, institution } = await newClient();
    const { status, body } = await tokenRequest(
      { grant_type: 'client_credentials' },
      basic(clientId, clientSecret),
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({
      token_type: 'Bearer',
      expires_in: config.tokens.ttlSeconds,
      scope: 'workers:read workers:write',
    });
    const token = body['access_token'] as string;
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'ES256', typ: 'at+jwt' });
    expect(decodeJwt(token)).toMatchObject({
      iss: config.tokens.issuer,
      aud: config.tokens.audience,
      client_id: clientId,
      sub: clientId,
      institution_id: institution.id,
      institution_kind: 'LABOUR_OFFICE',
      region_code: '35.07',
      scope: 'workers:read workers:write',
    });
    const verify = createTokenVerifier({
      keys: new URL('/.well-known/jwks.json', baseUrl),
      issuer: config.tokens.issuer,
      audience: config.tokens.audience,
    });
    await expect(verify(`Bearer ${token}`)).resolves.toMatchObject({ clientId, regionCode: '35.07' });
  });

  it('accepts the client credentials in a form-encoded body and narrows to the requested scope', async () => {
    const { clientId, clientSecret } = await newClient();
    const { status, body } = await tokenRequest({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
      scope: 'workers:read',
    });
    expect(status).toBe(200);
    expect(body['scope']).toBe('workers:read');
  });

  it('refuses a wrong secret with invalid_client and 401', async () => {
    const { clientId } = await newClient();
    const { status, body } = await tokenRequest(
      { grant_type: 'client_credentials' },
      basic(clientId, 'wrong-secret'),
    );
    expect(status).toBe(401);
    expect(body['error']).toBe('invalid_client');
  });

  it('refuses a scope the client does not hold with invalid_scope', async () => {
    const { clientId, clientSecret } = await newClient('UNIVERSITY');
    const { status, body } = await tokenRequest(
      { grant_type: 'client_credentials', scope: 'pii:read' },
      basic(clientId, clientSecret),
    );
    expect(status).toBe(400);
    expect(body['error']).toBe('invalid_scope');
  });

  it('refuses other grant types with unsupported_grant_type', async () => {
    const { clientId, clientSecret } = await newClient();
    const { status, body } = await tokenRequest(
      { grant_type: 'password', username: 'x', password: 'y' },
      basic(clientId, clientSecret),
    );
    expect(status).toBe(400);
    expect(body['error']).toBe('unsupported_grant_type');
  });

  it('refuses a request without grant_type with invalid_request', async () => {
    const { status, body } = await tokenRequest({});
    expect(status).toBe(400);
    expect(body['error']).toBe('invalid_request');
  });

  it('gives a suspended client no token', async () => {
    const { clientId, clientSecret } = await newClient();
    await suspendClient(database.store().db, clientId);
    const { status, body } = await tokenRequest(
      { grant_type: 'client_credentials' },
      basic(clientId, clientSecret),
    );
    expect(status).toBe(401);
    expect(body['error']).toBe('invalid_client');
  });
});

describe('authentication at the gateway', () => {
  it('rejects a request without a token with UNAUTHENTICATED and 401', async () => {
    const response = await postGraphQL(`${baseUrl}/graphql`, '{ workers { totalCount } }');
    expect(response.status).toBe(401);
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });

  it('rejects an expired token, and one signed with a key the gateway never published', async () => {
    const { active } = await loadKeySet(
      database.store().db,
      config.tokens.ttlSeconds,
      keySealerFor(config, 'gateway'),
    );
    const key = await importJWK(active.privateJwk, 'ES256');
    const claims = {
      client_id: 'x',
      institution_id: randomUUID(),
      institution_kind: 'MINISTRY',
      scope: 'workers:read',
    };
    const expired = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: active.kid })
      .setIssuer(config.tokens.issuer)
      .setAudience(config.tokens.audience)
      .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 1800)
      .setJti(randomUUID())
      .sign(key);
    const response = await postGraphQL(`${baseUrl}/graphql`, '{ __typename }', {}, bearer(expired));
    expect(response.status).toBe(401);
    expect(response.errors[0]?.message).toMatch(/expired/);
  });

  it('rejects the tokens of a client suspended after they were issued', async () => {
    const { clientId, clientSecret } = await newClient();
    const { body } = await tokenRequest({ grant_type: 'client_credentials' }, basic(clientId, clientSecret));
    const token = body['access_token'] as string;
    const before = await postGraphQL(`${baseUrl}/graphql`, '{ __typename }', {}, bearer(token));
    expect(before.status).toBe(200);
    await suspendClient(database.store().db, clientId);
    await gateway.revocations.refresh();
    const after = await postGraphQL(`${baseUrl}/graphql`, '{ __typename }', {}, bearer(token));
    expect(after.status).toBe(401);
    expect(errorCodes(after)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('verified tokens kept between requests', () => {
  it("checks a token's signature on its first request only, until the keys are reloaded", async () => {
    const { clientId, clientSecret } = await newClient();
    const { body } = await tokenRequest({ grant_type: 'client_credentials' }, basic(clientId, clientSecret));
    const token = body['access_token'] as string;
    const before = signaturesChecked;
    for (let i = 0; i < 3; i++) {
      const response = await postGraphQL(`${baseUrl}/graphql`, '{ __typename }', {}, bearer(token));
      expect(response.status).toBe(200);
    }
    expect(signaturesChecked - before).toBe(1);
    await gateway.tokens.reload();
    const afterReload = await postGraphQL(`${baseUrl}/graphql`, '{ __typename }', {}, bearer(token));
    expect(afterReload.status).toBe(200);
    expect(signaturesChecked - before).toBe(2);
  });

  it('refuses a cached token at once when its client is suspended', async () => {
    const { clientId, clientSecret } = await newClient();
    const { body } = await tokenRequest({ grant_type: 'client_credentials' }, basic(clientId, clientSecret));
    const token = body['access_token'] as string;
    for (let i = 0; i < 2; i++) {
      expect((await postGraphQL(`${baseUrl}/graphql`, '{ __typename }', {}, bearer(token))).status).toBe(200);
    }
    await suspendClient(database.store().db, clientId);
    await gateway.revocations.refresh();
    const after = await postGraphQL(`${baseUrl}/graphql`, '{ __typename }', {}, bearer(token));
    expect([after.status, errorCodes(after), after.errors[0]?.message]).toEqual([
      401,
      ['UNAUTHENTICATED'],
      'This client has been suspended.',
    ]);
  });
});

describe('key rotation', () => {
  it('keeps tokens of the previous key valid and signs new ones with the new key', async () => {
    const { clientId, clientSecret } = await newClient();
    const first = (await tokenRequest({ grant_type: 'client_credentials' }, basic(clientId, clientSecret)))
      .body['access_token'] as string;
    const newKid = await gateway.tokens.rotate();
    const second = (await tokenRequest({ grant_type: 'client_credentials' }, basic(clientId, clientSecret)))
      .body['access_token'] as string;
    expect(decodeProtectedHeader(second).kid).toBe(newKid);
    expect(decodeProtectedHeader(first).kid).not.toBe(newKid);
    const jwks = (await (await fetch(`${baseUrl}/.well-known/jwks.json`)).json()) as {
      keys: { kid: string; d?: string }[];
    };
    expect(jwks.keys.map((k) => k.kid)).toEqual(
      expect.arrayContaining([newKid, decodeProtectedHeader(first).kid]),
    );
    expect(jwks.keys.every((k) => k.d === undefined)).toBe(true);
    for (const token of [first, second]) {
      const response = await postGraphQL(`${baseUrl}/graphql`, '{ __typename }', {}, bearer(token));
      expect(response.status).toBe(200);
    }
  });
});
