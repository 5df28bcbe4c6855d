import { and, asc, count, desc, eq, ne, sql } from 'drizzle-orm';
import { anyOf } from '../../../../shared/db/any-of.js';
import type { Database } from '../../../../shared/db/database.js';
import type { RecordScope } from '../../access.js';
import { courses, enrollments, type CourseRow, type EnrollmentRow } from '../schema.js';
import { visibleEnrollment } from './scope.js';

export async function findEnrollmentsByIds(
  db: Database,
  scope: RecordScope,
  ids: readonly string[],
): Promise<EnrollmentRow[]> {
  return db
    .select()
    .from(enrollments)
    .where(and(anyOf(enrollments.id, ids), visibleEnrollment(db, scope)));
}

/** Newest first. */
export async function findEnrollmentsByWorkerIds(
  db: Database,
  scope: RecordScope,
  workerIds: readonly string[],
): Promise<EnrollmentRow[]> {
  return db
    .select()
    .from(enrollments)
    .where(and(anyOf(enrollments.workerId, workerIds), visibleEnrollment(db, scope)))
    .orderBy(desc(enrollments.enrolledAt), desc(enrollments.id));
}

/** In the order the workers enrolled. */
export async function findEnrollmentsByCourseIds(
  db: Database,
  scope: RecordScope,
  courseIds: readonly string[],
): Promise<EnrollmentRow[]> {
  return db
    .select()
    .from(enrollments)
    .where(and(anyOf(enrollments.courseId, courseIds), visibleEnrollment(db, scope)))
    .orderBy(asc(enrollments.enrolledAt), asc(enrollments.id));
}

/**
 * Locks the course row for the rest of the transaction, so that concurrent enrolments in one
 * course take turns and capacity holds.
 */
export async function lockCourse(db: Database, courseId: string): Promise<CourseRow | null> {
  const [row] = await db.select().from(courses).where(eq(courses.id, courseId)).for('update');
  return row ?? null;
}

/** The worker's enrolment in the course that is not withdrawn, if any (regardless of row scope). */
export async function findLiveEnrollment(
  db: Database,
  courseId: string,
  workerId: string,
): Promise<EnrollmentRow | null> {
  const [row] = await db
    .select()
    .from(enrollments)
    .where(
      and(
        eq(enrollments.courseId, courseId),
        eq(enrollments.workerId, workerId),
        ne(enrollments.status, 'WITHDRAWN'),
      ),
    );
  return row ?? null;
}

export async function countLiveEnrollmentsOf(db: Database, courseId: string): Promise<number> {
  const [row] = await db
    .select({ value: count() })
    .from(enrollments)
    .where(and(eq(enrollments.courseId, courseId), ne(enrollments.status, 'WITHDRAWN')));
  return row?.value ?? 0;
}

/** Null when the worker already holds a live enrolment in the course (unique index). */
export async function insertEnrollment(
  db: Database,
  values: typeof enrollments.$inferInsert,
): Promise<EnrollmentRow | null> {
  const [row] = await db.insert(enrollments).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function updateEnrollment(
  db: Database,
  id: string,
  values: Partial<Omit<typeof enrollments.$inferInsert, 'id' | 'courseId' | 'workerId' | 'enrolledAt'>>,
): Promise<EnrollmentRow> {
  const [row] = await db
    .update(enrollments)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(enrollments.id, id))
    .returning();
  if (!row) throw new Error(`enrollment ${id} vanished during update`);
  return row;
}
