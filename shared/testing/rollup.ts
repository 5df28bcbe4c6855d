import { expect } from 'vitest';
import type { Database } from '../db/database.js';
import { cellDifferences, checkRollup, type RollupSource } from '../db/stat-cells-check.js';

export { seededRandom } from '../disclosure/test-tables.js';

/** The years the randomised rollup tests write in, and one either side. */
export const ROLLUP_TEST_YEARS = [2018, 2019, 2020, 2021, 2022, 2023] as const;

/** Picks from a list with a seeded random source. */
export const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;

/**
 * An instant in one of the test years, one in four within minutes of a WIB new year (17:00 UTC
 * on 31 December), where the year in Jakarta is not the year in UTC.
 */
export function randomInstant(random: () => number): Date {
  const year = 2019 + Math.floor(random() * 3);
  if (random() < 0.25) {
    const newYear = Date.UTC(year, 11, 31, 17, 0, 0);
    return new Date(newYear + Math.round((random() - 0.5) * 20 * 60_000));
  }
  return new Date(Date.UTC(year, 0, 1) + Math.floor(random() * 365 * 86_400_000));
}

/** A date in one of the test years, one in four on 31 December or 1 January. */
export function randomDate(random: () => number): string {
  if (random() < 0.25) {
    const year = 2019 + Math.floor(random() * 3);
    return random() < 0.5 ? `${year}-12-31` : `${year + 1}-01-01`;
  }
  return randomInstant(random).toISOString().slice(0, 10);
}

/**
 * The rollup as `regionStats` reads it equals the count from the rows for the test years, and
 * `stats check` finds no cell (nor recorded share) that differs, over every year.
 */
export async function expectRollupMatchesRows(
  db: Database,
  source: RollupSource,
  label: string,
): Promise<void> {
  const years = [...ROLLUP_TEST_YEARS];
  const [rollup, rows] = await Promise.all([
    source.countFromRollup(db, years),
    source.countFromRows(db, years),
  ]);
  expect(rows.length, `${label}: the rows count something`).toBeGreaterThan(0);
  expect(cellDifferences(rollup, rows), `${label}: rollup against rows`).toEqual([]);
  const check = await checkRollup(db, source);
  expect(check.differences, `${label}: stats check`).toEqual([]);
  expect(check.shareDifferences, `${label}: recorded shares`).toEqual([]);
}
