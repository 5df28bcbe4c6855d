import { regionStatsKeyOf } from '../../../shared/stats.js';
import { statFor } from '../../../shared/stats-tables.js';
import type { RegionStatsResolvers } from '../__generated__/resolvers-types.js';

export const RegionStats: RegionStatsResolvers = {
  __resolveReference: (reference) => regionStatsKeyOf(reference),
  enrolled: (key, _args, { loaders, principal }) => statFor(loaders.statistics, key, 'enrolled', principal),
  certified: (key, _args, { loaders, principal }) => statFor(loaders.statistics, key, 'certified', principal),
};
