import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerClient, registerInstitution } from '../gateway/clients.js';
import { createGateway } from '../gateway/server.js';
import { ConfigError, loadConfig } from '../shared/config.js';
import { operationAsGateway } from '../shared/testing/gateway-request.js';
import { createTestDatabase } from '../shared/testing/database.js';
import { bearer, entitiesQuery, errorCodes, postGraphQL } from '../shared/testing/graphql-client.js';
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

const DEEP = `{ workers { edges { node { placements { worker { placements { worker { placements { worker { placements { id } } } } } } } } } } }`;
const ALIASES = `{ ${Array.from({ length: 16 }, (_, index) => `a${index}: workers { totalCount }`).join(' ')} }`;
const DIRECTIVES = `{ ${Array.from({ length: 11 }, (_, index) => `d${index}: workers @include(if: true) { totalCount }`).join(' ')} }`;
// Cheap to execute but long to read: 600 variable definitions are some 2,400 tokens.
const LONG = `query Long(${Array.from({ length: 600 }, (_, index) => `$v${index}: Int`).join(', ')}) { workers { totalCount } }`;
/** Lists in lists: 100 workers, 5 placements each, each placement's worker's placements and documents. */
const NESTED_LISTS = (first: string) =>
  `query Nested($first: Int) { workers(first: ${first}) { edges { node { placements { worker { placements { documents { type } } } } } } } }`;

/** Each limit, with the request that exceeds it, the code and the words of its refusal. */
const REFUSALS = [
  [
    'depth',
    DEEP,
    {},
    'GRAPHQL_VALIDATION_FAILED',
    'This request nests fields 11 levels deep; at most 10 are allowed.',
  ],
  [
    'aliases',
    ALIASES,
    {},
    'GRAPHQL_VALIDATION_FAILED',
    'This request has 16 aliases; at most 15 are allowed.',
  ],
  [
    'directives',
    DIRECTIVES,
    {},
    'GRAPHQL_VALIDATION_FAILED',
    'This request has 11 directives; at most 10 are allowed.',
  ],
  [
    'tokens',
    LONG,
    {},
    'GRAPHQL_PARSE_FAILED',
    'This document has more than 2,000 tokens; at most 2,000 are allowed.',
  ],
  [
    'cost',
    NESTED_LISTS('$first'),
    { first: 100 },
    'GRAPHQL_VALIDATION_FAILED',
    'The estimated cost of this request is 17,451 (about one per object it could return); at most 10,000 is allowed. Ask for smaller pages or fewer nested lists.',
  ],
] as const;

/** Refused by the gateway itself, in words: the labour subgraph never saw a statement. */
async function refusedBeforePlanning(
  query: string,
  message: string | RegExp,
  code = 'GRAPHQL_VALIDATION_FAILED',
  variables: Record<string, unknown> = {},
) {
  const before = hub.statements.labour;
  const response = await ministry.query(query, variables);
  expect(response.status).toBe(400);
  expect(errorCodes(response)).toEqual([code]);
  expect(response.errors[0]?.message).toMatch(message);
  expect(response.errors[0]?.message).not.toMatch(/syntax error/i);
  expect(response.data ?? null).toBeNull();
  expect(hub.statements.labour).toBe(before);
  return response;
}

