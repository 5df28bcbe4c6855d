import type { Principal } from './auth/principal.js';
import { protectTable, type CountRow, type ProtectedTable } from './disclosure/protect.js';
import { combinePublishedYears } from './disclosure/year-range.js';
import { seesExactFigures, statCount, yearsOfKey, type RegionStatsKey, type StatCount } from './stats.js';

// Regional statistics are served from whole tables, never from the cells a query happens to ask
// for: one measure in one year, counted per kecamatan and summed up the region tree. Statutory
// readers get the exact sums; everyone else gets the table's disclosure-controlled version
// (shared/disclosure), whose suppression pattern depends on the whole table only, so that every
// query, whatever cells it asks for, sees the same pattern.

/** A kecamatan's count of one measure in one year, as a subgraph's statistics query returns it. */
export interface MeasureRow<TMeasure extends string> {
  readonly measure: TMeasure;
  readonly year: number;
  readonly kecamatanCode: string;
  /** The breakdown category (a destination country), or null for a measure without one. */
  readonly category: string | null;
  readonly count: number;
}

export interface CategoryStat {
  readonly category: string;
  readonly count: StatCount;
}

const KECAMATAN = /^\d{2}\.\d{2}\.\d{2}$/;

/** Every region a kecamatan lies in, the nation (`''`) included: `35.07.11` -> '', 35, 35.07, 35.07.11. */
function regionsOf(kecamatanCode: string): string[] {
  return ['', kecamatanCode.slice(0, 2), kecamatanCode.slice(0, 5), kecamatanCode];
}

/** One measure in one year, over every region. */
export class MeasureYear {
  private sums: ExactSums | undefined;
  private protection: ProtectedTable | undefined;

  constructor(private readonly rows: readonly CountRow[]) {}

  /** The count of a region (and category), exact or as published to everyone else. */
  count(regionCode: string, exactReader: boolean, category?: string): StatCount {
    if (!exactReader) return this.protectedTable().published(regionCode, category);
    const sums = this.exactSums();
    const value =
      category === undefined ? sums.totals.get(regionCode) : sums.categories.get(regionCode)?.get(category);
    return statCount(value ?? 0, true);
  }

  /** A region's non-zero categories: exact and largest first, or as the protected table lists them. */
  breakdown(regionCode: string, exactReader: boolean): CategoryStat[] {
    if (!exactReader) {
      return this.protectedTable()
        .categoriesForDisplay(regionCode, false)
        .map(({ category, count }) => ({ category, count }));
    }
    const found: { category: string; value: number }[] = [];
    for (const [category, value] of this.exactSums().categories.get(regionCode) ?? [])
      if (value !== 0) found.push({ category, value });
    found.sort((a, b) => b.value - a.value || (a.category < b.category ? -1 : 1));
    return found.map(({ category, value }) => ({ category, count: statCount(value, true) }));
  }

  /**
   * Every region's total, and its categories' totals kept by region: a breakdown reads its own
   * region's map (scanning one map of every region and category for each region asked was the
   * largest line of the ministry's cross-region view, quadratic in regions).
   */
  private exactSums(): ExactSums {
    if (this.sums) return this.sums;
    const totals = new Map<string, number>();
    const categories = new Map<string, Map<string, number>>();
    for (const row of this.rows) {
      for (const region of regionsOf(row.kecamatanCode)) {
        totals.set(region, (totals.get(region) ?? 0) + row.count);
        if (row.category === undefined) continue;
        let ofRegion = categories.get(region);
        if (!ofRegion) categories.set(region, (ofRegion = new Map<string, number>()));
        ofRegion.set(row.category, (ofRegion.get(row.category) ?? 0) + row.count);
      }
    }
    this.sums = { totals, categories };
    return this.sums;
  }

  private protectedTable(): ProtectedTable {
    this.protection ??= protectTable(this.rows);
    return this.protection;
  }
}

interface ExactSums {
  /** Region code ('' for the nation) -> the measure's total there. */
  readonly totals: Map<string, number>;
  /** Region code -> category -> total, for measures with a breakdown. */
  readonly categories: Map<string, Map<string, number>>;
}

