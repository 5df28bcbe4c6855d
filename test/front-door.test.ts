import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { signedAsGateway } from '../shared/testing/gateway-request.js';
import { composeNik } from '../shared/validation/nik.js';
import { bearer, errorCodes, postGraphQL } from '../shared/testing/graphql-client.js';
import { restrictToTrustedDocuments, trustDocument, documentHash } from '../gateway/trusted-documents.js';
import { workers } from '../subgraphs/labour/db/schema.js';
import { startTestHub, type TestClient, type TestHub } from './helpers/hub.js';

let hub: TestHub;
let office: TestClient;
let officeToken: string;
let serial = 6000;
beforeAll(async () => {
  // Three token requests per client per minute: tests reuse one token each.
  hub = await startTestHub({ env: { RATE_LIMIT_UNIVERSITY: '60', RATE_LIMIT_TOKEN_REQUESTS: '3' } });
  office = await hub.client('LABOUR_OFFICE', { regionCode: '35.07' });
  officeToken = await office.token();
});
afterAll(async () => {
  await hub.close();
});

const REGISTER = `mutation($input: RegisterWorkerInput!) { registerWorker(input: $input) { id nik } }`;
function registration() {
  serial += 1;
  return {
    input: {
      nik: composeNik('35.07.13', '1991-07-07', 'FEMALE', serial),
      fullName: `Idempotent ${serial}`,
      sex: 'FEMALE',
      birthDate: '1991-07-07',
      birthPlace: 'Malang',
      maritalStatus: 'SINGLE',
      education: 'PRIMARY',
      address: 'Jl. Sekali 1',
      villageCode: '35.07.13.2001',
    },
  };
}

describe('idempotent mutations (Idempotency-Key)', () => {
  async function send(key: string, variables: Record<string, unknown>) {
    const response = await fetch(hub.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key, ...bearer(officeToken) },
      body: JSON.stringify({ query: REGISTER, variables }),
    });
    return {
      status: response.status,
      replayed: response.headers.get('idempotent-replayed'),
      body: await response.text(),
    };
  }
  const rowsNamed = async (name: string) =>
    (await hub.stores.labour.db.select().from(workers).where(eq(workers.fullName, name))).length;

  it('answers a retry with the first result and writes once', async () => {
    const variables = registration();
    const first = await send('key-retry-1', variables);
    const retry = await send('key-retry-1', variables);
    expect(first.status).toBe(200);
    expect(retry).toEqual({ ...first, replayed: 'true' });
    expect(await rowsNamed(variables.input.fullName)).toBe(1);
  });

  it('writes once when two requests with the same key race', async () => {
    const variables = registration();
    const [a, b] = await Promise.all([send('key-race-1', variables), send('key-race-1', variables)]);
    const first = JSON.parse(a.body) as { errors?: unknown };
    expect(first).toEqual(JSON.parse(b.body));
    expect(first.errors).toBeUndefined();
    expect(await rowsNamed(variables.input.fullName)).toBe(1);
  });

  it('refuses a key reused for a different request', async () => {
    await send('key-reuse-1', registration());
    const other = await send('key-reuse-1', registration());
    expect(other.status).toBe(422);
    expect(
      (JSON.parse(other.body) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code,
    ).toBe('CONFLICT');
  });
});

