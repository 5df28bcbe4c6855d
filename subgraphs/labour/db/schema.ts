import { sql } from 'drizzle-orm';
import { accessEventsTable } from '../../../shared/audit/table.js';
import type { ConsentGranteeService, OutgoingFact } from '../../../shared/consent/delivery.js';
import { serviceKeysTable } from '../../../shared/keys/table.js';
import { statCellsTable, statSubjectCellsTable } from '../../../shared/db/stat-cells-table.js';
import {
  bigserial,
  date,
  index,
  integer,
  jsonb,
  pgSchema,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** Everything the labour offices own lives in the `labour` PostgreSQL schema. */
export const labour = pgSchema('labour');

export const workerStatus = labour.enum('worker_status', [
  'PROSPECTIVE',
  'REGISTERED',
  'VERIFIED',
  'DEPARTED',
  'ABROAD',
  'RETURNED',
  'WITHDRAWN',
  'NON_PROCEDURAL',
]);
export const sex = labour.enum('sex', ['FEMALE', 'MALE']);
export const maritalStatus = labour.enum('marital_status', ['SINGLE', 'MARRIED', 'DIVORCED', 'WIDOWED']);
export const educationLevel = labour.enum('education_level', [
  'NONE',
  'PRIMARY',
  'JUNIOR_SECONDARY',
  'SENIOR_SECONDARY',
  'VOCATIONAL_SECONDARY',
  'DIPLOMA',
  'BACHELOR',
  'POSTGRADUATE',
]);
export const documentType = labour.enum('document_type', [
  'NATIONAL_ID',
  'FAMILY_CARD',
  'BIRTH_CERTIFICATE',
  'DIPLOMA',
  'MARITAL_STATUS_LETTER',
  'FAMILY_PERMISSION',
  'COMPETENCY_CERTIFICATE',
  'HEALTH_CERTIFICATE',
  'PASSPORT',
  'WORK_VISA',
  'PLACEMENT_AGREEMENT',
  'EMPLOYMENT_AGREEMENT',
  'POLICE_CLEARANCE',
  'SOCIAL_SECURITY',
  'DISTRICT_RECOMMENDATION',
  'PRE_DEPARTURE_ORIENTATION',
  'E_KPMI',
]);
/** EXPIRED is derived when read (a verified document past its validity), never stored. */
export const documentStatus = labour.enum('document_status', ['SUBMITTED', 'VERIFIED', 'REJECTED']);
export const placementScheme = labour.enum('placement_scheme', [
  'PRIVATE_AGENCY',
  'GOVERNMENT',
  'EMPLOYER_OWN',
  'INDEPENDENT',
]);
export const placementChannel = labour.enum('placement_channel', ['PROCEDURAL', 'NON_PROCEDURAL']);
export const placementStatus = labour.enum('placement_status', [
  'PLANNED',
  'DEPARTED',
  'ABROAD',
  'RETURNED',
  'CANCELLED',
]);
export const occupation = labour.enum('occupation', [
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
export const sector = labour.enum('sector', [
  'DOMESTIC',
  'HEALTH_CARE',
  'MANUFACTURING',
  'AGRICULTURE',
  'CONSTRUCTION',
  'HOSPITALITY',
  'FISHERIES',
  'MARITIME',
  'OTHER',
]);
export const returnReason = labour.enum('return_reason', [
  'CONTRACT_COMPLETED',
  'TERMINATED_EARLY',
  'REPATRIATED',
  'DEPORTED',
  'ILLNESS',
  'DECEASED',
  'OTHER',
]);
export const consentPurpose = labour.enum('consent_purpose', ['TRAINING', 'EMPOWERMENT']);

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const workers = labour.table(
  'workers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    nik: text('nik').notNull(),
    fullName: text('full_name').notNull(),
    sex: sex('sex').notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    birthPlace: text('birth_place').notNull(),
    maritalStatus: maritalStatus('marital_status').notNull(),
    education: educationLevel('education').notNull(),
    phone: text('phone'),
    address: text('address').notNull(),
    villageCode: text('village_code').notNull(),
    /** Kecamatan of domicile, kept beside the village so region rules and statistics use an index. */
    districtCode: text('district_code').notNull(),
    status: workerStatus('status').notNull(),
    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull().defaultNow(),
    registeredBy: uuid('registered_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('workers_nik_key').on(table.nik),
    // text_pattern_ops lets `district_code LIKE '35.07.%'` (region rules, statistics) use the index;
    // name and id after it give a kecamatan's list its page in order without sorting the kecamatan.
    index('workers_district_name_idx').on(
      table.districtCode.op('text_pattern_ops'),
      table.fullName,
      table.id,
    ),
    index('workers_name_idx').on(table.fullName, table.id),
    index('workers_registered_at_idx').on(table.registeredAt),
  ],
);

export const placements = labour.table(
  'placements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workerId: uuid('worker_id')
      .notNull()
      .references(() => workers.id),
    agencyId: uuid('agency_id'),
    jobOrderId: uuid('job_order_id'),
    scheme: placementScheme('scheme').notNull(),
    channel: placementChannel('channel').notNull(),
    destinationCountry: text('destination_country').notNull(),
    employerName: text('employer_name'),
    occupation: occupation('occupation').notNull(),
    sector: sector('sector').notNull(),
    contractMonths: integer('contract_months'),
    monthlyWage: integer('monthly_wage'),
    wageCurrency: text('wage_currency'),
    status: placementStatus('status').notNull(),
    plannedDepartureDate: date('planned_departure_date', { mode: 'string' }),
    departureDate: date('departure_date', { mode: 'string' }),
    arrivalDate: date('arrival_date', { mode: 'string' }),
    expectedReturnDate: date('expected_return_date', { mode: 'string' }),
    actualReturnDate: date('actual_return_date', { mode: 'string' }),
    returnReason: returnReason('return_reason'),
    createdAt: createdAt(),
    createdBy: uuid('created_by').notNull(),
  },
  (table) => [
    index('placements_worker_idx').on(table.workerId),
    index('placements_destination_idx').on(table.destinationCountry),
    index('placements_departure_idx').on(table.departureDate),
    index('placements_return_idx').on(table.actualReturnDate),
  ],
);

export const documents = labour.table(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workerId: uuid('worker_id')
      .notNull()
      .references(() => workers.id),
    placementId: uuid('placement_id').references(() => placements.id),
    type: documentType('type').notNull(),
    number: text('number'),
    issuer: text('issuer').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }),
    validUntil: date('valid_until', { mode: 'string' }),
    status: documentStatus('status').notNull().default('SUBMITTED'),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    rejectionReason: text('rejection_reason'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    recordedBy: uuid('recorded_by').notNull(),
  },
  (table) => [
    index('documents_worker_idx').on(table.workerId),
    index('documents_placement_idx')
      .on(table.placementId)
      .where(sql`${table.placementId} is not null`),
  ],
);

