import { phoneNumber, streetAddress } from '../../scripts/seed/names.js';
import { composeNik } from '../../shared/validation/nik.js';
import type { CopySet } from './copy.js';
import { monthOf, type Directory, type Institution, type JobOrder } from './directory.js';
import type { District, Geography } from './geography.js';
import { generatedName } from './names.js';
import { drawSerial } from '../../scripts/seed/nik-serials.js';
import {
  addMonthsDay,
  DAY_MS,
  dayOf,
  isoDay,
  isoInstant,
  KIND,
  randomFor,
  seededUuid,
  type Random,
} from './random.js';

/** The random stream of each NIK slot's first serial (worker stories use 10, the directory 1 and 2). */
const NIK_SERIAL_STREAM = 30;

/** The day the seeded world stands still: everything in it happened before. */
export const WORLD_DAY = dayOf('2026-11-01');
/** Registrations run from here to just before WORLD_DAY, in worker order. */
export const FIRST_REGISTRATION_DAY = dayOf('2022-01-03');
const BIRTH_FROM = dayOf('1976-01-01');
export const BIRTH_DAYS = dayOf('2004-12-31') - BIRTH_FROM + 1;

export type WorkerStatus =
  | 'PROSPECTIVE'
  | 'REGISTERED'
  | 'VERIFIED'
  | 'DEPARTED'
  | 'ABROAD'
  | 'RETURNED'
  | 'WITHDRAWN'
  | 'NON_PROCEDURAL';

export interface Person {
  readonly index: number;
  readonly id: string;
  readonly nik: string;
  readonly district: District;
  readonly office: Institution;
  readonly status: WorkerStatus;
  readonly registeredDay: number;
  readonly registeredAt: string;
}

export interface Placement {
  readonly id: string;
  readonly country: string;
  readonly channel: 'PROCEDURAL' | 'NON_PROCEDURAL';
  readonly agencyId: string | null;
  readonly departure: number | null;
  readonly actualReturn: number | null;
}

const DESTINATIONS = [
  ['HK', 45],
  ['TW', 25],
  ['MY', 10],
  ['SG', 6],
  ['JP', 5],
  ['KR', 4],
  ['SA', 3],
  ['BN', 2],
] as const;
const SECTOR: Readonly<Record<string, string>> = {
  HOUSEKEEPER: 'DOMESTIC',
  BABYSITTER: 'DOMESTIC',
  ELDERLY_CAREGIVER: 'DOMESTIC',
  COOK: 'DOMESTIC',
  CAREWORKER: 'HEALTH_CARE',
  FACTORY_OPERATOR: 'MANUFACTURING',
  PLANTATION_WORKER: 'AGRICULTURE',
  FISHING_CREW: 'FISHERIES',
};
const WAGES: Readonly<Record<string, readonly [string, number, number]>> = {
  HK: ['HKD', 4990, 5500],
  TW: ['TWD', 20000, 28000],
  SG: ['SGD', 650, 800],
  MY: ['MYR', 1500, 2000],
  JP: ['JPY', 170000, 220000],
  BN: ['BND', 350, 450],
  SA: ['SAR', 1500, 1800],
  KR: ['KRW', 2060000, 2300000],
};
// The statutory checklist a procedural placement is checked against (subgraphs/labour/documents.ts).
const PLACEMENT_DOCUMENTS = [
  ['MARITAL_STATUS_LETTER', 'Pemerintah Desa', null],
  ['FAMILY_PERMISSION', 'Pemerintah Desa', null],
  ['COMPETENCY_CERTIFICATE', 'LSP Pekerja Migran Indonesia', 36],
  ['HEALTH_CERTIFICATE', 'Klinik sarana kesehatan CPMI', 12],
  ['PASSPORT', 'Kantor Imigrasi', 120],
  ['SOCIAL_SECURITY', 'BPJS Ketenagakerjaan', 36],
  ['WORK_VISA', 'Consulate of the destination', 30],
  ['PLACEMENT_AGREEMENT', 'Placement agency (P3MI)', 30],
  ['EMPLOYMENT_AGREEMENT', 'Employer', 30],
] as const;
const ON_PLACEMENT = new Set(['WORK_VISA', 'PLACEMENT_AGREEMENT', 'EMPLOYMENT_AGREEMENT']);

/** Lifecycle status by how long ago the worker registered (most register, leave and some return). */
function pickStatus(random: Random, ageDays: number): WorkerStatus {
  if (ageDays < 90)
    return random.weighted([
      ['PROSPECTIVE', 15],
      ['REGISTERED', 50],
      ['VERIFIED', 30],
      ['WITHDRAWN', 5],
    ] as const);
  if (ageDays < 400)
    return random.weighted([
      ['VERIFIED', 15],
      ['DEPARTED', 2],
      ['ABROAD', 68],
      ['WITHDRAWN', 7],
      ['NON_PROCEDURAL', 8],
    ] as const);
  return random.weighted([
    ['VERIFIED', 3],
    ['ABROAD', 45],
    ['RETURNED', 40],
    ['WITHDRAWN', 5],
    ['NON_PROCEDURAL', 7],
  ] as const);
}

