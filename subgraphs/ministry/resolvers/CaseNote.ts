import type { CaseNoteResolvers } from '../__generated__/resolvers-types.js';
import { mustExist } from '../integrity.js';

export const CaseNote: CaseNoteResolvers = {
  author: async (note, _args, { loaders }) =>
    mustExist(
      await loaders.institutionById.load(note.authorInstitutionId),
      `institution ${note.authorInstitutionId} in the directory`,
    ),
};
