import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, errorCodes, postGraphQL } from '../shared/testing/graphql-client.js';
import { composeNik } from '../shared/validation/nik.js';
import { accessEvents as labourEvents } from '../subgraphs/labour/db/schema.js';
import { accessEvents as trainingEvents, enrollments } from '../subgraphs/training/db/schema.js';
import { dataOf, startTestHub, type TestClient, type TestHub } from './helpers/hub.js';

// Issue 9, findings 5 and 6, through the gateway: an idempotent retry cannot hand back what its
// caller may no longer see, and every retry that sends data again is in the access log; the hub,
// not the client, names each request.

let hub: TestHub;
let office: TestClient;
let provider: TestClient;
let courseId: string;
let serial = 7100;

beforeAll(async () => {
  hub = await startTestHub();
  office = await hub.client('LABOUR_OFFICE', { regionCode: '35.07' });
  provider = await hub.client('TRAINING_PROVIDER');
  const registered = dataOf(
    await provider.query<{ registerTrainingProvider: { id: string } }>(
      'mutation { registerTrainingProvider(input: { name: "LPK Ulang", kind: LPK, accreditation: B, regionCode: "35.07.13" }) { id } }',
    ),
  ).registerTrainingProvider;
  courseId = dataOf(
    await provider.query<{ createCourse: { id: string } }>(
      'mutation($p: ID!) { createCourse(input: { providerId: $p, title: "Caregiving", kind: SKILL, skill: "Caregiving", hours: 200, startDate: "2025-02-01", endDate: "2025-04-30", capacity: 20 }) { id } }',
      { p: registered.id },
    ),
  ).createCourse.id;
}, 180_000);
afterAll(async () => {
  await hub.close();
});

async function consentingWorker(): Promise<{ workerId: string; consentId: string }> {
  serial += 1;
  const workerId = dataOf(
    await office.query<{ registerWorker: { id: string } }>(
      'mutation($input: RegisterWorkerInput!) { registerWorker(input: $input) { id } }',
      {
        input: {
          nik: composeNik('35.07.13', '1993-05-05', 'FEMALE', serial),
          fullName: `Replay Worker ${serial}`,
          sex: 'FEMALE',
          birthDate: '1993-05-05',
          birthPlace: 'Malang',
          maritalStatus: 'SINGLE',
          education: 'PRIMARY',
          address: 'Jl. Ulang 1',
          villageCode: '35.07.13.2001',
        },
      },
    ),
  ).registerWorker.id;
  const consentId = dataOf(
    await office.query<{ grantConsent: { id: string } }>(
      'mutation($w: ID!, $g: ID!) { grantConsent(input: { workerId: $w, granteeInstitutionId: $g, purpose: TRAINING }) { id } }',
      { w: workerId, g: provider.institutionId },
    ),
  ).grantConsent.id;
  return { workerId, consentId };
}

const ENROL =
  'mutation($c: ID!, $w: ID!) { enrollWorker(courseId: $c, workerId: $w) { id status worker { id fullName nik } } }';

async function sendWithKey(
  client: TestClient,
  key: string,
  query: string,
  variables: Record<string, unknown>,
) {
  const response = await fetch(hub.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key, ...bearer(await client.token()) },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    replayed: response.headers.get('idempotent-replayed'),
    body: await response.text(),
  };
}

