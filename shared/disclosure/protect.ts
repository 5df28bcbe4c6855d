/**
 * Statistical disclosure control for the hub's regional statistics: complementary cell suppression.
 *
 * Method. Cells with 0 < value < threshold (the primaries) are withheld, and so are enough other
 * cells that none can be worked out by adding and subtracting published cells along the region
 * hierarchy (a parent minus its other children) or across a breakdown (a region's total minus its
 * other categories). It follows the hypercube method of Repsilber as described by Giessing &
 * Repsilber (2002, the GHQUAR engine) and implemented by tau-ARGUS ("HyperCube" in the tau-ARGUS
 * user's manual), and chapter 4 (tabular data) of Hundepool et al., Statistical Disclosure Control,
 * Wiley 2012: each primary is covered by the corners of a small hypercube (two regions by two
 * columns), continued down the hierarchy to the kecamatan, chosen to lose as little as possible.
 * Unlike the heuristic, every cover here is an explicit shift pattern (`shift-pattern.ts`): an
 * integer move of withheld cells that keeps every relation true and every cell at least 1, so no
 * withheld cell is determined, by construction. Tests check that with an exact LP audit (`audit.ts`).
 *
 * Insiders. A labour office sees its own province or regency exactly. Every withheld cell gets, for
 * each office that could see all of its patterns, one more pattern outside that office's subtree,
 * so no office can work out a withheld cell of another region. (Secondary cells, withheld only to
 * protect a primary, are not sensitive, but an office that could work one out would know more than
 * the public; covering them too cost well under one percent of cells in the tests.) What an office
 * has from its own figures alone is not protected: a province whose only non-zero regency is the
 * office's own has that regency's figures.
 *
 * Not protected against: differencing between two states of the data (a table published before and
 * after one more event), which only a stable, release-based publication can prevent; the width of
 * what an attacker can infer (existence, not an interval, is what is hidden: a withheld 1 may be
 * known to lie between 1 and 3); and a contributor who knows its own counts as lower bounds: as the
 * only contributor in a kecamatan it could work out a cell of a neighbouring kecamatan in about 2
 * of 100 random tables in the audit (in a two-by-two pattern one of its own cells goes down, whichever way the pattern moves).
 */
import { SMALL_CELL_THRESHOLD, type StatCount } from '../stats.js';
import { buildCountGrid, TOTAL_COLUMN, type CountGrid, type CountRow } from './count-grid.js';
import { suppressCells } from './suppress.js';

export type { CountRow } from './count-grid.js';

export interface ProtectionOptions {
  /** Cells with 0 < value < threshold are primaries; SMALL_CELL_THRESHOLD (5) unless given. */
  readonly threshold?: number;
  /** Check every shift pattern against the table's relations as it is chosen (tests, development). */
  readonly verifyPatterns?: boolean;
}

/** One cell of a shift pattern: moving it by `delta` (with the pattern's other cells) keeps the table additive. */
export interface PatternCell {
  readonly regionCode: string;
  /** Absent for the region's total. */
  readonly category?: string;
  readonly delta: number;
}

export interface CategoryCount {
  readonly category: string;
  readonly count: StatCount;
}

/** One measure in one year with its suppression pattern, answering for any region at any level. */
export interface ProtectedTable {
  readonly threshold: number;
  /** Every region in the table's tree in code order, the nation (`''`) first. */
  readonly regionCodes: readonly string[];
  /** Breakdown categories in code order; empty for a measure without breakdown. */
  readonly categories: readonly string[];
  /** The true count (for statutory readers); a region or category without data is 0. */
  exact(regionCode: string, category?: string): number;
  /** The count as published to everyone else. */
  published(regionCode: string, category?: string): StatCount;
  /**
   * A region's non-zero categories for display. When any of them is suppressed they come in code
   * order, since ordering by the true count would leak a ranking; otherwise by count, largest first.
   */
  categoriesForDisplay(regionCode: string, exactReader: boolean): readonly CategoryCount[];
  /**
   * The evidence of protection: shift patterns over withheld cells that together move every
   * withheld cell, and for every office a set moving each withheld cell outside its subtree
   * without touching that subtree. For audits; not part of what readers see.
   */
  shiftPatterns(): readonly (readonly PatternCell[])[];
}

const REGION_CODE = /^(?:\d{2}(?:\.\d{2}){0,2})?$/;

function cellOf(grid: CountGrid, regionCode: string, category: string | undefined): number | undefined {
  if (!REGION_CODE.test(regionCode)) {
    throw new RangeError(
      `Statistics are kept for the nation, provinces, regencies and kecamatan, not ${regionCode}.`,
    );
  }
  const node = grid.nodeOf.get(regionCode);
  const column = category === undefined ? TOTAL_COLUMN : grid.columnOf.get(category);
  return node === undefined || column === undefined ? undefined : node * grid.columns + column;
}

const byCode = (a: CategoryCount, b: CategoryCount) =>
  a.category < b.category ? -1 : a.category > b.category ? 1 : 0;

/**
 * Protects one table. The pattern depends only on the table's contents (rows in any order give the
 * same pattern), so every query against it sees the same consistent set of suppressed cells.
 */
export function protectTable(rows: Iterable<CountRow>, options: ProtectionOptions = {}): ProtectedTable {
  const threshold = options.threshold ?? SMALL_CELL_THRESHOLD;
  if (!Number.isInteger(threshold) || threshold < 1)
    throw new RangeError('The threshold is a positive integer.');
  const grid = buildCountGrid(rows);
  const { suppressed, patterns } = suppressCells(grid, threshold, options.verifyPatterns ?? false);

  const exact = (regionCode: string, category?: string): number => {
    const cell = cellOf(grid, regionCode, category);
    return cell === undefined ? 0 : (grid.values[cell] as number);
  };
  const published = (regionCode: string, category?: string): StatCount => {
    const cell = cellOf(grid, regionCode, category);
    if (cell === undefined) return { value: 0, suppressed: false };
    if (suppressed[cell] === 1) return { value: null, suppressed: true };
    return { value: grid.values[cell] as number, suppressed: false };
  };
  const categoriesForDisplay = (regionCode: string, exactReader: boolean): CategoryCount[] => {
    const list = grid.categories
      .filter((category) => exact(regionCode, category) > 0)
      .map((category) => ({
        category,
        count: exactReader
          ? { value: exact(regionCode, category), suppressed: false }
          : published(regionCode, category),
      }));
    if (list.some((entry) => entry.count.suppressed)) return list.sort(byCode);
    return list.sort((a, b) => (b.count.value ?? 0) - (a.count.value ?? 0) || byCode(a, b));
  };
  return {
    threshold,
    regionCodes: grid.codes,
    categories: grid.categories,
    exact,
    published,
    categoriesForDisplay,
    shiftPatterns: () =>
      patterns.map((pattern) =>
        pattern.cells.map((cell, index) => {
          const regionCode = grid.codes[Math.floor(cell / grid.columns)] as string;
          const delta = pattern.deltas[index] as number;
          const column = cell % grid.columns;
          return column === TOTAL_COLUMN
            ? { regionCode, delta }
            : { regionCode, category: grid.categories[column - 1] as string, delta };
        }),
      ),
  };
}
