import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { grantConsent, revokeConsent } from '../commands/consents.js';
import { recordDocument, rejectDocument, verifyDocument } from '../commands/documents.js';
import { createPlacement, recordArrival, recordDeparture, recordReturn } from '../commands/placements.js';
import { changeWorkerStatus, registerWorker, updateWorker } from '../commands/workers.js';

export const Mutation: MutationResolvers = {
  registerWorker: (_parent, { input }, context) => registerWorker(context, input),
  updateWorker: (_parent, { id, input }, context) => updateWorker(context, id, input),
  changeWorkerStatus: (_parent, { id, status, reason }, context) =>
    changeWorkerStatus(context, id, status, reason),
  recordDocument: (_parent, { input }, context) => recordDocument(context, input),
  verifyDocument: (_parent, { id }, context) => verifyDocument(context, id),
  rejectDocument: (_parent, { id, reason }, context) => rejectDocument(context, id, reason),
  createPlacement: (_parent, { input }, context) => createPlacement(context, input),
  recordDeparture: (_parent, { placementId, departedOn }, context) =>
    recordDeparture(context, placementId, departedOn),
  recordArrival: (_parent, { placementId, arrivedOn }, context) =>
    recordArrival(context, placementId, arrivedOn),
  recordReturn: (_parent, { placementId, returnedOn, reason }, context) =>
    recordReturn(context, placementId, returnedOn, reason),
  grantConsent: (_parent, { input }, context) => grantConsent(context, input),
  revokeConsent: (_parent, { id }, context) => revokeConsent(context, id),
};
