import { sql } from 'drizzle-orm';
import { accessEventsTable } from '../../../shared/audit/table.js';
import { consentFeedTable } from '../../../shared/consent/feed.js';
import { serviceKeysTable } from '../../../shared/keys/table.js';
import { statCellsTable, statSubjectCellsTable } from '../../../shared/db/stat-cells-table.js';
import {
  bigint,
  date,
  index,
  integer,
  pgSchema,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** Everything the training providers own lives in the `training` PostgreSQL schema. */
export const training = pgSchema('training');

export const providerKind = training.enum('provider_kind', ['LPK', 'BLK', 'BLKLN']);
export const accreditation = training.enum('accreditation', ['A', 'B', 'C', 'NOT_ACCREDITED']);
export const courseKind = training.enum('course_kind', [
  'LANGUAGE',
  'SKILL',
  'PRE_DEPARTURE',
  'ENTREPRENEURSHIP',
]);
export const enrollmentStatus = training.enum('enrollment_status', [
  'ENROLLED',
  'IN_PROGRESS',
  'COMPLETED',
  'FAILED',
  'WITHDRAWN',
]);
export const consentPurpose = training.enum('consent_purpose', ['TRAINING', 'EMPOWERMENT']);

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const trainingProviders = training.table(
  'training_providers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The hub member institution (ministry directory) that runs the provider. */
    institutionId: uuid('institution_id').notNull(),
    name: text('name').notNull(),
    kind: providerKind('kind').notNull(),
    accreditation: accreditation('accreditation').notNull(),
    accreditationValidUntil: date('accreditation_valid_until', { mode: 'string' }),
    regionCode: text('region_code').notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    index('training_providers_institution_idx').on(table.institutionId, table.createdAt),
    // One institution does not register the same provider twice.
    uniqueIndex('training_providers_institution_name_key').on(table.institutionId, table.name),
    // text_pattern_ops lets `region_code LIKE '35.07.%'` use the index.
    index('training_providers_region_idx').on(table.regionCode.op('text_pattern_ops')),
    index('training_providers_name_idx').on(table.name, table.id),
  ],
);

export const courses = training.table(
  'courses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => trainingProviders.id),
    title: text('title').notNull(),
    kind: courseKind('kind').notNull(),
    skill: text('skill'),
    language: text('language'),
    hours: integer('hours').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    capacity: integer('capacity').notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    index('courses_provider_idx').on(table.providerId, table.startDate),
    index('courses_start_idx').on(table.startDate, table.id),
  ],
);

export const enrollments = training.table(
  'enrollments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id),
    /** Hub ID of the worker (owned by the labour subgraph). */
    workerId: uuid('worker_id').notNull(),
    /** Kecamatan of domicile when enrolled, from the consent fact: region rules and statistics. */
    workerDistrictCode: text('worker_district_code').notNull(),
    status: enrollmentStatus('status').notNull().default('ENROLLED'),
    enrolledAt: timestamp('enrolled_at', { withTimezone: true }).notNull().defaultNow(),
    attendancePercent: integer('attendance_percent'),
    score: integer('score'),
    completedOn: date('completed_on', { mode: 'string' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('enrollments_course_idx').on(table.courseId),
    index('enrollments_worker_idx').on(table.workerId),
    index('enrollments_district_idx').on(table.workerDistrictCode.op('text_pattern_ops')),
    index('enrollments_enrolled_at_idx').on(table.enrolledAt),
    // A worker holds at most one live enrolment per course; a withdrawn one may be followed by another.
    uniqueIndex('enrollments_live_key')
      .on(table.courseId, table.workerId)
      .where(sql`${table.status} <> 'WITHDRAWN'`),
  ],
);

export const certifications = training.table(
  'certifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workerId: uuid('worker_id').notNull(),
    workerDistrictCode: text('worker_district_code').notNull(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => trainingProviders.id),
    courseId: uuid('course_id').references(() => courses.id),
    scheme: text('scheme').notNull(),
    issuer: text('issuer').notNull(),
    number: text('number').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }),
    /** Day the issuer withdrew the certificate (pencabutan sertifikat); null while it stands. */
    revokedOn: date('revoked_on', { mode: 'string' }),
    revocationReason: text('revocation_reason'),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('certifications_issuer_number_key').on(table.issuer, table.number),
    index('certifications_worker_idx').on(table.workerId),
    index('certifications_provider_idx').on(table.providerId),
    index('certifications_course_idx')
      .on(table.courseId)
      .where(sql`${table.courseId} is not null`),
    index('certifications_district_idx').on(table.workerDistrictCode.op('text_pattern_ops')),
    index('certifications_issued_on_idx').on(table.issuedOn),
  ],
);

/**
 * Consents recorded at the LTSA desk, as the labour subgraph shares them: the facts this
 * subgraph's own consent rules run on. Both purposes are kept (universities see certifications
 * under EMPOWERMENT consent).
 */
export const consentFacts = training.table(
  'consent_facts',
  {
    consentId: uuid('consent_id').primaryKey(),
    workerId: uuid('worker_id').notNull(),
    purpose: consentPurpose('purpose').notNull(),
    granteeInstitutionId: uuid('grantee_institution_id').notNull(),
    workerDistrictCode: text('worker_district_code').notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Labour's outbox number of the fact this row last took: an older one arriving late changes nothing. */
    sourceSeq: bigint('source_seq', { mode: 'number' }),
  },
  (table) => [index('consent_facts_grantee_worker_idx').on(table.granteeInstitutionId, table.workerId)],
);

/** Who read or wrote which worker data through this subgraph (tamper-evident, see shared/audit). */
export const accessEvents = accessEventsTable(training);

/** How current the consent copies are: labour's latest heartbeat (shared/consent/feed.ts). */
export const consentFeed = consentFeedTable(training);

/** This service's own signing keys (shared/keys/table.ts). */
export const serviceKeys = serviceKeysTable(training);

/** The statistics rollup (shared/db/stat-cells-table.ts), kept exact by the triggers of the `stat_cells_triggers` migration. */
export const statCells = statCellsTable(training);

/** Each subject's recorded share of the rollup, from which the triggers apply a difference. */
export const statSubjectCells = statSubjectCellsTable(training);

export type TrainingProviderRow = typeof trainingProviders.$inferSelect;
export type CourseRow = typeof courses.$inferSelect;
export type EnrollmentRow = typeof enrollments.$inferSelect;
export type CertificationRow = typeof certifications.$inferSelect;
export type ConsentFactRow = typeof consentFacts.$inferSelect;
export type EnrollmentStatus = (typeof enrollmentStatus.enumValues)[number];
export type ConsentPurpose = (typeof consentPurpose.enumValues)[number];
