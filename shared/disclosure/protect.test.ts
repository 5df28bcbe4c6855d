import { describe, expect, it } from 'vitest';
import { protectTable, type ProtectedTable } from './protect.js';
import { breakdown, randomTable, seededRandom, totals } from './test-tables.js';

/** Every suppressed cell as `region/category` (`region/` for a total), in code order. */
function suppressed(table: ProtectedTable): string[] {
  const cells: string[] = [];
  for (const region of table.regionCodes) {
    for (const category of [undefined, ...table.categories]) {
      if (table.published(region, category).suppressed) cells.push(`${region}/${category ?? ''}`);
    }
  }
  return cells;
}

const protect = (rows: Parameters<typeof protectTable>[0]) => protectTable(rows, { verifyPatterns: true });

describe('complementary suppression', () => {
  it('a single small kecamatan is withheld together with one sibling, and the regency stays published', () => {
    const table = protect(totals({ '35.07.01': 2, '35.07.02': 10, '35.07.03': 12, '35.08.01': 20 }));
    expect(suppressed(table)).toEqual(['35.07.01/', '35.07.02/']);
    expect(table.published('35.07')).toEqual({ value: 24, suppressed: false });
    expect(table.published('35.07.03')).toEqual({ value: 12, suppressed: false });
  });

  it('a small regency total is withheld with two sibling regencies, so no neighbouring office can subtract it', () => {
    const table = protect(
      totals({ '35.07.01': 1, '35.07.02': 2, '35.08.01': 10, '35.08.02': 12, '35.09.01': 15, '35.09.02': 9 }),
    );
    const cells = suppressed(table);
    expect(cells).toEqual(expect.arrayContaining(['35.07/', '35.07.01/', '35.07.02/', '35.08/', '35.09/']));
    expect(table.published('35')).toEqual({ value: 49, suppressed: false });
    // Each withheld regency is matched by a withheld kecamatan inside it, else it would be its sum.
    expect(cells.filter((cell) => cell.startsWith('35.08.'))).toHaveLength(1);
    expect(cells.filter((cell) => cell.startsWith('35.09.'))).toHaveLength(1);
  });

  it('a kecamatan that is its regency’s only one takes the regency with it', () => {
    const table = protect(totals({ '35.07.01': 3, '35.08.01': 10, '35.08.02': 12, '35.09.01': 15 }));
    expect(table.published('35.07.01').suppressed).toBe(true);
    expect(table.published('35.07').suppressed).toBe(true);
    expect(table.published('35')).toEqual({ value: 40, suppressed: false });
  });

  it('one small destination country is withheld with a second country and the same two in a sibling kecamatan', () => {
    const table = protect(
      breakdown({
        '35.07.01': { MY: 20, SA: 3, HK: 12 },
        '35.07.02': { MY: 15, SA: 9, HK: 8 },
        '35.07.03': { MY: 30, SA: 11, HK: 7 },
      }),
    );
    expect(suppressed(table)).toEqual(['35.07.01/HK', '35.07.01/SA', '35.07.02/HK', '35.07.02/SA']);
    expect(table.published('35.07.01')).toEqual({ value: 35, suppressed: false });
    expect(table.published('35.07', 'SA')).toEqual({ value: 23, suppressed: false });
  });

  it('zeros are published even when every other cell is withheld', () => {
    const table = protect(
      breakdown({ '35.07.01': { MY: 1, SA: 2 }, '35.07.02': { MY: 1 }, '35.08.01': { SA: 1 } }),
    );
    expect(table.published('35.07.02', 'SA')).toEqual({ value: 0, suppressed: false });
    expect(table.published('35.08', 'MY')).toEqual({ value: 0, suppressed: false });
    const nonZero = table.regionCodes.flatMap((region) =>
      [undefined, ...table.categories].filter((category) => table.exact(region, category) > 0),
    );
    expect(suppressed(table)).toHaveLength(nonZero.length);
  });

  it('a table with a single non-zero cell withholds its whole chain up to the nation', () => {
    const table = protect(totals({ '35.07.01': 0, '35.07.02': 3, '35.08.01': 0 }));
    expect(suppressed(table)).toEqual(['/', '35/', '35.07/', '35.07.02/']);
    expect(table.published('35.08')).toEqual({ value: 0, suppressed: false });
  });

  it('cells at or above the threshold are primaries only when the threshold says so', () => {
    const rows = totals({ '35.07.01': 6, '35.07.02': 10, '35.07.03': 12 });
    expect(suppressed(protectTable(rows))).toEqual([]);
    expect(suppressed(protectTable(rows, { threshold: 7, verifyPatterns: true }))).toContain('35.07.01/');
  });

  it('the pattern depends on the table only, not on the order of its rows', () => {
    const rows = randomTable(seededRandom(3), {
      provinces: 2,
      regencies: [2, 6],
      kecamatan: [3, 9],
      categories: 5,
    });
    const shuffled = [...rows].reverse();
    expect(suppressed(protect(shuffled))).toEqual(suppressed(protect(rows)));
  });

  it('rows for the same kecamatan and category add up', () => {
    const table = protect([
      { kecamatanCode: '35.07.01', count: 4 },
      { kecamatanCode: '35.07.01', count: 3 },
    ]);
    expect(table.exact('35.07.01')).toBe(7);
  });
});

