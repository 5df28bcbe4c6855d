import { assertMayReadAccessLog } from '../../../shared/audit/access-log.js';
import { uuid } from '../../../shared/validation/input.js';
import type { WorkerResolvers } from '../__generated__/resolvers-types.js';
import { assertCanReadWorkerCases } from '../access.js';

export const Worker: WorkerResolvers = {
  // Labour owns the worker; the ministry only adds cases, so the representation is the worker
  // (with the `districtCode` the gateway sends for the fields that require it). A kecamatan in a
  // request the gateway did not sign is the caller's claim, so it is dropped: a labour office
  // is then refused cases and the log, never shown them on its own word.
  // An id that is not a UUID names no worker and must never reach SQL.
  __resolveReference: (reference, { viaGateway }) => {
    if (!uuid.safeParse(reference.id).success) return null;
    return viaGateway ? reference : { ...reference, districtCode: null };
  },
  cases: (worker, _args, { caseScope, loaders }) => {
    assertCanReadWorkerCases(caseScope, worker.districtCode);
    return loaders.casesByWorkerId.load(worker.id);
  },
  // The kecamatan comes with the representation: labour's answer, gathered into `Worker.accessLog`.
  ministryAccessEvents: (worker, _args, { principal, loaders, viaGateway }) => {
    assertMayReadAccessLog(
      principal,
      typeof worker.districtCode === 'string' ? worker.districtCode : null,
      viaGateway,
    );
    return loaders.accessEventsByWorkerId.load(worker.id);
  },
};
