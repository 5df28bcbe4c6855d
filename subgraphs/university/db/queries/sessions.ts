import { and, asc, desc, eq, getTableColumns, inArray } from 'drizzle-orm';
import type { Database } from '../../../../shared/db/database.js';
import type { SessionScope } from '../../access.js';
import {
  mentoringPrograms,
  mentoringSessions,
  sessionParticipants,
  universities,
  type MentoringSessionRow,
  type SessionParticipantRow,
} from '../schema.js';
import { holdsEmpowermentConsent, visibleParticipation, visibleSession } from './scope.js';

/** A session as a caller may see it, with the institution that owns its programme (decides full or summary). */
export interface VisibleSession extends MentoringSessionRow {
  readonly ownerInstitutionId: string;
}

const sessionColumns = {
  ...getTableColumns(mentoringSessions),
  ownerInstitutionId: universities.institutionId,
};

const newestFirst = [
  desc(mentoringSessions.date),
  desc(mentoringSessions.createdAt),
  desc(mentoringSessions.id),
];

export async function findSessionsByIds(
  db: Database,
  scope: SessionScope,
  ids: readonly string[],
): Promise<VisibleSession[]> {
  return db
    .select(sessionColumns)
    .from(mentoringSessions)
    .innerJoin(mentoringPrograms, eq(mentoringPrograms.id, mentoringSessions.programId))
    .innerJoin(universities, eq(universities.id, mentoringPrograms.universityId))
    .where(and(inArray(mentoringSessions.id, [...ids]), visibleSession(db, scope)));
}

export async function findSessionsByProgramIds(
  db: Database,
  scope: SessionScope,
  programIds: readonly string[],
): Promise<VisibleSession[]> {
  return db
    .select(sessionColumns)
    .from(mentoringSessions)
    .innerJoin(mentoringPrograms, eq(mentoringPrograms.id, mentoringSessions.programId))
    .innerJoin(universities, eq(universities.id, mentoringPrograms.universityId))
    .where(and(inArray(mentoringSessions.programId, [...programIds]), visibleSession(db, scope)))
    .orderBy(...newestFirst);
}

/** Sessions each worker took part in, as the caller may see them, tagged with the worker. */
export async function findSessionsByWorkerIds(
  db: Database,
  scope: SessionScope,
  workerIds: readonly string[],
): Promise<(VisibleSession & { readonly workerId: string })[]> {
  return db
    .select({ ...sessionColumns, workerId: sessionParticipants.workerId })
    .from(sessionParticipants)
    .innerJoin(mentoringSessions, eq(mentoringSessions.id, sessionParticipants.sessionId))
    .innerJoin(mentoringPrograms, eq(mentoringPrograms.id, mentoringSessions.programId))
    .innerJoin(universities, eq(universities.id, mentoringPrograms.universityId))
    .where(and(inArray(sessionParticipants.workerId, [...workerIds]), visibleParticipation(db, scope)))
    .orderBy(...newestFirst);
}

/**
 * Participants the owning university may still name: those whose EMPOWERMENT consent to it is in
 * force now. A worker who revoked consent drops out of the list on the next request.
 */
export async function findConsentingParticipantsBySessionIds(
  db: Database,
  institutionId: string,
  sessionIds: readonly string[],
): Promise<SessionParticipantRow[]> {
  return db
    .select()
    .from(sessionParticipants)
    .where(
      and(
        inArray(sessionParticipants.sessionId, [...sessionIds]),
        holdsEmpowermentConsent(db, institutionId, sessionParticipants.workerId),
      ),
    )
    .orderBy(asc(sessionParticipants.sessionId), asc(sessionParticipants.workerId));
}

export type NewSession = typeof mentoringSessions.$inferInsert;
export type NewParticipant = Omit<SessionParticipantRow, 'sessionId'>;

/** Writes a session and its participants together (call inside a transaction). */
export async function insertSession(
  db: Database,
  values: NewSession,
  participants: readonly NewParticipant[],
): Promise<MentoringSessionRow> {
  const [row] = await db.insert(mentoringSessions).values(values).returning();
  if (!row) throw new Error('insert into mentoring_sessions returned no row');
  await db
    .insert(sessionParticipants)
    .values(participants.map((participant) => ({ ...participant, sessionId: row.id })));
  return row;
}
