import { uuid } from '../../../shared/validation/input.js';
import type { MentoringProgramResolvers } from '../__generated__/resolvers-types.js';

export const MentoringProgram: MentoringProgramResolvers = {
  __resolveReference: async ({ id }, { loaders }) =>
    uuid.safeParse(id).success ? loaders.programById.load(id) : null,
  university: async (program, _args, { loaders }) => {
    const university = await loaders.universityById.load(program.universityId);
    if (!university) throw new Error(`programme ${program.id} has no university`);
    return university;
  },
  // The loader applies the caller's session rule: other institutions see only what they may.
  sessions: (program, _args, { loaders }) => loaders.sessionsByProgramId.load(program.id),
};
