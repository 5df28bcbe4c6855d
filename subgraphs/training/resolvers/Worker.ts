import { uuid } from '../../../shared/validation/input.js';
import type { WorkerResolvers } from '../__generated__/resolvers-types.js';
import { assertMaySeeEnrollments } from '../access.js';

export const Worker: WorkerResolvers = {
  // The worker belongs to the labour subgraph, which decides whether the caller sees the person;
  // here only the training records hang off the id, each list filtered by the caller's row scope.
  __resolveReference: ({ id }) => (uuid.safeParse(id).success ? { id } : null),
  enrollments: (worker, _args, { principal, loaders }) => {
    assertMaySeeEnrollments(principal);
    return loaders.enrollmentsByWorkerId.load(worker.id);
  },
  certifications: (worker, _args, { loaders }) => loaders.certificationsByWorkerId.load(worker.id),
};