describe('rate limits', () => {
  /** Sends `count` requests at once and tallies their answers. */
  async function burst(count: number, url: string, headers: Record<string, string>) {
    const responses = await Promise.all(
      Array.from({ length: count }, () =>
        fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ query: '{ universities { id } }' }),
        }),
      ),
    );
    const limited = responses.filter((response) => response.status === 429);
    return {
      answered: responses.filter((response) => response.status === 200).length,
      limited: limited.length,
      retryAfter: limited.map((response) => Number(response.headers.get('retry-after'))),
      bodies: await Promise.all(limited.map((response) => response.json())),
    };
  }
  // RATE_LIMIT_UNIVERSITY is 60 a minute here: at most ceil(60 / 6) = 10 in any ten seconds.
  const refusal = (seconds: number) => ({
    errors: [
      {
        message: `Too many requests from this client; retry after ${seconds} s.`,
        extensions: { code: 'RATE_LIMITED' },
      },
    ],
  });

  it('answers exactly the burst allowance of a counted burst and RATE_LIMITED with Retry-After to the rest', async () => {
    const university = await hub.client('UNIVERSITY');
    const tally = await burst(40, hub.url, bearer(await university.token()));
    expect([tally.answered, tally.limited]).toEqual([10, 30]);
    for (const seconds of tally.retryAfter) {
      expect(seconds).toBeGreaterThanOrEqual(1);
      expect(seconds).toBeLessThanOrEqual(10);
    }
    expect(tally.bodies).toEqual(tally.retryAfter.map(refusal));
    // Another client is not slowed by it.
    expect(
      (await postGraphQL(hub.url, '{ workers { totalCount } }', {}, bearer(officeToken))).errors,
    ).toEqual([]);
  });

  it('limits a client that sends its requests straight to a subgraph the same way', async () => {
    const university = await hub.client('UNIVERSITY');
    const tally = await burst(40, hub.subgraphUrls.university, bearer(await university.token()));
    expect([tally.answered, tally.limited]).toEqual([10, 30]);
    expect(tally.bodies).toEqual(tally.retryAfter.map(refusal));
  });

  it("does not count the gateway's signed fetches against the client", async () => {
    const university = await hub.client('UNIVERSITY');
    const token = await university.token();
    const body = JSON.stringify({ query: '{ universities { id } }' });
    const statuses = await Promise.all(
      Array.from({ length: 30 }, async () => {
        // Each fetch signed afresh, as the gateway signs them: a signature is good once.
        const headers = await signedAsGateway(hub.gateway.serviceKeys, {
          audience: 'university',
          body,
          headers: bearer(token),
        });
        const response = await fetch(hub.subgraphUrls.university, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body,
        });
        return response.status;
      }),
    );
    expect(statuses.filter((status) => status === 200)).toHaveLength(30);
  });

  it('limits token requests per client: each costs a slow hash', async () => {
    const client = await hub.client('MINISTRY');
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const response = await fetch(`${hub.gatewayUrl}/oauth/token`, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: client.clientId,
          client_secret: 'wrong',
        }),
      });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3)).toEqual([429, 429]);
  });
});

describe('trusted documents for machine clients', () => {
  const TRUSTED = 'query Registered { workers { totalCount } }';
  it('lets a restricted client run its registered operations, by hash or text, and nothing else', async () => {
    const machine = await hub.client('LABOUR_OFFICE', { regionCode: '35.07' });
    await trustDocument(hub.stores.gateway.db, machine.clientId, TRUSTED, 'Registered');
    await restrictToTrustedDocuments(hub.stores.gateway.db, machine.clientId, true);
    const token = await machine.token();
    const byHash = await fetch(hub.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(token) },
      body: JSON.stringify({
        extensions: { persistedQuery: { version: 1, sha256Hash: documentHash(TRUSTED) } },
      }),
    });
    expect(byHash.status).toBe(200);
    expect(((await byHash.json()) as { data: unknown }).data).toEqual({
      workers: { totalCount: expect.any(Number) },
    });
    expect((await postGraphQL(hub.url, TRUSTED, {}, bearer(token))).errors).toEqual([]);
    const other = await postGraphQL(hub.url, '{ workers { edges { node { nik } } } }', {}, bearer(token));
    expect(other.status).toBe(403);
    expect(errorCodes(other)).toEqual(['FORBIDDEN']);
  });
});

describe('CSRF prevention', () => {
  it('refuses a GET query a browser could send cross-site, and answers one that needs a preflight', async () => {
    const token = officeToken;
    const url = `${hub.url}?query=${encodeURIComponent('{ workers { totalCount } }')}`;
    const simple = await fetch(url, { headers: bearer(token) });
    expect(simple.status).toBe(400);
    const preflighted = await fetch(url, {
      headers: { ...bearer(token), 'apollo-require-preflight': 'true' },
    });
    expect(preflighted.status).toBe(200);
  });
});
