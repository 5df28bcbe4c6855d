import { accessEvents } from '../db/schema.js';
import { auditLogQueries } from '../../../shared/audit/audit-log.js';
import { parseInput, regionCode, uuid } from '../../../shared/validation/input.js';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { listCourses, listProviders } from '../db/queries/directory.js';

/** This service's own access log for auditors (shared/audit/audit-log.ts). */
const auditQueries = auditLogQueries(accessEvents);

export const Query: QueryResolvers = {
  trainingAccessEvents: (parent, args, context) => auditQueries.events(parent, args, context),
  trainingAccessLogStatus: (parent, args, context) => auditQueries.status(parent, args, context),
  // An ID that is not even a UUID cannot name anything; answer as for any unknown record.
  trainingProvider: async (_parent, { id }, { loaders }) =>
    uuid.safeParse(id).success ? loaders.providerById.load(id) : null,
  trainingProviders: async (_parent, args, { db, loaders }) => {
    const region = parseInput(regionCode().nullish(), args.regionCode, 'regionCode') ?? null;
    const rows = await listProviders(db, region);
    for (const row of rows) loaders.providerById.prime(row.id, row);
    return rows;
  },
  course: async (_parent, { id }, { loaders }) =>
    uuid.safeParse(id).success ? loaders.courseById.load(id) : null,
  courses: async (_parent, { providerId, startsFrom }, { db, loaders }) => {
    const provider = parseInput(uuid.nullish(), providerId, 'providerId');
    const rows = await listCourses(db, { providerId: provider, startsFrom });
    for (const row of rows) loaders.courseById.prime(row.id, row);
    return rows;
  },
};
