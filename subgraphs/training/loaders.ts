import DataLoader from 'dataloader';
import type { Database } from '../../shared/db/database.js';
import { manyByKey, oneByKey } from '../../shared/loaders.js';
import { accessEventsByWorkerIds } from '../../shared/audit/access-log.js';
import type { RecordScope } from './access.js';
import { accessEvents } from './db/schema.js';
import { findCertificationsByIds, findCertificationsByWorkerIds } from './db/queries/certifications.js';
import {
  countLiveEnrollments,
  findCoursesByIds,
  findCoursesByProviderIds,
  findProvidersByIds,
} from './db/queries/directory.js';
import {
  findEnrollmentsByCourseIds,
  findEnrollmentsByIds,
  findEnrollmentsByWorkerIds,
} from './db/queries/enrollments.js';
import { countByKecamatan, type TrainingMeasure } from './db/queries/stats.js';
import { StatisticsTables } from '../../shared/stats-tables.js';

export interface LoaderScopes {
  readonly enrollments: RecordScope;
  readonly certifications: RecordScope;
}

/**
 * Per-request loaders (never shared between requests: they cache, and they carry the caller's row
 * scopes). Each batch is one SQL statement, so resolving N entities costs the same as resolving 2.
 */
export function createLoaders(db: Database, scopes: LoaderScopes) {
  return {
    providerById: new DataLoader(async (ids: readonly string[]) =>
      oneByKey(ids, await findProvidersByIds(db, ids), (row) => row.id),
    ),
    courseById: new DataLoader(async (ids: readonly string[]) =>
      oneByKey(ids, await findCoursesByIds(db, ids), (row) => row.id),
    ),
    coursesByProviderId: new DataLoader(async (providerIds: readonly string[]) =>
      manyByKey(providerIds, await findCoursesByProviderIds(db, providerIds), (row) => row.providerId),
    ),
    enrolledCountByCourseId: new DataLoader(async (courseIds: readonly string[]) =>
      oneByKey(courseIds, await countLiveEnrollments(db, courseIds), (row) => row.courseId).map(
        (row) => row?.count ?? 0,
      ),
    ),
    enrollmentById: new DataLoader(async (ids: readonly string[]) =>
      oneByKey(ids, await findEnrollmentsByIds(db, scopes.enrollments, ids), (row) => row.id),
    ),
    enrollmentsByWorkerId: new DataLoader(async (workerIds: readonly string[]) =>
      manyByKey(
        workerIds,
        await findEnrollmentsByWorkerIds(db, scopes.enrollments, workerIds),
        (row) => row.workerId,
      ),
    ),
    enrollmentsByCourseId: new DataLoader(async (courseIds: readonly string[]) =>
      manyByKey(
        courseIds,
        await findEnrollmentsByCourseIds(db, scopes.enrollments, courseIds),
        (row) => row.courseId,
      ),
    ),
    certificationById: new DataLoader(async (ids: readonly string[]) =>
      oneByKey(ids, await findCertificationsByIds(db, scopes.certifications, ids), (row) => row.id),
    ),
    certificationsByWorkerId: new DataLoader(async (workerIds: readonly string[]) =>
      manyByKey(
        workerIds,
        await findCertificationsByWorkerIds(db, scopes.certifications, workerIds),
        (row) => row.workerId,
      ),
    ),
    accessEventsByWorkerId: new DataLoader((workerIds: readonly string[]) =>
      accessEventsByWorkerIds(db, accessEvents, workerIds),
    ),
    // Every year asked in one statement; each year's tables are whole, whatever cells were asked.
    statistics: new DataLoader(async (years: readonly number[]) => {
      const tables = new StatisticsTables<TrainingMeasure>(await countByKecamatan(db, years));
      return years.map(() => tables);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
