import { isRegionStatsKey, seesExactFigures, statCount } from '../../../shared/stats.js';
import type { RegionStatsResolvers } from '../__generated__/resolvers-types.js';
import type { Context } from '../context.js';
import type { RegionStatsKey } from '../../../shared/stats.js';

async function counts(key: RegionStatsKey, { loaders }: Context) {
  const row = await loaders.regionStats.load(key);
  if (!row) throw new Error(`no labour counts for ${key.regionCode}/${key.year}`);
  return row;
}

export const RegionStats: RegionStatsResolvers = {
  __resolveReference: (reference) => (isRegionStatsKey(reference) ? reference : null),
  registered: async (key, _args, context) =>
    statCount((await counts(key, context)).registered, seesExactFigures(context.principal, key.regionCode)),
  departed: async (key, _args, context) =>
    statCount((await counts(key, context)).departed, seesExactFigures(context.principal, key.regionCode)),
  returned: async (key, _args, context) =>
    statCount((await counts(key, context)).returned, seesExactFigures(context.principal, key.regionCode)),
  departuresByDestination: async (key, _args, context) => {
    const exact = seesExactFigures(context.principal, key.regionCode);
    return (await counts(key, context)).byDestination.map((row) => ({
      countryCode: row.countryCode,
      departed: statCount(row.departed, exact),
    }));
  },
};
