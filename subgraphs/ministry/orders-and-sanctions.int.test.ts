import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInJakarta } from '../../shared/scalars.js';
import { errorCodes } from '../../shared/testing/graphql-client.js';
import { startSubgraph, type SubgraphHarness } from '../../shared/testing/subgraph-harness.js';
import { createSubgraph } from './server.js';
import { insertTestAgency, insertTestJobOrder, jobOrderInput } from './testing/factories.js';

const MINISTRY = { kind: 'MINISTRY' } as const;
const MINISTRY_READ_ONLY = { kind: 'MINISTRY', scopes: ['cases:read', 'stats:read'] } as const;
const MALANG_OFFICE = { kind: 'LABOUR_OFFICE', regionCode: '35.07' } as const;
const UNIVERSITY = { kind: 'UNIVERSITY' } as const;

const CREATE_JOB_ORDER = `mutation($input: CreateJobOrderInput!) {
  createJobOrder(input: $input) { id countryCode quota recruitmentPermitNumber verifiedByMission agency { id } } }`;
const IMPOSE = `mutation($input: ImposeSanctionInput!) {
  imposeSanction(input: $input) { id type effectiveUntil case { id } agency { id licenceStatus } } }`;

let hub: SubgraphHarness;
beforeAll(async () => {
  hub = await startSubgraph(createSubgraph);
});
afterAll(async () => {
  await hub.close();
});

describe('job orders', () => {
  it('records a job order and lists the agency orders newest first', async () => {
    const agency = await insertTestAgency(hub.db);
    const older = await insertTestJobOrder(hub.db, agency.id, {
      createdAt: new Date('2025-01-01T00:00:00Z'),
    });
    const response = await hub.request(MINISTRY, CREATE_JOB_ORDER, {
      input: jobOrderInput(agency.id, { countryCode: 'TW', quota: 10_000, verifiedByMission: null }),
    });
    expect(response.errors).toEqual([]);
    const created = response.data?.['createJobOrder'] as { id: string };
    expect(created).toMatchObject({
      countryCode: 'TW',
      quota: 10_000,
      verifiedByMission: false,
      agency: { id: agency.id },
    });
    const list = await hub.request(UNIVERSITY, 'query($id: ID!) { jobOrders(agencyId: $id) { id } }', {
      id: agency.id,
    });
    expect(list.data).toEqual({ jobOrders: [{ id: created.id }, { id: older.id }] });
    const nested = await hub.request(
      MALANG_OFFICE,
      'query($id: ID!) { placementAgency(id: $id) { jobOrders { id } } }',
      {
        id: agency.id,
      },
    );
    expect(nested.data).toEqual({ placementAgency: { jobOrders: [{ id: created.id }, { id: older.id }] } });
  });

  it('finds a job order by id, and answers unknown or malformed ids with null', async () => {
    const agency = await insertTestAgency(hub.db);
    const order = await insertTestJobOrder(hub.db, agency.id, { employerName: 'Lin Family' });
    const query = 'query($id: ID!) { jobOrder(id: $id) { employerName occupation agency { id } } }';
    const found = await hub.request(UNIVERSITY, query, { id: order.id });
    expect(found.data).toEqual({
      jobOrder: { employerName: 'Lin Family', occupation: 'HOUSEKEEPER', agency: { id: agency.id } },
    });
    expect((await hub.request(UNIVERSITY, query, { id: randomUUID() })).data).toEqual({ jobOrder: null });
    expect((await hub.request(UNIVERSITY, query, { id: 'SIP2MI/1' })).data).toEqual({ jobOrder: null });
    const none = await hub.request(UNIVERSITY, 'query($id: ID!) { jobOrders(agencyId: $id) { id } }', {
      id: 'x',
    });
    expect(none.data).toEqual({ jobOrders: [] });
  });

  it.each([
    ['quota', { quota: 0 }],
    ['quota', { quota: 10_001 }],
    ['countryCode', { countryCode: 'ID' }],
    ['countryCode', { countryCode: 'XX' }],
    ['validUntil', { validFrom: '2025-06-01', validUntil: '2025-05-31' }],
    ['employerName', { employerName: '' }],
    ['agencyId', { agencyId: 'not-an-id' }],
  ])('refuses a bad %s with BAD_USER_INPUT', async (field, overrides) => {
    const agency = await insertTestAgency(hub.db);
    const response = await hub.request(MINISTRY, CREATE_JOB_ORDER, {
      input: jobOrderInput(agency.id, overrides),
    });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors[0]?.extensions?.['field']).toBe(`input.${field}`);
  });

  it('refuses an unknown agency, a duplicate permit number and an agency without an active licence', async () => {
    const unknown = await hub.request(MINISTRY, CREATE_JOB_ORDER, { input: jobOrderInput(randomUUID()) });
    expect(errorCodes(unknown)).toEqual(['BAD_USER_INPUT']);
    expect(unknown.errors[0]?.extensions?.['field']).toBe('input.agencyId');

    const agency = await insertTestAgency(hub.db);
    const existing = await insertTestJobOrder(hub.db, agency.id);
    const duplicate = await hub.request(MINISTRY, CREATE_JOB_ORDER, {
      input: jobOrderInput(agency.id, { recruitmentPermitNumber: existing.recruitmentPermitNumber }),
    });
    expect(errorCodes(duplicate)).toEqual(['CONFLICT']);

    const suspended = await insertTestAgency(hub.db, { licenceStatus: 'SUSPENDED' });
    const refused = await hub.request(MINISTRY, CREATE_JOB_ORDER, { input: jobOrderInput(suspended.id) });
    expect(errorCodes(refused)).toEqual(['CONFLICT']);
  });

  it('is for the ministry only', async () => {
    const agency = await insertTestAgency(hub.db);
    const response = await hub.request(MALANG_OFFICE, CREATE_JOB_ORDER, { input: jobOrderInput(agency.id) });
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
  });
});

