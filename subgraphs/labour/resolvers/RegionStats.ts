import { regionStatsKeyOf, seesExactFigures } from '../../../shared/stats.js';
import { measureOver, statFor } from '../../../shared/stats-tables.js';
import type { RegionStatsResolvers } from '../__generated__/resolvers-types.js';

export const RegionStats: RegionStatsResolvers = {
  __resolveReference: (reference) => regionStatsKeyOf(reference),
  registered: (key, _args, { loaders, principal }) =>
    statFor(loaders.statistics, key, 'registered', principal),
  departed: (key, _args, { loaders, principal }) => statFor(loaders.statistics, key, 'departed', principal),
  returned: (key, _args, { loaders, principal }) => statFor(loaders.statistics, key, 'returned', principal),
  // The breakdown and the total are one table: no destination can be worked out from the total.
  departuresByDestination: async (key, _args, { loaders, principal }) => {
    const range = await measureOver(loaders.statistics, key, 'departed');
    return range
      .breakdown(key.regionCode, seesExactFigures(principal, key.regionCode))
      .map(({ category, count }) => ({ countryCode: category, departed: count }));
  },
};
