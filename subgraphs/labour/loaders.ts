import DataLoader from 'dataloader';
import type { Database } from '../../shared/db/database.js';
import { manyByKey, oneByKey } from '../../shared/loaders.js';
import { accessEventsByWorkerIds } from '../../shared/audit/access-log.js';
import { recordScopeOf, type WorkerScope } from './access.js';
import { accessEvents } from './db/schema.js';
import {
  findConsentsByIds,
  findConsentsByWorkerIds,
  findDocumentsByIds,
  findDocumentsByWorkerIds,
  findPlacementsByIds,
  findPlacementsByWorkerIds,
} from './db/queries/records.js';
import { countByKecamatan, type LabourMeasure } from './db/queries/stats.js';
import { StatisticsTables } from '../../shared/stats-tables.js';
import { findWorkersByIds } from './db/queries/workers.js';
import { findAmendmentsByWorkerIds } from './db/queries/amendments.js';

/**
 * Per-request loaders (never shared between requests: they cache, and they carry the caller's row
 * scope). Each batch is one SQL statement, so resolving N entities costs the same as resolving 2.
 */
export function createLoaders(db: Database, scope: WorkerScope) {
  const records = recordScopeOf(scope);
  return {
    workerById: new DataLoader(async (ids: readonly string[]) =>
      oneByKey(ids, await findWorkersByIds(db, scope, ids), (row) => row.id),
    ),
    placementById: new DataLoader(async (ids: readonly string[]) =>
      oneByKey(ids, await findPlacementsByIds(db, records, ids), (row) => row.id),
    ),
    documentById: new DataLoader(async (ids: readonly string[]) =>
      oneByKey(ids, await findDocumentsByIds(db, records, ids), (row) => row.id),
    ),
    consentById: new DataLoader(async (ids: readonly string[]) =>
      oneByKey(ids, await findConsentsByIds(db, records, ids), (row) => row.id),
    ),
    placementsByWorkerId: new DataLoader(async (workerIds: readonly string[]) =>
      manyByKey(workerIds, await findPlacementsByWorkerIds(db, workerIds), (row) => row.workerId),
    ),
    documentsByWorkerId: new DataLoader(async (workerIds: readonly string[]) =>
      manyByKey(workerIds, await findDocumentsByWorkerIds(db, workerIds), (row) => row.workerId),
    ),
    consentsByWorkerId: new DataLoader(async (workerIds: readonly string[]) =>
      manyByKey(workerIds, await findConsentsByWorkerIds(db, workerIds), (row) => row.workerId),
    ),
    amendmentsByWorkerId: new DataLoader(async (workerIds: readonly string[]) =>
      manyByKey(workerIds, await findAmendmentsByWorkerIds(db, workerIds), (row) => row.workerId),
    ),
    accessEventsByWorkerId: new DataLoader((workerIds: readonly string[]) =>
      accessEventsByWorkerIds(db, accessEvents, workerIds),
    ),
    // Every year asked in one statement; each year's tables are whole, whatever cells were asked.
    statistics: new DataLoader(async (years: readonly number[]) => {
      const tables = new StatisticsTables<LabourMeasure>(await countByKecamatan(db, years));
      return years.map(() => tables);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/**
 * Forgets everything this request's loaders hold. Called after every write (resolvers/Mutation.ts):
 * the rows they cached were read before it, and a mutation answers with the state after it.
 */
export function forgetLoaded(loaders: Loaders): void {
  for (const loader of Object.values(loaders)) (loader as DataLoader<unknown, unknown>).clearAll();
}
