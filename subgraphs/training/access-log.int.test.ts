import { randomUUID } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAccessChain } from '../../shared/audit/verify.js';
import { entitiesQuery, errorCodes } from '../../shared/testing/graphql-client.js';
import { startSubgraph, type SubgraphHarness } from '../../shared/testing/subgraph-harness.js';
import type { TestIdentity } from '../../shared/testing/tokens.js';
import { accessEvents } from './db/schema.js';
import { createSubgraph } from './server.js';
import {
  insertTestCertification,
  insertTestConsentFact,
  insertTestEnrollment,
  insertTestInstitution,
  universityClient,
} from './testing/factories.js';

const MALANG_OFFICE = { kind: 'LABOUR_OFFICE', regionCode: '35.07' } as const;
const BLITAR_OFFICE = { kind: 'LABOUR_OFFICE', regionCode: '35.05' } as const;
const AUDITOR = { kind: 'MINISTRY', scopes: ['workers:read', 'audit:read'] } as const;
const READER = { kind: 'MINISTRY', scopes: ['workers:read'] } as const;
const RECORDS = entitiesQuery('Worker', 'id enrollments { id status } certifications { id number }');
const ACCESS_EVENTS = entitiesQuery(
  'Worker',
  'trainingAccessEvents { service action entityType entityId fields institution { id } }',
);

let hub: SubgraphHarness;
beforeAll(async () => {
  hub = await startSubgraph(createSubgraph);
});
afterAll(async () => {
  await hub.close();
});

/** A worker of Kalipare (35.07.13) with two enrolments and a certificate at one institution. */
async function trainee() {
  const institution = await insertTestInstitution(hub.db);
  const second = await insertTestInstitution(hub.db);
  const district = { workerDistrictCode: '35.07.13' };
  const { workerId } = await insertTestConsentFact(hub.db, institution.institutionId, district);
  const enrollments = [
    await insertTestEnrollment(hub.db, institution.course.id, workerId, district),
    await insertTestEnrollment(hub.db, second.course.id, workerId, district),
  ];
  const certification = await insertTestCertification(hub.db, institution.provider.id, workerId, district);
  return { ...institution, workerId, enrollments, certification };
}

function eventsOf(workerId: string) {
  return hub.db
    .select()
    .from(accessEvents)
    .where(eq(accessEvents.workerId, workerId))
    .orderBy(asc(accessEvents.position));
}

/** An event as the assertions compare it: what was touched, how, and which fields. */
const touched = (event: { action: string; entityType: string; entityId: string; fields: string[] }) => [
  event.action,
  event.entityType,
  event.entityId,
  event.fields,
];

// Shaped and signed as the gateway sends it: the kecamatan comes from the labour subgraph.
function accessEventsOf(identity: TestIdentity, workerId: string, districtCode?: string) {
  return hub.requestAsGateway<{ _entities: [{ trainingAccessEvents: unknown[] | null }] }>(
    identity,
    ACCESS_EVENTS,
    {
      representations: [{ __typename: 'Worker', id: workerId, ...(districtCode ? { districtCode } : {}) }],
    },
  );
}

describe('reads', () => {
  it('records one event per entity read in a request, naming the fields, who, why and the kecamatan', async () => {
    const t = await trainee();
    const token = await hub.token({ kind: 'MINISTRY', clientId: 'kp2mi-desk' });
    await fetch(hub.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'x-purpose': 'Pre-departure check',
        'x-case-reference': 'KP2MI-2026-000042',
        'x-acting-subject': 'officer-9',
      },
      // The same worker twice in one request is still one event.
      body: JSON.stringify({
        query: RECORDS,
        variables: { representations: [0, 1].map(() => ({ __typename: 'Worker', id: t.workerId })) },
      }),
    });
    const events = await eventsOf(t.workerId);
    expect(events.map(touched)).toEqual(
      expect.arrayContaining([
        ['READ', 'Worker', t.workerId, ['certifications', 'enrollments', 'id']],
        ['READ', 'Enrollment', t.enrollments[0]!.id, ['id', 'status']],
        ['READ', 'Enrollment', t.enrollments[1]!.id, ['id', 'status']],
        ['READ', 'Certification', t.certification.id, ['id', 'number']],
      ]),
    );
    expect(events).toHaveLength(4);
    for (const event of events) {
      expect(event).toMatchObject({
        subgraph: 'training',
        institutionKind: 'MINISTRY',
        clientId: 'kp2mi-desk',
        purpose: 'Pre-departure check',
        caseReference: 'KP2MI-2026-000042',
        actingSubject: 'officer-9',
        requestId: events[0]!.requestId,
      });
    }
    expect(events.filter((event) => event.entityType !== 'Worker').map((e) => e.workerDistrictCode)).toEqual([
      '35.07.13',
      '35.07.13',
      '35.07.13',
    ]);
  });

  /** A consenting university reads what it may (certifications) and asks for what it may not. */
  async function universityReadsRecords() {
    const t = await trainee();
    const universityId = randomUUID();
    await insertTestConsentFact(hub.db, universityId, { workerId: t.workerId, purpose: 'EMPOWERMENT' });
    const response = await hub.request(universityClient(universityId), RECORDS, {
      representations: [{ __typename: 'Worker', id: t.workerId }],
    });
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    return { t, events: (await eventsOf(t.workerId)).map(touched) };
  }

  it('records what a consenting university reads, and nothing for directory reads', async () => {
    const { t, events } = await universityReadsRecords();
    expect(events).toEqual([
      ['READ', 'Worker', t.workerId, expect.arrayContaining(['certifications', 'id'])],
      ['READ', 'Certification', t.certification.id, ['id', 'number']],
    ]);
    const before = (await hub.db.select().from(accessEvents)).length;
    await hub.request(READER, '{ trainingProviders { id courses { id title enrolledCount } } }');
    expect(await hub.db.select().from(accessEvents)).toHaveLength(before);
  });

  // graphql-shield returns (does not throw) its refusals and, with `allowExternalErrors`, resolver
  // errors; the access-log plugin must not count such a field as read.
  it('does not record a field refused by the rule map or by a resolver as read', async () => {
    const { t, events } = await universityReadsRecords();
    expect(events[0]).toEqual(['READ', 'Worker', t.workerId, ['certifications', 'id']]);
    const other = await trainee();
    const response = await accessEventsOf(BLITAR_OFFICE, other.workerId, '35.07.13');
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(await eventsOf(other.workerId)).toEqual([]);
  });
});

