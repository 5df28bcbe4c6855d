import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { grantConsent, revokeConsent } from '../commands/consents.js';
import { recordDocument, rejectDocument, verifyDocument } from '../commands/documents.js';
import { correctWorkerIdentity } from '../commands/identity.js';
import {
  amendPlacement,
  cancelPlacement,
  correctDeparture,
  correctReturn,
} from '../commands/placement-corrections.js';
import { createPlacement, recordArrival, recordDeparture, recordReturn } from '../commands/placements.js';
import { changeWorkerStatus, registerWorker, updateWorker } from '../commands/workers.js';
import type { Context } from '../context.js';
import { forgetLoaded } from '../loaders.js';

type Resolve = (parent: unknown, args: never, context: Context, info: never) => unknown;

/**
 * Every mutation answers with the state after its write, for every field asked: the request's
 * loaders cached rows before the write (the checks read them), so they are emptied once it is done,
 * whether it succeeded or not, and whatever the answer asks next is read again.
 */
function answeringCurrentState(resolvers: MutationResolvers): MutationResolvers {
  return Object.fromEntries(
    Object.entries(resolvers).map(([name, resolve]) => [
      name,
      async (parent: unknown, args: never, context: Context, info: never) => {
        try {
          return await (resolve as Resolve)(parent, args, context, info);
        } finally {
          forgetLoaded(context.loaders);
        }
      },
    ]),
  ) as MutationResolvers;
}

export const Mutation: MutationResolvers = answeringCurrentState({
  registerWorker: (_parent, { input }, context) => registerWorker(context, input),
  updateWorker: (_parent, { id, input }, context) => updateWorker(context, id, input),
  changeWorkerStatus: (_parent, { id, status, reason }, context) =>
    changeWorkerStatus(context, id, status, reason),
  correctWorkerIdentity: (_parent, { workerId, input }, context) =>
    correctWorkerIdentity(context, workerId, input),
  recordDocument: (_parent, { input }, context) => recordDocument(context, input),
  verifyDocument: (_parent, { id }, context) => verifyDocument(context, id),
  rejectDocument: (_parent, { id, reason }, context) => rejectDocument(context, id, reason),
  createPlacement: (_parent, { input }, context) => createPlacement(context, input),
  amendPlacement: (_parent, { placementId, input }, context) => amendPlacement(context, placementId, input),
  cancelPlacement: (_parent, { placementId, reason }, context) =>
    cancelPlacement(context, placementId, reason),
  recordDeparture: (_parent, { placementId, departedOn }, context) =>
    recordDeparture(context, placementId, departedOn),
  correctDeparture: (_parent, { placementId, departedOn, reason }, context) =>
    correctDeparture(context, placementId, departedOn, reason),
  recordArrival: (_parent, { placementId, arrivedOn }, context) =>
    recordArrival(context, placementId, arrivedOn),
  recordReturn: (_parent, { placementId, returnedOn, reason }, context) =>
    recordReturn(context, placementId, returnedOn, reason),
  correctReturn: (_parent, { placementId, returnedOn, returnReason, reason }, context) =>
    correctReturn(context, placementId, { returnedOn, returnReason }, reason),
  grantConsent: (_parent, { input }, context) => grantConsent(context, input),
  revokeConsent: (_parent, { id }, context) => revokeConsent(context, id),
});