export const consents = labour.table(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workerId: uuid('worker_id')
      .notNull()
      .references(() => workers.id),
    granteeInstitutionId: uuid('grantee_institution_id').notNull(),
    purpose: consentPurpose('purpose').notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    recordedBy: uuid('recorded_by').notNull(),
  },
  (table) => [
    index('consents_worker_idx').on(table.workerId),
    index('consents_grantee_idx').on(table.granteeInstitutionId, table.purpose, table.workerId),
  ],
);

export const amendmentKind = labour.enum('amendment_kind', [
  'PLACEMENT_AMENDED',
  'PLACEMENT_CANCELLED',
  'DEPARTURE_CORRECTED',
  'RETURN_CORRECTED',
  'IDENTITY_CORRECTED',
  'WORKER_UPDATED',
]);

/** One changed field of an amendment, as text (dates ISO 8601, amounts in whole units). */
export interface AmendedValue {
  readonly field: string;
  readonly old: string | null;
  readonly new: string | null;
}

/**
 * Corrections never overwrite silently: each one keeps the values it replaced, who made it, when
 * and why (DESIGN section 4, corrections). Rows are only ever inserted.
 */
export const amendments = labour.table(
  'amendments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: amendmentKind('kind').notNull(),
    entityType: text('entity_type').$type<'Worker' | 'Placement'>().notNull(),
    entityId: uuid('entity_id').notNull(),
    workerId: uuid('worker_id')
      .notNull()
      .references(() => workers.id),
    changes: jsonb('changes').$type<AmendedValue[]>().notNull(),
    // Optional only for WORKER_UPDATED (contact details kept current); every correction has one.
    reason: text('reason'),
    supportingDocumentId: uuid('supporting_document_id').references(() => documents.id),
    amendedBy: uuid('amended_by').notNull(),
    clientId: text('client_id').notNull(),
    actingSubject: text('acting_subject'),
    requestId: text('request_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('amendments_worker_idx').on(table.workerId, table.at)],
);

/**
 * Consent facts owed to the grantees' subgraphs, written in the transaction that grants or revokes
 * the consent: one row per grantee service, delivered (and retried) after the commit until that
 * service acknowledges it (consent-delivery.ts). `seq` orders a consent's facts for the grantee.
 */
export const consentOutbox = labour.table(
  'consent_outbox',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    consentId: uuid('consent_id')
      .notNull()
      .references(() => consents.id),
    granteeService: text('grantee_service').$type<ConsentGranteeService>().notNull(),
    fact: jsonb('fact').$type<OutgoingFact>().notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
  },
  (table) => [
    index('consent_outbox_pending_idx')
      .on(table.granteeService, table.seq)
      .where(sql`${table.deliveredAt} is null`),
  ],
);

/** Who read or wrote which worker data through this subgraph (tamper-evident, see shared/audit). */
export const accessEvents = accessEventsTable(labour);

/** This service's own signing keys (shared/keys/table.ts). */
export const serviceKeys = serviceKeysTable(labour);

/** The statistics rollup (shared/db/stat-cells-table.ts), kept exact by the triggers of the `stat_cells_triggers` migration. */
export const statCells = statCellsTable(labour);

/** Each subject's recorded share of the rollup, from which the triggers apply a difference. */
export const statSubjectCells = statSubjectCellsTable(labour);

export type WorkerRow = typeof workers.$inferSelect;
export type PlacementRow = typeof placements.$inferSelect;
export type DocumentRow = typeof documents.$inferSelect;
export type ConsentRow = typeof consents.$inferSelect;
export type ConsentOutboxRow = typeof consentOutbox.$inferSelect;
export type AmendmentRow = typeof amendments.$inferSelect;
export type WorkerStatus = (typeof workerStatus.enumValues)[number];
export type DocumentType = (typeof documentType.enumValues)[number];
