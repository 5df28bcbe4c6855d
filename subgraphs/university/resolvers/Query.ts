import { accessEvents } from '../db/schema.js';
import { auditLogQueries } from '../../../shared/audit/audit-log.js';
import { parseInput, uuid } from '../../../shared/validation/input.js';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { listPrograms, listUniversities } from '../db/queries/directory.js';
import { optionalId } from '../validation.js';

// An ID that is not even a UUID cannot name anything; answer as for any unknown record.
/** This service's own access log for auditors (shared/audit/audit-log.ts). */
const auditQueries = auditLogQueries(accessEvents);

export const Query: QueryResolvers = {
  universityAccessEvents: (parent, args, context) => auditQueries.events(parent, args, context),
  universityAccessLogStatus: (parent, args, context) => auditQueries.status(parent, args, context),
  university: async (_parent, { id }, { loaders }) =>
    uuid.safeParse(id).success ? loaders.universityById.load(id) : null,
  universities: async (_parent, _args, { db, loaders }) => {
    const rows = await listUniversities(db);
    for (const row of rows) loaders.universityById.prime(row.id, row);
    return rows;
  },
  mentoringProgram: async (_parent, { id }, { loaders }) =>
    uuid.safeParse(id).success ? loaders.programById.load(id) : null,
  mentoringPrograms: async (_parent, { universityId }, { db, loaders }) => {
    const rows = await listPrograms(db, parseInput(optionalId, universityId, 'universityId') ?? null);
    for (const row of rows) loaders.programById.prime(row.id, row);
    return rows;
  },
  mentoringSession: async (_parent, { id }, { loaders }) =>
    uuid.safeParse(id).success ? loaders.sessionById.load(id) : null,
};
