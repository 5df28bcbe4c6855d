import type { StatCount } from '../stats.js';
import type { ProtectedTable } from './protect.js';

/**
 * A count over several years as published: the sum of the yearly published counts when none of
 * them is suppressed, otherwise suppressed. The range cell is then a function of published yearly
 * cells only, so it can never tell more than they do (a range total minus the other years' counts
 * would otherwise give away a withheld year).
 */
export function combinePublishedYears(yearly: readonly StatCount[]): StatCount {
  let sum = 0;
  for (const count of yearly) {
    if (count.suppressed || count.value === null) return { value: null, suppressed: true };
    sum += count.value;
  }
  return { value: sum, suppressed: false };
}

/** A region's count (its total, or one category) over the years of the given tables, one per year. */
export function yearRangeCount(
  tables: readonly ProtectedTable[],
  regionCode: string,
  options: { readonly category?: string | undefined; readonly exactReader: boolean },
): StatCount {
  const { category, exactReader } = options;
  if (exactReader) {
    return {
      value: tables.reduce((sum, table) => sum + table.exact(regionCode, category), 0),
      suppressed: false,
    };
  }
  return combinePublishedYears(tables.map((table) => table.published(regionCode, category)));
}