/** Writes one worker's person row and identity documents; returns what later stages need. */
export function writePerson(
  copy: CopySet,
  random: Random,
  index: number,
  workers: number,
  context: { geography: Geography; directory: Directory; nikSerials: Uint16Array },
): Person {
  const district = context.geography.pickDistrict(random);
  const villageAt = Math.floor(random.next() * district.villageCodes.length);
  const villageCode = district.villageCodes[villageAt] ?? '';
  const sex = random.chance(0.8) ? 'FEMALE' : 'MALE';
  const birthOffset = Math.floor(random.next() * BIRTH_DAYS);
  const birthDate = isoDay(BIRTH_FROM + birthOffset);
  // Serials count everyone registered in one kecamatan with one birth date and sex, not only
  // migrant workers: each slot starts where the demo seed's registry would have reached
  // (`drawSerial`), and the workers of one slot take the serials after it, so NIKs never collide.
  const slot = (district.index * BIRTH_DAYS + birthOffset) * 2 + (sex === 'FEMALE' ? 1 : 0);
  const taken = context.nikSerials[slot] ?? 0;
  context.nikSerials[slot] = taken + 1;
  const serial = Math.min(9999, drawSerial(randomFor(NIK_SERIAL_STREAM, slot)) + taken);
  const nik = composeNik(district.code, birthDate, sex, serial);
  const span = WORLD_DAY - 3 - FIRST_REGISTRATION_DAY;
  const registeredDay = FIRST_REGISTRATION_DAY + Math.floor(((index + random.next()) * span) / workers);
  const registeredAt = isoInstant(
    registeredDay * DAY_MS + random.int(1, 8) * 3_600_000 + random.int(0, 3599) * 1000,
  );
  const status = pickStatus(random, WORLD_DAY - registeredDay);
  const office = context.directory.labourOffices[district.regency.index] ?? context.directory.ministry;
  const id = seededUuid(KIND.worker, index);
  copy.to('labour.workers').row([
    id,
    nik,
    generatedName(random, sex),
    sex,
    birthDate,
    district.regency.name.replace(/^(Kabupaten|Kota) /, ''),
    random.weighted([
      ['MARRIED', 55],
      ['SINGLE', 25],
      ['DIVORCED', 15],
      ['WIDOWED', 5],
    ] as const),
    random.weighted([
      ['PRIMARY', 20],
      ['JUNIOR_SECONDARY', 45],
      ['SENIOR_SECONDARY', 20],
      ['VOCATIONAL_SECONDARY', 12],
      ['DIPLOMA', 3],
    ] as const),
    random.chance(0.95) ? phoneNumber(random) : null,
    streetAddress(random, district.villageNames[villageAt] ?? ''),
    villageCode,
    district.code,
    status,
    registeredAt,
    office.id,
    registeredAt,
  ]);
  const verified = status !== 'PROSPECTIVE' && status !== 'REGISTERED';
  for (const [n, type] of (['NATIONAL_ID', 'FAMILY_CARD'] as const).entries()) {
    copy
      .to('labour.documents')
      .row([
        seededUuid(KIND.document, index * 16 + n),
        id,
        null,
        type,
        type === 'NATIONAL_ID'
          ? nik
          : `${nik.slice(0, 6)}${String(random.int(1, 999_999_999)).padStart(10, '0')}`,
        `Dispendukcapil ${district.regency.name}`,
        isoDay(registeredDay - random.int(60, 3000)),
        null,
        verified ? 'VERIFIED' : 'SUBMITTED',
        verified ? registeredAt : null,
        null,
        registeredAt,
        office.id,
      ]);
  }
  return { index, id, nik, district, office, status, registeredDay, registeredAt };
}

function pickOrder(random: Random, directory: Directory, country: string, planned: number): JobOrder | null {
  const valid = directory.ordersByMonth.get(`${country}:${monthOf(planned)}`);
  // About one placement in twenty goes out on an order that is not valid at departure.
  if (valid && valid.length > 0 && random.chance(0.95)) return random.pick(valid);
  const any = directory.jobOrders.filter((order) => order.country === country);
  return any.length > 0 ? random.pick(any) : null;
}