describe('reading a protected table', () => {
  const table = protect(
    breakdown({
      '35.07.01': { MY: 20, SA: 3, HK: 12 },
      '35.07.02': { MY: 15, SA: 9, HK: 8 },
      '35.07.03': { MY: 30 },
    }),
  );

  it('answers at every level, with unknown regions and categories published as 0', () => {
    expect(table.exact('')).toBe(97);
    expect(table.exact('35', 'MY')).toBe(65);
    expect(table.published('36.01')).toEqual({ value: 0, suppressed: false });
    expect(table.published('35.07.01', 'JP')).toEqual({ value: 0, suppressed: false });
    expect(table.exact('35.07.01', 'SA')).toBe(3);
  });

  it('refuses a code that is no region of the statistics', () => {
    expect(() => table.published('35.07.01.2001')).toThrow(RangeError);
    expect(() => table.exact('Jawa Timur')).toThrow(RangeError);
  });

  it('lists categories in code order where one is withheld, so the order leaks no ranking', () => {
    expect(table.categoriesForDisplay('35.07.01', false).map((entry) => entry.category)).toEqual([
      'HK',
      'MY',
      'SA',
    ]);
    expect(table.categoriesForDisplay('35.07.01', false)[2]?.count).toEqual({
      value: null,
      suppressed: true,
    });
  });

  it('lists categories by count where none is withheld, and for exact readers', () => {
    expect(table.categoriesForDisplay('35.07', false).map((entry) => entry.category)).toEqual([
      'MY',
      'HK',
      'SA',
    ]);
    expect(table.categoriesForDisplay('35.07.01', true)).toEqual([
      { category: 'MY', count: { value: 20, suppressed: false } },
      { category: 'HK', count: { value: 12, suppressed: false } },
      { category: 'SA', count: { value: 3, suppressed: false } },
    ]);
  });
});

describe('refused input', () => {
  it('a count table is recorded per kecamatan', () => {
    expect(() => protectTable(totals({ '35.07': 3 }))).toThrow(RangeError);
  });

  it('a count is a non-negative integer', () => {
    expect(() => protectTable(totals({ '35.07.01': -1 }))).toThrow(RangeError);
    expect(() => protectTable(totals({ '35.07.01': 1.5 }))).toThrow(RangeError);
  });

  it('rows either all have a category or none has', () => {
    expect(() =>
      protectTable([
        { kecamatanCode: '35.07.01', count: 3 },
        { kecamatanCode: '35.07.02', category: 'MY', count: 3 },
      ]),
    ).toThrow(RangeError);
  });
});
