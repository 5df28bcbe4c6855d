import { assertMayReadAccessLog } from '../../../shared/audit/access-log.js';
import { uuid } from '../../../shared/validation/input.js';
import type { WorkerResolvers } from '../__generated__/resolvers-types.js';
import { assertMaySeeEnrollments } from '../access.js';

export const Worker: WorkerResolvers = {
  // The worker belongs to the labour subgraph, which decides whether the caller sees the person;
  // here only the training records hang off the id, each list filtered by the caller's row scope.
  // The kecamatan rides along when the gateway sends it (`@requires` of the access events): it
  // decides which labour office may read them, and names the worker's district in the log.
  // The kecamatan (`@requires`) counts only in a request the gateway signed; otherwise it is the
  // caller's claim and is dropped.
  __resolveReference: (reference, { viaGateway }) => {
    if (!uuid.safeParse(reference.id).success) return null;
    const { districtCode } = reference as { districtCode?: unknown };
    return {
      id: reference.id,
      districtCode: viaGateway && typeof districtCode === 'string' ? districtCode : null,
    };
  },
  enrollments: (worker, _args, { principal, loaders }) => {
    assertMaySeeEnrollments(principal);
    return loaders.enrollmentsByWorkerId.load(worker.id);
  },
  certifications: (worker, _args, { loaders }) => loaders.certificationsByWorkerId.load(worker.id),
  trainingAccessEvents: (worker, _args, { principal, loaders, viaGateway }) => {
    assertMayReadAccessLog(principal, worker.districtCode, viaGateway);
    return loaders.accessEventsByWorkerId.load(worker.id);
  },
};
