import type { WorkerResolvers } from '../__generated__/resolvers-types.js';
import { uuid } from '../../../shared/validation/input.js';

const OPEN = new Set(['PLANNED', 'DEPARTED', 'ABROAD']);

export const Worker: WorkerResolvers = {
  // `_entities` may carry any id; the loader applies the caller's row rule, so a hidden worker
  // resolves to null exactly like a missing one.
  __resolveReference: async ({ id }, { loaders }) =>
    uuid.safeParse(id).success ? loaders.workerById.load(id) : null,
  district: (worker) => ({ code: worker.districtCode }),
  registeredBy: (worker) => ({ id: worker.registeredBy }),
  documents: (worker, _args, { loaders }) => loaders.documentsByWorkerId.load(worker.id),
  placements: (worker, _args, { loaders }) => loaders.placementsByWorkerId.load(worker.id),
  currentPlacement: async (worker, _args, { loaders }) =>
    (await loaders.placementsByWorkerId.load(worker.id)).find((placement) => OPEN.has(placement.status)) ??
    null,
  consents: (worker, _args, { loaders }) => loaders.consentsByWorkerId.load(worker.id),
};
