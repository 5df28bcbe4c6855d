import { randomUUID } from 'node:crypto';
import type { Database } from '../../../shared/db/database.js';
import {
  certifications,
  consentFacts,
  courses,
  enrollments,
  trainingProviders,
  type CertificationRow,
  type ConsentFactRow,
  type CourseRow,
  type EnrollmentRow,
  type TrainingProviderRow,
} from '../db/schema.js';

/** A token identity of a training provider institution with every scope its kind may hold. */
export function providerClient(institutionId: string) {
  return { kind: 'TRAINING_PROVIDER', institutionId } as const;
}

export function universityClient(institutionId: string) {
  return { kind: 'UNIVERSITY', institutionId } as const;
}

/** A valid `registerTrainingProvider` input. */
export function providerInput(overrides: Record<string, unknown> = {}) {
  return {
    name: `LPK Test ${randomUUID().slice(0, 8)}`,
    kind: 'LPK',
    accreditation: 'A',
    accreditationValidUntil: '2029-12-31',
    regionCode: '35.07.11',
    ...overrides,
  };
}

/** A valid `createCourse` input: a Mandarin course for Taiwan-bound caregivers. */
export function courseInput(providerId: string, overrides: Record<string, unknown> = {}) {
  return {
    providerId,
    title: 'Bahasa Mandarin untuk Caregiver',
    kind: 'LANGUAGE',
    skill: 'Elderly care',
    language: 'zh',
    hours: 600,
    startDate: '2025-02-03',
    endDate: '2025-05-30',
    capacity: 30,
    ...overrides,
  };
}

export async function insertTestProvider(
  db: Database,
  institutionId: string = randomUUID(),
  overrides: Partial<typeof trainingProviders.$inferInsert> = {},
): Promise<TrainingProviderRow> {
  const [row] = await db
    .insert(trainingProviders)
    .values({
      institutionId,
      name: `LPK Test ${randomUUID().slice(0, 8)}`,
      kind: 'LPK',
      accreditation: 'B',
      regionCode: '35.07',
      ...overrides,
    })
    .returning();
  if (!row) throw new Error('no training provider inserted');
  return row;
}

export async function insertTestCourse(
  db: Database,
  providerId: string,
  overrides: Partial<typeof courses.$inferInsert> = {},
): Promise<CourseRow> {
  const [row] = await db
    .insert(courses)
    .values({
      providerId,
      title: 'Housekeeping Hong Kong',
      kind: 'SKILL',
      skill: 'Housekeeping',
      hours: 200,
      startDate: '2025-01-06',
      endDate: '2025-03-28',
      capacity: 25,
      ...overrides,
    })
    .returning();
  if (!row) throw new Error('no course inserted');
  return row;
}

/** An active consent of a (new, unless given) worker for the grantee; returns the fact. */
export async function insertTestConsentFact(
  db: Database,
  granteeInstitutionId: string,
  overrides: Partial<typeof consentFacts.$inferInsert> = {},
): Promise<ConsentFactRow> {
  const [row] = await db
    .insert(consentFacts)
    .values({
      consentId: randomUUID(),
      workerId: randomUUID(),
      purpose: 'TRAINING',
      granteeInstitutionId,
      workerDistrictCode: '35.07.11',
      grantedAt: new Date(Date.now() - 60_000),
      ...overrides,
    })
    .returning();
  if (!row) throw new Error('no consent fact inserted');
  return row;
}

export async function insertTestEnrollment(
  db: Database,
  courseId: string,
  workerId: string,
  overrides: Partial<typeof enrollments.$inferInsert> = {},
): Promise<EnrollmentRow> {
  const [row] = await db
    .insert(enrollments)
    .values({ courseId, workerId, workerDistrictCode: '35.07.11', ...overrides })
    .returning();
  if (!row) throw new Error('no enrollment inserted');
  return row;
}

export async function insertTestCertification(
  db: Database,
  providerId: string,
  workerId: string,
  overrides: Partial<typeof certifications.$inferInsert> = {},
): Promise<CertificationRow> {
  const [row] = await db
    .insert(certifications)
    .values({
      providerId,
      workerId,
      workerDistrictCode: '35.07.11',
      scheme: 'Housekeeping (Hong Kong)',
      issuer: 'LSP Pekerja Domestik Lintas Benua',
      number: `CERT-${randomUUID().slice(0, 12)}`,
      issuedOn: '2025-04-10',
      ...overrides,
    })
    .returning();
  if (!row) throw new Error('no certification inserted');
  return row;
}

/** A provider institution with one provider and one course, ready to enrol consenting workers. */
export async function insertTestInstitution(
  db: Database,
  courseOverrides: Partial<typeof courses.$inferInsert> = {},
) {
  const institutionId = randomUUID();
  const provider = await insertTestProvider(db, institutionId);
  const course = await insertTestCourse(db, provider.id, courseOverrides);
  return { institutionId, provider, course, client: providerClient(institutionId) };
}
