import { childRegions, findRegion, villagesWithin } from '../../shared/reference/regions.js';
import { composeNik } from '../../shared/validation/nik.js';
import type { Directory } from './directory.js';
import { personName, phoneNumber, streetAddress } from './names.js';
import { NikSerials } from './nik-serials.js';
import { addDays, addMonths, type Random } from './random.js';
import type { WorldDocument, WorldPlacement, WorldWorker } from '../../shared/demo/world.js';

/** The day the demo world stands still: every event in it happened before. */
export const WORLD_DATE = '2026-11-01';

// Southern Kabupaten Malang sends the most workers (Disnaker 2024 ranking, domain.md 3.4).
const MALANG_WEIGHTS: Readonly<Record<string, number>> = {
  '35.07.04': 371,
  '35.07.11': 301,
  '35.07.05': 297,
  '35.07.03': 278,
  '35.07.09': 237,
  '35.07.01': 229,
  '35.07.29': 227,
};

function districtWeights(): (readonly [string, number])[] {
  const weights: (readonly [string, number])[] = [];
  for (const [regency, share] of [
    ['35.07', 70],
    ['35.05', 24],
    ['35.79', 6],
  ] as const) {
    const districts = childRegions(regency).map((district) => district.code);
    const raw = districts.map((code) => MALANG_WEIGHTS[code] ?? 90);
    const total = raw.reduce((sum, weight) => sum + weight, 0);
    districts.forEach((code, index) => weights.push([code, (share * (raw[index] ?? 0)) / total]));
  }
  return weights;
}

// Destinations, occupations and wages as in domain.md 3.2-3.4: mostly Hong Kong and Taiwan, domestic and care work.
const DESTINATIONS = [
  ['HK', 55],
  ['TW', 20],
  ['SG', 7],
  ['MY', 7],
  ['JP', 4],
  ['BN', 2],
  ['SA', 2],
  ['KR', 3],
] as const;
const OCCUPATIONS: Readonly<Record<string, readonly (readonly [string, string, number])[]>> = {
  HK: [
    ['HOUSEKEEPER', 'DOMESTIC', 60],
    ['ELDERLY_CAREGIVER', 'DOMESTIC', 30],
    ['BABYSITTER', 'DOMESTIC', 10],
  ],
  TW: [
    ['CAREWORKER', 'HEALTH_CARE', 40],
    ['ELDERLY_CAREGIVER', 'DOMESTIC', 35],
    ['FACTORY_OPERATOR', 'MANUFACTURING', 25],
  ],
  SG: [
    ['HOUSEKEEPER', 'DOMESTIC', 90],
    ['CAREWORKER', 'HEALTH_CARE', 10],
  ],
  MY: [
    ['PLANTATION_WORKER', 'AGRICULTURE', 50],
    ['FACTORY_OPERATOR', 'MANUFACTURING', 30],
    ['HOUSEKEEPER', 'DOMESTIC', 20],
  ],
  JP: [
    ['CAREWORKER', 'HEALTH_CARE', 70],
    ['FACTORY_OPERATOR', 'MANUFACTURING', 30],
  ],
  BN: [['HOUSEKEEPER', 'DOMESTIC', 100]],
  SA: [
    ['COOK', 'DOMESTIC', 50],
    ['HOUSEKEEPER', 'DOMESTIC', 50],
  ],
  KR: [
    ['FACTORY_OPERATOR', 'MANUFACTURING', 70],
    ['FISHING_CREW', 'FISHERIES', 30],
  ],
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

export interface PeopleOptions {
  readonly workers: number;
}

/** Workers with their placements and documents, consistent with each other and with the directory. */
export function buildPeople(random: Random, directory: Directory, options: PeopleOptions) {
  const weights = districtWeights();
  const villagesByDistrict = new Map<string, string[]>();
  const serials = new NikSerials(random);
  const officeFor = (districtCode: string) =>
    Object.values(directory.labourOffices).find((office) =>
      districtCode.startsWith(`${office.regionCode}.`),
    ) ?? directory.labourOffices.malang;
  const workers: WorldWorker[] = [];
  const placements: WorldPlacement[] = [];
  const documents: WorldDocument[] = [];

  for (let index = 0; index < options.workers; index += 1) {
    const districtCode = random.weighted(weights);
    let villages = villagesByDistrict.get(districtCode);
    if (!villages) {
      villages = villagesWithin(districtCode).map((village) => village.code);
      villagesByDistrict.set(districtCode, villages);
    }
    const villageCode = random.pick(villages);
    const sex = random.chance(0.8) ? 'FEMALE' : 'MALE';
    const birthDate = random.dateBetween('1976-01-01', '2004-12-31');
    const prefix = composeNik(districtCode, birthDate, sex, 0).slice(0, 12);
    const serial = serials.next(prefix);
    const office = officeFor(districtCode);
    const registeredOn = random.dateBetween('2022-01-03', addDays(WORLD_DATE, -3));
    const ageDays = (Date.parse(WORLD_DATE) - Date.parse(registeredOn)) / 86_400_000;
    const status = pickStatus(random, ageDays);
    const worker: WorldWorker = {
      id: random.uuid(),
      nik: composeNik(districtCode, birthDate, sex, serial),
      fullName: personName(random, sex),
      sex,
      birthDate,
      birthPlace: findRegion(districtCode.slice(0, 5))?.name.replace(/^(Kabupaten|Kota) /, '') ?? 'Malang',
      maritalStatus: random.weighted([
        ['MARRIED', 55],
        ['SINGLE', 25],
        ['DIVORCED', 15],
        ['WIDOWED', 5],
      ] as const),
      education: random.weighted([
        ['PRIMARY', 20],
        ['JUNIOR_SECONDARY', 45],
        ['SENIOR_SECONDARY', 20],
        ['VOCATIONAL_SECONDARY', 12],
        ['DIPLOMA', 3],
      ] as const),
      phone: random.chance(0.95) ? phoneNumber(random) : null,
      address: streetAddress(random, findRegion(villageCode)?.name ?? ''),
      villageCode,
      districtCode,
      status,
      registeredAt: new Date(`${registeredOn}T0${random.int(1, 8)}:${random.int(10, 59)}:00+07:00`),
      registeredBy: office.id,
    };
    workers.push(worker);
    documents.push(...identityDocuments(random, worker));
    const placement = placementFor(random, directory, worker, registeredOn);
    if (placement) {
      placements.push(placement);
      documents.push(...placementDocuments(random, worker, placement));
    }
  }
  return { workers, placements, documents };
}

function pickStatus(random: Random, ageDays: number): WorldWorker['status'] {
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
      ['ABROAD', 70],
      ['WITHDRAWN', 5],
      ['NON_PROCEDURAL', 8],
    ] as const);
  return random.weighted([
    ['ABROAD', 50],
    ['RETURNED', 40],
    ['WITHDRAWN', 3],
    ['NON_PROCEDURAL', 7],
  ] as const);
}

