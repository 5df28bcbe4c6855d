import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, postGraphQL } from '../shared/testing/graphql-client.js';
import { dataOf, startTestHub, type TestClient, type TestHub } from './helpers/hub.js';
import { buildStatisticsWorld, STAT_YEARS } from './helpers/statistics-world.js';

// Issue 12, item 6: the cross-region view over a range of years, the parent's total row and
// regions without any data, through the gateway for statutory and other readers, and the
// arguments it refuses. What ranges and totals cannot give away is attacked in
// disclosure-control.test.ts.

interface Count {
  readonly value: number | null;
  readonly suppressed: boolean;
}
const MEASURES = ['registered', 'departed', 'returned', 'casesOpened', 'enrolled', 'mentored'] as const;
type Row = {
  regionCode: string;
  fromYear: number;
  year: number;
  hasData: boolean;
  region: { code: string } | null;
} & Record<(typeof MEASURES)[number], Count> & {
    departuresByDestination: { countryCode: string; departed: Count }[];
  };
interface Table {
  readonly parent: { code: string } | null;
  readonly total: Row;
  readonly rows: Row[];
}

const ROW = `regionCode fromYear year hasData region { code }
  ${MEASURES.map((measure) => `${measure} { value suppressed }`).join(' ')}
  departuresByDestination { countryCode departed { value suppressed } }`;
const TABLE = `query($parent: String, $year: Int, $fromYear: Int, $toYear: Int) {
  regionStatsTable(parentCode: $parent, year: $year, fromYear: $fromYear, toYear: $toYear) {
    parent { code } total { ${ROW} } rows { ${ROW} } } }`;
const [FIRST, LAST] = STAT_YEARS;

let hub: TestHub;
let ministry: TestClient;
let provider: TestClient;
beforeAll(async () => {
  hub = await startTestHub();
  await buildStatisticsWorld(hub);
  [ministry, provider] = await Promise.all([hub.client('MINISTRY'), hub.client('TRAINING_PROVIDER')]);
}, 300_000);
afterAll(async () => {
  await hub.close();
});

async function tableOf(client: TestClient, variables: Record<string, unknown>): Promise<Table> {
  return dataOf(await client.query<{ regionStatsTable: Table }>(TABLE, variables)).regionStatsTable;
}

const destinations = (row: Row) =>
  Object.fromEntries(row.departuresByDestination.map((d) => [d.countryCode, d.departed.value]));

describe('a range of years', () => {
  it.each([
    ['the ministry', () => ministry, '35.07'],
    [
      'the labour office of Kabupaten Blitar, in its own region',
      () => hub.client('LABOUR_OFFICE', { regionCode: '35.05' }),
      '35.05',
    ],
  ] as const)('gives %s exactly the sum of the years in every cell', async (_name, make, parent) => {
    const client = await make();
    const range = await tableOf(client, { parent, fromYear: FIRST, toYear: LAST });
    const years = await Promise.all(STAT_YEARS.map((year) => tableOf(client, { parent, year })));
    expect(range.total.fromYear).toBe(FIRST);
    expect(range.total.year).toBe(LAST);
    for (const [index, row] of [range.total, ...range.rows].entries()) {
      const yearly = years.map((table) => [table.total, ...table.rows][index] as Row);
      for (const measure of MEASURES) {
        expect(row[measure].suppressed).toBe(false);
        expect(row[measure].value, `${row.regionCode} ${measure}`).toBe(
          yearly.reduce((sum, cells) => sum + (cells[measure].value ?? 0), 0),
        );
      }
      const sum: Record<string, number> = {};
      for (const cells of yearly) {
        for (const [country, value] of Object.entries(destinations(cells)))
          sum[country] = (sum[country] ?? 0) + (value ?? 0);
      }
      expect(destinations(row)).toEqual(sum);
    }
  });

  it('refuses a range of one half, both forms at once, a backwards or too long range, and no year at all, naming the argument', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ fromYear: 2024 }, 'toYear'],
      [{ toYear: 2024 }, 'fromYear'],
      [{ year: 2024, fromYear: 2023, toYear: 2024 }, 'fromYear'],
      [{ year: 2024, toYear: 2024 }, 'toYear'],
      [{ fromYear: 2025, toYear: 2024 }, 'toYear'],
      [{ fromYear: 2010, toYear: 2024 }, 'toYear'],
      [{ fromYear: 1999, toYear: 2001 }, 'fromYear'],
      [{}, 'year'],
      [{ parent: '35.07.11', year: 2025 }, 'parentCode'],
    ];
    for (const [variables, field] of cases) {
      const response = await ministry.query(TABLE, variables);
      expect(response.data ?? null, JSON.stringify(variables)).toBeNull();
      expect(response.errors[0]?.extensions?.code, JSON.stringify(variables)).toBe('BAD_USER_INPUT');
      expect(response.errors[0]?.extensions?.['field'], JSON.stringify(variables)).toBe(field);
    }
    const list = await ministry.query('{ regionStats(fromYear: 2025, toYear: 2020) { regionCode } }');
    expect(list.errors[0]?.extensions?.['field']).toBe('toYear');
  });

  it('answers a range through `_entities` of a subgraph as through the gateway, and never a key past the span', async () => {
    const token = await provider.token();
    const ask = (representation: Record<string, unknown>) =>
      postGraphQL<{ _entities: ({ enrolled: Count } | null)[] }>(
        hub.subgraphUrls.training,
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on RegionStats { enrolled { value suppressed } } } }',
        { r: [{ __typename: 'RegionStats', ...representation }] },
        bearer(token),
      );
    const gateway = await tableOf(provider, { parent: '35', fromYear: FIRST, toYear: LAST });
    const direct = dataOf(await ask({ regionCode: '35.07', fromYear: FIRST, year: LAST }))._entities[0];
    expect(direct?.enrolled).toEqual(gateway.rows.find((row) => row.regionCode === '35.07')?.enrolled);
    expect(dataOf(await ask({ regionCode: '35.07', fromYear: 2000, year: 2020 }))._entities).toEqual([null]);
    expect(dataOf(await ask({ regionCode: '35.07', fromYear: 2026, year: 2025 }))._entities).toEqual([null]);
  });
});

