import {
  boolean,
  date,
  index,
  integer,
  pgSchema,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { accessEventsTable } from '../../../shared/audit/table.js';
import { serviceKeysTable } from '../../../shared/keys/table.js';
import { statCellsTable } from '../../../shared/db/stat-cells-table.js';
import { witnessedHeadsTable } from '../../../shared/audit/witness-table.js';

/** Everything the ministry owns lives in the `ministry` PostgreSQL schema. */
export const ministry = pgSchema('ministry');

/** EXPIRED is derived when read (an ACTIVE licence past its validity), never stored. */
export const licenceStatus = ministry.enum('licence_status', ['ACTIVE', 'SUSPENDED', 'REVOKED']);
export const occupation = ministry.enum('occupation', [
  'HOUSEKEEPER',
  'BABYSITTER',
  'ELDERLY_CAREGIVER',
  'COOK',
  'FAMILY_DRIVER',
  'GARDENER',
  'CHILD_CAREGIVER',
  'CLEANER',
  'PLANTATION_WORKER',
  'FISHING_CREW',
  'CAREWORKER',
  'NURSE',
  'FACTORY_OPERATOR',
  'CONSTRUCTION_WORKER',
  'HOSPITALITY_WORKER',
  'MERCHANT_CREW',
  'GENERAL_WORKER',
  'OTHER',
]);
export const sanctionType = ministry.enum('sanction_type', [
  'WRITTEN_WARNING',
  'SUSPENSION',
  'LICENCE_REVOCATION',
  'FINE',
  'DEPOSIT_CLAIM',
]);
export const caseCategory = ministry.enum('case_category', [
  'WANTS_REPATRIATION',
  'UNPAID_WAGES',
  'DEATH_ABROAD',
  'FAILED_DEPARTURE',
  'DEPORTATION',
  'JOB_FRAUD',
  'ILLNESS_OR_ACCIDENT',
  'SOCIAL_SECURITY_CLAIM',
  'PREGNANCY_OR_CHILD',
  'TRAFFICKING',
  'EARLY_DISMISSAL',
  'WORK_NOT_AS_CONTRACTED',
  'VIOLENCE_OR_HARASSMENT',
  'LOST_CONTACT',
  'UNDOCUMENTED_OR_OVERSTAY',
  'DOCUMENT_CONFISCATION',
  'EXCESSIVE_DEDUCTIONS',
  'DETAINED',
  'NOT_REPATRIATED_AFTER_CONTRACT',
  'RAN_AWAY_FROM_EMPLOYER',
  'MENTAL_HEALTH',
  'ILLEGAL_RECRUITMENT',
  'OTHER',
]);
export const caseStatus = ministry.enum('case_status', [
  'OPEN',
  'IN_PROGRESS',
  'REFERRED',
  'RESOLVED',
  'CLOSED',
]);
export const complaintChannel = ministry.enum('complaint_channel', [
  'WALK_IN',
  'LETTER',
  'CALL_CENTRE',
  'WHATSAPP',
  'E_PENGADUAN',
  'EMAIL',
  'SOCIAL_MEDIA',
  'REFERRAL',
]);
export const caseOutcome = ministry.enum('case_outcome', [
  'SETTLED',
  'REPATRIATED',
  'COMPENSATED',
  'REFERRED_TO_LAW_ENFORCEMENT',
  'WITHDRAWN_BY_COMPLAINANT',
  'UNRESOLVED',
]);
export const regionLevel = ministry.enum('region_level', ['PROVINCE', 'REGENCY', 'DISTRICT', 'VILLAGE']);
export const institutionKind = ministry.enum('institution_kind', [
  'LABOUR_OFFICE',
  'MINISTRY',
  'TRAINING_PROVIDER',
  'UNIVERSITY',
]);

/** Numbers case references (`KP2MI-2025-000123`); a sequence never hands out a number twice. */
export const caseReferenceSequence = ministry.sequence('case_reference_seq', { startWith: 1 });

// Millisecond precision: instants round-trip through JavaScript Dates (and pagination cursors) unchanged.
const instant = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
const createdAt = () => instant('created_at').notNull().defaultNow();

export const placementAgencies = ministry.table(
  'placement_agencies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** SIP3MI number, stored upper case so that uniqueness ignores case. */
    licenceNumber: text('licence_number').notNull(),
    licenceStatus: licenceStatus('licence_status').notNull().default('ACTIVE'),
    licenceValidFrom: date('licence_valid_from', { mode: 'string' }).notNull(),
    licenceValidUntil: date('licence_valid_until', { mode: 'string' }).notNull(),
    headOfficeRegionCode: text('head_office_region_code').notNull(),
    createdAt: createdAt(),
    createdBy: uuid('created_by').notNull(),
  },
  (table) => [
    uniqueIndex('placement_agencies_licence_number_key').on(table.licenceNumber),
    index('placement_agencies_status_idx').on(table.licenceStatus, table.licenceValidUntil),
    index('placement_agencies_name_idx').on(table.name, table.id),
  ],
);

