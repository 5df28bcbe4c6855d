import { describe, expect, it } from 'vitest';
import { auditTable, type AuditRelation } from './audit.js';
import { cellKey, insider, insiderRegions, tableSystem } from './audit-table.js';
import { protectTable, type ProtectedTable } from './protect.js';
import { randomTable, seededRandom, totals } from './test-tables.js';
import { combinePublishedYears, yearRangeCount } from './year-range.js';

describe('combining years', () => {
  const years = [
    protectTable(totals({ '35.07.01': 2, '35.07.02': 10, '35.07.03': 12 })),
    protectTable(totals({ '35.07.01': 8, '35.07.02': 10, '35.07.03': 12 })),
  ];

  it('sums the published counts when no year is suppressed', () => {
    expect(yearRangeCount(years, '35.07', { exactReader: false })).toEqual({ value: 54, suppressed: false });
    expect(combinePublishedYears([])).toEqual({ value: 0, suppressed: false });
  });

  it('is suppressed when any year is, even though the sum itself is not small', () => {
    expect(yearRangeCount(years, '35.07.01', { exactReader: false })).toEqual({
      value: null,
      suppressed: true,
    });
  });

  it('gives exact readers the exact sum', () => {
    expect(yearRangeCount(years, '35.07.01', { exactReader: true })).toEqual({
      value: 10,
      suppressed: false,
    });
  });
});

/** Several years of one measure, with every range of consecutive years, as one system to audit. */
function yearsSystem(tables: readonly ProtectedTable[], rangeCount: typeof yearRangeCount) {
  const systems = tables.map((table) => tableSystem(table));
  const published = new Map<string, number | null>();
  const exact = new Map<string, number>();
  const relations: AuditRelation[] = [];
  systems.forEach((system, year) => {
    for (const [cell, value] of system.published) published.set(`${year}:${cell}`, value);
    for (const [cell, value] of system.exact) exact.set(`${year}:${cell}`, value);
    for (const { total, parts } of system.relations) {
      relations.push({ total: `${year}:${total}`, parts: parts.map((part) => `${year}:${part}`) });
    }
  });
  const regions = [...new Set(systems.flatMap((system) => system.regionCodes))];
  const categories = [...new Set(tables.flatMap((table) => table.categories))];
  for (let first = 0; first < tables.length; first += 1) {
    for (let last = first + 1; last < tables.length; last += 1) {
      const span = tables.slice(first, last + 1);
      for (const region of regions) {
        for (const category of [undefined, ...categories]) {
          const cell = `${first}-${last}:${cellKey(region, category)}`;
          published.set(cell, rangeCount(span, region, { category, exactReader: false }).value);
          exact.set(cell, rangeCount(span, region, { category, exactReader: true }).value as number);
          const parts = span.map((_, offset) => `${first + offset}:${cellKey(region, category)}`);
          relations.push({ total: cell, parts });
        }
      }
    }
  }
  const office = (region: string) => {
    const known = new Map<string, number>();
    const own = new Set<string>();
    systems.forEach((system, year) => {
      const { knowledge, ownFigures } = insider(system, region);
      for (const [cell, value] of knowledge.known ?? []) known.set(`${year}:${cell}`, value);
      for (const cell of ownFigures) own.add(`${year}:${cell}`);
    });
    // A range of the office's own figures is its own figure too (a year without the region is 0).
    const ownPart = (part: string) => known.has(part) || own.has(part) || !published.has(part);
    for (const { total, parts } of relations) {
      if (total.split(':')[0]?.includes('-') && parts.every(ownPart)) own.add(total);
    }
    return { known, own };
  };
  return {
    published,
    exact,
    relations,
    office,
    offices: insiderRegions(systems[0] as ReturnType<typeof tableSystem>),
  };
}

describe('a range over years under the LP audit', () => {
  const tables = [11, 12, 13].map((seed) =>
    protectTable(
      randomTable(seededRandom(seed), { provinces: 1, regencies: [4, 4], kecamatan: [4, 6], categories: 3 }),
    ),
  );

  it('never lets an outsider or an office derive a suppressed yearly cell', async () => {
    const years = yearsSystem(tables, yearRangeCount);
    const reference = years.exact;
    const outsider = await auditTable(years.published, years.relations, {}, { reference });
    expect(outsider.recovered).toEqual([]);
    for (const region of years.offices) {
      const { known, own } = years.office(region);
      const { recovered } = await auditTable(years.published, years.relations, { known }, { reference });
      expect(
        recovered.filter((cell) => !own.has(cell.cell)),
        region,
      ).toEqual([]);
    }
  }, 60_000);

  it('would give yearly cells away if ranges were published as exact sums', async () => {
    const naive: typeof yearRangeCount = (span, region, { category }) =>
      yearRangeCount(span, region, { category, exactReader: true });
    const years = yearsSystem(tables, naive);
    const { recovered } = await auditTable(years.published, years.relations, {}, { reference: years.exact });
    expect(recovered.length).toBeGreaterThan(0);
  });
});
