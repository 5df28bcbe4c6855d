import DataLoader from 'dataloader';
import type { Database } from '../../shared/db/database.js';
import { manyByKey, oneByKey } from '../../shared/loaders.js';
import { accessEventsByWorkerIds } from '../../shared/audit/access-log.js';
import type { CaseScope } from './access.js';
import { accessEvents } from './db/schema.js';
import {
  findAgenciesByIds,
  findJobOrdersByAgencyIds,
  findJobOrdersByIds,
  findSanctionsByAgencyIds,
  findSanctionsByIds,
} from './db/queries/agencies.js';
import { findCasesByIds, findCasesByWorkerIds, findNotesByCaseIds } from './db/queries/cases.js';
import {
  findInstitutionsByIds,
  findRegionsByCodes,
  findRegionsByParentCodes,
} from './db/queries/directory.js';
import { countByKecamatan, type MinistryMeasure } from './db/queries/stats.js';
import { StatisticsTables } from '../../shared/stats-tables.js';

/**
 * Per-request loaders (never shared between requests: they cache, and the case loaders carry the
 * caller's row scope). Each batch is one SQL statement, so resolving N entities costs the same as
 * resolving 2.
 */
export function createLoaders(db: Database, caseScope: CaseScope) {
  return {
    agencyById: new DataLoader(async (ids: readonly string[]) =>
      oneByKey(ids, await findAgenciesByIds(db, ids), (row) => row.id),
    ),
    jobOrderById: new DataLoader(async (ids: readonly string[]) =>
      oneByKey(ids, await findJobOrdersByIds(db, ids), (row) => row.id),
    ),
    jobOrdersByAgencyId: new DataLoader(async (agencyIds: readonly string[]) =>
      manyByKey(agencyIds, await findJobOrdersByAgencyIds(db, agencyIds), (row) => row.agencyId),
    ),
    sanctionById: new DataLoader(async (ids: readonly string[]) =>
      oneByKey(ids, await findSanctionsByIds(db, ids), (row) => row.id),
    ),
    sanctionsByAgencyId: new DataLoader(async (agencyIds: readonly string[]) =>
      manyByKey(agencyIds, await findSanctionsByAgencyIds(db, agencyIds), (row) => row.agencyId),
    ),
    caseById: new DataLoader(async (ids: readonly string[]) =>
      oneByKey(ids, await findCasesByIds(db, caseScope, ids), (row) => row.id),
    ),
    casesByWorkerId: new DataLoader(async (workerIds: readonly string[]) =>
      manyByKey(workerIds, await findCasesByWorkerIds(db, caseScope, workerIds), (row) => row.workerId),
    ),
    notesByCaseId: new DataLoader(async (caseIds: readonly string[]) =>
      manyByKey(caseIds, await findNotesByCaseIds(db, caseIds), (row) => row.caseId),
    ),
    regionByCode: new DataLoader(async (codes: readonly string[]) =>
      oneByKey(codes, await findRegionsByCodes(db, codes), (row) => row.code),
    ),
    regionsByParentCode: new DataLoader(async (parentCodes: readonly string[]) =>
      manyByKey(parentCodes, await findRegionsByParentCodes(db, parentCodes), (row) => row.parentCode ?? ''),
    ),
    institutionById: new DataLoader(async (ids: readonly string[]) =>
      oneByKey(ids, await findInstitutionsByIds(db, ids), (row) => row.id),
    ),
    accessEventsByWorkerId: new DataLoader((workerIds: readonly string[]) =>
      accessEventsByWorkerIds(db, accessEvents, workerIds),
    ),
    // Every year asked in one statement; each year's tables are whole, whatever cells were asked.
    statistics: new DataLoader(async (years: readonly number[]) => {
      const tables = new StatisticsTables<MinistryMeasure>(await countByKecamatan(db, years));
      return years.map(() => tables);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
