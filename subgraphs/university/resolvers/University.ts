import { uuid } from '../../../shared/validation/input.js';
import type { UniversityResolvers } from '../__generated__/resolvers-types.js';

export const University: UniversityResolvers = {
  __resolveReference: async ({ id }, { loaders }) =>
    uuid.safeParse(id).success ? loaders.universityById.load(id) : null,
  institution: (university) => ({ id: university.institutionId }),
  programs: (university, _args, { loaders }) => loaders.programsByUniversityId.load(university.id),
  mentors: (university, _args, { loaders }) => loaders.mentorsByUniversityId.load(university.id),
};
