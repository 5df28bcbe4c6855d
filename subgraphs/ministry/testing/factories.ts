import { randomInt, randomUUID } from 'node:crypto';
import type { Database } from '../../../shared/db/database.js';
import { insertCase } from '../db/queries/cases.js';
import {
  caseNotes,
  cases,
  institutions,
  jobOrders,
  placementAgencies,
  sanctions,
  type CaseNoteRow,
  type CaseRow,
  type InstitutionRow,
  type JobOrderRow,
  type PlacementAgencyRow,
  type SanctionRow,
} from '../db/schema.js';

/** A letter number no other test uses, e.g. `SIP3MI/4821/A1B2C3D4`. */
export function letterNumber(prefix: string): string {
  return `${prefix}/${randomInt(10_000)}/${randomUUID().slice(0, 8).toUpperCase()}`;
}

/** A valid registration input for a P3MI with a licence valid 2024-2029, head office in Kabupaten Malang. */
export function agencyInput(overrides: Record<string, unknown> = {}) {
  return {
    name: `PT Test Duta Mandiri ${randomUUID().slice(0, 6)}`,
    licenceNumber: letterNumber('SIP3MI'),
    licenceValidFrom: '2024-01-01',
    licenceValidUntil: '2029-12-31',
    headOfficeRegionCode: '35.07',
    ...overrides,
  };
}

export function jobOrderInput(agencyId: string, overrides: Record<string, unknown> = {}) {
  return {
    agencyId,
    countryCode: 'HK',
    employerName: 'Chan Family',
    occupation: 'HOUSEKEEPER',
    quota: 10,
    recruitmentPermitNumber: letterNumber('SIP2MI'),
    validFrom: '2025-01-01',
    validUntil: '2026-12-31',
    verifiedByMission: true,
    ...overrides,
  };
}

export async function insertTestAgency(
  db: Database,
  overrides: Partial<typeof placementAgencies.$inferInsert> = {},
): Promise<PlacementAgencyRow> {
  const [row] = await db
    .insert(placementAgencies)
    .values({ ...agencyInput(), createdBy: randomUUID(), ...overrides })
    .returning();
  if (!row) throw new Error('no agency inserted');
  return row;
}

export async function insertTestJobOrder(
  db: Database,
  agencyId: string,
  overrides: Partial<typeof jobOrders.$inferInsert> = {},
): Promise<JobOrderRow> {
  const [row] = await db
    .insert(jobOrders)
    .values({ ...jobOrderInput(agencyId), occupation: 'HOUSEKEEPER', createdBy: randomUUID(), ...overrides })
    .returning();
  if (!row) throw new Error('no job order inserted');
  return row;
}

export async function insertTestSanction(
  db: Database,
  agencyId: string,
  overrides: Partial<typeof sanctions.$inferInsert> = {},
): Promise<SanctionRow> {
  const [row] = await db
    .insert(sanctions)
    .values({
      agencyId,
      type: 'WRITTEN_WARNING',
      reason: 'Late reporting of placements',
      imposedOn: '2025-01-15',
      createdBy: randomUUID(),
      ...overrides,
    })
    .returning();
  if (!row) throw new Error('no sanction inserted');
  return row;
}

export async function insertTestInstitution(
  db: Database,
  overrides: Partial<typeof institutions.$inferInsert> = {},
): Promise<InstitutionRow> {
  const [row] = await db
    .insert(institutions)
    .values({
      name: `Disnaker Test ${randomUUID().slice(0, 6)}`,
      kind: 'LABOUR_OFFICE',
      regionCode: '35.07',
      ...overrides,
    })
    .returning();
  if (!row) throw new Error('no institution inserted');
  return row;
}

/** Inserts a case directly, numbered from the real sequence; opened now in Kecamatan Kalipare unless told otherwise. */
export async function insertTestCase(
  db: Database,
  openedByInstitutionId: string,
  overrides: Partial<Omit<typeof cases.$inferInsert, 'reference'>> = {},
): Promise<CaseRow> {
  const openedAt = overrides.openedAt ?? new Date();
  return insertCase(db, String(openedAt.getUTCFullYear()), {
    workerId: randomUUID(),
    workerDistrictCode: '35.07.11',
    category: 'UNPAID_WAGES',
    channel: 'WALK_IN',
    summary: 'Employer has not paid wages for three months.',
    openedByInstitutionId,
    ...overrides,
    openedAt,
  });
}

export async function insertTestNote(
  db: Database,
  caseId: string,
  authorInstitutionId: string,
  overrides: Partial<typeof caseNotes.$inferInsert> = {},
): Promise<CaseNoteRow> {
  const [row] = await db
    .insert(caseNotes)
    .values({ caseId, authorInstitutionId, text: 'Called the agency.', ...overrides })
    .returning();
  if (!row) throw new Error('no note inserted');
  return row;
}
