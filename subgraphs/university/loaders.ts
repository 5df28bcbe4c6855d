import DataLoader from 'dataloader';
import type { Database } from '../../shared/db/database.js';
import { manyByKey, oneByKey } from '../../shared/loaders.js';
import { accessEventsByWorkerIds } from '../../shared/audit/access-log.js';
import type { SessionScope } from './access.js';
import { accessEvents } from './db/schema.js';
import {
  findMentorsByIds,
  findMentorsByUniversityIds,
  findProgramsByIds,
  findProgramsByUniversityIds,
  findUniversitiesByIds,
} from './db/queries/directory.js';
import {
  findConsentingParticipantsBySessionIds,
  findSessionsByIds,
  findSessionsByProgramIds,
  findSessionsByWorkerIds,
} from './db/queries/sessions.js';
import { countByKecamatan, type UniversityMeasure } from './db/queries/stats.js';
import { StatisticsTables } from '../../shared/stats-tables.js';

/**
 * Per-request loaders (never shared between requests: they cache, and the session loaders carry
 * the caller's row scope). Each batch is one SQL statement, so resolving N entities costs the
 * same as resolving 2.
 */
export function createLoaders(db: Database, scope: SessionScope) {
  return {
    universityById: new DataLoader(async (ids: readonly string[]) =>
      oneByKey(ids, await findUniversitiesByIds(db, ids), (row) => row.id),
    ),
    programById: new DataLoader(async (ids: readonly string[]) =>
      oneByKey(ids, await findProgramsByIds(db, ids), (row) => row.id),
    ),
    mentorById: new DataLoader(async (ids: readonly string[]) =>
      oneByKey(ids, await findMentorsByIds(db, ids), (row) => row.id),
    ),
    programsByUniversityId: new DataLoader(async (universityIds: readonly string[]) =>
      manyByKey(
        universityIds,
        await findProgramsByUniversityIds(db, universityIds),
        (row) => row.universityId,
      ),
    ),
    mentorsByUniversityId: new DataLoader(async (universityIds: readonly string[]) =>
      manyByKey(
        universityIds,
        await findMentorsByUniversityIds(db, universityIds),
        (row) => row.universityId,
      ),
    ),
    sessionById: new DataLoader(async (ids: readonly string[]) =>
      oneByKey(ids, await findSessionsByIds(db, scope, ids), (row) => row.id),
    ),
    sessionsByProgramId: new DataLoader(async (programIds: readonly string[]) =>
      manyByKey(programIds, await findSessionsByProgramIds(db, scope, programIds), (row) => row.programId),
    ),
    sessionsByWorkerId: new DataLoader(async (workerIds: readonly string[]) =>
      manyByKey(workerIds, await findSessionsByWorkerIds(db, scope, workerIds), (row) => row.workerId),
    ),
    /** Only the owning university asks for participants; others get null before reaching SQL. */
    participantsBySessionId: new DataLoader(async (sessionIds: readonly string[]) => {
      if (scope.kind !== 'own') return sessionIds.map(() => []);
      const rows = await findConsentingParticipantsBySessionIds(db, scope.institutionId, sessionIds);
      return manyByKey(sessionIds, rows, (row) => row.sessionId);
    }),
    accessEventsByWorkerId: new DataLoader((workerIds: readonly string[]) =>
      accessEventsByWorkerIds(db, accessEvents, workerIds),
    ),
    // Every year asked in one statement; each year's tables are whole, whatever cells were asked.
    statistics: new DataLoader(async (years: readonly number[]) => {
      const tables = new StatisticsTables<UniversityMeasure>(await countByKecamatan(db, years));
      return years.map(() => tables);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
