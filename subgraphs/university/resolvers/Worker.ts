import { assertMayReadAccessLog } from '../../../shared/audit/access-log.js';
import { uuid } from '../../../shared/validation/input.js';
import type { WorkerResolvers } from '../__generated__/resolvers-types.js';
import { assertMayReadMentoringHistory } from '../access.js';

export const Worker: WorkerResolvers = {
  // The labour subgraph owns the person and decides whether the caller sees it; this subgraph
  // only adds the mentoring history, whose loader applies the session rule per participant. The
  // kecamatan the gateway sends for `universityAccessEvents` (`@requires`) is kept when the gateway
  // signed the request: it decides which labour office may read the log, and goes into the log.
  // A direct caller's representation is its own claim, so it is dropped.
  __resolveReference: (reference, { viaGateway }) => {
    if (!uuid.safeParse(reference.id).success) return null;
    const { districtCode } = reference as { districtCode?: unknown };
    return {
      id: reference.id,
      districtCode: viaGateway && typeof districtCode === 'string' ? districtCode : null,
    };
  },
  mentoringSessions: (worker, _args, { principal, loaders }) => {
    assertMayReadMentoringHistory(principal);
    return loaders.sessionsByWorkerId.load(worker.id);
  },
  // `viaGateway` again, so the rule holds whatever the reference resolver kept.
  universityAccessEvents: (worker, _args, { principal, loaders, viaGateway }) => {
    assertMayReadAccessLog(principal, worker.districtCode, viaGateway);
    return loaders.accessEventsByWorkerId.load(worker.id);
  },
};
