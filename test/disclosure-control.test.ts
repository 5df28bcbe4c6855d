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
// LP over every relation). Nothing it was shown as suppressed may come out. Years: no published
// cell spans years (a range is only ever the sum of published yearly cells, year-range.ts), so
// each year's tables are attacked on their own and together.

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
});
