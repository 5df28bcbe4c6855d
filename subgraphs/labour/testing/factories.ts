import { randomInt, randomUUID } from 'node:crypto';
import type { Database } from '../../../shared/db/database.js';
import { definedOnly } from '../../../shared/validation/input.js';
import { composeNik } from '../../../shared/validation/nik.js';
import {
  consents,
  documents,
  placements,
  workers,
  type ConsentRow,
  type DocumentRow,
  type PlacementRow,
  type WorkerRow,
} from '../db/schema.js';
import { STATUTORY_DOCUMENTS } from '../documents.js';

/**
 * A valid registration input; every call has a fresh NIK that agrees with the birth date, sex and
 * village (overridden or not). Village 35.07.11.2008 is Arjowilangun, Kalipare.
 */
export function workerInput(overrides: Record<string, unknown> = {}) {
  const year = 1980 + randomInt(20);
  const given = overrides['birthDate'];
  // A malformed birth date under test must not also break the NIK built from it.
  const birthDate =
    typeof given === 'string' && /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(given)
      ? given
      : `${year}-${String(1 + randomInt(12)).padStart(2, '0')}-${String(1 + randomInt(28)).padStart(2, '0')}`;
  const villageCode = (overrides['villageCode'] as string | undefined) ?? '35.07.11.2008';
  const sex = (overrides['sex'] as 'FEMALE' | 'MALE' | undefined) ?? 'FEMALE';
  return {
    nik: composeNik(villageCode.slice(0, 8), birthDate, sex, 1 + randomInt(9998)),
    fullName: `Siti Test ${randomUUID().slice(0, 8)}`,
    sex,
    birthDate,
    birthPlace: 'Malang',
    maritalStatus: 'MARRIED',
    education: 'JUNIOR_SECONDARY',
    phone: '081234567890',
    address: 'Jl. Raya Kalipare No. 12, RT 01 RW 02',
    villageCode,
    ...overrides,
  };
}

/** Inserts a worker directly (faster than the mutation, for tests about something else). */
export async function insertTestWorker(
  db: Database,
  overrides: Partial<typeof workers.$inferInsert> = {},
): Promise<WorkerRow> {
  const input = workerInput(
    definedOnly({ villageCode: overrides.villageCode, sex: overrides.sex, birthDate: overrides.birthDate }),
  );
  const [row] = await db
    .insert(workers)
    .values({
      nik: input.nik,
      fullName: input.fullName,
      sex: input.sex,
      birthDate: input.birthDate,
      birthPlace: input.birthPlace,
      maritalStatus: 'MARRIED',
      education: 'JUNIOR_SECONDARY',
      phone: input.phone,
      address: input.address,
      villageCode: input.villageCode,
      districtCode: input.villageCode.slice(0, 8),
      status: 'REGISTERED',
      registeredBy: randomUUID(),
      ...overrides,
    })
    .returning();
  if (!row) throw new Error('no worker inserted');
  return row;
}

export async function insertTestPlacement(
  db: Database,
  workerId: string,
  overrides: Partial<typeof placements.$inferInsert> = {},
): Promise<PlacementRow> {
  const [row] = await db
    .insert(placements)
    .values({
      workerId,
      agencyId: randomUUID(),
      jobOrderId: randomUUID(),
      scheme: 'PRIVATE_AGENCY',
      channel: 'PROCEDURAL',
      destinationCountry: 'HK',
      employerName: 'Chan Family',
      occupation: 'HOUSEKEEPER',
      sector: 'DOMESTIC',
      contractMonths: 24,
      monthlyWage: 4990,
      wageCurrency: 'HKD',
      status: 'PLANNED',
      plannedDepartureDate: '2025-06-01',
      expectedReturnDate: '2027-06-01',
      createdBy: randomUUID(),
      ...overrides,
    })
    .returning();
  if (!row) throw new Error('no placement inserted');
  return row;
}

/** Every statutory document of a placement, verified and valid until 2030. */
export async function insertCompleteDocuments(
  db: Database,
  workerId: string,
  placementId: string,
): Promise<DocumentRow[]> {
  return db
    .insert(documents)
    .values(
      STATUTORY_DOCUMENTS.map((type) => ({
        workerId,
        placementId: ['WORK_VISA', 'PLACEMENT_AGREEMENT', 'EMPLOYMENT_AGREEMENT'].includes(type)
          ? placementId
          : null,
        type,
        number: type === 'PASSPORT' ? 'C1234567' : null,
        issuer: 'Test issuer',
        issuedOn: '2024-01-01',
        validUntil: '2030-12-31',
        status: 'VERIFIED' as const,
        verifiedAt: new Date(),
        recordedBy: randomUUID(),
      })),
    )
    .returning();
}

export async function insertTestConsent(
  db: Database,
  workerId: string,
  granteeInstitutionId: string,
  overrides: Partial<typeof consents.$inferInsert> = {},
): Promise<ConsentRow> {
  const [row] = await db
    .insert(consents)
    .values({ workerId, granteeInstitutionId, purpose: 'TRAINING', recordedBy: randomUUID(), ...overrides })
    .returning();
  if (!row) throw new Error('no consent inserted');
  return row;
}

/** One document of a worker, verified unless told otherwise (a KTP-el by default). */
export async function insertTestDocument(
  db: Database,
  workerId: string,
  overrides: Partial<typeof documents.$inferInsert> = {},
): Promise<DocumentRow> {
  const [row] = await db
    .insert(documents)
    .values({
      workerId,
      type: 'NATIONAL_ID',
      issuer: 'Dispendukcapil Kabupaten Malang',
      issuedOn: '2020-01-15',
      status: 'VERIFIED',
      verifiedAt: new Date(),
      recordedBy: randomUUID(),
      ...overrides,
    })
    .returning();
  if (!row) throw new Error('no document inserted');
  return row;
}