describe('an idempotent retry', () => {
  it('replays the first answer while the caller may still see it, as a REPLAY event in every service that served it', async () => {
    const { workerId } = await consentingWorker();
    const first = await sendWithKey(provider, 'enrol-while-consenting', ENROL, { c: courseId, w: workerId });
    expect(JSON.parse(first.body)).not.toHaveProperty('errors');
    const retry = await sendWithKey(provider, 'enrol-while-consenting', ENROL, { c: courseId, w: workerId });
    expect(retry).toEqual({ ...first, replayed: 'true' });

    const replays = await hub.stores.labour.db
      .select()
      .from(labourEvents)
      .where(and(eq(labourEvents.workerId, workerId), eq(labourEvents.action, 'REPLAY')));
    expect(replays).toEqual([
      expect.objectContaining({
        entityType: 'Worker',
        fields: ['fullName', 'nik'],
        clientId: provider.clientId,
      }),
    ]);
    const trainingReplays = await hub.stores.training.db
      .select()
      .from(trainingEvents)
      .where(and(eq(trainingEvents.workerId, workerId), eq(trainingEvents.action, 'REPLAY')));
    expect(trainingReplays.map((event) => event.entityType)).toContain('Enrollment');
  });

  it('after the consent is revoked, gets what a fresh request gets and no worker data', async () => {
    const { workerId, consentId } = await consentingWorker();
    const first = await sendWithKey(provider, 'enrol-then-revoked', ENROL, { c: courseId, w: workerId });
    const enrolled = JSON.parse(first.body) as { data: { enrollWorker: { worker: { fullName: string } } } };
    expect(enrolled.data.enrollWorker.worker.fullName).toMatch(/^Replay Worker/);
    dataOf(await office.query('mutation($id: ID!) { revokeConsent(id: $id) { id } }', { id: consentId }));

    const retry = await sendWithKey(provider, 'enrol-then-revoked', ENROL, { c: courseId, w: workerId });
    const fresh = await provider.query(ENROL, { c: courseId, w: workerId });
    expect(retry.replayed).toBeNull();
    const answer = JSON.parse(retry.body) as { data?: unknown; errors?: { extensions: { code: string } }[] };
    expect(answer.errors?.map((error) => error.extensions.code)).toEqual(errorCodes(fresh));
    expect(answer.data ?? null).toEqual(fresh.data ?? null);
    expect(retry.body).not.toContain(enrolled.data.enrollWorker.worker.fullName);
    // Neither the retry nor the fresh request enrolled her a second time.
    const rows = await hub.stores.training.db
      .select()
      .from(enrollments)
      .where(eq(enrollments.workerId, workerId));
    expect(rows).toHaveLength(1);
    // And nothing was replayed, so no service logged a replay.
    const replays = await hub.stores.labour.db
      .select()
      .from(labourEvents)
      .where(and(eq(labourEvents.workerId, workerId), eq(labourEvents.action, 'REPLAY')));
    expect(replays).toEqual([]);
  });
});

describe('request ids', () => {
  it("are the gateway's own; a client's X-Request-Id is kept beside it as clientRequestId", async () => {
    const { workerId } = await consentingWorker();
    const response = await postGraphQL(
      hub.url,
      'query($id: ID!) { worker(id: $id) { fullName enrollments { id } } }',
      { id: workerId },
      { ...bearer(await provider.token()), 'x-request-id': 'someone-elses-request' },
    );
    expect(response.errors).toEqual([]);
    const hubId = response.headers.get('x-request-id');
    expect(hubId).toMatch(/^[0-9a-f-]{36}$/);
    const [read] = await hub.stores.labour.db
      .select()
      .from(labourEvents)
      .where(
        and(
          eq(labourEvents.workerId, workerId),
          eq(labourEvents.action, 'READ'),
          eq(labourEvents.clientId, provider.clientId),
        ),
      );
    expect(read).toMatchObject({ requestId: hubId, clientRequestId: 'someone-elses-request' });
    // The same id in every service the request reached.
    const training = await hub.stores.training.db
      .select()
      .from(trainingEvents)
      .where(and(eq(trainingEvents.requestId, hubId ?? ''), eq(trainingEvents.clientId, provider.clientId)));
    expect(training.length).toBeGreaterThan(0);
    expect(training.every((event) => event.clientRequestId === 'someone-elses-request')).toBe(true);
  });

  it('are made by a subgraph called directly, whatever id the caller sends', async () => {
    const { workerId } = await consentingWorker();
    const response = await postGraphQL(
      `${hub.subgraphUrls.labour}`,
      'query($id: ID!) { worker(id: $id) { fullName } }',
      { id: workerId },
      { ...bearer(await provider.token()), 'x-request-id': 'forged-request-id' },
    );
    expect(response.errors).toEqual([]);
    const events = await hub.stores.labour.db
      .select()
      .from(labourEvents)
      .where(and(eq(labourEvents.workerId, workerId), eq(labourEvents.clientRequestId, 'forged-request-id')));
    expect(events).toHaveLength(1);
    expect(events[0]?.requestId).not.toBe('forged-request-id');
  });
});
