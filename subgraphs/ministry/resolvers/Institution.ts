import { uuid } from '../../../shared/validation/input.js';
import type { InstitutionResolvers } from '../__generated__/resolvers-types.js';

export const Institution: InstitutionResolvers = {
  __resolveReference: async ({ id }, { loaders }) =>
    uuid.safeParse(id).success ? loaders.institutionById.load(id) : null,
  region: (institution, _args, { loaders }) =>
    institution.regionCode ? loaders.regionByCode.load(institution.regionCode) : null,
};
