import type { RegionStatsTableResolvers } from '../__generated__/resolvers-types.js';

export const RegionStatsTable: RegionStatsTableResolvers = {
  parent: (table, _args, { loaders }) =>
    table.parentCode === '' ? null : loaders.regionByCode.load(table.parentCode),
};
