import type { Principal } from './auth/principal.js';
import { isRegionCodeFormat, isWithinRegion } from './reference/regions.js';

/** Cells below this count are withheld from institutions not entitled to exact figures. */
export const SMALL_CELL_THRESHOLD = 5;

export interface StatCount {
  readonly value: number | null;
  readonly suppressed: boolean;
}

/** Parent of every RegionStats field: the entity key. */
export interface RegionStatsKey {
  readonly regionCode: string;
  readonly year: number;
}

/** A representation the gateway (or anyone) sent is only a key if it has a region code's shape and a sane year. */
export function isRegionStatsKey(value: { regionCode?: unknown; year?: unknown }): value is RegionStatsKey {
  return (
    typeof value.regionCode === 'string' &&
    isRegionCodeFormat(value.regionCode) &&
    value.regionCode.split('.').length <= 3 &&
    Number.isInteger(value.year) &&
    (value.year as number) >= 2000 &&
    (value.year as number) <= 2100
  );
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