describe('Worker.trainingAccessEvents', () => {
  it('is refused without audit:read, to training providers and universities, and to a labour office of another region', async () => {
    const t = await trainee();
    for (const identity of [READER, t.client, universityClient(randomUUID()), BLITAR_OFFICE] as const) {
      const response = await accessEventsOf(identity, t.workerId, '35.07.13');
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
      expect(response.data?._entities[0].trainingAccessEvents).toBeNull();
    }
    // Without the kecamatan the gateway brings, no labour office can be shown to be the worker's,
    // and a kecamatan the caller wrote into its own unsigned representation proves nothing.
    expect(errorCodes(await accessEventsOf(MALANG_OFFICE, t.workerId))).toEqual(['FORBIDDEN']);
    const forged = await hub.request(MALANG_OFFICE, ACCESS_EVENTS, {
      representations: [{ __typename: 'Worker', id: t.workerId, districtCode: '35.07.13' }],
    });
    expect(errorCodes(forged)).toEqual(['FORBIDDEN']);
  });

  it("serves the worker's events, oldest first, to a ministry auditor and to the labour office of her region", async () => {
    const t = await trainee();
    await hub.request(t.client, RECORDS, { representations: [{ __typename: 'Worker', id: t.workerId }] });
    const expected = (await eventsOf(t.workerId)).map((event) => ({
      service: 'training',
      action: 'READ',
      entityType: event.entityType,
      entityId: event.entityId,
      fields: event.fields,
      institution: { id: t.institutionId },
    }));
    expect(expected.length).toBeGreaterThan(0);
    for (const identity of [AUDITOR, MALANG_OFFICE]) {
      const response = await accessEventsOf(identity, t.workerId, '35.07.13');
      expect(response.errors).toEqual([]);
      expect(response.data?._entities[0].trainingAccessEvents?.slice(0, expected.length)).toEqual(expected);
    }
    // Reading the log is itself a read of the worker's data, logged with the kecamatan sent along.
    const [latest] = (await eventsOf(t.workerId)).reverse();
    expect(latest).toMatchObject({
      entityType: 'Worker',
      fields: ['trainingAccessEvents'],
      institutionKind: 'LABOUR_OFFICE',
      workerDistrictCode: '35.07.13',
    });
  });
});

describe('the chain', () => {
  it('refuses to change or delete an event: the log is append-only', async () => {
    await trainee().then((t) =>
      hub.request(AUDITOR, RECORDS, { representations: [{ __typename: 'Worker', id: t.workerId }] }),
    );
    await expect(hub.db.execute(sql`update training.access_events set purpose = 'edited'`)).rejects.toThrow();
    await expect(hub.db.execute(sql`delete from training.access_events`)).rejects.toThrow();
    await expect(hub.db.execute(sql`truncate training.access_events`)).rejects.toThrow();
  });

  // Last in this file: it tampers with the log behind the triggers.
  it('holds as a hash chain, and names the first event tampered with', async () => {
    const intact = await verifyAccessChain(hub.db, 'training');
    expect(intact.broken).toBeNull();
    expect(intact.checked).toBeGreaterThanOrEqual(3);
    const [target] = await hub.db.select().from(accessEvents).where(eq(accessEvents.position, 2));
    await hub.db.execute(sql`alter table training.access_events disable trigger access_events_no_update`);
    await hub.db.execute(sql`update training.access_events set fields = '{nik}' where position = 2`);
    await hub.db.execute(sql`alter table training.access_events enable trigger access_events_no_update`);
    expect(await verifyAccessChain(hub.db, 'training')).toEqual({
      schema: 'training',
      checked: 1,
      broken: { position: 2, eventId: target!.id, reason: 'its content does not match its hash' },
    });
  });
});
