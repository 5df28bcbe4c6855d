import { isRegionStatsKey, type RegionStatsKey } from '../../../shared/stats.js';
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

export const RegionStats: RegionStatsResolvers = {
  // A cell of a region the reference does not know is no cell at all.
  __resolveReference: async (reference, { loaders }) =>
    isRegionStatsKey(reference) && (await loaders.regionByCode.load(reference.regionCode)) ? reference : null,
  region: async (key, _args, { loaders }) =>
    mustExist(await loaders.regionByCode.load(key.regionCode), `region ${key.regionCode}`),
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
};
