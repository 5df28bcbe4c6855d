import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerClient, registerInstitution } from '../gateway/clients.js';
import { createGateway } from '../gateway/server.js';
import { ConfigError, loadConfig } from '../shared/config.js';
import { createTestDatabase } from '../shared/testing/database.js';
import { bearer, errorCodes, postGraphQL } from '../shared/testing/graphql-client.js';
import { startTestHub, type TestClient, type TestHub } from './helpers/hub.js';

let hub: TestHub;
let ministry: TestClient;
beforeAll(async () => {
  hub = await startTestHub();
  ministry = await hub.client('MINISTRY');
});
afterAll(async () => {
  await hub.close();
});

/** Refused by the gateway itself, naming the limit: the labour subgraph never saw a statement. */
async function refusedBeforePlanning(query: string, message: RegExp, code = 'GRAPHQL_VALIDATION_FAILED') {
  const before = hub.statements.labour;
  const response = await ministry.query(query);
  expect(response.status).toBe(400);
  expect(new Set(errorCodes(response))).toEqual(new Set([code]));
  expect(response.errors.some((error) => message.test(error.message))).toBe(true);
  expect(response.data ?? null).toBeNull();
  expect(hub.statements.labour).toBe(before);
}

describe('request limits at the gateway (defaults)', () => {
  it('refuses a query nested deeper than 10 levels', async () => {
    const deep = `{ workers { edges { node { placements { worker { placements { worker { placements { worker { placements { id } } } } } } } } } } }`;
    await refusedBeforePlanning(deep, /depth/i);
  });

  it('refuses more than 15 aliases', async () => {
    const aliases = Array.from({ length: 16 }, (_, index) => `a${index}: workers { totalCount }`).join(' ');
    await refusedBeforePlanning(`{ ${aliases} }`, /alias/i);
  });

  it('refuses more than 10 directives', async () => {
    const fields = Array.from(
      { length: 11 },
      (_, index) => `d${index}: workers @include(if: true) { totalCount }`,
    ).join(' ');
    await refusedBeforePlanning(`{ ${fields} }`, /directive/i);
  });

  it('refuses a document of more than 2,000 tokens', async () => {
    // Cheap to execute but long to read: 600 variable definitions are some 2,400 tokens.
    const variables = Array.from({ length: 600 }, (_, index) => `$v${index}: Int`).join(', ');
    await refusedBeforePlanning(
      `query Long(${variables}) { workers { totalCount } }`,
      /token/i,
      'GRAPHQL_PARSE_FAILED',
    );
  });

  it('refuses a query whose estimated cost is over 1,500', async () => {
    const selection =
      'workers { edges { node { documents { type number issuer issuedOn validUntil status placement { employerName status } } placements { destinationCountry employerName status documents { type number issuer } } } } }';
    const wide = Array.from({ length: 15 }, (_, index) => `w${index}: ${selection}`).join(' ');
    await refusedBeforePlanning(`{ ${wide} }`, /cost/i);
  });

  it('refuses a body over 256 KiB with 413 and a stable code', async () => {
    const response = await postGraphQL(
      hub.url,
      `{ workers { totalCount } } # ${'x'.repeat(300_000)}`,
      {},
      bearer(await ministry.token()),
    );
    expect(response.status).toBe(413);
    expect(errorCodes(response)).toEqual(['PAYLOAD_TOO_LARGE']);
  });
});

describe('deadlines and production mode', () => {
  let hanging: Server;
  beforeAll(async () => {
    // A subgraph that accepts connections and never answers.
    hanging = createServer(() => {});
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    hanging.closeAllConnections();
    await new Promise((resolve) => hanging.close(resolve));
  });

  async function standaloneGateway(env: Record<string, string>) {
    const database = await createTestDatabase();
    const store = database.store();
    const config = loadConfig({ LOG_LEVEL: 'silent', ...env });
    const port = (hanging.address() as AddressInfo).port;
    const gateway = await createGateway({
      store,
      config,
      subgraphUrls: { training: `http://127.0.0.1:${port}/graphql` },
    });
    const url = `${await gateway.listen(0, '127.0.0.1')}/graphql`;
    const institution = await registerInstitution(store.db, { name: 'Ministry', kind: 'MINISTRY' });
    const client = await registerClient(store.db, {
      institutionId: institution.id,
      label: 'x',
      scopes: ['workers:read', 'stats:read'],
    });
    const response = await fetch(`${url.replace('/graphql', '')}/oauth/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: client.clientId,
        client_secret: client.clientSecret,
      }),
    });
    const token = ((await response.json()) as { access_token: string }).access_token;
    return { url, token, close: async () => (await gateway.close(), await database.close()) };
  }

  it('stops a request that outlives the deadline with 504 TIMEOUT', async () => {
    const gateway = await standaloneGateway({
      NODE_ENV: 'test',
      LIMIT_REQUEST_TIMEOUT_MS: '300',
      LIMIT_SUBGRAPH_TIMEOUT_MS: '1000',
    });
    try {
      const response = await postGraphQL(
        gateway.url,
        '{ trainingProviders { id } }',
        {},
        bearer(gateway.token),
      );
      expect(response.status).toBe(504);
      expect(errorCodes(response)).toEqual(['TIMEOUT']);
    } finally {
      await gateway.close();
    }
  });

  it('in production, refuses introspection, hides field suggestions and limit values', async () => {
    const gateway = await standaloneGateway({
      NODE_ENV: 'production',
      GATEWAY_SIGNING_SECRET: 'a-production-secret-of-at-least-32-chars',
      TOKEN_ISSUER: 'https://hub.example.go.id',
      SEED_DEMO_DATA: 'false',
    });
    try {
      const introspection = await postGraphQL(
        gateway.url,
        '{ __schema { types { name } } }',
        {},
        bearer(gateway.token),
      );
      expect(errorCodes(introspection)[0]).toMatch(/GRAPHQL_VALIDATION_FAILED|INTROSPECTION_DISABLED/);
      const typo = await postGraphQL(gateway.url, '{ workerz { totalCount } }', {}, bearer(gateway.token));
      expect(typo.errors[0]?.message).not.toMatch(/Did you mean/);
      const aliases = Array.from({ length: 16 }, (_, index) => `a${index}: workers { totalCount }`).join(' ');
      const tooMany = await postGraphQL(gateway.url, `{ ${aliases} }`, {}, bearer(gateway.token));
      expect(tooMany.errors[0]?.message).not.toMatch(/15/);
    } finally {
      await gateway.close();
    }
  });

  it('refuses to start in production with demo data, development defaults or no shared secret, naming every problem', () => {
    let failure: unknown;
    try {
      loadConfig({ NODE_ENV: 'production' });
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(ConfigError);
    expect((failure as ConfigError).issues).toEqual([
      expect.stringContaining('GATEWAY_SIGNING_SECRET'),
      expect.stringContaining('SEED_DEMO_DATA'),
      expect.stringContaining('TOKEN_ISSUER'),
    ]);
  });
});
