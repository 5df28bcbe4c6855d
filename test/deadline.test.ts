import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createGateway, type GatewayService } from '../gateway/server.js';
import { idempotencyKeys } from '../gateway/db/schema.js';
import { bearer, errorCodes, postGraphQL } from '../shared/testing/graphql-client.js';
import { composeNik } from '../shared/validation/nik.js';
import { accessEvents as labourEvents, workers } from '../subgraphs/labour/db/schema.js';
import { cases } from '../subgraphs/ministry/db/schema.js';
import { startFetchGate, type FetchGate } from './helpers/fetch-gate.js';
import { dataOf, startTestHub, type TestClient, type TestHub } from './helpers/hub.js';

// Issue 13, point 8: the deadline stops the work. Past LIMIT_REQUEST_TIMEOUT_MS a query's fetches
// are aborted and none starts; a mutation already sent runs to its end, and its Idempotency-Key
// keeps the outcome, so that a retry gets that answer instead of writing a second time.
// The gateway under test sends its fetches through a gate that holds the ones a test picks.

const DEADLINE_MS = 500;

let hub: TestHub;
let gate: FetchGate;
let gateway: GatewayService;
let url: string;
let office: TestClient;
let token: string;
let serial = 8300;

beforeAll(async () => {
  hub = await startTestHub();
  gate = await startFetchGate(hub.subgraphUrls);
  // A second gateway on the hub's own store (same clients and keys, its signing key included), whose
  // subgraph fetches pass the gate; a subgraph fetch may take far longer than the request.
  gateway = await createGateway({
    store: hub.stores.gateway,
    config: {
      ...hub.config,
      limits: { ...hub.config.limits, requestTimeoutMs: DEADLINE_MS, subgraphTimeoutMs: 120_000 },
    },
    subgraphUrls: gate.urls,
  });
  url = `${await gateway.listen(0, '127.0.0.1')}/graphql`;
  office = await hub.client('LABOUR_OFFICE', { regionCode: '35.07' });
  token = await office.token();
}, 180_000);
afterAll(async () => {
  await gateway?.close();
  await gate?.close();
  await hub?.close();
});

function workerInput() {
  serial += 1;
  return {
    nik: composeNik('35.07.13', '1994-03-03', 'FEMALE', serial),
    fullName: `Deadline Worker ${serial}`,
    sex: 'FEMALE',
    birthDate: '1994-03-03',
    birthPlace: 'Malang',
    maritalStatus: 'SINGLE',
    education: 'PRIMARY',
    address: 'Jl. Tenggat 1',
    villageCode: '35.07.13.2001',
  };
}

async function sendWithKey(key: string, query: string, variables: Record<string, unknown>) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key, ...bearer(token) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as {
    data?: Record<string, { id: string } | null> | null;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  const codes = (body.errors ?? []).map((error) => error.extensions?.code);
  return { status: response.status, replayed: response.headers.get('idempotent-replayed'), body, codes };
}

/** Resolves once the key's outcome is kept (the timed-out work has ended). */
async function untilCompleted(key: string) {
  await vi.waitFor(
    async () => {
      const [row] = await hub.stores.gateway.db
        .select({ status: idempotencyKeys.status })
        .from(idempotencyKeys)
        .where(eq(idempotencyKeys.key, key));
      expect(row?.status).toBe('COMPLETED');
    },
    { timeout: 20_000, interval: 100 },
  );
}

const fetchesOf = (operation: string) => gate.fetches.filter((each) => each.body.includes(operation));

describe('a query past the deadline', () => {
  it('gets 504 TIMEOUT, and the subgraph sees its fetch abandoned and no later fetch', async () => {
    const { registerWorker } = dataOf(
      await office.query<{ registerWorker: { id: string } }>(
        'mutation($input: RegisterWorkerInput!) { registerWorker(input: $input) { id } }',
        { input: workerInput() },
      ),
    );
    gate.hold((service, body) => service === 'labour' && body.includes('slowWorkerRead'));
    try {
      const response = await postGraphQL(
        url,
        'query slowWorkerRead($id: ID!) { worker(id: $id) { fullName cases { id } } }',
        { id: registerWorker.id },
        bearer(token),
      );
      expect(response.status).toBe(504);
      expect(errorCodes(response)).toEqual(['TIMEOUT']);
      // Held, it could only end by the gateway letting go: the subgraph fetch allows two minutes.
      await vi.waitFor(() => expect(fetchesOf('slowWorkerRead')[0]?.abandoned).toBe(true), {
        timeout: 10_000,
      });
    } finally {
      gate.release();
    }
    expect(fetchesOf('slowWorkerRead').map((each) => [each.service, each.answered])).toEqual([
      ['labour', false],
    ]);
  });
});

