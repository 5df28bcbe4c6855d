import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, entitiesQuery, errorCodes, postGraphQL } from '../../shared/testing/graphql-client.js';
import { startSubgraph, type SubgraphHarness } from '../../shared/testing/subgraph-harness.js';
import { accessEvents } from './db/schema.js';
import { createSubgraph } from './server.js';
import {
  agencyInput,
  insertTestAgency,
  insertTestCase,
  insertTestInstitution,
  insertTestNote,
} from './testing/factories.js';
import { labourStandIn } from './testing/labour-stand-in.js';

const labour = labourStandIn();
const MALANG_ID = randomUUID();
const MINISTRY = { kind: 'MINISTRY' } as const;
const MALANG_OFFICE = { kind: 'LABOUR_OFFICE', regionCode: '35.07', institutionId: MALANG_ID } as const;
const BLITAR_OFFICE = { kind: 'LABOUR_OFFICE', regionCode: '35.05' } as const;

const CASE_READ = 'query($id: ID!) { case(id: $id) { reference summary notes { text } } }';
const OPEN = 'mutation($input: OpenCaseInput!) { openCase(input: $input) { id } }';

let hub: SubgraphHarness;
beforeAll(async () => {
  hub = await startSubgraph(createSubgraph, { graph: (call) => labour.answer(call) });
  await insertTestInstitution(hub.db, { id: MALANG_ID, name: 'Disnaker Kabupaten Malang' });
});
afterAll(async () => {
  await hub.close();
});

const eventsOf = (workerId: string) =>
  hub.db
    .select()
    .from(accessEvents)
    .where(eq(accessEvents.workerId, workerId))
    .orderBy(asc(accessEvents.position));
const allEvents = () => hub.db.select().from(accessEvents);

describe('reads', () => {
  it('records one event per case per request, naming the fields read, with who and why', async () => {
    const workerId = randomUUID();
    const complaint = await insertTestCase(hub.db, MALANG_ID, { workerId, workerDistrictCode: '35.07.13' });
    await insertTestNote(hub.db, complaint.id, MALANG_ID);
    await insertTestNote(hub.db, complaint.id, MALANG_ID);
    await postGraphQL(
      hub.url,
      CASE_READ,
      { id: complaint.id },
      {
        ...bearer(await hub.token(MINISTRY)),
        'x-purpose': 'Case follow-up',
        'x-case-reference': complaint.reference,
        'x-acting-subject': 'officer-17',
      },
    );
    const events = await eventsOf(workerId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'READ',
      subgraph: 'ministry',
      entityType: 'Case',
      entityId: complaint.id,
      workerDistrictCode: '35.07.13',
      institutionKind: 'MINISTRY',
      purpose: 'Case follow-up',
      caseReference: complaint.reference,
      actingSubject: 'officer-17',
      // A note is read as part of its case: its text is logged under the case.
      fields: ['notes', 'reference', 'summary', 'text'],
    });
  });

  it('records Worker.cases as a read of the worker, with the kecamatan the gateway sent, and of each case', async () => {
    const workerId = randomUUID();
    const cases = [
      await insertTestCase(hub.db, MALANG_ID, { workerId }),
      await insertTestCase(hub.db, MALANG_ID, { workerId }),
    ];
    const response = await hub.requestAsGateway(
      MALANG_OFFICE,
      entitiesQuery('Worker', 'cases { id category }'),
      {
        representations: [{ __typename: 'Worker', id: workerId, districtCode: '35.07.11' }],
      },
    );
    expect(response.errors).toEqual([]);
    const events = await eventsOf(workerId);
    expect(events.map((event) => [event.entityType, event.entityId, event.fields]).sort()).toEqual(
      [
        ['Case', cases[0]!.id, ['category', 'id']],
        ['Case', cases[1]!.id, ['category', 'id']],
        ['Worker', workerId, ['cases']],
      ].sort(),
    );
    expect(events.every((event) => event.workerDistrictCode === '35.07.11')).toBe(true);
  });

  it('records a legality check as a read of the placement, the worker unknown here', async () => {
    const placementId = randomUUID();
    await hub.requestAsGateway(MINISTRY, entitiesQuery('Placement', 'compliance { compliant }'), {
      representations: [
        {
          __typename: 'Placement',
          id: placementId,
          scheme: 'GOVERNMENT',
          channel: 'PROCEDURAL',
          destinationCountry: 'HK',
          missingDocuments: [],
        },
      ],
    });
    const events = await hub.db.select().from(accessEvents).where(eq(accessEvents.entityId, placementId));
    expect(events.map((event) => [event.action, event.entityType, event.workerId, event.fields])).toEqual([
      ['READ', 'Placement', null, ['compliance']],
    ]);
  });

  it('records nothing for reads of the public registries or of a hidden case', async () => {
    const before = (await allEvents()).length;
    const agency = await insertTestAgency(hub.db);
    await hub.request(MINISTRY, 'query($id: ID!) { placementAgency(id: $id) { name sanctions { id } } }', {
      id: agency.id,
    });
    const elsewhere = await insertTestCase(hub.db, MALANG_ID, { workerDistrictCode: '35.07.11' });
    await hub.request(BLITAR_OFFICE, CASE_READ, { id: elsewhere.id });
    expect(await allEvents()).toHaveLength(before);
  });
});

