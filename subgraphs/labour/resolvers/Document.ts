import { todayInJakarta } from '../../../shared/scalars.js';
import type { DocumentResolvers } from '../__generated__/resolvers-types.js';
import { presentedStatus } from '../documents.js';
import { uuid } from '../../../shared/validation/input.js';

export const Document: DocumentResolvers = {
  __resolveReference: async ({ id }, { loaders }) =>
    uuid.safeParse(id).success ? loaders.documentById.load(id) : null,
  worker: async (document, _args, { loaders }) => {
    const worker = await loaders.workerById.load(document.workerId);
    if (!worker) throw new Error(`document ${document.id} belongs to a worker the caller cannot see`);
    return worker;
  },
  status: (document) => presentedStatus(document, todayInJakarta()),
  placement: (document, _args, { loaders }) =>
    document.placementId ? loaders.placementById.load(document.placementId) : null,
};
