import { uuid } from '../../../shared/validation/input.js';
import type { WorkerResolvers } from '../__generated__/resolvers-types.js';
import { assertMayReadMentoringHistory } from '../access.js';

export const Worker: WorkerResolvers = {
  // The labour subgraph owns the person and decides whether the caller sees it; this subgraph
  // only adds the mentoring history, whose loader applies the session rule per participant.
  __resolveReference: ({ id }) => (uuid.safeParse(id).success ? { id } : null),
  mentoringSessions: (worker, _args, { principal, loaders }) => {
    assertMayReadMentoringHistory(principal);
    return loaders.sessionsByWorkerId.load(worker.id);
  },
};
