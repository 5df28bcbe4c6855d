import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditTable, type AuditRelation } from '../shared/disclosure/audit.js';
import { childRegions } from '../shared/reference/regions.js';
import { bearer, postGraphQL } from '../shared/testing/graphql-client.js';
import { dataOf, startTestHub, type TestClient, type TestHub } from './helpers/hub.js';
import { buildStatisticsWorld, STAT_REGENCIES, STAT_YEARS } from './helpers/statistics-world.js';

// Issue 9, finding 3: suppressed statistics recovered by subtraction. Every non-statutory kind of
// principal (a training provider, a university, the labour office of another region) reads the
// whole cross-region view through the gateway, and the province cells straight from each
// subgraph's `_entities`, then attacks what it got: parent minus children, a region's total minus
// its destinations, siblings against each other, and finally any combination at all (an exact
// LP over every relation). Nothing it was shown as suppressed may come out. Years: a range of
// years is the sum of its published yearly cells, withheld when any of them is (year-range.ts);
// each year's tables are attacked on their own, and the range's tables together with the years'
// (range minus a year, range against range) and the parents' total rows, by subtraction and by LP.

interface Count {
  readonly value: number | null;
  readonly suppressed: boolean;
}

const MEASURES = [
  'registered',
  'departed',
  'returned',
  'casesOpened',
  'casesResolved',
  'enrolled',
  'certified',
  'mentored',
  'mentoringSessions',
] as const;
type Measure = (typeof MEASURES)[number];

const COUNT = '{ value suppressed }';
const CELL_FIELDS = `regionCode year ${MEASURES.map((measure) => `${measure} ${COUNT}`).join(' ')}
  departuresByDestination { countryCode departed ${COUNT} } casesPerThousandDepartures`;
const VIEW = `query($parent: String!, $year: Int!) { regionStats(parentCode: $parent, year: $year) { ${CELL_FIELDS} } }`;

/** The province's cells, which no query lists (yet): asked of each subgraph as `_entities`. */
const PROVINCE_FIELDS: Readonly<Record<string, string>> = {
  labour: `registered ${COUNT} departed ${COUNT} returned ${COUNT} departuresByDestination { countryCode departed ${COUNT} }`,
  ministry: `casesOpened ${COUNT} casesResolved ${COUNT}`,
  training: `enrolled ${COUNT} certified ${COUNT}`,
  university: `mentored ${COUNT} mentoringSessions ${COUNT}`,
};

type Cell = Record<string, unknown> & {
  regionCode: string;
  departuresByDestination?: { countryCode: string; departed: Count }[];
  casesPerThousandDepartures?: number | null;
};

/** What one principal was shown: per measure and year, cell (`region` or `region|country`) to value or null. */
type View = Map<string, Map<string, number | null>>;

const tableKey = (measure: Measure, year: number) => `${measure} ${year}`;
const cellKey = (region: string, category?: string) => (category ? `${region}|${category}` : region);

let hub: TestHub;
let ministry: TestClient;
beforeAll(async () => {
  hub = await startTestHub();
  await buildStatisticsWorld(hub);
  ministry = await hub.client('MINISTRY');
}, 300_000);
afterAll(async () => {
  await hub.close();
});