describe('imposeSanction', () => {
  it('suspends the licence together with a suspension', async () => {
    const agency = await insertTestAgency(hub.db);
    const response = await hub.request(MINISTRY, IMPOSE, {
      input: {
        agencyId: agency.id,
        type: 'SUSPENSION',
        reason: 'Failed to resolve an unpaid-wages case',
        imposedOn: todayInJakarta(),
        effectiveUntil: '2099-12-31',
      },
    });
    expect(response.errors).toEqual([]);
    expect(response.data?.['imposeSanction']).toMatchObject({
      type: 'SUSPENSION',
      effectiveUntil: '2099-12-31',
      case: null,
      agency: { id: agency.id, licenceStatus: 'SUSPENDED' },
    });
  });

  it('revokes the licence with a revocation and leaves it alone with a warning', async () => {
    const agency = await insertTestAgency(hub.db);
    const warning = await hub.request(MINISTRY, IMPOSE, {
      input: {
        agencyId: agency.id,
        type: 'WRITTEN_WARNING',
        reason: 'Late reports',
        imposedOn: '2025-01-10',
      },
    });
    expect(warning.data?.['imposeSanction']).toMatchObject({ agency: { licenceStatus: 'ACTIVE' } });
    const revocation = await hub.request(MINISTRY, IMPOSE, {
      input: {
        agencyId: agency.id,
        type: 'LICENCE_REVOCATION',
        reason: 'Trafficking conviction',
        imposedOn: '2025-02-01',
      },
    });
    expect(revocation.data?.['imposeSanction']).toMatchObject({ agency: { licenceStatus: 'REVOKED' } });
    const again = await hub.request(MINISTRY, IMPOSE, {
      input: { agencyId: agency.id, type: 'SUSPENSION', reason: 'Again', imposedOn: '2025-02-02' },
    });
    expect(errorCodes(again)).toEqual(['CONFLICT']);
    const sanctions = await hub.request(
      MINISTRY,
      'query($id: ID!) { placementAgency(id: $id) { sanctions { type } } }',
      {
        id: agency.id,
      },
    );
    expect(sanctions.data).toEqual({
      placementAgency: { sanctions: [{ type: 'LICENCE_REVOCATION' }, { type: 'WRITTEN_WARNING' }] },
    });
  });

  it.each([
    ['effectiveUntil', { effectiveUntil: '2024-12-31' }],
    ['effectiveUntil', { type: 'LICENCE_REVOCATION', effectiveUntil: '2026-01-01' }],
    ['imposedOn', { imposedOn: '2199-01-01' }],
    ['reason', { reason: '' }],
    ['caseId', { caseId: randomUUID() }],
    ['agencyId', { agencyId: randomUUID() }],
  ])('refuses a bad %s with BAD_USER_INPUT and leaves the licence as it was', async (field, overrides) => {
    const agency = await insertTestAgency(hub.db);
    const response = await hub.request(MINISTRY, IMPOSE, {
      input: {
        agencyId: agency.id,
        type: 'SUSPENSION',
        reason: 'Test',
        imposedOn: '2025-01-01',
        ...overrides,
      },
    });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors[0]?.extensions?.['field']).toBe(`input.${field}`);
    const after = await hub.request(
      MINISTRY,
      'query($id: ID!) { placementAgency(id: $id) { licenceStatus sanctions { id } } }',
      {
        id: agency.id,
      },
    );
    expect(after.data).toEqual({ placementAgency: { licenceStatus: 'ACTIVE', sanctions: [] } });
  });

  it('is for the ministry with agencies:write only', async () => {
    const agency = await insertTestAgency(hub.db);
    const input = { agencyId: agency.id, type: 'FINE', reason: 'Overcharging', imposedOn: '2025-01-01' };
    for (const identity of [MALANG_OFFICE, MINISTRY_READ_ONLY]) {
      expect(errorCodes(await hub.request(identity, IMPOSE, { input }))).toEqual(['FORBIDDEN']);
    }
  });
});