export const jobOrders = ministry.table(
  'job_orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => placementAgencies.id),
    countryCode: text('country_code').notNull(),
    employerName: text('employer_name').notNull(),
    occupation: occupation('occupation').notNull(),
    quota: integer('quota').notNull(),
    /** SIP2MI number, stored upper case. */
    recruitmentPermitNumber: text('recruitment_permit_number').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    verifiedByMission: boolean('verified_by_mission').notNull().default(false),
    createdAt: createdAt(),
    createdBy: uuid('created_by').notNull(),
  },
  (table) => [
    uniqueIndex('job_orders_recruitment_permit_number_key').on(table.recruitmentPermitNumber),
    index('job_orders_agency_idx').on(table.agencyId, table.createdAt),
  ],
);

export const cases = ministry.table(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reference: text('reference').notNull(),
    workerId: uuid('worker_id').notNull(),
    /**
     * The worker's kecamatan when the case was opened, as the labour office reported it. Case
     * visibility for labour offices and the statistics key on it, so it never needs another
     * institution's tables.
     */
    workerDistrictCode: text('worker_district_code').notNull(),
    placementId: uuid('placement_id'),
    category: caseCategory('category').notNull(),
    status: caseStatus('status').notNull().default('OPEN'),
    channel: complaintChannel('channel').notNull(),
    countryCode: text('country_code'),
    agencyId: uuid('agency_id').references(() => placementAgencies.id),
    summary: text('summary').notNull(),
    openedAt: instant('opened_at').notNull().defaultNow(),
    openedByInstitutionId: uuid('opened_by_institution_id').notNull(),
    resolutionOutcome: caseOutcome('resolution_outcome'),
    resolvedAt: instant('resolved_at'),
    resolutionSummary: text('resolution_summary'),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('cases_reference_key').on(table.reference),
    index('cases_worker_idx').on(table.workerId, table.openedAt),
    // text_pattern_ops lets `worker_district_code LIKE '35.07.%'` (row rule, statistics) use the index.
    index('cases_worker_district_idx').on(table.workerDistrictCode.op('text_pattern_ops')),
    index('cases_opened_idx').on(table.openedAt, table.id),
    index('cases_resolved_idx').on(table.resolvedAt),
    index('cases_status_idx').on(table.status),
    index('cases_category_idx').on(table.category),
    index('cases_agency_idx').on(table.agencyId),
  ],
);

export const caseNotes = ministry.table(
  'case_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    at: instant('at').notNull().defaultNow(),
    authorInstitutionId: uuid('author_institution_id').notNull(),
    text: text('text').notNull(),
  },
  (table) => [index('case_notes_case_idx').on(table.caseId, table.at)],
);

export const sanctions = ministry.table(
  'sanctions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => placementAgencies.id),
    type: sanctionType('type').notNull(),
    reason: text('reason').notNull(),
    imposedOn: date('imposed_on', { mode: 'string' }).notNull(),
    effectiveUntil: date('effective_until', { mode: 'string' }),
    caseId: uuid('case_id').references(() => cases.id),
    createdAt: createdAt(),
    createdBy: uuid('created_by').notNull(),
  },
  (table) => [
    index('sanctions_agency_idx').on(table.agencyId, table.imposedOn),
    index('sanctions_case_idx').on(table.caseId),
  ],
);

/** The Kemendagri reference (kode wilayah), filled by the `regions` migration. */
export const regions = ministry.table(
  'regions',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    level: regionLevel('level').notNull(),
    parentCode: text('parent_code'),
  },
  (table) => [index('regions_parent_idx').on(table.parentCode, table.code)],
);

/** The directory of hub members, filled by the seed; tokens name institutions by these ids. */
export const institutions = ministry.table(
  'institutions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    kind: institutionKind('kind').notNull(),
    regionCode: text('region_code'),
  },
  (table) => [index('institutions_kind_idx').on(table.kind, table.name)],
);

/** Who read or wrote which data through this subgraph (tamper-evident, see shared/audit). */
export const accessEvents = accessEventsTable(ministry);

/** This service's own signing keys (shared/keys/table.ts). */
export const serviceKeys = serviceKeysTable(ministry);

/** The statistics rollup (shared/db/stat-cells-table.ts), kept exact by the triggers of the `stat_cells_triggers` migration. */
export const statCells = statCellsTable(ministry);

/** Access-log chain heads other services signed and handed here to witness (shared/audit/witness.ts). */
export const witnessedHeads = witnessedHeadsTable(ministry);

export type PlacementAgencyRow = typeof placementAgencies.$inferSelect;
export type JobOrderRow = typeof jobOrders.$inferSelect;
export type SanctionRow = typeof sanctions.$inferSelect;
export type CaseRow = typeof cases.$inferSelect;
export type CaseNoteRow = typeof caseNotes.$inferSelect;
export type RegionRow = typeof regions.$inferSelect;
export type InstitutionRow = typeof institutions.$inferSelect;
export type StoredLicenceStatus = (typeof licenceStatus.enumValues)[number];
export type SanctionType = (typeof sanctionType.enumValues)[number];
export type CaseStatus = (typeof caseStatus.enumValues)[number];