/** A subgraph's tables for the years a request asked about, one per measure and year. */
export class StatisticsTables<TMeasure extends string> {
  private readonly tables = new Map<string, MeasureYear>();

  constructor(rows: readonly MeasureRow<TMeasure>[]) {
    const grouped = new Map<string, CountRow[]>();
    for (const row of rows) {
      // The hub records events per kecamatan; anything else in a district column is not a cell.
      if (!KECAMATAN.test(row.kecamatanCode) || row.count <= 0) continue;
      const key = `${row.measure}\u0000${row.year}`;
      const list = grouped.get(key) ?? [];
      list.push({
        kecamatanCode: row.kecamatanCode,
        count: row.count,
        ...(row.category ? { category: row.category } : {}),
      });
      grouped.set(key, list);
    }
    for (const [key, list] of grouped) this.tables.set(key, new MeasureYear(list));
  }

  /** One measure in one year; a year without data is a table of zeros. */
  of(measure: TMeasure, year: number): MeasureYear {
    return this.tables.get(`${measure}\u0000${year}`) ?? EMPTY;
  }
}

const EMPTY = new MeasureYear([]);

/** Where a subgraph's resolvers get its tables: its per-request `statistics` loader. */
export interface TablesSource<TMeasure extends string> {
  load(year: number): Promise<StatisticsTables<TMeasure>>;
}

/**
 * One measure over the years a key covers: a region's count (or one category's) is the exact sum
 * for statutory readers; for everyone else the sum of the published yearly counts, withheld when
 * any of them is (shared/disclosure/year-range.ts: a range then tells nothing its years do not, so
 * no range can be differenced against another range or a single year to reveal a withheld year).
 */
export class MeasureRange {
  constructor(private readonly years: readonly MeasureYear[]) {}

  count(regionCode: string, exactReader: boolean, category?: string): StatCount {
    const yearly = this.years.map((table) => table.count(regionCode, exactReader, category));
    if (exactReader) return statCount(sumOf(yearly), true);
    return combinePublishedYears(yearly);
  }

  /** A region's categories with data in any of the years, as `MeasureYear.breakdown` orders them. */
  breakdown(regionCode: string, exactReader: boolean): CategoryStat[] {
    if (this.years.length === 1) return (this.years[0] as MeasureYear).breakdown(regionCode, exactReader);
    const categories = new Set<string>();
    for (const table of this.years) {
      for (const { category } of table.breakdown(regionCode, exactReader)) categories.add(category);
    }
    const list = [...categories].map((category) => ({
      category,
      count: this.count(regionCode, exactReader, category),
    }));
    const byCode = (a: CategoryStat, b: CategoryStat) => (a.category < b.category ? -1 : 1);
    // Ordering by a withheld count would leak a ranking, as within a year.
    if (list.some((entry) => entry.count.suppressed)) return list.sort(byCode);
    return list.sort((a, b) => (b.count.value ?? 0) - (a.count.value ?? 0) || byCode(a, b));
  }
}

function sumOf(counts: readonly StatCount[]): number {
  return counts.reduce((sum, count) => sum + (count.value ?? 0), 0);
}

/** One measure's tables for every year a key covers (one statement for all of them, by the loader). */
export async function measureOver<TMeasure extends string>(
  source: TablesSource<TMeasure>,
  key: RegionStatsKey,
  measure: TMeasure,
): Promise<MeasureRange> {
  const years = yearsOfKey(key);
  const tables = await Promise.all(years.map((year) => source.load(year)));
  return new MeasureRange(tables.map((table, index) => table.of(measure, years[index] as number)));
}

/** One measure's cell for the caller: exact for the statutory readers of the region, protected for everyone else. */
export async function statFor<TMeasure extends string>(
  source: TablesSource<TMeasure>,
  key: RegionStatsKey,
  measure: TMeasure,
  principal: Principal,
): Promise<StatCount> {
  const range = await measureOver(source, key, measure);
  return range.count(key.regionCode, seesExactFigures(principal, key.regionCode));
}