describe('a mutation with an Idempotency-Key past the deadline', () => {
  const REGISTER =
    'mutation slowRegistration($input: RegisterWorkerInput!) { registerWorker(input: $input) { id } }';

  it('is refused as in progress while it runs, then replays its outcome; the worker is written once', async () => {
    const input = workerInput();
    const key = `deadline-${serial}`;
    gate.hold((service, body) => service === 'labour' && body.includes('slowRegistration'));
    let first;
    let duringWork;
    try {
      first = await sendWithKey(key, REGISTER, { input });
      duringWork = await sendWithKey(key, REGISTER, { input });
      // Sent before the deadline, a write is not cut off.
      expect(fetchesOf('slowRegistration').map((each) => each.abandoned)).toEqual([false]);
    } finally {
      gate.release();
    }
    expect([first.status, first.codes]).toEqual([504, ['TIMEOUT']]);
    expect([duringWork.status, duringWork.codes]).toEqual([409, ['CONFLICT']]);
    expect(duringWork.body.errors?.[0]?.message).toMatch(/still being processed/);

    await untilCompleted(key);
    const retry = await sendWithKey(key, REGISTER, { input });
    expect([retry.status, retry.replayed, retry.codes]).toEqual([200, 'true', []]);

    const written = await hub.stores.labour.db
      .select({ id: workers.id })
      .from(workers)
      .where(eq(workers.nik, input.nik));
    expect(written).toEqual([{ id: retry.body.data?.['registerWorker']?.id }]);
    const writes = await hub.stores.labour.db
      .select({ action: labourEvents.action })
      .from(labourEvents)
      .where(and(eq(labourEvents.entityId, written[0]?.id ?? ''), eq(labourEvents.action, 'WRITE')));
    expect(writes).toHaveLength(1);
    expect(fetchesOf('slowRegistration').filter((each) => each.answered)).toHaveLength(1);
  });

  it('never starts the root fields after the one in flight; the retry replays what ran', async () => {
    const { registerWorker: earlier } = dataOf(
      await office.query<{ registerWorker: { id: string } }>(
        'mutation($input: RegisterWorkerInput!) { registerWorker(input: $input) { id } }',
        { input: workerInput() },
      ),
    );
    const TWO_FIELDS = `mutation slowPair($input: RegisterWorkerInput!, $workerId: ID!) {
      registerWorker(input: $input) { id }
      openCase(input: { workerId: $workerId, category: UNPAID_WAGES, channel: WALK_IN, summary: "Gaji tidak dibayar" }) { id }
    }`;
    const input = workerInput();
    const key = `deadline-pair-${serial}`;
    gate.hold((service, body) => service === 'labour' && body.includes('slowPair'));
    let first;
    try {
      first = await sendWithKey(key, TWO_FIELDS, { input, workerId: earlier.id });
    } finally {
      gate.release();
    }
    expect([first.status, first.codes]).toEqual([504, ['TIMEOUT']]);

    await untilCompleted(key);
    const retry = await sendWithKey(key, TWO_FIELDS, { input, workerId: earlier.id });
    expect([retry.status, retry.replayed]).toEqual([200, 'true']);
    expect(retry.codes).toContain('TIMEOUT');
    expect(fetchesOf('slowPair').map((each) => each.service)).toEqual(['labour']);
    const opened = await hub.stores.ministry.db
      .select({ id: cases.id })
      .from(cases)
      .where(eq(cases.workerId, earlier.id));
    expect(opened).toEqual([]);
    const written = await hub.stores.labour.db
      .select({ id: workers.id })
      .from(workers)
      .where(eq(workers.nik, input.nik));
    expect(written).toHaveLength(1);
  });
});
