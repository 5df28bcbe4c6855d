import { accessEvents } from '../db/schema.js';
import { auditLogQueries } from '../../../shared/audit/audit-log.js';
import { z } from 'zod';
import { BadUserInputError } from '../../../shared/errors.js';
import { decodeCursor, encodeCursor, pageSize } from '../../../shared/pagination.js';
import { countryCode, parseInput, regionCode, searchText, uuid } from '../../../shared/validation/input.js';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { nikLookupEntity } from '../audit.js';
import { findWorkerByNik, listWorkers } from '../db/queries/workers.js';

const workerFilter = z
  .object({
    regionCode: regionCode().nullish(),
    status: z.string().nullish(),
    destinationCountry: countryCode.nullish(),
    nameContains: searchText(2, 100).nullish(),
  })
  .nullish();

/** This service's own access log for auditors (shared/audit/audit-log.ts). */
const auditQueries = auditLogQueries(accessEvents);

export const Query: QueryResolvers = {
  labourAccessEvents: (parent, args, context) => auditQueries.events(parent, args, context),
  labourAccessLogStatus: (parent, args, context) => auditQueries.status(parent, args, context),
  worker: async (_parent, { id }, { loaders }) => {
    // An ID that is not even a UUID cannot name a worker; answer as for any unknown worker.
    if (!uuid.safeParse(id).success) return null;
    return loaders.workerById.load(id);
  },
  // Only callers who may read a NIK whole get here (permissions.ts: a NIK is no key for anyone
  // else). Every lookup, hit or miss, is an access event and is counted.
  workerByNik: async (_parent, { nik }, { db, scope, loaders, audit, pseudonyms, metrics }) => {
    // Nothing but 16 digits can name a worker (a NUL byte, for one, cannot even reach SQL).
    const worker = /^\d{16}$/.test(nik) ? await findWorkerByNik(db, scope, nik) : null;
    audit.lookedUp(nikLookupEntity(pseudonyms.of('nik', nik), worker), ['nik']);
    metrics.keyLookup('nik', worker ? 'hit' : 'miss');
    if (worker) loaders.workerById.prime(worker.id, worker);
    return worker;
  },
  workers: async (_parent, { filter, first, after }, { db, scope, loaders }) => {
    const size = pageSize(first);
    const parsedFilter = parseInput(workerFilter, filter, 'filter') ?? {};
    const cursor = after ? decodeCursor(after, ['string', 'string'] as const) : null;
    if (cursor && !uuid.safeParse(cursor[1]).success)
      throw BadUserInputError.of('after', 'is not a cursor returned by this list');
    const page = await listWorkers(
      db,
      scope,
      { ...parsedFilter, status: filter?.status ?? null },
      size,
      cursor ? { fullName: cursor[0], id: cursor[1] } : null,
    );
    for (const row of page.rows) loaders.workerById.prime(row.id, row);
    const edges = page.rows.map((node) => ({ node, cursor: encodeCursor([node.fullName, node.id]) }));
    return {
      edges,
      totalCount: page.totalCount,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    };
  },
};
