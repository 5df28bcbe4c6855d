import { accessEvents } from '../db/schema.js';
import { auditLogQueries } from '../../../shared/audit/audit-log.js';
import { BadUserInputError } from '../../../shared/errors.js';
import { decodeCursor, encodeCursor, pageSize } from '../../../shared/pagination.js';
import { isRegionCodeFormat } from '../../../shared/reference/regions.js';
import { todayInJakarta } from '../../../shared/scalars.js';
import { parseInput, uuid } from '../../../shared/validation/input.js';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { assertCanReadStats } from '../access.js';
import type { Context } from '../context.js';
import { listAgencies } from '../db/queries/agencies.js';
import { listCases, type CaseCursor } from '../db/queries/cases.js';
import { listInstitutions } from '../db/queries/directory.js';
import { statsParentOf, statsYearsOf } from '../stats-arguments.js';
import { caseFilter } from '../validation.js';
import type { RegionStatsTableView } from '../stats-table.js';

// An id that is not even a UUID cannot name a record; it is answered like any unknown id, without SQL.
const isId = (id: string) => uuid.safeParse(id).success;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function caseCursor(after: string | null | undefined): CaseCursor | null {
  if (!after) return null;
  const [openedAt, id] = decodeCursor(after, ['string', 'string'] as const);
  const instant = new Date(openedAt);
  // Exactly the instant `encodeCursor` wrote: Date parses far more ("Matrix 901", year 275760)
  // than PostgreSQL's timestamps hold.
  if (!ISO_INSTANT.test(openedAt) || Number.isNaN(instant.getTime()) || !isId(id)) {
    throw BadUserInputError.of('after', 'is not a cursor returned by this list');
  }
  return { openedAt: instant, id };
}

async function childRegions(parentCode: string, { loaders }: Context) {
  const children = await loaders.regionsByParentCode.load(parentCode);
  for (const child of children) loaders.regionByCode.prime(child.code, child);
  return children;
}

/**
 * The cross-region view of a parent (the nation when none is given): its own cell as the total and
 * one cell per child region, all for the same years. Arguments first, then the scope, so that bad
 * arguments are refused the same way for everyone.
 */
async function statsTable(
  args: Parameters<typeof statsYearsOf>[0],
  context: Context,
): Promise<RegionStatsTableView> {
  const parentCode = statsParentOf(args);
  const years = statsYearsOf(args);
  assertCanReadStats(context.principal);
  const children = await childRegions(parentCode, context);
  return {
    parentCode,
    total: { regionCode: parentCode, ...years },
    rows: children.map((child) => ({ regionCode: child.code, ...years })),
  };
}

/** This service's own access log for auditors (shared/audit/audit-log.ts). */
const auditQueries = auditLogQueries(accessEvents);

export const Query: QueryResolvers = {
  ministryAccessEvents: (parent, args, context) => auditQueries.events(parent, args, context),
  ministryAccessLogStatus: (parent, args, context) => auditQueries.status(parent, args, context),
  placementAgency: (_parent, { id }, { loaders }) => (isId(id) ? loaders.agencyById.load(id) : null),
  placementAgencies: async (_parent, { status }, { db, loaders }) => {
    const agencies = await listAgencies(db, status ?? null, todayInJakarta());
    for (const agency of agencies) loaders.agencyById.prime(agency.id, agency);
    return agencies;
  },
  jobOrder: (_parent, { id }, { loaders }) => (isId(id) ? loaders.jobOrderById.load(id) : null),
  jobOrders: (_parent, { agencyId }, { loaders }) =>
    isId(agencyId) ? loaders.jobOrdersByAgencyId.load(agencyId) : [],
  case: (_parent, { id }, { loaders }) => (isId(id) ? loaders.caseById.load(id) : null),
  cases: async (_parent, { filter, first, after }, { db, caseScope, loaders }) => {
    const size = pageSize(first);
    const parsedFilter = parseInput(caseFilter, filter, 'filter') ?? {};
    const page = await listCases(db, caseScope, parsedFilter, size, caseCursor(after));
    for (const row of page.rows) loaders.caseById.prime(row.id, row);
    const edges = page.rows.map((node) => ({
      node,
      cursor: encodeCursor([node.openedAt.toISOString(), node.id]),
    }));
    return {
      edges,
      totalCount: page.totalCount,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    };
  },
  region: (_parent, { code }, { loaders }) =>
    isRegionCodeFormat(code) ? loaders.regionByCode.load(code) : null,
  regions: (_parent, { parentCode }, context) => {
    if (!isRegionCodeFormat(parentCode)) {
      throw BadUserInputError.of('parentCode', 'must be a Kemendagri region code such as 35.07');
    }
    return childRegions(parentCode, context);
  },
  institution: (_parent, { id }, { loaders }) => (isId(id) ? loaders.institutionById.load(id) : null),
  institutions: async (_parent, { kind }, { db, loaders }) => {
    const rows = await listInstitutions(db, kind ?? null);
    for (const row of rows) loaders.institutionById.prime(row.id, row);
    return rows;
  },
  regionStats: async (_parent, args, context) => (await statsTable(args, context)).rows,
  regionStatsTable: (_parent, args, context) => statsTable(args, context),
};