describe('the total row', () => {
  it("is the parent's own cell: for the ministry the sum of the rows, for everyone the parent's row one level up", async () => {
    const exact = await tableOf(ministry, { parent: '35.07', year: LAST });
    expect(exact.parent).toEqual({ code: '35.07' });
    expect(exact.total.regionCode).toBe('35.07');
    for (const measure of MEASURES) {
      expect(exact.total[measure].value).toBe(
        exact.rows.reduce((sum, row) => sum + (row[measure].value ?? 0), 0),
      );
    }
    for (const client of [ministry, provider]) {
      const regency = await tableOf(client, { parent: '35.07', fromYear: FIRST, toYear: LAST });
      const province = await tableOf(client, { parent: '35', fromYear: FIRST, toYear: LAST });
      const { region: _total, ...total } = regency.total;
      const { region: _row, ...row } = province.rows.find((cells) => cells.regionCode === '35.07') as Row;
      expect(total).toEqual(row);
    }
  });

  it("is the nation's for the national view: region code '' without a region, and the province's figures when one province has data", async () => {
    const national = await tableOf(provider, { year: LAST });
    expect(national.parent).toBeNull();
    expect(national.total.regionCode).toBe('');
    expect(national.total.region).toBeNull();
    const { region: _nation, regionCode: _n, ...nation } = national.total;
    const {
      region: _province,
      regionCode: _p,
      ...jawaTimur
    } = national.rows.find((row) => row.regionCode === '35') as Row;
    expect(nation).toEqual(jawaTimur);
  });

  it('is refused, like the rows, to a client without `stats:read`', async () => {
    const officer = await hub.client('LABOUR_OFFICE', { regionCode: '35.07', scopes: ['workers:read'] });
    const response = await officer.query('{ regionStatsTable(year: 2025) { total { regionCode } } }');
    expect(response.errors.map((error) => error.extensions?.code)).toContain('FORBIDDEN');
    expect(response.data?.['regionStatsTable'] ?? null).toBeNull();
  });
});

describe('regions without any data', () => {
  it.each([
    ['the ministry', () => ministry],
    ['a training provider', () => provider],
  ] as const)('are marked for %s, every count of theirs a published 0', async (_name, make) => {
    const national = await tableOf(make(), { fromYear: FIRST, toYear: LAST });
    expect(national.rows).toHaveLength(38);
    expect(national.rows.filter((row) => row.hasData).map((row) => row.regionCode)).toEqual(['35']);
    expect(national.total.hasData).toBe(true);
    for (const row of national.rows.filter((cells) => !cells.hasData)) {
      for (const measure of MEASURES) expect(row[measure]).toEqual({ value: 0, suppressed: false });
      expect(row.departuresByDestination).toEqual([]);
    }
  });

  it('mark every row and the total in years nobody recorded anything', async () => {
    const empty = await tableOf(provider, { parent: '35.07', fromYear: 2020, toYear: 2023 });
    expect(empty.rows.length).toBeGreaterThan(20);
    expect(empty.rows.every((row) => !row.hasData)).toBe(true);
    expect(empty.total.hasData).toBe(false);
  });
});
