import type { AuditEventResolvers } from '../__generated__/resolvers-types.js';
import { mustExist } from '../integrity.js';

export const AuditEvent: AuditEventResolvers = {
  // The ministry keeps the directory of member institutions itself (elsewhere it is an entity the
  // gateway resolves here): every institution that made a request is in it.
  institution: async (event, _args, { loaders }) =>
    mustExist(
      await loaders.institutionById.load(event.institution.id),
      `institution ${event.institution.id}`,
    ),
};
