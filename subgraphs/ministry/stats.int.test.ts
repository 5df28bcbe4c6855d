import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childRegions } from '../../shared/reference/regions.js';
import { entitiesQuery, errorCodes } from '../../shared/testing/graphql-client.js';
import { startSubgraph, type SubgraphHarness } from '../../shared/testing/subgraph-harness.js';
import { createSubgraph } from './server.js';
import { insertTestCase } from './testing/factories.js';

const MINISTRY = { kind: 'MINISTRY' } as const;
const MALANG_OFFICE = { kind: 'LABOUR_OFFICE', regionCode: '35.07' } as const;
const BLITAR_OFFICE = { kind: 'LABOUR_OFFICE', regionCode: '35.05' } as const;
const TRAINING_PROVIDER = { kind: 'TRAINING_PROVIDER' } as const;
const WITHOUT_STATS = { kind: 'MINISTRY', scopes: ['cases:read'] } as const;
const YEAR = 2019;

const REGION_STATS = `query($parentCode: String!, $year: Int!) {
  regionStats(parentCode: $parentCode, year: $year) {
    regionCode year region { code name } casesOpened { value suppressed } casesResolved { value suppressed } } }`;
const CELL = entitiesQuery(
  'RegionStats',
  'regionCode casesOpened { value suppressed } casesPerThousandDepartures',
);

interface Cell {
  readonly regionCode: string;
  readonly casesOpened: { value: number | null; suppressed: boolean };
  readonly casesResolved?: { value: number | null; suppressed: boolean };
  readonly casesPerThousandDepartures?: number | null;
}

let hub: SubgraphHarness;
beforeAll(async () => {
  hub = await startSubgraph(createSubgraph);
  const opener = randomUUID();
  // Kalipare (35.07.11): six cases opened in the year (Jakarta time), two of them resolved in it.
  for (let index = 0; index < 6; index += 1) {
    await insertTestCase(hub.db, opener, {
      workerDistrictCode: '35.07.11',
      openedAt: new Date(`${YEAR}-0${1 + index}-10T03:00:00Z`),
      ...(index < 2
        ? {
            status: 'RESOLVED',
            resolutionOutcome: 'SETTLED',
            resolutionSummary: 'Paid.',
            resolvedAt: new Date(`${YEAR}-08-01T00:00:00Z`),
          }
        : {}),
    });
  }
  // Opened at 00:30 on 1 January in Jakarta, which is still the previous year in UTC.
  await insertTestCase(hub.db, opener, {
    workerDistrictCode: '35.07.13',
    openedAt: new Date(`${YEAR - 1}-12-31T17:30:00Z`),
  });
  // Resolved in the year but opened the year before.
  await insertTestCase(hub.db, opener, {
    workerDistrictCode: '35.07.13',
    openedAt: new Date(`${YEAR - 1}-06-01T00:00:00Z`),
    status: 'RESOLVED',
    resolutionOutcome: 'REPATRIATED',
    resolutionSummary: 'Home.',
    resolvedAt: new Date(`${YEAR}-02-01T00:00:00Z`),
  });
  await insertTestCase(hub.db, opener, {
    workerDistrictCode: '35.05.01',
    openedAt: new Date(`${YEAR}-03-01T00:00:00Z`),
  });
});
afterAll(async () => {
  await hub.close();
});

async function cells(identity: object, parentCode: string, year = YEAR) {
  const response = await hub.request<{ regionStats: Cell[] }>(identity as typeof MINISTRY, REGION_STATS, {
    parentCode,
    year,
  });
  return response.data?.regionStats ?? [];
}

