import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAccessChain } from '../../shared/audit/verify.js';
import { entitiesQuery, errorCodes } from '../../shared/testing/graphql-client.js';
import { startSubgraph, type SubgraphHarness } from '../../shared/testing/subgraph-harness.js';
import { accessEvents } from './db/schema.js';
import { createSubgraph } from './server.js';
import { insertTestCase, insertTestInstitution } from './testing/factories.js';

const MALANG_ID = randomUUID();
const MINISTRY_ID = randomUUID();
const MINISTRY = { kind: 'MINISTRY', institutionId: MINISTRY_ID } as const;
const MINISTRY_WITHOUT_AUDIT = { kind: 'MINISTRY', scopes: ['workers:read', 'cases:read'] } as const;
const MALANG_OFFICE = { kind: 'LABOUR_OFFICE', regionCode: '35.07', institutionId: MALANG_ID } as const;
const MALANG_WITHOUT_AUDIT = {
  kind: 'LABOUR_OFFICE',
  regionCode: '35.07',
  scopes: ['workers:read', 'cases:read'],
} as const;
const BLITAR_OFFICE = { kind: 'LABOUR_OFFICE', regionCode: '35.05' } as const;

const ACCESS_EVENTS = entitiesQuery(
  'Worker',
  'ministryAccessEvents { at institution { id } clientId actingSubject purpose caseReference service action entityType entityId fields requestId }',
);
const CASE_READ = 'query($id: ID!) { case(id: $id) { summary } }';

interface Events {
  _entities: ({
    ministryAccessEvents: { entityType: string; entityId: string; fields: string[] }[] | null;
  } | null)[];
}

let hub: SubgraphHarness;
beforeAll(async () => {
  hub = await startSubgraph(createSubgraph);
  await insertTestInstitution(hub.db, { id: MALANG_ID, name: 'Disnaker Kabupaten Malang' });
});
afterAll(async () => {
  await hub.close();
});

/** A worker of Kecamatan Kalipare (35.07.11) whose case the ministry has read once. */
async function workerWithOneRead() {
  const workerId = randomUUID();
  const complaint = await insertTestCase(hub.db, MALANG_ID, { workerId, workerDistrictCode: '35.07.11' });
  await hub.request(MINISTRY, CASE_READ, { id: complaint.id });
  return { workerId, complaint };
}

// Shaped and signed as the gateway sends it: the kecamatan comes from the labour subgraph.
const askEvents = (
  identity: Parameters<SubgraphHarness['requestAsGateway']>[0],
  workerId: string,
  districtCode?: string,
) =>
  hub.requestAsGateway<Events>(identity, ACCESS_EVENTS, {
    representations: [{ __typename: 'Worker', id: workerId, ...(districtCode ? { districtCode } : {}) }],
  });

describe('Worker.ministryAccessEvents', () => {
  it('refuses a labour office that writes the kecamatan into its own, unsigned representation', async () => {
    const { workerId } = await workerWithOneRead();
    const response = await hub.request<Events>(MALANG_OFFICE, ACCESS_EVENTS, {
      representations: [{ __typename: 'Worker', id: workerId, districtCode: '35.07.11' }],
    });
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(response.data?._entities).toEqual([{ ministryAccessEvents: null }]);
  });

  it("serves the worker's events, oldest first, to a ministry auditor and to the labour office of her region", async () => {
    const { workerId, complaint } = await workerWithOneRead();
    for (const identity of [MINISTRY, MALANG_OFFICE]) {
      const response = await askEvents(identity, workerId, '35.07.11');
      expect(response.errors).toEqual([]);
      expect(response.data?._entities[0]?.ministryAccessEvents?.[0]).toEqual({
        at: expect.any(String),
        institution: { id: MINISTRY_ID },
        clientId: 'test-ministry',
        actingSubject: null,
        purpose: null,
        caseReference: null,
        service: 'ministry',
        action: 'READ',
        entityType: 'Case',
        entityId: complaint.id,
        fields: ['summary'],
        requestId: expect.any(String),
      });
    }
    // The auditor's own reading of the log came after the case was read, and is listed after it.
    const again = await askEvents(MALANG_OFFICE, workerId, '35.07.11');
    expect(again.data?._entities[0]?.ministryAccessEvents?.map((event) => event.entityType)).toEqual([
      'Case',
      'Worker',
      'Worker',
    ]);
  });

  it('refuses the events with FORBIDDEN to clients without audit:read', async () => {
    const { workerId } = await workerWithOneRead();
    for (const identity of [
      MINISTRY_WITHOUT_AUDIT,
      MALANG_WITHOUT_AUDIT,
      { kind: 'TRAINING_PROVIDER' } as const,
    ]) {
      const response = await askEvents(identity, workerId, '35.07.11');
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
      expect(response.data?._entities).toEqual([{ ministryAccessEvents: null }]);
    }
  });

  it("refuses the events with FORBIDDEN to a labour office whose region does not hold the worker's kecamatan", async () => {
    const { workerId } = await workerWithOneRead();
    for (const [identity, districtCode] of [
      [BLITAR_OFFICE, '35.07.11'],
      [MALANG_OFFICE, '35.05.01'],
      [MALANG_OFFICE, undefined],
    ] as const) {
      const response = await askEvents(identity, workerId, districtCode);
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
      expect(response.data?._entities).toEqual([{ ministryAccessEvents: null }]);
    }
  });

  it("records reading the log as a read of the worker's data", async () => {
    const { workerId } = await workerWithOneRead();
    await askEvents(MALANG_OFFICE, workerId, '35.07.11');
    const events = await hub.db.select().from(accessEvents).where(eq(accessEvents.workerId, workerId));
    expect(events.map((event) => [event.entityType, event.institutionId, event.fields])).toContainEqual([
      'Worker',
      MALANG_ID,
      ['ministryAccessEvents'],
    ]);
  });
});

describe('the chain', () => {
  it('refuses to change or delete an event: the log is append-only', async () => {
    await workerWithOneRead();
    await expect(hub.db.execute(sql`update ministry.access_events set purpose = 'edited'`)).rejects.toThrow();
    await expect(hub.db.execute(sql`delete from ministry.access_events`)).rejects.toThrow();
    await expect(hub.db.execute(sql`truncate ministry.access_events`)).rejects.toThrow();
  });

  it('holds as a hash chain, and names the first event tampered with behind the triggers', async () => {
    for (let index = 0; index < 3; index += 1) await workerWithOneRead();
    const intact = await verifyAccessChain(hub.db, 'ministry');
    expect(intact.broken).toBeNull();
    expect(intact.checked).toBeGreaterThanOrEqual(3);
    const [target] = await hub.db.select().from(accessEvents).where(eq(accessEvents.position, 2));
    await hub.db.execute(sql`alter table ministry.access_events disable trigger access_events_no_update`);
    await hub.db.execute(sql`update ministry.access_events set fields = '{}' where position = 2`);
    await hub.db.execute(sql`alter table ministry.access_events enable trigger access_events_no_update`);
    const tampered = await verifyAccessChain(hub.db, 'ministry');
    expect(tampered.broken).toEqual({
      position: 2,
      eventId: target!.id,
      reason: 'its content does not match its hash',
    });
  });
});