async function provinceCell(client: TestClient, year: number): Promise<Cell> {
  const token = await client.token();
  const merged: Cell = { regionCode: '35' };
  for (const [service, fields] of Object.entries(PROVINCE_FIELDS)) {
    const response = await postGraphQL<{ _entities: Cell[] }>(
      hub.subgraphUrls[service as keyof typeof hub.subgraphUrls],
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on RegionStats { ${fields} } } }`,
      { r: [{ __typename: 'RegionStats', regionCode: '35', year }] },
      bearer(token),
    );
    Object.assign(merged, dataOf(response)._entities[0]);
  }
  return merged;
}

/** Everything the cross-region view shows a client for the world's years. */
async function viewOf(client: TestClient): Promise<{ view: View; cells: Cell[] }> {
  const view: View = new Map();
  const cells: Cell[] = [];
  for (const year of STAT_YEARS) {
    const rows: Cell[] = [await provinceCell(client, year)];
    for (const parent of ['35', ...STAT_REGENCIES]) {
      rows.push(...dataOf(await client.query<{ regionStats: Cell[] }>(VIEW, { parent, year })).regionStats);
    }
    for (const measure of MEASURES) {
      const table = new Map<string, number | null>();
      for (const row of rows) {
        const count = row[measure] as Count | undefined;
        if (count) table.set(cellKey(row.regionCode), count.value);
        if (measure === 'departed') {
          for (const destination of row.departuresByDestination ?? [])
            table.set(cellKey(row.regionCode, destination.countryCode), destination.departed.value);
        }
      }
      view.set(tableKey(measure, year), table);
    }
    cells.push(...rows.map((row) => ({ ...row, year })));
  }
  return { view, cells };
}

/** The additive relations among the cells of one table: the region tree, and for departures the destinations. */
function relationsOf(measure: Measure, table: ReadonlyMap<string, number | null>): AuditRelation[] {
  const categories =
    measure === 'departed'
      ? [
          ...new Set(
            [...table.keys()].filter((cell) => cell.includes('|')).map((cell) => cell.split('|')[1] ?? ''),
          ),
        ]
      : [];
  const columns: (string | undefined)[] = [undefined, ...categories];
  const relations: AuditRelation[] = [];
  const tree = [
    { parent: '35', children: childRegions('35').map((region) => region.code) },
    ...STAT_REGENCIES.map((regency) => ({
      parent: regency,
      children: childRegions(regency).map((r) => r.code),
    })),
  ];
  for (const { parent, children } of tree) {
    for (const column of columns) {
      relations.push({
        total: cellKey(parent, column),
        parts: children.map((child) => cellKey(child, column)),
      });
    }
  }
  if (categories.length > 0) {
    const regions = new Set(tree.flatMap(({ parent, children }) => [parent, ...children]));
    for (const region of regions) {
      relations.push({
        total: cellKey(region),
        parts: categories.map((category) => cellKey(region, category)),
      });
    }
  }
  return relations;
}

/**
 * The differencing attacks a person with a spreadsheet would run, to a fixpoint: whenever a
 * relation has exactly one cell the attacker does not know, that cell follows from the others.
 */
function differencing(
  table: ReadonlyMap<string, number | null>,
  relations: readonly AuditRelation[],
): Map<string, number> {
  const known = new Map<string, number>();
  const valueOf = (cell: string) =>
    known.has(cell) ? known.get(cell) : table.has(cell) ? table.get(cell) : 0;
  for (let progress = true; progress;) {
    progress = false;
    for (const relation of relations) {
      const unknown = [relation.total, ...relation.parts].filter((cell) => valueOf(cell) === null);
      if (unknown.length !== 1) continue;
      const [cell] = unknown as [string];
      const parts = relation.parts.reduce(
        (sum, part) => sum + (part === cell ? 0 : (valueOf(part) as number)),
        0,
      );
      known.set(cell, cell === relation.total ? parts : (valueOf(relation.total) as number) - parts);
      progress = true;
    }
  }
  return known;
}

type Years = { readonly year: number } | { readonly fromYear: number; readonly toYear: number };
const TABLE = `query($parent: String, $year: Int, $fromYear: Int, $toYear: Int) {
  regionStatsTable(parentCode: $parent, year: $year, fromYear: $fromYear, toYear: $toYear) {
    total { ${CELL_FIELDS} } rows { ${CELL_FIELDS} } } }`;
const PARENTS = [null, '35', ...STAT_REGENCIES] as const;

/**
 * Every cell the table queries show a client for some years, per measure: each parent's total row
 * and rows (the nation's total is cell `''`), with the tree relations, the nation's among them.
 */
async function tablesOf(client: TestClient, years: Years, prefix: string) {
  const published = new Map<Measure, Map<string, number | null>>(MEASURES.map((m) => [m, new Map()]));
  const relations = new Map<Measure, AuditRelation[]>(MEASURES.map((m) => [m, []]));
  for (const parent of PARENTS) {
    const { regionStatsTable } = dataOf(
      await client.query<{ regionStatsTable: { total: Cell; rows: Cell[] } }>(TABLE, { parent, ...years }),
    );
    const { total, rows } = regionStatsTable;
    const categories = new Set(
      [total, ...rows].flatMap((row) => (row.departuresByDestination ?? []).map((d) => d.countryCode)),
    );
    for (const measure of MEASURES) {
      const table = published.get(measure) as Map<string, number | null>;
      const columns = measure === 'departed' ? [undefined, ...categories] : [undefined];
      for (const row of [total, ...rows]) {
        table.set(`${prefix}${cellKey(row.regionCode)}`, (row[measure] as Count).value);
        if (measure !== 'departed') continue;
        const byCountry = new Map(
          (row.departuresByDestination ?? []).map((d) => [d.countryCode, d.departed]),
        );
        for (const category of categories) {
          // A destination a region does not list has no departures (a listed one may be withheld).
          const value = byCountry.has(category) ? (byCountry.get(category)?.value ?? null) : 0;
          table.set(`${prefix}${cellKey(row.regionCode, category)}`, value);
        }
      }
      const list = relations.get(measure) as AuditRelation[];
      for (const column of columns) {
        list.push({
          total: `${prefix}${cellKey(total.regionCode, column)}`,
          parts: rows.map((row) => `${prefix}${cellKey(row.regionCode, column)}`),
        });
      }
      if (measure === 'departed' && categories.size > 0) {
        for (const row of [total, ...rows]) {
          list.push({
            total: `${prefix}${cellKey(row.regionCode)}`,
            parts: [...categories].map((category) => `${prefix}${cellKey(row.regionCode, category)}`),
          });
        }
      }
    }
  }
  return { published, relations };
}

let truth: View;
beforeAll(async () => {
  truth = (await viewOf(ministry)).view;
}, 300_000);

describe('statistical disclosure control', () => {
  const attackers = [
    ['a training provider', () => hub.client('TRAINING_PROVIDER')],
    ['a university', () => hub.client('UNIVERSITY')],
    ['the labour office of Kabupaten Blitar', () => hub.client('LABOUR_OFFICE', { regionCode: '35.05' })],
    ['the labour office of Kota Batu', () => hub.client('LABOUR_OFFICE', { regionCode: '35.79' })],
  ] as const;

  it('has small cells to protect in every measure, and shows the ministry every cell exactly', () => {
    for (const measure of MEASURES) {
      for (const year of STAT_YEARS) {
        const values = [...(truth.get(tableKey(measure, year)) ?? new Map()).values()];
        expect(values.every((value) => value !== null)).toBe(true);
        expect(
          values.some((value) => value !== null && value > 0 && value < 5),
          `${measure} ${year}`,
        ).toBe(true);
      }
    }
  });

  it.each(attackers)(
    'leaves %s nothing to recover by subtraction or by any combination of cells',
    async (_name, make) => {
      const client = await make();
      const { view, cells } = await viewOf(client);
      let suppressed = 0;
      for (const measure of MEASURES) {
        for (const year of STAT_YEARS) {
          const table = view.get(tableKey(measure, year)) ?? new Map<string, number | null>();
          const exact = truth.get(tableKey(measure, year)) ?? new Map<string, number | null>();
          // What it was shown is true where shown, and every small cell it may not see is withheld.
          for (const [cell, value] of table) {
            const real = exact.get(cell) ?? 0;
            if (value === null) suppressed += 1;
            else expect(value, `${measure} ${year} ${cell}`).toBe(real);
          }
          const relations = relationsOf(measure, table);
          expect(
            [...differencing(table, relations).keys()],
            `${measure} ${year}: derived by subtraction`,
          ).toEqual([]);
          const audit = await auditTable(table, relations, {});
          expect(audit.recovered, `${measure} ${year}: derived by combination`).toEqual([]);
        }
      }
      expect(suppressed).toBeGreaterThan(0);
      // A rate of two counts is shown only where both counts are.
      for (const cell of cells) {
        if (cell.casesPerThousandDepartures === null || cell.casesPerThousandDepartures === undefined)
          continue;
        expect((cell['casesOpened'] as Count).suppressed).toBe(false);
        expect((cell['departed'] as Count).suppressed).toBe(false);
      }
    },
    120_000,
  );

  it('withholds from an outsider every small cell, and a labour office sees its own region exactly', async () => {
    const provider = (await viewOf(await hub.client('TRAINING_PROVIDER'))).view;
    const blitar = (await viewOf(await hub.client('LABOUR_OFFICE', { regionCode: '35.05' }))).view;
    for (const measure of MEASURES) {
      for (const year of STAT_YEARS) {
        const key = tableKey(measure, year);
        for (const [cell, real] of truth.get(key) ?? new Map<string, number | null>()) {
          if (real !== null && real > 0 && real < 5)
            expect(provider.get(key)?.get(cell), `${key} ${cell}`).toBeNull();
          if (cell.startsWith('35.05')) expect(blitar.get(key)?.get(cell), `${key} ${cell}`).toBe(real);
        }
      }
    }
  }, 120_000);

  it.each(attackers)(
    'leaves %s nothing to recover from a range of years set against its single years and the total rows',
    async (_name, make) => {
      const client = await make();
      const [first, last] = STAT_YEARS;
      const range = await tablesOf(client, { fromYear: first, toYear: last }, 'range:');
      const yearly = await Promise.all(STAT_YEARS.map((year) => tablesOf(client, { year }, `${year}:`)));
      let withheld = 0;
      for (const measure of MEASURES) {
        const published = new Map(range.published.get(measure));
        const relations = [...(range.relations.get(measure) ?? [])];
        for (const year of yearly) {
          for (const [cell, value] of year.published.get(measure) ?? []) published.set(cell, value);
          relations.push(...(year.relations.get(measure) ?? []));
        }
        for (const [cell, value] of range.published.get(measure) ?? []) {
          const plain = cell.slice('range:'.length);
          // A year in which the region shows nothing at all has none of its cells: 0.
          const years = STAT_YEARS.map((year) => {
            const yearCell = `${year}:${plain}`;
            return published.has(yearCell) ? (published.get(yearCell) as number | null) : 0;
          });
          relations.push({ total: cell, parts: STAT_YEARS.map((year) => `${year}:${plain}`) });
          // The range is its published years' sum, and withheld exactly when one of them is.
          if (years.some((count) => count === null)) {
            expect(value, `${measure} ${cell}`).toBeNull();
            withheld += 1;
          } else {
            expect(value, `${measure} ${cell}`).toBe(
              years.reduce((sum, count) => (sum ?? 0) + (count ?? 0), 0),
            );
          }
        }
        expect([...differencing(published, relations).keys()], `${measure}: derived by subtraction`).toEqual(
          [],
        );
        const audit = await auditTable(published, relations, {});
        expect(audit.recovered, `${measure}: derived by combination`).toEqual([]);
      }
      expect(withheld).toBeGreaterThan(0);
    },
    240_000,
  );
});
