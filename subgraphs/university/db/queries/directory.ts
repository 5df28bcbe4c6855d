import { and, asc, desc, eq } from 'drizzle-orm';
import { anyOf } from '../../../../shared/db/any-of.js';
import type { Database } from '../../../../shared/db/database.js';
import {
  mentoringPrograms,
  mentors,
  universities,
  type MentoringProgramRow,
  type MentorRow,
  type UniversityRow,
} from '../schema.js';

// Universities, programmes and mentors are directory data: every hub member may read them, so
// these queries carry no row rule. Writes check ownership in the commands.

export async function findUniversitiesByIds(db: Database, ids: readonly string[]): Promise<UniversityRow[]> {
  return db.select().from(universities).where(anyOf(universities.id, ids));
}

export async function listUniversities(db: Database): Promise<UniversityRow[]> {
  return db.select().from(universities).orderBy(asc(universities.name), asc(universities.id));
}

export async function universityNameTaken(
  db: Database,
  institutionId: string,
  name: string,
): Promise<boolean> {
  const [row] = await db
    .select({ id: universities.id })
    .from(universities)
    .where(and(eq(universities.institutionId, institutionId), eq(universities.name, name)));
  return row !== undefined;
}

/** Whether the institution has registered at least one university here (the grantee of an EMPOWERMENT consent). */
export async function institutionHasUniversity(db: Database, institutionId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: universities.id })
    .from(universities)
    .where(eq(universities.institutionId, institutionId))
    .limit(1);
  return row !== undefined;
}

export async function insertUniversity(
  db: Database,
  values: typeof universities.$inferInsert,
): Promise<UniversityRow> {
  const [row] = await db.insert(universities).values(values).returning();
  if (!row) throw new Error('insert into universities returned no row');
  return row;
}

const newestProgramFirst = [
  desc(mentoringPrograms.startDate),
  desc(mentoringPrograms.createdAt),
  desc(mentoringPrograms.id),
];

export async function findProgramsByIds(
  db: Database,
  ids: readonly string[],
): Promise<MentoringProgramRow[]> {
  return db.select().from(mentoringPrograms).where(anyOf(mentoringPrograms.id, ids));
}

export async function findProgramsByUniversityIds(
  db: Database,
  universityIds: readonly string[],
): Promise<MentoringProgramRow[]> {
  return db
    .select()
    .from(mentoringPrograms)
    .where(anyOf(mentoringPrograms.universityId, universityIds))
    .orderBy(...newestProgramFirst);
}

/** Every programme, or those of one university, newest first. */
export async function listPrograms(
  db: Database,
  universityId: string | null,
): Promise<MentoringProgramRow[]> {
  return db
    .select()
    .from(mentoringPrograms)
    .where(universityId ? eq(mentoringPrograms.universityId, universityId) : undefined)
    .orderBy(...newestProgramFirst);
}

export async function insertProgram(
  db: Database,
  values: typeof mentoringPrograms.$inferInsert,
): Promise<MentoringProgramRow> {
  const [row] = await db.insert(mentoringPrograms).values(values).returning();
  if (!row) throw new Error('insert into mentoring_programs returned no row');
  return row;
}

export async function findMentorsByIds(db: Database, ids: readonly string[]): Promise<MentorRow[]> {
  return db.select().from(mentors).where(anyOf(mentors.id, ids));
}

export async function findMentorsByUniversityIds(
  db: Database,
  universityIds: readonly string[],
): Promise<MentorRow[]> {
  return db
    .select()
    .from(mentors)
    .where(anyOf(mentors.universityId, universityIds))
    .orderBy(asc(mentors.fullName), asc(mentors.id));
}

export async function insertMentor(db: Database, values: typeof mentors.$inferInsert): Promise<MentorRow> {
  const [row] = await db.insert(mentors).values(values).returning();
  if (!row) throw new Error('insert into mentors returned no row');
  return row;
}
