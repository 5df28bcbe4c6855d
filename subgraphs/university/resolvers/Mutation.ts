import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { addMentor, createMentoringProgram, registerUniversity } from '../commands/directory.js';
import { logMentoringSession } from '../commands/sessions.js';

export const Mutation: MutationResolvers = {
  registerUniversity: (_parent, { input }, context) => registerUniversity(context, input),
  createMentoringProgram: (_parent, { input }, context) => createMentoringProgram(context, input),
  addMentor: (_parent, { input }, context) => addMentor(context, input),
  logMentoringSession: (_parent, { input }, context) => logMentoringSession(context, input),
};
