import { afterAll, describe, expect, it } from 'vitest';
import { auditTable } from './audit.js';
import { auditAttackers, insiderRegions, tableSystem, type AttackerReport } from './audit-table.js';
import type { CountRow } from './count-grid.js';
import { protectTable, type ProtectedTable } from './protect.js';
import { randomTable, seededRandom } from './test-tables.js';

/**
 * Seeded random tables shaped like a province's statistics (3 to 38 regencies, fewer more often,
 * as in Indonesia; 5 to 30 kecamatan each; kecamatan means between 0.5 and 20), every one audited
 * exactly for an outsider and for offices. The first tables are audited by LP alone, for their
 * province and one regency drawn by the seed (every office of every table by LP alone would take
 * many minutes on two cores); the others for every office, with the table's own shift patterns,
 * checked by the audit, telling apart the cells they move before any LP is solved.
 */

interface Drawn {
  readonly rows: CountRow[];
  readonly random: () => number;
}

function draw(seed: number, provinces = 1): Drawn {
  const random = seededRandom(seed);
  const skew = random();
  const regencies = provinces === 1 ? 3 + Math.floor(35 * skew * skew) : 1 + Math.floor(4 * skew);
  const categories = random() < 0.4 ? 0 : 3 + Math.floor(random() * 10);
  const rows = randomTable(random, {
    provinces,
    regencies: [regencies, regencies],
    kecamatan: [5, 30],
    categories,
  });
  return { rows, random };
}

const utility = { withBreakdown: { cells: 0, withheld: 0 }, withoutBreakdown: { cells: 0, withheld: 0 } };

function protect(rows: CountRow[]): ProtectedTable {
  const table = protectTable(rows, { verifyPatterns: true });
  const tally = table.categories.length > 0 ? utility.withBreakdown : utility.withoutBreakdown;
  for (const region of table.regionCodes) {
    for (const category of [undefined, ...table.categories]) {
      if (table.exact(region, category) === 0) continue;
      tally.cells += 1;
      if (table.published(region, category).suppressed) tally.withheld += 1;
    }
  }
  return table;
}

function offices(table: ProtectedTable, random: () => number, regencies: number): string[] {
  const all = insiderRegions(tableSystem(table));
  const drawn = all.filter((code) => code.length === 2);
  const candidates = all.filter((code) => code.length > 2);
  for (let index = 0; index < regencies && candidates.length > 0; index += 1) {
    drawn.push(...candidates.splice(Math.floor(random() * candidates.length), 1));
  }
  return drawn;
}

const recoveredBy = (reports: readonly AttackerReport[]) =>
  reports.filter((report) => report.recovered.length > 0);

afterAll(() => {
  const rate = ({ cells, withheld }: { cells: number; withheld: number }) =>
    `${((100 * withheld) / cells).toFixed(1)}% of ${cells} non-zero cells`;
  console.log(
    `suppression rate: with a breakdown ${rate(utility.withBreakdown)}, without ${rate(utility.withoutBreakdown)}`,
  );
});

describe('seeded random tables under the LP audit', () => {
  it('tables 1 to 40, by LP alone: no outsider, province office or drawn regency office recovers a withheld cell', async () => {
    for (let seed = 1; seed <= 40; seed += 1) {
      const { rows, random } = draw(seed);
      const table = protect(rows);
      expect(recoveredBy(await auditAttackers(table, offices(table, random, 1))), `seed ${seed}`).toEqual([]);
    }
  }, 60_000);

  for (const first of [41, 106, 171, 236]) {
    const last = first + 64;
    it(`tables ${first} to ${last}, certified by their patterns: no outsider or office recovers a withheld cell`, async () => {
      for (let seed = first; seed <= last; seed += 1) {
        const table = protect(draw(seed).rows);
        expect(recoveredBy(await auditAttackers(table, 'all', { certified: true })), `seed ${seed}`).toEqual(
          [],
        );
      }
    }, 60_000);
  }

  it('tables of four provinces 301 to 320: no outsider or office recovers a withheld cell', async () => {
    for (let seed = 301; seed <= 320; seed += 1) {
      const table = protect(draw(seed, 4).rows);
      expect(recoveredBy(await auditAttackers(table, 'all', { certified: true })), `seed ${seed}`).toEqual(
        [],
      );
    }
  }, 60_000);

  it('a contributor knowing its own counts as lower bounds: measured, not guaranteed', async () => {
    let recovered = 0;
    let audited = 0;
    for (let seed = 321; seed <= 350; seed += 1) {
      const { rows, random } = draw(seed);
      const table = protect(rows);
      const system = tableSystem(table);
      // The worst case: the only contributor in one kecamatan, so its bounds are the true counts.
      const kecamatan = system.regionCodes.filter((code) => code.split('.').length === 3);
      const own = kecamatan[Math.floor(random() * kecamatan.length)] as string;
      const lowerBounds = new Map(
        [...system.exact].filter(([cell, value]) => cell.startsWith(`${own}/`) && value > 0),
      );
      const result = await auditTable(
        system.published,
        system.relations,
        { lowerBounds },
        { reference: system.exact },
      );
      recovered += result.recovered.filter((cell) => !cell.cell.startsWith(`${own}/`)).length;
      audited += 1;
    }
    console.log(`contributor model: ${recovered} withheld cells of others recovered over ${audited} tables`);
    expect(audited).toBe(30);
  }, 60_000);
});
