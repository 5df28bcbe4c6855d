import { jawaTimur, type District } from './geography.js';
import { addMonthsDay, dayOf, KIND, randomFor, seededUuid, type Random } from './random.js';

/** The fixed cast of a seeded hub: member institutions, agencies, providers, universities. */

export interface Institution {
  readonly id: string;
  readonly name: string;
  readonly kind: 'LABOUR_OFFICE' | 'MINISTRY' | 'TRAINING_PROVIDER' | 'UNIVERSITY';
  readonly regionCode: string | null;
}
export interface Agency {
  readonly id: string;
  readonly name: string;
  readonly licenceNumber: string;
  readonly licenceStatus: 'ACTIVE' | 'SUSPENDED' | 'REVOKED';
  readonly validFrom: number;
  readonly validUntil: number;
  readonly regionCode: string;
}
export interface JobOrder {
  readonly id: string;
  readonly agency: Agency;
  readonly country: string;
  readonly occupation: string;
  readonly employerName: string;
  readonly permitNumber: string;
  readonly validFrom: number;
  readonly validUntil: number;
}
export interface Provider {
  readonly index: number;
  readonly id: string;
  readonly institution: Institution;
  readonly name: string;
  readonly kind: 'LPK' | 'BLK';
  readonly district: District;
}
export interface University {
  readonly index: number;
  readonly id: string;
  readonly institution: Institution;
  readonly name: string;
  readonly district: District;
  readonly programs: readonly {
    readonly id: string;
    readonly economic: boolean;
    readonly start: number;
    readonly villageCode: string;
  }[];
  readonly mentorIds: readonly string[];
}

export const AGENCIES = 300;
export const PROVIDERS = 150;
const JOB_ORDERS_PER_AGENCY = 8;

const UNIVERSITIES: readonly (readonly [string, string])[] = [
  ['Universitas Brawijaya', '35.73'],
  ['Universitas Islam Malang', '35.73'],
  ['Universitas Negeri Malang', '35.73'],
  ['Universitas Muhammadiyah Malang', '35.07'],
  ['Universitas Airlangga', '35.78'],
  ['Universitas Negeri Surabaya', '35.78'],
  ['Universitas Jember', '35.09'],
  ['Universitas Muhammadiyah Ponorogo', '35.02'],
  ['Universitas Trunojoyo Madura', '35.26'],
  ['Universitas Islam Balitar', '35.72'],
  ['Universitas PGRI Madiun', '35.77'],
  ['Universitas Nusantara PGRI Kediri', '35.71'],
  ['Universitas 17 Agustus 1945 Banyuwangi', '35.10'],
  ['Universitas Tulungagung', '35.04'],
  ['Universitas Islam Raden Rahmat', '35.07'],
];
// Programmes run in the pilot's villages, which the reference data lists (the hub validates a
// programme's village): Kabupaten Blitar for the Blitar campuses, Kabupaten Malang for the rest.
const FIELD_REGENCY: Readonly<Record<string, string>> = { '35.72': '35.05', '35.05': '35.05' };
const DEFAULT_FIELD_REGENCY = '35.07';
const NAME_WORDS = [
  'Sinar',
  'Bumi',
  'Citra',
  'Graha',
  'Maju',
  'Andalan',
  'Berkah',
  'Karya',
  'Mitra',
  'Surya',
  'Dharma',
  'Lintas',
  'Cahaya',
  'Mulia',
  'Amanah',
  'Sentosa',
  'Abadi',
  'Jaya',
  'Prima',
  'Nusantara',
];
export const ORDER_SHAPES: readonly (readonly [country: string, occupation: string, employer: string])[] = [
  ['HK', 'HOUSEKEEPER', 'Household'],
  ['HK', 'ELDERLY_CAREGIVER', 'Family'],
  ['HK', 'BABYSITTER', 'Household'],
  ['TW', 'CAREWORKER', 'Care Home'],
  ['TW', 'FACTORY_OPERATOR', 'Precision Co.'],
  ['TW', 'ELDERLY_CAREGIVER', 'Family'],
  ['SG', 'HOUSEKEEPER', 'Household'],
  ['MY', 'PLANTATION_WORKER', 'Palm Estates'],
  ['MY', 'FACTORY_OPERATOR', 'Electronics Sdn Bhd'],
  ['BN', 'HOUSEKEEPER', 'Household'],
  ['SA', 'COOK', 'Household'],
  ['JP', 'CAREWORKER', 'Kaigo Center'],
];
const EMPLOYER_NAMES = ['Wong', 'Chan', 'Lee', 'Lin', 'Tan', 'Chen', 'Ahmad', 'Sato', 'Lim', 'Ng'];

const MONTH0 = dayOf('2020-01-01');
/** Month number (since January 2020) of a day, for the job-order validity buckets. */
export function monthOf(day: number): number {
  return Math.floor((day - MONTH0) / 30.44);
}

function tradeName(random: Random): string {
  return `${random.pick(NAME_WORDS)} ${random.pick(NAME_WORDS)} ${random.pick(NAME_WORDS)}`;
}

function villageOf(district: District, pick: number): string {
  return district.villageCodes[pick % district.villageCodes.length] ?? district.code;
}

