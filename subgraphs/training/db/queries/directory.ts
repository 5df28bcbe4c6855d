import { and, asc, count, eq, gte, ne, type SQL } from 'drizzle-orm';
import { anyOf } from '../../../../shared/db/any-of.js';
import type { Database } from '../../../../shared/db/database.js';
import {
  courses,
  enrollments,
  trainingProviders,
  type CourseRow,
  type TrainingProviderRow,
} from '../schema.js';
import { withinRegion } from './scope.js';

// Providers and courses are directory data: every authenticated institution may read them, so
// these queries take no row scope.

export async function findProvidersByIds(
  db: Database,
  ids: readonly string[],
): Promise<TrainingProviderRow[]> {
  return db.select().from(trainingProviders).where(anyOf(trainingProviders.id, ids));
}

export async function listProviders(db: Database, regionCode: string | null): Promise<TrainingProviderRow[]> {
  return db
    .select()
    .from(trainingProviders)
    .where(regionCode ? withinRegion(trainingProviders.regionCode, regionCode) : undefined)
    .orderBy(asc(trainingProviders.name), asc(trainingProviders.id));
}

/** The institution's first registered provider: where a certificate without a course is booked. */
export async function findFirstProviderOf(
  db: Database,
  institutionId: string,
): Promise<TrainingProviderRow | null> {
  const [row] = await db
    .select()
    .from(trainingProviders)
    .where(eq(trainingProviders.institutionId, institutionId))
    .orderBy(asc(trainingProviders.createdAt), asc(trainingProviders.id))
    .limit(1);
  return row ?? null;
}

/** Null when the institution already registered a provider of that name. */
export async function insertProvider(
  db: Database,
  values: typeof trainingProviders.$inferInsert,
): Promise<TrainingProviderRow | null> {
  const [row] = await db.insert(trainingProviders).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function findCoursesByIds(db: Database, ids: readonly string[]): Promise<CourseRow[]> {
  return db.select().from(courses).where(anyOf(courses.id, ids));
}

export async function findCoursesByProviderIds(
  db: Database,
  providerIds: readonly string[],
): Promise<CourseRow[]> {
  return db
    .select()
    .from(courses)
    .where(anyOf(courses.providerId, providerIds))
    .orderBy(asc(courses.startDate), asc(courses.id));
}

export interface CourseFilter {
  readonly providerId?: string | null | undefined;
  readonly startsFrom?: string | null | undefined;
}

export async function listCourses(db: Database, filter: CourseFilter): Promise<CourseRow[]> {
  const conditions: SQL[] = [];
  if (filter.providerId) conditions.push(eq(courses.providerId, filter.providerId));
  if (filter.startsFrom) conditions.push(gte(courses.startDate, filter.startsFrom));
  return db
    .select()
    .from(courses)
    .where(and(...conditions))
    .orderBy(asc(courses.startDate), asc(courses.id));
}

export async function insertCourse(db: Database, values: typeof courses.$inferInsert): Promise<CourseRow> {
  const [row] = await db.insert(courses).values(values).returning();
  if (!row) throw new Error('insert into courses returned no row');
  return row;
}

/** Enrolments not withdrawn, per course: an aggregate anyone may see, so no row scope. */
export async function countLiveEnrollments(
  db: Database,
  courseIds: readonly string[],
): Promise<{ courseId: string; count: number }[]> {
  return db
    .select({ courseId: enrollments.courseId, count: count() })
    .from(enrollments)
    .where(and(anyOf(enrollments.courseId, courseIds), ne(enrollments.status, 'WITHDRAWN')))
    .groupBy(enrollments.courseId);
}
