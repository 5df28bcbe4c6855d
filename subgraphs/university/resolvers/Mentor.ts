import { uuid } from '../../../shared/validation/input.js';
import type { MentorResolvers } from '../__generated__/resolvers-types.js';

export const Mentor: MentorResolvers = {
  __resolveReference: async ({ id }, { loaders }) =>
    uuid.safeParse(id).success ? loaders.mentorById.load(id) : null,
  university: async (mentor, _args, { loaders }) => {
    const university = await loaders.universityById.load(mentor.universityId);
    if (!university) throw new Error(`mentor ${mentor.id} has no university`);
    return university;
  },
};
