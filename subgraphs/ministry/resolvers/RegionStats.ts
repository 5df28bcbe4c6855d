import { regionStatsKeyOf, type RegionStatsKey } from '../../../shared/stats.js';
import { statFor } from '../../../shared/stats-tables.js';
import type { MinistryMeasure } from '../db/queries/stats.js';
import type { RegionStatsResolvers } from '../__generated__/resolvers-types.js';
import { assertCanReadStats } from '../access.js';
import type { Context } from '../context.js';
import { mustExist } from '../integrity.js';

/** The ministry's cells; statistics need `stats:read` however they are reached (query or `_entities`). */
function cases(key: RegionStatsKey, context: Context, measure: MinistryMeasure) {
  assertCanReadStats(context.principal);
  return statFor(context.loaders.statistics, key, measure, context.principal);
}

/** Labour's departures, as the gateway sends them for `casesPerThousandDepartures`; null when withheld. */
function departures(key: RegionStatsKey): number | null {
  const departed = (key as { departed?: unknown }).departed;
  if (typeof departed !== 'object' || departed === null) return null;
  const { value, suppressed } = departed as { value?: unknown; suppressed?: unknown };
  if (suppressed !== false || typeof value !== 'number' || !Number.isInteger(value) || value <= 0)
    return null;
  return value;
}

/** The other services' counts the gateway sends for `hasData` (`@requires`), as the caller may see them. */
const OTHER_SERVICES_COUNTS = [
  'registered',
  'departed',
  'returned',
  'enrolled',
  'certified',
  'mentored',
  'mentoringSessions',
] as const;

/**
 * Whether a count as published says there is something: a non-zero value, or a withheld one (zeros
 * are never withheld). A count the gateway did not send is taken as something, so a region is only
 * ever marked empty on evidence.
 */
function showsData(count: unknown): boolean {
  if (typeof count !== 'object' || count === null) return true;
  const { value, suppressed } = count as { value?: unknown; suppressed?: unknown };
  return suppressed === true || value !== 0;
}

export const RegionStats: RegionStatsResolvers = {
  // A cell of a region the reference does not know is no cell at all; the nation ('') always is.
  // The other services' counts (`@requires`) stay only in a request the gateway signed; without
  // them the rate is null and `hasData` counts on the ministry's own cells.
  __resolveReference: async (reference, { loaders, viaGateway }) => {
    const { regionCode, year, fromYear } = reference;
    const key = regionStatsKeyOf(viaGateway ? reference : { regionCode, year, fromYear });
    if (key === null) return null;
    return key.regionCode === '' || (await loaders.regionByCode.load(key.regionCode)) ? key : null;
  },
  region: async (key, _args, { loaders }) =>
    key.regionCode === ''
      ? null
      : mustExist(await loaders.regionByCode.load(key.regionCode), `region ${key.regionCode}`),
  casesOpened: (key, _args, context) => cases(key, context, 'casesOpened'),
  casesResolved: (key, _args, context) => cases(key, context, 'casesResolved'),
  casesPerThousandDepartures: async (key, _args, context) => {
    // Both counts as this caller may see them: a rate of two published counts publishes nothing new.
    const opened = await cases(key, context, 'casesOpened');
    const departed = departures(key);
    // A rate over a withheld count would give the withheld count away.
    if (opened.value === null || departed === null) return null;
    return (opened.value * 1000) / departed;
  },
  // A function of published counts only: "no data" is every count a published 0.
  hasData: async (key, _args, context) => {
    const own = await Promise.all([cases(key, context, 'casesOpened'), cases(key, context, 'casesResolved')]);
    const others = OTHER_SERVICES_COUNTS.map(
      (measure) => (key as unknown as Record<string, unknown>)[measure],
    );
    return [...own, ...others].some(showsData);
  },
};