describe('writes', () => {
  it('records opening a case with the worker and kecamatan, and nothing for a refused one', async () => {
    const workerId = labour.addWorker('35.07.11');
    const input = { workerId, category: 'UNPAID_WAGES', channel: 'WALK_IN', summary: 'Unpaid since March.' };
    const opened = await hub.request<{ openCase: { id: string } }>(MALANG_OFFICE, OPEN, { input });
    const caseId = opened.data!.openCase.id;
    const writes = (await eventsOf(workerId)).filter((event) => event.action === 'WRITE');
    expect(writes).toEqual([
      expect.objectContaining({
        entityType: 'Case',
        entityId: caseId,
        workerDistrictCode: '35.07.11',
        institutionId: MALANG_ID,
        fields: ['category', 'channel', 'summary', 'workerId'],
      }),
    ]);
    const before = (await allEvents()).length;
    const refused = await hub.request({ kind: 'TRAINING_PROVIDER' }, OPEN, { input });
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    expect(await allEvents()).toHaveLength(before);
  });

  it('records following a case up, each change in its own event', async () => {
    const workerId = randomUUID();
    const { id: caseId } = await insertTestCase(hub.db, MALANG_ID, { workerId });
    await hub.request(MINISTRY, 'mutation($id: ID!) { addCaseNote(caseId: $id, text: "Called.") { id } }', {
      id: caseId,
    });
    await hub.request(
      MINISTRY,
      'mutation($id: ID!) { changeCaseStatus(caseId: $id, status: IN_PROGRESS) { id } }',
      {
        id: caseId,
      },
    );
    await hub.request(
      MINISTRY,
      'mutation($id: ID!) { resolveCase(caseId: $id, input: { outcome: SETTLED, summary: "Paid." }) { id } }',
      { id: caseId },
    );
    const writes = (await eventsOf(workerId)).filter((event) => event.action === 'WRITE');
    expect(writes.map((event) => event.fields)).toEqual([['notes'], ['status'], ['resolution', 'status']]);
  });

  it('records registry writes without a worker, and nothing for a refused or conflicting one', async () => {
    const input = agencyInput();
    const registered = await hub.request<{ registerPlacementAgency: { id: string } }>(
      MINISTRY,
      'mutation($input: RegisterPlacementAgencyInput!) { registerPlacementAgency(input: $input) { id } }',
      { input },
    );
    const agencyId = registered.data!.registerPlacementAgency.id;
    const sanctioned = await hub.request<{ imposeSanction: { id: string } }>(
      MINISTRY,
      'mutation($input: ImposeSanctionInput!) { imposeSanction(input: $input) { id } }',
      { input: { agencyId, type: 'SUSPENSION', reason: 'Unpaid wages', imposedOn: '2025-06-01' } },
    );
    const sanctionId = sanctioned.data!.imposeSanction.id;
    const events = await hub.db
      .select()
      .from(accessEvents)
      .where(eq(accessEvents.action, 'WRITE'))
      .orderBy(asc(accessEvents.position));
    const about = (id: string) =>
      events
        .filter((event) => event.entityId === id)
        .map((event) => [event.entityType, event.workerId, event.fields]);
    expect(about(agencyId)).toEqual([
      [
        'PlacementAgency',
        null,
        [
          'headOfficeRegionCode',
          'licenceNumber',
          'licenceStatus',
          'licenceValidFrom',
          'licenceValidUntil',
          'name',
        ],
      ],
      // The suspension changes the licence in the same transaction as the sanction.
      ['PlacementAgency', null, ['licenceStatus']],
    ]);
    expect(about(sanctionId)).toEqual([['Sanction', null, ['agencyId', 'imposedOn', 'reason', 'type']]]);
    const before = (await allEvents()).length;
    await hub.request(
      MINISTRY,
      'mutation($input: RegisterPlacementAgencyInput!) { registerPlacementAgency(input: $input) { id } }',
      { input },
    );
    await hub.request(
      MALANG_OFFICE,
      'mutation($input: RegisterPlacementAgencyInput!) { registerPlacementAgency(input: $input) { id } }',
      { input: agencyInput() },
    );
    expect(await allEvents()).toHaveLength(before);
  });
});
