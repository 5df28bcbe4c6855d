import { uuid } from '../../../shared/validation/input.js';
import type { TrainingProviderResolvers } from '../__generated__/resolvers-types.js';

export const TrainingProvider: TrainingProviderResolvers = {
  __resolveReference: async ({ id }, { loaders }) =>
    uuid.safeParse(id).success ? loaders.providerById.load(id) : null,
  institution: (provider) => ({ id: provider.institutionId }),
  courses: (provider, _args, { loaders }) => loaders.coursesByProviderId.load(provider.id),
};
