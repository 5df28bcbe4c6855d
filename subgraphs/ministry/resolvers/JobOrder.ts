import { uuid } from '../../../shared/validation/input.js';
import type { JobOrderResolvers } from '../__generated__/resolvers-types.js';
import { mustExist } from '../integrity.js';

export const JobOrder: JobOrderResolvers = {
  __resolveReference: async ({ id }, { loaders }) =>
    uuid.safeParse(id).success ? loaders.jobOrderById.load(id) : null,
  agency: async (order, _args, { loaders }) =>
    mustExist(await loaders.agencyById.load(order.agencyId), `agency of job order ${order.id}`),
};
