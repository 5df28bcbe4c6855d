import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { registerPlacementAgency, updateAgencyLicence } from '../commands/agencies.js';
import { addCaseNote, changeCaseStatus, resolveCase } from '../commands/case-follow-up.js';
import { openCase } from '../commands/cases.js';
import { createJobOrder } from '../commands/job-orders.js';
import { imposeSanction } from '../commands/sanctions.js';

export const Mutation: MutationResolvers = {
  registerPlacementAgency: (_parent, { input }, context) => registerPlacementAgency(context, input),
  updateAgencyLicence: (_parent, { id, input }, context) => updateAgencyLicence(context, id, input),
  createJobOrder: (_parent, { input }, context) => createJobOrder(context, input),
  imposeSanction: (_parent, { input }, context) => imposeSanction(context, input),
  openCase: (_parent, { input }, context) => openCase(context, input),
  addCaseNote: (_parent, { caseId, text }, context) => addCaseNote(context, caseId, text),
  changeCaseStatus: (_parent, { caseId, status }, context) => changeCaseStatus(context, caseId, status),
  resolveCase: (_parent, { caseId, input }, context) => resolveCase(context, caseId, input),
};
