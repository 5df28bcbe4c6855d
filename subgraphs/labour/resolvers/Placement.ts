import { todayInJakarta } from '../../../shared/scalars.js';
import { uuid } from '../../../shared/validation/input.js';
import type { PlacementResolvers } from '../__generated__/resolvers-types.js';
import type { Context } from '../context.js';
import type { PlacementRow } from '../db/schema.js';
import { missingDocuments } from '../documents.js';
import { visibleAmendments } from '../amendment-view.js';

async function missingFor(placement: PlacementRow, { loaders }: Context) {
  const documents = await loaders.documentsByWorkerId.load(placement.workerId);
  return missingDocuments(placement.id, documents, placement.departureDate ?? todayInJakarta());
}

export const Placement: PlacementResolvers = {
  __resolveReference: async ({ id }, { loaders }) =>
    uuid.safeParse(id).success ? loaders.placementById.load(id) : null,
  worker: async (placement, _args, { loaders }) => {
    const worker = await loaders.workerById.load(placement.workerId);
    if (!worker) throw new Error(`placement ${placement.id} belongs to a worker the caller cannot see`);
    return worker;
  },
  agency: (placement) => (placement.agencyId ? { id: placement.agencyId } : null),
  jobOrder: (placement) => (placement.jobOrderId ? { id: placement.jobOrderId } : null),
  documentsComplete: async (placement, _args, context) => (await missingFor(placement, context)).length === 0,
  missingDocuments: (placement, _args, context) => missingFor(placement, context),
  documents: async (placement, _args, { loaders }) =>
    (await loaders.documentsByWorkerId.load(placement.workerId)).filter(
      (document) => document.placementId === placement.id,
    ),
  amendments: async (placement, _args, { loaders, principal }) =>
    visibleAmendments(
      await loaders.amendmentsByWorkerId.load(placement.workerId),
      { entityType: 'Placement', entityId: placement.id },
      principal,
    ),
};