export function buildDirectory() {
  const geography = jawaTimur();
  const random = randomFor(1, 0);
  let institutionCount = 0;
  const institution = (name: string, kind: Institution['kind'], regionCode: string | null = null) => ({
    id: seededUuid(KIND.institution, institutionCount++),
    name,
    kind,
    regionCode,
  });
  const ministry = institution('Kementerian Pelindungan Pekerja Migran Indonesia (KP2MI)', 'MINISTRY');
  const labourOffices = geography.regencies.map((regency) =>
    institution(`Dinas Tenaga Kerja ${regency.name}`, 'LABOUR_OFFICE', regency.code),
  );

  const agencies: Agency[] = Array.from({ length: AGENCIES }, (_, index) => {
    const validFrom = dayOf('2019-01-01') + random.int(0, 1600);
    // Most agencies are in good standing; a few are suspended, revoked or let the licence lapse.
    const roll = random.next();
    const lapsed = roll > 0.97;
    return {
      id: seededUuid(KIND.agency, index),
      name: `PT ${tradeName(random)}`,
      licenceNumber: `SIP3MI/${String(index + 1).padStart(4, '0')}/KP2MI/${new Date(validFrom * 86_400_000).getUTCFullYear()}`,
      licenceStatus: roll < 0.9 || lapsed ? 'ACTIVE' : roll < 0.95 ? 'SUSPENDED' : 'REVOKED',
      validFrom,
      validUntil: lapsed ? dayOf('2025-12-31') : addMonthsDay(validFrom, 60 + 12 * random.int(1, 3)),
      regionCode: random.pick(['35.78', '35.15', '35.07', '35.73', '35.05', '35.04', '35.02']),
    };
  });
  const jobOrders: JobOrder[] = [];
  for (const agency of agencies) {
    for (let n = 0; n < JOB_ORDERS_PER_AGENCY; n += 1) {
      const [country, occupation, employer] = random.pick(ORDER_SHAPES);
      const validFrom = dayOf('2021-01-01') + random.int(0, 2000);
      jobOrders.push({
        id: seededUuid(KIND.jobOrder, jobOrders.length),
        agency,
        country,
        occupation,
        employerName: `${random.pick(EMPLOYER_NAMES)} ${employer}`,
        permitNumber: `SIP2MI/${agency.licenceNumber.slice(7, 11)}/${String(jobOrders.length + 1).padStart(5, '0')}`,
        validFrom,
        validUntil: addMonthsDay(validFrom, 24),
      });
    }
  }
  // Orders valid through each month, per country: a placement picks among those valid when it leaves.
  const ordersByMonth = new Map<string, JobOrder[]>();
  for (const order of jobOrders) {
    for (let month = monthOf(order.validFrom) + 1; month < monthOf(order.validUntil); month += 1) {
      const key = `${order.country}:${month}`;
      const list = ordersByMonth.get(key) ?? [];
      list.push(order);
      ordersByMonth.set(key, list);
    }
  }

  const providers: Provider[] = Array.from({ length: PROVIDERS }, (_, index) => {
    const district = geography.pickDistrict(random);
    const kind = index % 6 === 0 ? 'BLK' : 'LPK';
    const place = district.regency.name.replace(/^(Kabupaten|Kota) /, '');
    const name = kind === 'BLK' ? `UPT BLK ${place} ${index + 1}` : `LPK ${tradeName(random)} ${place}`;
    return {
      index,
      id: seededUuid(KIND.provider, index),
      institution: institution(name, 'TRAINING_PROVIDER'),
      name,
      kind,
      district,
    };
  });
  const providersByRegency = new Map<number, Provider[]>();
  for (const provider of providers) {
    const list = providersByRegency.get(provider.district.regency.index) ?? [];
    list.push(provider);
    providersByRegency.set(provider.district.regency.index, list);
  }

  let programs = 0;
  let mentors = 0;
  const universities: University[] = UNIVERSITIES.map(([name, regencyCode], index) => {
    const district = geography.districts.find((item) => item.regency.code === regencyCode);
    if (!district) throw new Error(`no district in ${regencyCode}`);
    const fieldRegency = FIELD_REGENCY[regencyCode] ?? DEFAULT_FIELD_REGENCY;
    const field = geography.districts.filter((item) => item.regency.code === fieldRegency);
    return {
      index,
      id: seededUuid(KIND.university, index),
      institution: institution(name, 'UNIVERSITY'),
      name,
      district,
      programs: Array.from({ length: 6 }, (_, n) => ({
        id: seededUuid(KIND.program, programs++),
        villageCode: villageOf(field[(index * 6 + n) % field.length] ?? district, n + index),
        economic: random.chance(0.7),
        start: dayOf('2022-06-01') + random.int(0, 500),
      })),
      mentorIds: Array.from({ length: 8 }, () => seededUuid(KIND.mentor, mentors++)),
    };
  });
  const institutions: Institution[] = [
    ministry,
    ...labourOffices,
    ...providers.map((provider) => provider.institution),
    ...universities.map((university) => university.institution),
  ];
  return {
    ministry,
    labourOffices,
    institutions,
    agencies,
    jobOrders,
    ordersByMonth,
    providers,
    providersByRegency,
    universities,
  };
}

export type Directory = ReturnType<typeof buildDirectory>;
