import {
  bigint,
  date,
  index,
  integer,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { accessEventsTable } from '../../../shared/audit/table.js';
import { consentFeedTable } from '../../../shared/consent/feed.js';
import { serviceKeysTable } from '../../../shared/keys/table.js';
import { statCellsTable, statSubjectCellsTable } from '../../../shared/db/stat-cells-table.js';

/** Everything the university partners own lives in the `university` PostgreSQL schema. */
export const university = pgSchema('university');

export const empowermentType = university.enum('empowerment_type', ['SOCIAL', 'ECONOMIC']);
export const sessionMode = university.enum('session_mode', ['IN_PERSON', 'ONLINE']);
export const mentoringForm = university.enum('mentoring_form', [
  'GUIDANCE',
  'MENTORING',
  'TRAINING',
  'COUNSELLING',
]);
export const businessStatus = university.enum('business_status', [
  'NONE',
  'IDEA',
  'STARTED',
  'OPERATING',
  'STOPPED',
]);
export const revenueBand = university.enum('revenue_band', [
  'NONE',
  'UNDER_1M',
  'FROM_1M_TO_5M',
  'FROM_5M_TO_10M',
  'OVER_10M',
]);
export const reMigrationIntent = university.enum('re_migration_intent', [
  'NONE',
  'CONSIDERING',
  'RE_REGISTERED',
]);
export const consentPurpose = university.enum('consent_purpose', ['TRAINING', 'EMPOWERMENT']);

// Lists of enum values are kept as text arrays: a topic list is read and written whole, never
// searched by element, and a text array needs no migration when the contract adds a value.
export const MENTORING_TOPICS = [
  'FINANCIAL_LITERACY',
  'BUSINESS_PLAN',
  'BOOKKEEPING',
  'MARKETING',
  'LEGALITY_PERMITS',
  'ACCESS_TO_FINANCE',
  'COOPERATIVE',
  'PSYCHOSOCIAL',
  'PARENTING',
  'SKILLS',
] as const;
export type MentoringTopic = (typeof MENTORING_TOPICS)[number];

export const REFERRALS = [
  'BANK_KUR',
  'COOPERATIVES_SME_OFFICE',
  'SOCIAL_OFFICE',
  'HEALTH_SERVICE',
  'LABOUR_OFFICE',
  'OTHER',
] as const;
export type Referral = (typeof REFERRALS)[number];

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const universities = university.table(
  'universities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The hub member institution (ministry directory) whose clients act for this university. */
    institutionId: uuid('institution_id').notNull(),
    name: text('name').notNull(),
    regionCode: text('region_code').notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('universities_institution_name_key').on(table.institutionId, table.name),
    index('universities_name_idx').on(table.name),
  ],
);

export const mentoringPrograms = university.table(
  'mentoring_programs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    universityId: uuid('university_id')
      .notNull()
      .references(() => universities.id),
    title: text('title').notNull(),
    empowermentType: empowermentType('empowerment_type').notNull(),
    villageCode: text('village_code').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    description: text('description'),
    createdAt: createdAt(),
  },
  (table) => [
    index('mentoring_programs_university_idx').on(table.universityId, table.startDate),
    index('mentoring_programs_start_idx').on(table.startDate),
  ],
);

export const mentors = university.table(
  'mentors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    universityId: uuid('university_id')
      .notNull()
      .references(() => universities.id),
    fullName: text('full_name').notNull(),
    expertise: text('expertise').array().notNull().$type<MentoringTopic[]>(),
    createdAt: createdAt(),
  },
  (table) => [index('mentors_university_idx').on(table.universityId, table.fullName)],
);

export const mentoringSessions = university.table(
  'mentoring_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programId: uuid('program_id')
      .notNull()
      .references(() => mentoringPrograms.id),
    mentorId: uuid('mentor_id')
      .notNull()
      .references(() => mentors.id),
    date: date('date', { mode: 'string' }).notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    mode: sessionMode('mode').notNull(),
    locationCode: text('location_code'),
    form: mentoringForm('form').notNull(),
    topics: text('topics').array().notNull().$type<MentoringTopic[]>(),
    businessStatus: businessStatus('business_status'),
    /** Financial data (UU PDP specific data): only a band is stored, and only the programme's university reads it. */
    revenueBand: revenueBand('revenue_band'),
    needs: text('needs').array().$type<string[]>(),
    referrals: text('referrals').array().$type<Referral[]>(),
    actionPlan: text('action_plan'),
    nextSessionDate: date('next_session_date', { mode: 'string' }),
    reMigrationIntent: reMigrationIntent('re_migration_intent'),
    notes: text('notes'),
    createdAt: createdAt(),
    createdByInstitutionId: uuid('created_by_institution_id').notNull(),
  },
  (table) => [
    index('mentoring_sessions_program_idx').on(table.programId, table.date),
    index('mentoring_sessions_mentor_idx').on(table.mentorId),
    index('mentoring_sessions_date_idx').on(table.date),
  ],
);

export const sessionParticipants = university.table(
  'session_participants',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => mentoringSessions.id),
    workerId: uuid('worker_id').notNull(),
    /**
     * Kecamatan of the worker's domicile when the session was logged, from the consent fact. Labour
     * offices' visibility and the regional statistics use it without asking the labour subgraph.
     */
    workerDistrictCode: text('worker_district_code').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.sessionId, table.workerId] }),
    index('session_participants_worker_idx').on(table.workerId),
    // text_pattern_ops lets `worker_district_code LIKE '35.07.%'` use the index.
    index('session_participants_district_idx').on(table.workerDistrictCode.op('text_pattern_ops')),
  ],
);

/** Consents recorded at the LTSA desk, as shared by the labour subgraph; the consent rule runs on them. */
export const consentFacts = university.table(
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
export const accessEvents = accessEventsTable(university);

/** How current the consent copies are: labour's latest heartbeat (shared/consent/feed.ts). */
export const consentFeed = consentFeedTable(university);

/** This service's own signing keys (shared/keys/table.ts). */
export const serviceKeys = serviceKeysTable(university);

/** The statistics rollup (shared/db/stat-cells-table.ts), kept exact by the triggers of the `stat_cells_triggers` migration. */
export const statCells = statCellsTable(university);

/** Each subject's recorded share of the rollup, from which the triggers apply a difference. */
export const statSubjectCells = statSubjectCellsTable(university);

export type UniversityRow = typeof universities.$inferSelect;
export type MentoringProgramRow = typeof mentoringPrograms.$inferSelect;
export type MentorRow = typeof mentors.$inferSelect;
export type MentoringSessionRow = typeof mentoringSessions.$inferSelect;
export type SessionParticipantRow = typeof sessionParticipants.$inferSelect;
export type ConsentFactRow = typeof consentFacts.$inferSelect;
export type ConsentPurpose = (typeof consentPurpose.enumValues)[number];