describe('regionStats', () => {
  it('returns one cell per child region, counting cases by the worker kecamatan and Jakarta year', async () => {
    const rows = await cells(MINISTRY, '35.07');
    expect(rows.map((row) => row.regionCode)).toEqual(
      childRegions('35.07')
        .map((region) => region.code)
        .sort(),
    );
    expect(rows.find((row) => row.regionCode === '35.07.11')).toEqual({
      regionCode: '35.07.11',
      year: YEAR,
      region: { code: '35.07.11', name: 'Kalipare' },
      casesOpened: { value: 6, suppressed: false },
      casesResolved: { value: 2, suppressed: false },
    });
    expect(rows.find((row) => row.regionCode === '35.07.13')).toMatchObject({
      casesOpened: { value: 1, suppressed: false },
      casesResolved: { value: 1, suppressed: false },
    });
    const regencies = await cells(MINISTRY, '35');
    expect(regencies.find((row) => row.regionCode === '35.07')?.casesOpened).toEqual({
      value: 7,
      suppressed: false,
    });
  });

  it('without a parent, returns the national view: one cell per province', async () => {
    const response = await hub.request<{ regionStats: Cell[] }>(
      MINISTRY,
      'query($year: Int!) { regionStats(year: $year) { regionCode casesOpened { value suppressed } } }',
      { year: YEAR },
    );
    expect(response.errors).toEqual([]);
    const rows = response.data?.regionStats ?? [];
    expect(rows).toHaveLength(38);
    expect(rows.every((row) => /^\d{2}$/.test(row.regionCode))).toBe(true);
    expect(rows.find((row) => row.regionCode === '35')?.casesOpened.value).toBeGreaterThan(0);
  });

  it('suppresses small cells for those not entitled to exact figures, and the cells that would give them away', async () => {
    const provider = await cells(TRAINING_PROVIDER, '35.07');
    // Kabupaten Malang's 7 cases are 6 in Kalipare and 1 in Kepanjen: with the regency's total
    // published, Kalipare's 6 would give Kepanjen's 1 away, so it is withheld too.
    expect(provider.find((row) => row.regionCode === '35.07.11')?.casesOpened).toEqual({
      value: null,
      suppressed: true,
    });
    expect(provider.find((row) => row.regionCode === '35.07.13')?.casesOpened).toEqual({
      value: null,
      suppressed: true,
    });
    expect(provider.find((row) => row.regionCode === '35.07.01')?.casesOpened).toEqual({
      value: 0,
      suppressed: false,
    });
    const own = await cells(MALANG_OFFICE, '35.07');
    expect(own.find((row) => row.regionCode === '35.07.13')?.casesOpened).toEqual({
      value: 1,
      suppressed: false,
    });
    const other = await cells(BLITAR_OFFICE, '35.07');
    expect(other.find((row) => row.regionCode === '35.07.13')?.casesOpened).toEqual({
      value: null,
      suppressed: true,
    });
  });

  it('needs stats:read, however the cells are reached', async () => {
    const query = await hub.request(WITHOUT_STATS, REGION_STATS, { parentCode: '35.07', year: YEAR });
    expect(errorCodes(query)).toEqual(['FORBIDDEN']);
    const entities = await hub.request(WITHOUT_STATS, CELL, {
      representations: [{ __typename: 'RegionStats', regionCode: '35.07.11', year: YEAR }],
    });
    expect(errorCodes(entities)).toContain('FORBIDDEN');
  });

  it.each([
    ['parentCode', { parentCode: '35.07.11' }],
    ['parentCode', { parentCode: '35.99' }],
    ['parentCode', { parentCode: 'Jawa Timur' }],
    ['year', { year: 1999 }],
    ['year', { year: 2101 }],
  ])('refuses a bad %s with BAD_USER_INPUT', async (field, overrides) => {
    const response = await hub.request(MINISTRY, REGION_STATS, {
      parentCode: '35.07',
      year: YEAR,
      ...overrides,
    });
    expect(response.errors[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});

describe('RegionStats entity', () => {
  const cell = (regionCode: string, departed: unknown) => ({
    __typename: 'RegionStats',
    regionCode,
    year: YEAR,
    departed,
  });

  it('computes cases per thousand departures from the departures labour reports', async () => {
    const response = await hub.requestAsGateway<{ _entities: (Cell | null)[] }>(MINISTRY, CELL, {
      representations: [
        cell('35.07.11', { value: 1500, suppressed: false }),
        cell('35.07.11', { value: 0, suppressed: false }),
        cell('35.07.11', { value: null, suppressed: true }),
        cell('35.07.99', { value: 10, suppressed: false }),
        { __typename: 'RegionStats', regionCode: '35', year: 1800 },
      ],
    });
    expect(response.data?._entities.map((entity) => entity?.casesPerThousandDepartures ?? null)).toEqual([
      4,
      null,
      null,
      null,
      null,
    ]);
    expect(response.data?._entities.slice(3)).toEqual([null, null]);
  });

  it('believes no departures a direct caller wrote into the representation', async () => {
    const response = await hub.request<{ _entities: (Cell | null)[] }>(MINISTRY, CELL, {
      representations: [cell('35.07.11', { value: 1500, suppressed: false })],
    });
    expect(response.data?._entities[0]?.casesPerThousandDepartures).toBeNull();
  });

  it('gives no rate over a suppressed case count', async () => {
    const response = await hub.requestAsGateway<{ _entities: Cell[] }>(TRAINING_PROVIDER, CELL, {
      representations: [cell('35.07.13', { value: 800, suppressed: false })],
    });
    expect(response.data?._entities[0]).toMatchObject({
      casesOpened: { value: null, suppressed: true },
      casesPerThousandDepartures: null,
    });
  });

  it('counts 20 cells in as many statements as 2', async () => {
    const codes = childRegions('35.07').map((region) => region.code);
    const cost = async (size: number) => {
      const before = hub.statements();
      const response = await hub.request(
        MINISTRY,
        entitiesQuery('RegionStats', 'region { name } casesOpened { value } casesResolved { value }'),
        {
          representations: codes
            .slice(0, size)
            .map((regionCode) => cell(regionCode, { value: 100, suppressed: false })),
        },
      );
      expect(response.errors).toEqual([]);
      return hub.statements() - before;
    };
    const [few, many] = [await cost(2), await cost(20)];
    // One statement for the regions, one for the counts.
    expect(few).toBe(2);
    expect(many).toBe(few);
  });
});
