import { and, asc, desc, eq, getTableColumns, sql } from 'drizzle-orm';
import { anyOf } from '../../../../shared/db/any-of.js';
import { alias } from 'drizzle-orm/pg-core';
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

/** A participant as the session recorded them: the worker and the district snapshot. */
export type ParticipantSnapshot = Omit<SessionParticipantRow, 'sessionId'>;

/** A session as a caller may see it, with the institution that owns its programme (decides full or summary). */
export interface VisibleSession extends MentoringSessionRow {
  readonly ownerInstitutionId: string;
  /**
   * Every participant, consenting or not, for the access log only: a read of the session is a
   * read of each participant's data. Never served (`participants` applies the consent rule).
   */
  readonly participantSnapshots: readonly ParticipantSnapshot[];
}

const AUDITED_ALIAS = 'audited_participant';
const audited = alias(sessionParticipants, AUDITED_ALIAS);

/** Rides along in the same statement, so logging participants costs no extra round trip. */
const participantSnapshots = sql<ParticipantSnapshot[]>`coalesce((
  select json_agg(json_build_object('workerId', ${audited.workerId}, 'workerDistrictCode', ${audited.workerDistrictCode}) order by ${audited.workerId})
  from ${sessionParticipants} as ${sql.identifier(AUDITED_ALIAS)} where ${audited.sessionId} = ${mentoringSessions.id}), '[]'::json)`;

const sessionColumns = {
  ...getTableColumns(mentoringSessions),
  ownerInstitutionId: universities.institutionId,
  participantSnapshots,
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
    .where(and(anyOf(mentoringSessions.id, ids), visibleSession(db, scope)));
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
    .where(and(anyOf(mentoringSessions.programId, programIds), visibleSession(db, scope)))
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
    .where(and(anyOf(sessionParticipants.workerId, workerIds), visibleParticipation(db, scope)))
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
        anyOf(sessionParticipants.sessionId, sessionIds),
        holdsEmpowermentConsent(db, institutionId, sessionParticipants.workerId),
      ),
    )
    .orderBy(asc(sessionParticipants.sessionId), asc(sessionParticipants.workerId));
}

export type NewSession = typeof mentoringSessions.$inferInsert;

/** Writes a session and its participants together (call inside a transaction). */
export async function insertSession(
  db: Database,
  values: NewSession,
  participants: readonly ParticipantSnapshot[],
): Promise<MentoringSessionRow> {
  const [row] = await db.insert(mentoringSessions).values(values).returning();
  if (!row) throw new Error('insert into mentoring_sessions returned no row');
  await db
    .insert(sessionParticipants)
    .values(participants.map((participant) => ({ ...participant, sessionId: row.id })));
  return row;
}