describe('request limits at the gateway (defaults)', () => {
  it.each(REFUSALS)(
    'refuses a request over the %s limit, saying so in words',
    async (_, query, variables, code, message) => {
      await refusedBeforePlanning(query, message, code, variables);
    },
  );

  it('charges a page size written as a variable as if it were written literally', async () => {
    const literal = await refusedBeforePlanning(NESTED_LISTS('100').replace('($first: Int)', ''), /17,451/);
    const variable = await refusedBeforePlanning(NESTED_LISTS('$first'), /17,451/, undefined, { first: 100 });
    expect(variable.errors).toEqual(literal.errors);
  });

  it('answers a page of 100 workers with fields from all four subgraphs, written literally or with variables', async () => {
    const office = await hub.client('LABOUR_OFFICE', { regionCode: '35.07' });
    const page = (first: string) =>
      `query Page($first: Int) { workers(first: ${first}) { totalCount edges { node { id fullName status placements { destinationCountry agency { name } } cases { category status } enrollments { status course { title } } certifications { scheme } mentoringSessions { date program { title } } } } } }`;
    const literal = await office.query(page('100').replace('($first: Int)', ''));
    const variable = await office.query(page('$first'), { first: 100 });
    expect([literal.status, literal.errors]).toEqual([200, []]);
    expect([variable.status, variable.errors]).toEqual([200, []]);
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

describe('the same limits straight at a subgraph, with a client token', () => {
  let token: string;
  beforeAll(async () => {
    token = await ministry.token();
  });
  const direct = (
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ) => postGraphQL(hub.subgraphUrls.labour, query, variables, { ...bearer(token), ...headers });

  it.each(REFUSALS)(
    'refuses a request over the %s limit with the answer the gateway gives',
    async (_, query, variables) => {
      const before = hub.statements.labour;
      const [atGateway, atLabour] = [await ministry.query(query, variables), await direct(query, variables)];
      expect(atLabour.status).toBe(400);
      expect(atLabour.errors).toEqual(atGateway.errors);
      expect(atLabour.data ?? null).toBeNull();
      expect(hub.statements.labour).toBe(before);
    },
  );

  it('refuses a body over 256 KiB with 413, unless the gateway signed it', async () => {
    const query = `{ workers { totalCount } } # ${'x'.repeat(300_000)}`;
    expect(errorCodes(await direct(query))).toEqual(['PAYLOAD_TOO_LARGE']);
    const signed = await direct(
      query,
      {},
      await operationAsGateway(hub.gateway.serviceKeys, 'labour', query, {}, bearer(token)),
    );
    expect(signed.status).toBe(200);
  });

  it("refuses 1,000 aliases of labour's workerByNik before any lookup", async () => {
    const lookups = Array.from(
      { length: 1_000 },
      (_, index) => `a${index}: workerByNik(nik: "3507${String(index).padStart(12, '0')}") { id }`,
    ).join(' ');
    const before = hub.statements.labour;
    const response = await direct(`{ ${lookups} }`);
    expect(response.status).toBe(400);
    expect(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED']).toContain(errorCodes(response)[0]);
    expect(response.data ?? null).toBeNull();
    expect(hub.statements.labour).toBe(before);
  });

  it('refuses 16 aliases of workerByNik, a short document, by the alias limit', async () => {
    const lookups = Array.from({ length: 16 }, (_, index) => `a${index}: workerByNik(nik: $nik) { id }`).join(
      ' ',
    );
    const before = hub.statements.labour;
    const response = await direct(`query($nik: String!) { ${lookups} }`, { nik: '3507010101910001' });
    expect(response.status).toBe(400);
    expect(response.errors).toEqual([
      {
        message: 'This request has 16 aliases; at most 15 are allowed.',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
    ]);
    expect(hub.statements.labour).toBe(before);
  });

  it("exempts the gateway's signed fetches, which carry many entities at once", async () => {
    const query = entitiesQuery('Worker', 'placements { documents { type } }');
    // 400 workers with 5 placements of 5 documents each: an estimated cost of 13,400.
    const variables = {
      representations: Array.from({ length: 400 }, () => ({ __typename: 'Worker', id: randomUUID() })),
    };
    const unsigned = await direct(query, variables);
    expect(unsigned.status).toBe(400);
    expect(unsigned.errors[0]?.message).toMatch(/estimated cost of this request is 13,400/);
    const signed = await direct(
      query,
      variables,
      await operationAsGateway(hub.gateway.serviceKeys, 'labour', query, variables, bearer(token)),
    );
    expect(signed.status).toBe(200);
    expect(signed.errors).toEqual([]);
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
      GATEWAY_KEY_ENCRYPTION_KEY: 'a-production-key-encryption-key-of-32-chars',
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
      expect(tooMany.errors[0]?.message).toBe('This request has too many aliases.');
      const costly = await postGraphQL(
        gateway.url,
        NESTED_LISTS('$first'),
        { first: 100 },
        bearer(gateway.token),
      );
      expect(costly.errors[0]?.message).toBe(
        'The estimated cost of this request is too high. Ask for smaller pages or fewer nested lists.',
      );
    } finally {
      await gateway.close();
    }
  });

  it('refuses to start in production with demo data or development defaults, naming every problem', () => {
    let failure: unknown;
    try {
      loadConfig({ NODE_ENV: 'production' });
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(ConfigError);
    expect((failure as ConfigError).issues).toEqual([
      expect.stringContaining('SEED_DEMO_DATA'),
      expect.stringContaining('TOKEN_ISSUER'),
    ]);
  });
});