function placementFor(
  random: Random,
  directory: Directory,
  worker: WorldWorker,
  registeredOn: string,
): WorldPlacement | null {
  if (['PROSPECTIVE', 'REGISTERED', 'WITHDRAWN'].includes(worker.status)) return null;
  const nonProcedural = worker.status === 'NON_PROCEDURAL';
  const country = nonProcedural ? random.pick(['MY', 'SA', 'MY', 'KR']) : random.weighted(DESTINATIONS);
  const [occupation, sector] = random.weighted(
    (OCCUPATIONS[country] ?? []).map(([o, s, w]) => [[o, s] as const, w] as const),
  );
  const government = !nonProcedural && (country === 'KR' || (country === 'JP' && random.chance(0.5)));
  const planned = addMonths(registeredOn, random.int(2, 5));
  // Agencies recruit against job orders valid when the worker leaves; about one in twenty does not.
  const orders = directory.jobOrders.filter((order) => order.countryCode === country);
  const validOrders = orders.filter((order) => order.validFrom <= planned && planned <= order.validUntil);
  const candidates = validOrders.length > 0 && random.chance(0.95) ? validOrders : orders;
  const order = government || nonProcedural || candidates.length === 0 ? null : random.pick(candidates);
  const [currency, low, high] = WAGES[country] ?? ['USD', 400, 600];
  const contractMonths = country === 'JP' ? 36 : 24;
  const departed = worker.status !== 'VERIFIED';
  const departureDate = departed
    ? worker.status === 'DEPARTED'
      ? addDays(WORLD_DATE, -random.int(1, 5))
      : addDays(planned, random.int(-10, 20))
    : null;
  const arrivalDate = departureDate && worker.status !== 'DEPARTED' ? addDays(departureDate, 1) : null;
  const returned = worker.status === 'RETURNED';
  const expectedReturn = addMonths(departureDate ?? planned, contractMonths);
  const actualReturn =
    returned && departureDate
      ? minDate(
          addDays(WORLD_DATE, -random.int(5, 200)),
          addMonths(departureDate, random.chance(0.8) ? contractMonths : random.int(3, 20)),
        )
      : null;
  return {
    id: random.uuid(),
    workerId: worker.id,
    agencyId: order?.agencyId ?? null,
    jobOrderId: order?.id ?? null,
    scheme: nonProcedural ? 'INDEPENDENT' : government ? 'GOVERNMENT' : 'PRIVATE_AGENCY',
    channel: nonProcedural ? 'NON_PROCEDURAL' : 'PROCEDURAL',
    destinationCountry: country,
    employerName: order?.employerName ?? (nonProcedural ? null : 'Government placement (G-to-G)'),
    occupation,
    sector,
    contractMonths: nonProcedural ? null : contractMonths,
    monthlyWage: nonProcedural ? null : random.int(low, high),
    wageCurrency: nonProcedural ? null : currency,
    status: returned ? 'RETURNED' : departureDate ? (arrivalDate ? 'ABROAD' : 'DEPARTED') : 'PLANNED',
    plannedDepartureDate: planned,
    departureDate,
    arrivalDate,
    expectedReturnDate: nonProcedural ? null : expectedReturn,
    actualReturnDate: actualReturn,
    returnReason: actualReturn
      ? actualReturn >= expectedReturn
        ? 'CONTRACT_COMPLETED'
        : random.pick(['TERMINATED_EARLY', 'ILLNESS', 'REPATRIATED', 'OTHER'])
      : null,
    createdAt: new Date(`${registeredOn}T10:00:00+07:00`),
    createdBy: worker.registeredBy,
  };
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

function identityDocuments(random: Random, worker: WorldWorker): WorldDocument[] {
  const day = worker.registeredAt.toISOString().slice(0, 10);
  const verified = worker.status !== 'PROSPECTIVE' && worker.status !== 'REGISTERED';
  return (['NATIONAL_ID', 'FAMILY_CARD'] as const).map((type) => ({
    id: random.uuid(),
    workerId: worker.id,
    placementId: null,
    type,
    number: type === 'NATIONAL_ID' ? worker.nik : null,
    issuer: 'Dispendukcapil',
    issuedOn: random.dateBetween('2012-01-01', addDays(day, -30)),
    validUntil: null,
    status: verified ? 'VERIFIED' : 'SUBMITTED',
    verifiedAt: verified ? worker.registeredAt : null,
    rejectionReason: null,
    recordedAt: worker.registeredAt,
    recordedBy: worker.registeredBy,
  }));
}

const STATUTORY: readonly (readonly [string, string, number | null])[] = [
  ['MARITAL_STATUS_LETTER', 'Pemerintah Desa', null],
  ['FAMILY_PERMISSION', 'Pemerintah Desa', null],
  ['COMPETENCY_CERTIFICATE', 'LSP Pekerja Domestik Lintas Benua', 36],
  ['HEALTH_CERTIFICATE', 'Klinik Sarana Medika Kepanjen', 12],
  ['PASSPORT', 'Kantor Imigrasi Kelas I Malang', 120],
  ['SOCIAL_SECURITY', 'BPJS Ketenagakerjaan Kepanjen', 36],
  ['WORK_VISA', 'Consulate of the destination', 30],
  ['PLACEMENT_AGREEMENT', 'Placement agency (P3MI)', 30],
  ['EMPLOYMENT_AGREEMENT', 'Employer', 30],
];

function placementDocuments(random: Random, worker: WorldWorker, placement: WorldPlacement): WorldDocument[] {
  if (placement.channel === 'NON_PROCEDURAL') return [];
  const departure = placement.departureDate ?? placement.plannedDepartureDate ?? WORLD_DATE;
  // About one placement in twelve leaves with a document gap: the compliance check has something to find.
  const gap = random.chance(0.08) ? random.pick(STATUTORY)[0] : null;
  const documents: WorldDocument[] = [];
  for (const [type, issuer, months] of STATUTORY) {
    if (type === gap) continue;
    const issuedOn = addDays(departure, -random.int(20, 80));
    if (issuedOn > WORLD_DATE) continue;
    const recordedAt = new Date(`${minDate(addDays(issuedOn, 2), WORLD_DATE)}T09:00:00+07:00`);
    const verified = placement.status !== 'PLANNED' || random.chance(0.6);
    documents.push({
      id: random.uuid(),
      workerId: worker.id,
      placementId: ['WORK_VISA', 'PLACEMENT_AGREEMENT', 'EMPLOYMENT_AGREEMENT'].includes(type)
        ? placement.id
        : null,
      type,
      number:
        type === 'PASSPORT' ? `${random.pick(['C', 'E', 'X'])}${random.int(1_000_000, 9_999_999)}` : null,
      issuer,
      issuedOn,
      validUntil: months === null ? null : addMonths(issuedOn, months),
      status: verified ? 'VERIFIED' : 'SUBMITTED',
      verifiedAt: verified ? recordedAt : null,
      rejectionReason: null,
      recordedAt,
      recordedBy: worker.registeredBy,
    });
  }
  return documents;
}
