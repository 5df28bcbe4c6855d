import { randomUUID } from 'node:crypto';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRegions, childRegions } from '../../shared/reference/regions.js';
import { entitiesQuery, errorCodes } from '../../shared/testing/graphql-client.js';
import { startSubgraph, type SubgraphHarness } from '../../shared/testing/subgraph-harness.js';
import { regions } from './db/schema.js';
import { createSubgraph } from './server.js';
import { insertTestInstitution } from './testing/factories.js';

const MINISTRY = { kind: 'MINISTRY' } as const;
const UNIVERSITY = { kind: 'UNIVERSITY' } as const;

let hub: SubgraphHarness;
beforeAll(async () => {
  hub = await startSubgraph(createSubgraph);
});
afterAll(async () => {
  await hub.close();
});

describe('regions', () => {
  it('holds every region of the Kemendagri reference the code validates against', async () => {
    const [row] = await hub.db.select({ value: count() }).from(regions);
    expect(row?.value).toBe(allRegions().length);
  });

  it('finds a regency with its parent and its kecamatan in code order', async () => {
    const response = await hub.request<{
      region: { code: string; name: string; level: string; parent: unknown; children: { code: string }[] };
    }>(
      UNIVERSITY,
      '{ region(code: "35.07") { code name level parent { code name level } children { code } } }',
    );
    const region = response.data?.region;
    expect(region).toMatchObject({
      code: '35.07',
      name: 'Kabupaten Malang',
      level: 'REGENCY',
      parent: { code: '35', name: 'Jawa Timur', level: 'PROVINCE' },
    });
    expect(region?.children.map((child) => child.code)).toEqual(
      childRegions('35.07')
        .map((child) => child.code)
        .sort(),
    );
    expect(region?.children).toHaveLength(33);
  });

  it('lists the villages of a kecamatan, and nothing under an unknown code', async () => {
    const villages = await hub.request<{ regions: { code: string; name: string; level: string }[] }>(
      MINISTRY,
      '{ regions(parentCode: "35.07.11") { code name level } }',
    );
    expect(villages.data?.regions).toContainEqual({
      code: '35.07.11.2008',
      name: 'Arjowilangun',
      level: 'VILLAGE',
    });
    expect(villages.data?.regions.every((village) => village.level === 'VILLAGE')).toBe(true);
    const unknown = await hub.request(
      MINISTRY,
      '{ regions(parentCode: "35.07.99") { code } region(code: "99") { code } }',
    );
    expect(unknown.data).toEqual({ regions: [], region: null });
  });

  it('refuses a malformed parent code and answers a malformed code with null', async () => {
    const response = await hub.request(MINISTRY, '{ regions(parentCode: "Malang") { code } }');
    expect(response.errors[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'parentCode' });
    const single = await hub.request(MINISTRY, '{ region(code: "35.07\'") { code } }');
    expect(single.data).toEqual({ region: null });
  });

  it('resolves region references in the order asked, 20 as cheaply as 2', async () => {
    const codes = childRegions('35.07').map((region) => region.code);
    const response = await hub.request(MINISTRY, entitiesQuery('Region', 'code name'), {
      representations: [{ code: '35.79.01' }, { code: 'x' }, { code: '35.99' }].map((key) => ({
        __typename: 'Region',
        ...key,
      })),
    });
    expect(response.data).toEqual({ _entities: [{ code: '35.79.01', name: 'Batu' }, null, null] });
    const cost = async (size: number) => {
      const before = hub.statements();
      await hub.request(MINISTRY, entitiesQuery('Region', 'name parent { name } children { name }'), {
        representations: codes.slice(0, size).map((code) => ({ __typename: 'Region', code })),
      });
      return hub.statements() - before;
    };
    const [few, many] = [await cost(2), await cost(20)];
    expect(few).toBe(3);
    expect(many).toBe(few);
  });
});

describe('institutions', () => {
  it('finds an institution with its region, and lists institutions of one kind by name', async () => {
    const office = await insertTestInstitution(hub.db, {
      name: 'Disnaker Kabupaten Blitar',
      regionCode: '35.05',
    });
    const university = await insertTestInstitution(hub.db, {
      name: 'Universitas Brawijaya',
      kind: 'UNIVERSITY',
      regionCode: null,
    });
    const one = await hub.request(
      UNIVERSITY,
      'query($id: ID!) { institution(id: $id) { id name kind regionCode region { name } } }',
      {
        id: office.id,
      },
    );
    expect(one.data).toEqual({
      institution: {
        id: office.id,
        name: 'Disnaker Kabupaten Blitar',
        kind: 'LABOUR_OFFICE',
        regionCode: '35.05',
        region: { name: 'Kabupaten Blitar' },
      },
    });
    const universities = await hub.request(
      MINISTRY,
      '{ institutions(kind: UNIVERSITY) { id region { code } } }',
    );
    expect(universities.data).toEqual({ institutions: [{ id: university.id, region: null }] });
    const missing = await hub.request(MINISTRY, 'query($id: ID!) { institution(id: $id) { id } }', {
      id: 'kp2mi',
    });
    expect(missing.data).toEqual({ institution: null });
  });

  it('resolves institution references, 20 as cheaply as 2, null for unknown ids', async () => {
    const institutions: { id: string }[] = [];
    for (let index = 0; index < 20; index += 1) {
      institutions.push(await insertTestInstitution(hub.db, { regionCode: index % 2 ? '35.07' : '35.79' }));
    }
    const unknown = await hub.request(MINISTRY, entitiesQuery('Institution', 'id'), {
      representations: [
        { __typename: 'Institution', id: randomUUID() },
        { __typename: 'Institution', id: 1 },
      ],
    });
    expect(unknown.data).toEqual({ _entities: [null, null] });
    const cost = async (size: number) => {
      const before = hub.statements();
      const response = await hub.request(MINISTRY, entitiesQuery('Institution', 'id name region { name }'), {
        representations: institutions.slice(0, size).map(({ id }) => ({ __typename: 'Institution', id })),
      });
      expect(response.errors).toEqual([]);
      return hub.statements() - before;
    };
    const [few, many] = [await cost(2), await cost(20)];
    expect(few).toBe(2);
    expect(many).toBe(few);
    expect(errorCodes(unknown)).toEqual([]);
  });
});
