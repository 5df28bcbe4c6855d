import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entitiesQuery, errorCodes } from '../../shared/testing/graphql-client.js';
import { startSubgraph, type SubgraphHarness } from '../../shared/testing/subgraph-harness.js';
import { createSubgraph } from './server.js';
import {
  agencyInput,
  insertTestAgency,
  insertTestJobOrder,
  insertTestSanction,
} from './testing/factories.js';

const MINISTRY = { kind: 'MINISTRY' } as const;
const MINISTRY_READ_ONLY = { kind: 'MINISTRY', scopes: ['cases:read', 'stats:read'] } as const;
const MALANG_OFFICE = { kind: 'LABOUR_OFFICE', regionCode: '35.07' } as const;
const TRAINING_PROVIDER = { kind: 'TRAINING_PROVIDER' } as const;

const AGENCY_FIELDS =
  'id name licenceNumber licenceStatus licenceValidFrom licenceValidUntil headOfficeRegionCode';
const REGISTER = `mutation($input: RegisterPlacementAgencyInput!) { registerPlacementAgency(input: $input) { ${AGENCY_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateAgencyLicenceInput!) { updateAgencyLicence(id: $id, input: $input) { ${AGENCY_FIELDS} } }`;

let hub: SubgraphHarness;
beforeAll(async () => {
  hub = await startSubgraph(createSubgraph);
});
afterAll(async () => {
  await hub.close();
});

async function agencyCount(): Promise<number> {
  const response = await hub.request<{ placementAgencies: unknown[] }>(
    MINISTRY,
    '{ placementAgencies { id } }',
  );
  return response.data?.placementAgencies.length ?? -1;
}

describe('registerPlacementAgency', () => {
  it('registers an agency with an active licence, its number stored upper case', async () => {
    const input = agencyInput({ licenceNumber: ' sip3mi/77/2024 ' });
    const response = await hub.request(MINISTRY, REGISTER, { input });
    expect(response.errors).toEqual([]);
    expect(response.data?.['registerPlacementAgency']).toMatchObject({
      name: input.name,
      licenceNumber: 'SIP3MI/77/2024',
      licenceStatus: 'ACTIVE',
      licenceValidFrom: '2024-01-01',
      licenceValidUntil: '2029-12-31',
      headOfficeRegionCode: '35.07',
    });
  });

  it.each([
    ['name', { name: '   ' }],
    ['name', { name: 'x'.repeat(201) }],
    ['licenceNumber', { licenceNumber: '!!' }],
    ['licenceValidUntil', { licenceValidFrom: '2025-01-01', licenceValidUntil: '2024-12-31' }],
    ['headOfficeRegionCode', { headOfficeRegionCode: '35.07.99' }],
    ['headOfficeRegionCode', { headOfficeRegionCode: '35' }],
    ['headOfficeRegionCode', { headOfficeRegionCode: 'Malang' }],
  ])('refuses a bad %s with BAD_USER_INPUT and writes nothing', async (field, overrides) => {
    const before = await agencyCount();
    const response = await hub.request(MINISTRY, REGISTER, { input: agencyInput(overrides) });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors[0]?.extensions?.['field']).toBe(`input.${field}`);
    expect(await agencyCount()).toBe(before);
  });

  it('refuses a second agency with the same licence number, whatever its case', async () => {
    const input = agencyInput();
    await hub.request(MINISTRY, REGISTER, { input });
    const again = await hub.request(MINISTRY, REGISTER, {
      input: agencyInput({ licenceNumber: input.licenceNumber.toLowerCase() }),
    });
    expect(errorCodes(again)).toEqual(['CONFLICT']);
  });

  it('is for the ministry with agencies:write only', async () => {
    for (const identity of [MALANG_OFFICE, TRAINING_PROVIDER, MINISTRY_READ_ONLY]) {
      const response = await hub.request(identity, REGISTER, { input: agencyInput() });
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    }
  });
});

