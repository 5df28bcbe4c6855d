import { isRegionStatsKey, seesExactFigures, statCount, type RegionStatsKey } from '../../../shared/stats.js';
import type { RegionStatsResolvers } from '../__generated__/resolvers-types.js';
import type { Context } from '../context.js';

async function counts(key: RegionStatsKey, { loaders }: Context) {
  const row = await loaders.regionStats.load(key);
  if (!row) throw new Error(`no university counts for ${key.regionCode}/${key.year}`);
  return row;
}

export const RegionStats: RegionStatsResolvers = {
  __resolveReference: (reference) => (isRegionStatsKey(reference) ? reference : null),
  mentored: async (key, _args, context) =>
    statCount((await counts(key, context)).mentored, seesExactFigures(context.principal, key.regionCode)),
  mentoringSessions: async (key, _args, context) =>
    statCount(
      (await counts(key, context)).mentoringSessions,
      seesExactFigures(context.principal, key.regionCode),
    ),
};
