import type { Principal } from './auth/principal.js';
import { isRegionCodeFormat, isWithinRegion } from './reference/regions.js';

/** Cells below this count are withheld from institutions not entitled to exact figures. */
export const SMALL_CELL_THRESHOLD = 5;

export interface StatCount {
  readonly value: number | null;
  readonly suppressed: boolean;
}

/** The most calendar years one range of statistics may cover (`fromYear` to `toYear`, both included). */
export const MAX_YEAR_SPAN = 10;

/**
 * Parent of every RegionStats field: the entity key. `year` is the last calendar year the counts
 * cover and `fromYear` the first; they are equal for a single year. The nation is region `''`.
 */
export interface RegionStatsKey {
  readonly regionCode: string;
  readonly year: number;
  readonly fromYear: number;
}

const isStatsYear = (value: unknown): value is number =>
  Number.isInteger(value) && (value as number) >= 2000 && (value as number) <= 2100;

/**
 * A representation the gateway (or anyone) sent is only a key if it has a region code's shape (or
 * is the nation, `''`) and sane years: `fromYear` no later than `year` and at most MAX_YEAR_SPAN
 * years before it. A representation without `fromYear` (a single year, as keys were before ranges)
 * covers `year` alone.
 */
export function regionStatsKeyOf(value: {
  regionCode?: unknown;
  year?: unknown;
  fromYear?: unknown;
}): RegionStatsKey | null {
  const { regionCode, year } = value;
  const fromYear = value.fromYear ?? year;
  if (typeof regionCode !== 'string') return null;
  if (regionCode !== '' && (!isRegionCodeFormat(regionCode) || regionCode.split('.').length > 3)) return null;
  if (!isStatsYear(year) || !isStatsYear(fromYear)) return null;
  if (fromYear > year || year - fromYear >= MAX_YEAR_SPAN) return null;
  // The rest of the representation stays: `@requires` inputs (labour's departures) travel in it.
  return { ...value, regionCode, year, fromYear };
}

/** The calendar years a key covers, ascending. */
export function yearsOfKey(key: RegionStatsKey): number[] {
  return Array.from({ length: key.year - key.fromYear + 1 }, (_, offset) => key.fromYear + offset);
}

/**
 * Exact figures go to the ministry and to the labour office of the region itself; everyone else
 * gets small cells suppressed (DESIGN section 4, statistics).
 */
export function seesExactFigures(principal: Principal, regionCode: string): boolean {
  if (principal.institutionKind === 'MINISTRY') return true;
  return (
    principal.institutionKind === 'LABOUR_OFFICE' &&
    principal.regionCode !== null &&
    isWithinRegion(regionCode, principal.regionCode)
  );
}

export function statCount(value: number, exact: boolean): StatCount {
  if (!exact && value > 0 && value < SMALL_CELL_THRESHOLD) return { value: null, suppressed: true };
  return { value, suppressed: false };
}