describe('agency licences', () => {
  it('reads EXPIRED for an active licence past its validity and lists agencies by licence status', async () => {
    const expired = await insertTestAgency(hub.db, {
      licenceValidFrom: '2019-01-01',
      licenceValidUntil: '2024-01-01',
    });
    const suspended = await insertTestAgency(hub.db, { licenceStatus: 'SUSPENDED' });
    const active = await insertTestAgency(hub.db);
    const ids = async (status: string) => {
      const response = await hub.request<{ placementAgencies: { id: string; licenceStatus: string }[] }>(
        TRAINING_PROVIDER,
        'query($status: LicenceStatus) { placementAgencies(status: $status) { id licenceStatus } }',
        { status },
      );
      return response.data?.placementAgencies.map((agency) => agency.id) ?? [];
    };
    expect(await ids('EXPIRED')).toContain(expired.id);
    expect(await ids('EXPIRED')).not.toContain(active.id);
    expect(await ids('ACTIVE')).toContain(active.id);
    expect(await ids('ACTIVE')).not.toContain(expired.id);
    expect(await ids('SUSPENDED')).toEqual(expect.arrayContaining([suspended.id]));
    const one = await hub.request(
      MALANG_OFFICE,
      'query($id: ID!) { placementAgency(id: $id) { licenceStatus } }',
      {
        id: expired.id,
      },
    );
    expect(one.data).toEqual({ placementAgency: { licenceStatus: 'EXPIRED' } });
  });

  it('extends a licence and suspends it by hand', async () => {
    const agency = await insertTestAgency(hub.db);
    const response = await hub.request(MINISTRY, UPDATE, {
      id: agency.id,
      input: { licenceValidUntil: '2031-12-31', licenceStatus: 'SUSPENDED' },
    });
    expect(response.data?.['updateAgencyLicence']).toMatchObject({
      licenceValidUntil: '2031-12-31',
      licenceStatus: 'SUSPENDED',
    });
  });

  it('refuses EXPIRED as a status, a validity ending before it starts, and an empty change', async () => {
    const agency = await insertTestAgency(hub.db);
    const cases = [
      [{ licenceStatus: 'EXPIRED' }, 'input.licenceStatus'],
      [{ licenceValidUntil: '2023-12-31' }, 'input.licenceValidUntil'],
      [{}, 'input'],
    ] as const;
    for (const [input, field] of cases) {
      const response = await hub.request(MINISTRY, UPDATE, { id: agency.id, input });
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors[0]?.extensions?.['field']).toBe(field);
    }
  });

  it('answers NOT_FOUND for an unknown agency and BAD_USER_INPUT for a malformed id', async () => {
    const unknown = await hub.request(MINISTRY, UPDATE, {
      id: randomUUID(),
      input: { licenceStatus: 'ACTIVE' },
    });
    expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
    const malformed = await hub.request(MINISTRY, UPDATE, {
      id: 'agency-1',
      input: { licenceStatus: 'ACTIVE' },
    });
    expect(errorCodes(malformed)).toEqual(['BAD_USER_INPUT']);
    expect(malformed.errors[0]?.extensions?.['field']).toBe('id');
  });

  it('treats a revoked licence as final', async () => {
    const agency = await insertTestAgency(hub.db, { licenceStatus: 'REVOKED' });
    const response = await hub.request(MINISTRY, UPDATE, {
      id: agency.id,
      input: { licenceStatus: 'ACTIVE' },
    });
    expect(errorCodes(response)).toEqual(['CONFLICT']);
  });

  it('refuses a labour office', async () => {
    const agency = await insertTestAgency(hub.db);
    const response = await hub.request(MALANG_OFFICE, UPDATE, {
      id: agency.id,
      input: { licenceStatus: 'REVOKED' },
    });
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
  });
});

describe('registry entities', () => {
  it('resolves agencies, job orders and sanctions through _entities, null for unknown or malformed ids', async () => {
    const agency = await insertTestAgency(hub.db);
    const order = await insertTestJobOrder(hub.db, agency.id);
    const sanction = await insertTestSanction(hub.db, agency.id);
    const agencies = await hub.request(
      TRAINING_PROVIDER,
      entitiesQuery('PlacementAgency', 'id name headOfficeRegion { name }'),
      {
        representations: [
          { __typename: 'PlacementAgency', id: randomUUID() },
          { __typename: 'PlacementAgency', id: agency.id },
          { __typename: 'PlacementAgency', id: 'DROP TABLE' },
        ],
      },
    );
    expect(agencies.data).toEqual({
      _entities: [
        null,
        { id: agency.id, name: agency.name, headOfficeRegion: { name: 'Kabupaten Malang' } },
        null,
      ],
    });
    const orders = await hub.request(MINISTRY, entitiesQuery('JobOrder', 'id agency { id }'), {
      representations: [{ __typename: 'JobOrder', id: order.id }],
    });
    expect(orders.data).toEqual({ _entities: [{ id: order.id, agency: { id: agency.id } }] });
    const sanctions = await hub.request(MINISTRY, entitiesQuery('Sanction', 'id type agency { id }'), {
      representations: [{ __typename: 'Sanction', id: sanction.id }],
    });
    expect(sanctions.data).toEqual({
      _entities: [{ id: sanction.id, type: 'WRITTEN_WARNING', agency: { id: agency.id } }],
    });
  });

  it('resolves 20 agencies, job orders or sanctions with their relations in as many statements as 2', async () => {
    const rows: Record<string, { id: string }[]> = { PlacementAgency: [], JobOrder: [], Sanction: [] };
    for (let index = 0; index < 20; index += 1) {
      const agency = await insertTestAgency(hub.db, { headOfficeRegionCode: index % 2 ? '35.07' : '35.05' });
      rows['PlacementAgency']?.push(agency);
      rows['JobOrder']?.push(await insertTestJobOrder(hub.db, agency.id));
      rows['Sanction']?.push(await insertTestSanction(hub.db, agency.id));
    }
    const selections = {
      PlacementAgency:
        'licenceStatus headOfficeRegion { name } jobOrders { id agency { id } } sanctions { id }',
      JobOrder: 'id agency { name headOfficeRegion { name } }',
      Sanction: 'id agency { name sanctions { id } } case { id }',
    };
    for (const [typename, selection] of Object.entries(selections)) {
      const cost = async (count: number) => {
        const before = hub.statements();
        const response = await hub.request(MINISTRY, entitiesQuery(typename, selection), {
          representations: (rows[typename] ?? [])
            .slice(0, count)
            .map(({ id }) => ({ __typename: typename, id })),
        });
        expect(response.errors).toEqual([]);
        expect((response.data?.['_entities'] as unknown[]).filter(Boolean)).toHaveLength(count);
        return hub.statements() - before;
      };
      expect(await cost(20)).toBe(await cost(2));
    }
  });
});
