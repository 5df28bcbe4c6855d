import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { errorCodes } from '../shared/testing/graphql-client.js';
import { composeNik } from '../shared/validation/nik.js';
import { dataOf, startTestHub, type TestClient, type TestHub } from './helpers/hub.js';

/** One sample of a Prometheus text exposition: its name, labels and value. */
interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

async function scrape(baseUrl: string): Promise<Sample[]> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) continue;
    const labels = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map(([, key, value]) => [key!, value!]),
    );
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
}

/** The value of the one sample with this name and (at least) these labels; 0 when there is none. */
function valueOf(samples: readonly Sample[], name: string, labels: Record<string, string> = {}): number {
  const found = samples.filter(
    (sample) =>
      sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
  );
  expect(found.length, `${name} ${JSON.stringify(labels)}`).toBeLessThanOrEqual(1);
  return found[0]?.value ?? 0;
}

const WORKER_NAMES = `query WorkerNames { workers(first: 5) { edges { node { id fullName } } } }`;

let hub: TestHub;
let malang: TestClient;
let campus: TestClient;
beforeAll(async () => {
  // A university may make twelve requests a minute, two in any ten seconds: the third is refused.
  hub = await startTestHub({ env: { RATE_LIMIT_UNIVERSITY: '12' } });
  [malang, campus] = await Promise.all([
    hub.client('LABOUR_OFFICE', { regionCode: '35.07' }),
    hub.client('UNIVERSITY'),
  ]);
  dataOf(
    await malang.query(
      `mutation Register($input: RegisterWorkerInput!) { registerWorker(input: $input) { id } }`,
      {
        input: {
          nik: composeNik('35.07.11', '1990-02-03', 'FEMALE', 913),
          fullName: 'Metrics Worker',
          sex: 'FEMALE',
          birthDate: '1990-02-03',
          birthPlace: 'Malang',
          maritalStatus: 'SINGLE',
          education: 'PRIMARY',
          phone: '081200009131',
          address: 'Dusun Metrik 1',
          villageCode: '35.07.11.2008',
        },
      },
    ),
  );
  dataOf(await malang.query(WORKER_NAMES));
  dataOf(await malang.query(WORKER_NAMES));
  dataOf(await malang.query('{ __typename }'));
  // Sixteen aliases, one more than the default limit allows.
  const aliased = Array.from({ length: 16 }, (_, index) => `a${index}: __schema { queryType { name } }`);
  expect(errorCodes(await malang.query(`query TooWide { ${aliased.join(' ')} }`))).toEqual([
    'GRAPHQL_VALIDATION_FAILED',
  ]);
  const unauthenticated = await fetch(hub.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer not-a-token' },
    body: JSON.stringify({ query: 'query Sneaky { __typename }', operationName: 'Sneaky' }),
  });
  expect(unauthenticated.status).toBe(401);
  const statuses: number[] = [];
  for (let attempt = 0; attempt < 3; attempt += 1)
    statuses.push((await campus.query('{ __typename }')).status);
  expect(statuses).toEqual([200, 200, 429]);
}, 180_000);
afterAll(async () => {
  await hub.close();
});

describe('gateway metrics', () => {
  it('time each operation by its name, type and outcome', async () => {
    const samples = await scrape(hub.gatewayUrl);
    const operations = 'hub_graphql_operation_duration_seconds_count';
    expect(valueOf(samples, operations, { operation: 'WorkerNames', type: 'query', outcome: 'ok' })).toBe(2);
    expect(valueOf(samples, operations, { operation: 'Register', type: 'mutation', outcome: 'ok' })).toBe(1);
    expect(valueOf(samples, operations, { operation: 'anonymous', type: 'query', outcome: 'ok' })).toBe(3);
    expect(valueOf(samples, operations, { operation: 'TooWide', outcome: 'GRAPHQL_VALIDATION_FAILED' })).toBe(
      1,
    );
    // Refused before Apollo: the name the client claimed, no type.
    expect(
      valueOf(samples, operations, { operation: 'Sneaky', type: 'unknown', outcome: 'UNAUTHENTICATED' }),
    ).toBe(1);
    expect(valueOf(samples, operations, { operation: 'anonymous', outcome: 'RATE_LIMITED' })).toBe(1);
  });

  it('count errors by code and refusals by reason', async () => {
    const samples = await scrape(hub.gatewayUrl);
    expect(valueOf(samples, 'hub_graphql_errors_total', { code: 'UNAUTHENTICATED' })).toBe(1);
    expect(valueOf(samples, 'hub_graphql_errors_total', { code: 'RATE_LIMITED' })).toBe(1);
    expect(valueOf(samples, 'hub_graphql_errors_total', { code: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
    expect(valueOf(samples, 'hub_refusals_total', { reason: 'authentication' })).toBe(1);
    expect(valueOf(samples, 'hub_refusals_total', { reason: 'rate' })).toBe(1);
    expect(valueOf(samples, 'hub_refusals_total', { reason: 'limits' })).toBe(1);
  });

  it('time the fetches to each subgraph', async () => {
    const samples = await scrape(hub.gatewayUrl);
    // The mutation and the two reads each fetch from labour at least once.
    const labour = valueOf(samples, 'hub_subgraph_fetch_duration_seconds_count', {
      subgraph: 'labour',
      outcome: 'ok',
    });
    expect(labour).toBeGreaterThanOrEqual(3);
    expect(valueOf(samples, 'hub_subgraph_fetch_duration_seconds_count', { outcome: 'error' })).toBe(0);
  });
});

describe('service metrics', () => {
  it('time every SQL statement a service counts, and show its pool', async () => {
    const samples = await scrape(hub.subgraphUrls.labour.replace(/\/graphql$/, ''));
    const statements = valueOf(samples, 'hub_db_statements_total');
    expect(statements).toBeGreaterThan(0);
    const timed =
      valueOf(samples, 'hub_db_statement_duration_seconds_count', { outcome: 'ok' }) +
      valueOf(samples, 'hub_db_statement_duration_seconds_count', { outcome: 'error' });
    expect(timed).toBe(statements);
    expect(valueOf(samples, 'hub_db_statements_in_flight')).toBe(0);
    // One connection for the embedded database; the test server's pool of four otherwise.
    const expected =
      inject('testDatabase').kind === 'embedded'
        ? { kind: 'embedded', size: 1 }
        : { kind: 'postgres', size: 4 };
    expect(valueOf(samples, 'hub_db_pool_size', { kind: expected.kind })).toBe(expected.size);
  });

  it('count the access events labour wrote, by action', async () => {
    const labourUrl = hub.subgraphUrls.labour.replace(/\/graphql$/, '');
    const before = await scrape(labourUrl);
    expect(valueOf(before, 'hub_access_events_total', { action: 'WRITE' })).toBe(1);
    // One read of the worker's name is one READ event.
    dataOf(await malang.query(WORKER_NAMES));
    const after = await scrape(labourUrl);
    const reads = (samples: Sample[]) => valueOf(samples, 'hub_access_events_total', { action: 'READ' });
    expect(reads(after) - reads(before)).toBe(1);
  });
});
