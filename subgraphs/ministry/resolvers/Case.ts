import { uuid } from '../../../shared/validation/input.js';
import type { CaseResolvers } from '../__generated__/resolvers-types.js';
import { notesOfCase } from '../audit.js';
import { mustExist } from '../integrity.js';

export const Case: CaseResolvers = {
  // `_entities` may carry any id; the loader applies the caller's row rule, so a hidden case
  // resolves to null exactly like a missing one.
  __resolveReference: async ({ id }, { loaders }) =>
    uuid.safeParse(id).success ? loaders.caseById.load(id) : null,
  worker: (complaint) => ({ id: complaint.workerId }),
  placement: (complaint) => (complaint.placementId ? { id: complaint.placementId } : null),
  agency: (complaint, _args, { loaders }) =>
    complaint.agencyId ? loaders.agencyById.load(complaint.agencyId) : null,
  openedBy: async (complaint, _args, { loaders }) =>
    mustExist(
      await loaders.institutionById.load(complaint.openedByInstitutionId),
      `institution ${complaint.openedByInstitutionId} in the directory`,
    ),
  // Each note carries its case's worker, so reading it is logged under the case.
  notes: async (complaint, _args, { loaders }) =>
    notesOfCase(complaint, await loaders.notesByCaseId.load(complaint.id)),
  resolution: (complaint) =>
    complaint.resolutionOutcome && complaint.resolvedAt && complaint.resolutionSummary !== null
      ? {
          outcome: complaint.resolutionOutcome,
          resolvedAt: complaint.resolvedAt,
          summary: complaint.resolutionSummary,
        }
      : null,
};
