import { randomUUID } from 'node:crypto';
import { base64url, decodeJwt, exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { suspendClient } from '../gateway/clients.js';
import { loadKeySet } from '../gateway/keys.js';
import { keySealerFor } from '../shared/keys/sealing.js';
import { bearer, entitiesQuery, errorCodes, postGraphQL } from '../shared/testing/graphql-client.js';
import { startTestHub, type TestClient, type TestHub } from './helpers/hub.js';

let hub: TestHub;
let ministry: TestClient;
let genuine: string;

beforeAll(async () => {
  hub = await startTestHub();
  ministry = await hub.client('MINISTRY');
  genuine = await ministry.token();
});
afterAll(async () => {
  await hub.close();
});

/** Signs the genuine token's claims with overrides, using the gateway's real key unless told otherwise. */
async function resign(
  overrides: Record<string, unknown>,
  options: { key?: JWK; kid?: string; expired?: boolean } = {},
) {
  const { active } = await loadKeySet(hub.stores.gateway.db, 600, keySealerFor(hub.config, 'gateway'));
  const key = await importJWK(options.key ?? active.privateJwk, 'ES256');
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ ...decodeJwt(genuine), ...overrides })
    .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid: options.kid ?? active.kid })
    .setIssuedAt(options.expired ? now - 3600 : now)
    .setExpirationTime(options.expired ? now - 1800 : now + 300)
    .sign(key);
}

async function attacks(): Promise<(readonly [string, string])[]> {
  const [header, payload, signature] = genuine.split('.') as [string, string, string];
  const claims = decodeJwt(genuine);
  const raised = base64url.encode(
    JSON.stringify({ ...claims, scope: `${String(claims['scope'])} pii:read audit:read` }),
  );
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const { active } = await loadKeySet(hub.stores.gateway.db, 600, keySealerFor(hub.config, 'gateway'));
  return [
    ['a token with its claims edited after signing', `${header}.${raised}.${signature}`],
    [
      'an unsigned token (alg none)',
      `${base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${payload}.`,
    ],
    [
      'a token signed with HS256 using the public key as the secret',
      await new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256', kid: active.kid })
        .sign(new TextEncoder().encode(JSON.stringify(active.publicJwk))),
    ],
    [
      'a token signed by a key the gateway never published',
      await resign({}, { key: { ...(await exportJWK(privateKey)), kid: active.kid } }),
    ],
    ['a token for another audience', await resign({ aud: 'urn:someone-else' })],
    ['a token from another issuer', await resign({ iss: 'https://evil.example' })],
    ['an expired token', await resign({}, { expired: true })],
    [
      'a token whose institution kind does not allow its scopes',
      await resign({ institution_kind: 'UNIVERSITY' }),
    ],
    ['a token that is not a JWT at all', 'not-a-token'],
  ];
}

describe('tokens the hub refuses', () => {
  it('refuses each forged, expired, wrong-audience and other-key token at the gateway, before planning', async () => {
    for (const [title, token] of await attacks()) {
      const response = await postGraphQL(hub.url, '{ workers { totalCount } }', {}, bearer(token));
      expect(response.status, title).toBe(401);
      expect(errorCodes(response), title).toEqual(['UNAUTHENTICATED']);
    }
  });

  it('refuses each of them straight at every subgraph, _entities included', async () => {
    for (const [title, token] of await attacks()) {
      for (const [name, url] of Object.entries(hub.subgraphUrls)) {
        const response = await postGraphQL(
          url,
          entitiesQuery('Worker', 'id'),
          { representations: [{ __typename: 'Worker', id: randomUUID() }] },
          bearer(token),
        );
        expect(response.status, `${name}: ${title}`).toBe(401);
        expect(errorCodes(response), `${name}: ${title}`).toEqual(['UNAUTHENTICATED']);
      }
    }
  });

  it('stops a suspended client at the gateway and at every subgraph on the next request', async () => {
    const client = await hub.client('MINISTRY');
    const token = await client.token();
    expect((await postGraphQL(hub.url, '{ workers { totalCount } }', {}, bearer(token))).status).toBe(200);
    expect(
      (await postGraphQL(hub.subgraphUrls.labour, '{ workers { totalCount } }', {}, bearer(token))).status,
    ).toBe(200);
    await suspendClient(hub.stores.gateway.db, client.clientId);
    const atGateway = await postGraphQL(hub.url, '{ workers { totalCount } }', {}, bearer(token));
    expect(errorCodes(atGateway)).toEqual(['UNAUTHENTICATED']);
    for (const [name, url] of Object.entries(hub.subgraphUrls)) {
      const direct = await postGraphQL(
        url,
        entitiesQuery('Worker', 'id'),
        { representations: [{ __typename: 'Worker', id: randomUUID() }] },
        bearer(token),
      );
      expect(errorCodes(direct), name).toEqual(['UNAUTHENTICATED']);
    }
  });
});