/** Writes the worker's placement (if their status implies one) and its documents. */
export function writePlacement(
  copy: CopySet,
  random: Random,
  person: Person,
  directory: Directory,
): Placement | null {
  const { status } = person;
  if (status === 'PROSPECTIVE' || status === 'REGISTERED' || status === 'WITHDRAWN') return null;
  const nonProcedural = status === 'NON_PROCEDURAL';
  const country = nonProcedural ? random.pick(['MY', 'SA', 'MY', 'KR']) : random.weighted(DESTINATIONS);
  const government = !nonProcedural && (country === 'KR' || (country === 'JP' && random.chance(0.5)));
  const planned = person.registeredDay + random.int(60, 150);
  const order = government || nonProcedural ? null : pickOrder(random, directory, country, planned);
  const occupation =
    order?.occupation ??
    (country === 'KR' ? 'FACTORY_OPERATOR' : country === 'JP' ? 'CAREWORKER' : 'HOUSEKEEPER');
  const contractMonths = country === 'JP' ? 36 : 24;
  let departure: number | null = null;
  if (status === 'DEPARTED') departure = WORLD_DAY - random.int(1, 5);
  else if (status !== 'VERIFIED') departure = Math.min(planned + random.int(-10, 20), WORLD_DAY - 3);
  const arrival = departure !== null && status !== 'DEPARTED' ? departure + 1 : null;
  const expectedReturn = nonProcedural ? null : addMonthsDay(departure ?? planned, contractMonths);
  let actualReturn: number | null = null;
  if (status === 'RETURNED' && departure !== null) {
    const ended = addMonthsDay(departure, random.chance(0.8) ? contractMonths : random.int(3, 20));
    actualReturn = Math.max(departure + 60, Math.min(ended, WORLD_DAY - random.int(5, 200)));
    actualReturn = Math.min(actualReturn, WORLD_DAY - 1);
  }
  const [currency, low, high] = WAGES[country] ?? ['USD', 400, 600];
  const id = seededUuid(KIND.placement, person.index);
  const createdAt = isoInstant((person.registeredDay + 7) * DAY_MS + 3 * 3_600_000);
  copy
    .to('labour.placements')
    .row([
      id,
      person.id,
      order?.agency.id ?? null,
      order?.id ?? null,
      nonProcedural ? 'INDEPENDENT' : government ? 'GOVERNMENT' : 'PRIVATE_AGENCY',
      nonProcedural ? 'NON_PROCEDURAL' : 'PROCEDURAL',
      country,
      order?.employerName ?? (nonProcedural ? null : 'Government placement (G-to-G)'),
      occupation,
      SECTOR[occupation] ?? 'OTHER',
      nonProcedural ? null : contractMonths,
      nonProcedural ? null : random.int(low, high),
      nonProcedural ? null : currency,
      actualReturn !== null
        ? 'RETURNED'
        : departure === null
          ? 'PLANNED'
          : arrival === null
            ? 'DEPARTED'
            : 'ABROAD',
      isoDay(planned),
      departure === null ? null : isoDay(departure),
      arrival === null ? null : isoDay(arrival),
      expectedReturn === null ? null : isoDay(expectedReturn),
      actualReturn === null ? null : isoDay(actualReturn),
      actualReturn === null
        ? null
        : expectedReturn !== null && actualReturn >= expectedReturn
          ? 'CONTRACT_COMPLETED'
          : random.pick(['TERMINATED_EARLY', 'ILLNESS', 'REPATRIATED', 'OTHER']),
      createdAt,
      person.office.id,
    ]);
  if (!nonProcedural)
    writePlacementDocuments(copy, random, person, id, departure ?? planned, departure !== null);
  return {
    id,
    country,
    channel: nonProcedural ? 'NON_PROCEDURAL' : 'PROCEDURAL',
    agencyId: order?.agency.id ?? null,
    departure,
    actualReturn,
  };
}

function writePlacementDocuments(
  copy: CopySet,
  random: Random,
  person: Person,
  placementId: string,
  departure: number,
  departed: boolean,
): void {
  // About one placement in sixteen leaves with a document missing: compliance has something to find.
  const gap = random.chance(0.06) ? random.int(0, PLACEMENT_DOCUMENTS.length - 1) : -1;
  PLACEMENT_DOCUMENTS.forEach(([type, issuer, months], n) => {
    const issued = departure - random.int(20, 80);
    if (n === gap || issued >= WORLD_DAY - 1) return;
    const recordedAt = isoInstant(Math.min(issued + 2, WORLD_DAY - 1) * DAY_MS + 2 * 3_600_000);
    const verified = departed || random.chance(0.6);
    copy
      .to('labour.documents')
      .row([
        seededUuid(KIND.document, person.index * 16 + 2 + n),
        person.id,
        ON_PLACEMENT.has(type) ? placementId : null,
        type,
        type === 'PASSPORT' ? `${random.pick(['C', 'E', 'X'])}${random.int(1_000_000, 9_999_999)}` : null,
        issuer,
        isoDay(issued),
        months === null ? null : isoDay(addMonthsDay(issued, months)),
        verified ? 'VERIFIED' : 'SUBMITTED',
        verified ? recordedAt : null,
        null,
        recordedAt,
        person.office.id,
      ]);
  });
}
