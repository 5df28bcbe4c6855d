import { isRegionStatsKey, seesExactFigures, statCount, type RegionStatsKey } from '../../../shared/stats.js';
import type { RegionStatsResolvers } from '../__generated__/resolvers-types.js';
import type { Context } from '../context.js';

async function counts(key: RegionStatsKey, { loaders }: Context) {
  const row = await loaders.regionStats.load(key);
  if (!row) throw new Error(`no training counts for ${key.regionCode}/${key.year}`);
  return row;
}

export const RegionStats: RegionStatsResolvers = {
  __resolveReference: (reference) => (isRegionStatsKey(reference) ? reference : null),
  enrolled: async (key, _args, context) =>
    statCount((await counts(key, context)).enrolled, seesExactFigures(context.principal, key.regionCode)),
  certified: async (key, _args, context) =>
    statCount((await counts(key, context)).certified, seesExactFigures(context.principal, key.regionCode)),
};
