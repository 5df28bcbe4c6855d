import { uuid } from '../../../shared/validation/input.js';
import type { SanctionResolvers } from '../__generated__/resolvers-types.js';
import { mustExist } from '../integrity.js';

export const Sanction: SanctionResolvers = {
  __resolveReference: async ({ id }, { loaders }) =>
    uuid.safeParse(id).success ? loaders.sanctionById.load(id) : null,
  agency: async (sanction, _args, { loaders }) =>
    mustExist(await loaders.agencyById.load(sanction.agencyId), `agency of sanction ${sanction.id}`),
  // The sanction is public; the case behind it only for those who may see cases.
  case: (sanction, _args, { loaders }) => (sanction.caseId ? loaders.caseById.load(sanction.caseId) : null),
};
