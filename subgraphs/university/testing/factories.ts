import { randomUUID } from 'node:crypto';
import type { Database } from '../../../shared/db/database.js';
import {
  consentFacts,
  mentoringPrograms,
  mentoringSessions,
  mentors,
  sessionParticipants,
  universities,
  type ConsentFactRow,
  type MentoringProgramRow,
  type MentoringSessionRow,
  type MentorRow,
  type UniversityRow,
} from '../db/schema.js';

/** Village 35.07.11.2008 is Arjowilangun (Kalipare), a Desmigratif village of Kabupaten Malang. */
export const ARJOWILANGUN = '35.07.11.2008';
export const KALIPARE = '35.07.11';

export async function insertTestUniversity(
  db: Database,
  institutionId: string,
  overrides: Partial<typeof universities.$inferInsert> = {},
): Promise<UniversityRow> {
  const [row] = await db
    .insert(universities)
    .values({
      institutionId,
      name: `Universitas Test ${randomUUID().slice(0, 8)}`,
      regionCode: '35.07',
      ...overrides,
    })
    .returning();
  if (!row) throw new Error('no university inserted');
  return row;
}

export async function insertTestProgram(
  db: Database,
  universityId: string,
  overrides: Partial<typeof mentoringPrograms.$inferInsert> = {},
): Promise<MentoringProgramRow> {
  const [row] = await db
    .insert(mentoringPrograms)
    .values({
      universityId,
      title: 'Pendampingan usaha purna PMI Kalipare',
      empowermentType: 'ECONOMIC',
      villageCode: ARJOWILANGUN,
      startDate: '2020-01-01',
      ...overrides,
    })
    .returning();
  if (!row) throw new Error('no programme inserted');
  return row;
}

export async function insertTestMentor(
  db: Database,
  universityId: string,
  overrides: Partial<typeof mentors.$inferInsert> = {},
): Promise<MentorRow> {
  const [row] = await db
    .insert(mentors)
    .values({
      universityId,
      fullName: 'Dr. Ratna Mentor',
      expertise: ['BOOKKEEPING', 'MARKETING'],
      ...overrides,
    })
    .returning();
  if (!row) throw new Error('no mentor inserted');
  return row;
}

/** An active EMPOWERMENT consent of the worker for the institution, unless overridden. */
export async function insertTestConsentFact(
  db: Database,
  workerId: string,
  granteeInstitutionId: string,
  overrides: Partial<typeof consentFacts.$inferInsert> = {},
): Promise<ConsentFactRow> {
  const [row] = await db
    .insert(consentFacts)
    .values({
      consentId: randomUUID(),
      workerId,
      purpose: 'EMPOWERMENT',
      granteeInstitutionId,
      workerDistrictCode: KALIPARE,
      grantedAt: new Date(Date.now() - 86_400_000),
      ...overrides,
    })
    .returning();
  if (!row) throw new Error('no consent fact inserted');
  return row;
}

export interface TestParticipant {
  readonly workerId: string;
  readonly workerDistrictCode?: string;
}

/** Inserts a session directly, with participants (Kalipare unless told otherwise). */
export async function insertTestSession(
  db: Database,
  program: MentoringProgramRow,
  mentor: MentorRow,
  participants: readonly TestParticipant[],
  overrides: Partial<typeof mentoringSessions.$inferInsert> = {},
): Promise<MentoringSessionRow> {
  const [row] = await db
    .insert(mentoringSessions)
    .values({
      programId: program.id,
      mentorId: mentor.id,
      date: '2025-03-04',
      durationMinutes: 90,
      mode: 'IN_PERSON',
      locationCode: ARJOWILANGUN,
      form: 'MENTORING',
      topics: ['BOOKKEEPING'],
      revenueBand: 'FROM_1M_TO_5M',
      notes: 'Warung sembako berjalan; pencatatan harian dimulai.',
      createdByInstitutionId: randomUUID(),
      ...overrides,
    })
    .returning();
  if (!row) throw new Error('no session inserted');
  if (participants.length > 0) {
    await db.insert(sessionParticipants).values(
      participants.map((participant) => ({
        sessionId: row.id,
        workerId: participant.workerId,
        workerDistrictCode: participant.workerDistrictCode ?? KALIPARE,
      })),
    );
  }
  return row;
}

/** A university of a fresh institution with one programme and one mentor: the usual starting point. */
export async function insertTestPartner(db: Database) {
  const institutionId = randomUUID();
  const university = await insertTestUniversity(db, institutionId);
  const program = await insertTestProgram(db, university.id);
  const mentor = await insertTestMentor(db, university.id);
  return { institutionId, university, program, mentor };
}

/** A valid `logMentoringSession` input. */
export function sessionInput(
  programId: string,
  mentorId: string,
  participantIds: readonly string[],
  overrides: Record<string, unknown> = {},
) {
  return {
    programId,
    mentorId,
    participantIds,
    date: '2025-03-04',
    durationMinutes: 120,
    mode: 'IN_PERSON',
    locationCode: ARJOWILANGUN,
    form: 'MENTORING',
    topics: ['BOOKKEEPING', 'ACCESS_TO_FINANCE'],
    businessStatus: 'STARTED',
    revenueBand: 'UNDER_1M',
    needs: ['Modal untuk etalase'],
    referrals: ['BANK_KUR'],
    actionPlan: 'Ajukan KUR-PMI ke bank mitra.',
    nextSessionDate: '2025-04-01',
    reMigrationIntent: 'CONSIDERING',
    notes: 'Usaha keripik tempe, pencatatan belum rutin.',
    ...overrides,
  };
}
