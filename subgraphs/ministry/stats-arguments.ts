import { BadUserInputError } from '../../shared/errors.js';
import { MAX_YEAR_SPAN } from '../../shared/stats.js';
import { parseInput } from '../../shared/validation/input.js';
import { statsParentCode, statsYear } from './validation.js';

/** The years the cross-region view asks about: `year` is the last, `fromYear` the first. */
export interface StatsYears {
  readonly year: number;
  readonly fromYear: number;
}

interface ViewArguments {
  readonly parentCode?: string | null | undefined;
  readonly year?: number | null | undefined;
  readonly fromYear?: number | null | undefined;
  readonly toYear?: number | null | undefined;
}

const given = <T>(value: T | null | undefined): value is T => value !== null && value !== undefined;

/**
 * Exactly one of a single `year` or a range `fromYear`..`toYear` (both given, in order, at most
 * MAX_YEAR_SPAN years): a half-given range or both forms at once is refused, naming the argument,
 * rather than guessed at.
 */
export function statsYearsOf(args: ViewArguments): StatsYears {
  const { year, fromYear, toYear } = args;
  if (given(year)) {
    if (given(fromYear)) throw BadUserInputError.of('fromYear', 'must be left out when `year` is given');
    if (given(toYear)) throw BadUserInputError.of('toYear', 'must be left out when `year` is given');
    const single = parseInput(statsYear, year, 'year');
    return { year: single, fromYear: single };
  }
  if (!given(fromYear) && !given(toYear)) {
    throw BadUserInputError.of('year', 'is required, or give a range with `fromYear` and `toYear`');
  }
  if (!given(fromYear)) throw BadUserInputError.of('fromYear', 'is required with `toYear`');
  if (!given(toYear)) throw BadUserInputError.of('toYear', 'is required with `fromYear`');
  const first = parseInput(statsYear, fromYear, 'fromYear');
  const last = parseInput(statsYear, toYear, 'toYear');
  if (last < first) throw BadUserInputError.of('toYear', `must not be before fromYear (${first})`);
  if (last - first >= MAX_YEAR_SPAN) {
    throw BadUserInputError.of(
      'toYear',
      `must be at most ${MAX_YEAR_SPAN} years from fromYear, at the latest ${first + MAX_YEAR_SPAN - 1}`,
    );
  }
  return { year: last, fromYear: first };
}

/** The parent region of the view: a province or regency, or the nation (`''`) when left out. */
export function statsParentOf(args: ViewArguments): string {
  return given(args.parentCode) ? parseInput(statsParentCode, args.parentCode, 'parentCode') : '';
}
