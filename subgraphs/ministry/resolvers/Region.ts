import { isRegionCodeFormat } from '../../../shared/reference/regions.js';
import type { RegionResolvers } from '../__generated__/resolvers-types.js';

export const Region: RegionResolvers = {
  __resolveReference: async ({ code }, { loaders }) =>
    typeof code === 'string' && isRegionCodeFormat(code) ? loaders.regionByCode.load(code) : null,
  parent: (region, _args, { loaders }) =>
    region.parentCode ? loaders.regionByCode.load(region.parentCode) : null,
  children: (region, _args, { loaders }) => loaders.regionsByParentCode.load(region.code),
};
