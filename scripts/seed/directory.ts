import { findRegion } from '../../shared/reference/regions.js';
import type { Random } from './random.js';
import { addMonths } from './random.js';
import type {
  DemoClientSpec,
  WorldAgency,
  WorldCourse,
  WorldInstitution,
  WorldJobOrder,
  WorldMentor,
  WorldProgram,
  WorldProvider,
  WorldUniversity,
} from '../../shared/demo/world.js';

/** Who takes part in the demo hub: institutions, their clients, and what they run. */
export function buildDirectory(random: Random) {
  const institution = (
    name: string,
    kind: WorldInstitution['kind'],
    regionCode: string | null = null,
  ): WorldInstitution => ({
    id: random.uuid(),
    name,
    kind,
    regionCode,
  });
  const malang = institution('Dinas Tenaga Kerja Kabupaten Malang (LTSA Kepanjen)', 'LABOUR_OFFICE', '35.07');
  const batu = institution('Dinas Ketenagakerjaan Kota Batu', 'LABOUR_OFFICE', '35.79');
  const blitar = institution('Dinas Tenaga Kerja Kabupaten Blitar', 'LABOUR_OFFICE', '35.05');
  const ministry = institution('Kementerian Koordinator Bidang Pemberdayaan Masyarakat / KP2MI', 'MINISTRY');
  const blk = institution('UPT BLK Wonojati Malang', 'TRAINING_PROVIDER');
  const lpk = institution('LPK Sasana Bina Karya Malang', 'TRAINING_PROVIDER');
  const ub = institution('Universitas Brawijaya', 'UNIVERSITY');
  const unisma = institution('Universitas Islam Malang', 'UNIVERSITY');
  const institutions = [malang, batu, blitar, ministry, blk, lpk, ub, unisma];

  const clients: DemoClientSpec[] = [
    {
      clientId: 'disnaker-malang-ltsa',
      label: 'LTSA Kepanjen desk system',
      institutionId: malang.id,
      scopes: [
        'workers:read',
        'workers:write',
        'pii:read',
        'cases:read',
        'cases:write',
        'stats:read',
        'audit:read',
      ],
    },
    {
      clientId: 'disnaker-batu',
      label: 'Disnaker Kota Batu desk system',
      institutionId: batu.id,
      scopes: [
        'workers:read',
        'workers:write',
        'pii:read',
        'cases:read',
        'cases:write',
        'stats:read',
        'audit:read',
      ],
    },
    {
      clientId: 'disnaker-blitar',
      label: 'Disnaker Kabupaten Blitar desk system',
      institutionId: blitar.id,
      scopes: [
        'workers:read',
        'workers:write',
        'pii:read',
        'cases:read',
        'cases:write',
        'stats:read',
        'audit:read',
      ],
    },
    {
      clientId: 'kp2mi-analyst',
      label: 'Ministry analyst dashboard',
      institutionId: ministry.id,
      scopes: ['workers:read', 'stats:read'],
    },
    {
      clientId: 'kp2mi-case-officer',
      label: 'Ministry case management',
      institutionId: ministry.id,
      scopes: ['workers:read', 'pii:read', 'cases:read', 'cases:write', 'agencies:write'],
    },
    {
      clientId: 'kp2mi-auditor',
      label: 'Ministry access-log audit',
      institutionId: ministry.id,
      scopes: ['workers:read', 'audit:read'],
    },
    {
      clientId: 'blk-wonojati',
      label: 'BLK Wonojati registrar',
      institutionId: blk.id,
      scopes: ['workers:read', 'training:write', 'stats:read'],
    },
    {
      clientId: 'lpk-sasana-bina-karya',
      label: 'LPK Sasana Bina Karya registrar',
      institutionId: lpk.id,
      scopes: ['workers:read', 'training:write', 'stats:read'],
    },
    {
      clientId: 'ub-migran-center',
      label: 'Universitas Brawijaya mentoring programme',
      institutionId: ub.id,
      scopes: ['workers:read', 'mentoring:write', 'stats:read'],
    },
    {
      clientId: 'unisma-p4mi',
      label: 'Unisma P4MI mentoring programme',
      institutionId: unisma.id,
      scopes: ['workers:read', 'mentoring:write', 'stats:read'],
    },
  ];

  const agencyNames = [
    'PT Sinar Jaya Abadi Bersama',
    'PT Bumi Mas Sejahtera',
    'PT Citra Karya Mandiri',
    'PT Graha Insan Mulia',
    'PT Maju Bersama Sentosa',
    'PT Andalan Kerja Nusantara',
    'PT Berkah Amanah Utama',
    'PT Karya Prima Selaras',
    'PT Mitra Tenaga Harapan',
    'PT Surya Bakti Persada',
    'PT Dharma Putra Utama',
    'PT Lintas Benua Sejahtera',
  ];
  // Nine agencies in good standing, one suspended, one revoked, one whose licence ran out.
  const statuses = [
    'ACTIVE',
    'ACTIVE',
    'ACTIVE',
    'ACTIVE',
    'ACTIVE',
    'ACTIVE',
    'ACTIVE',
    'ACTIVE',
    'ACTIVE',
    'SUSPENDED',
    'REVOKED',
    'EXPIRED',
  ] as const;
  const agencies: WorldAgency[] = agencyNames.map((name, index) => {
    const from = random.dateBetween('2019-01-01', '2023-06-30');
    const status = statuses[index] ?? 'ACTIVE';
    return {
      id: random.uuid(),
      name,
      licenceNumber: `SIP3MI/${String(100 + index).padStart(4, '0')}/KP2MI/${from.slice(0, 4)}`,
      licenceStatus: status === 'EXPIRED' ? 'ACTIVE' : status,
      licenceValidFrom: from,
      licenceValidUntil: status === 'EXPIRED' ? '2025-12-31' : addMonths(from, 60 + 12 * random.int(0, 2)),
      headOfficeRegionCode: random.pick(['35.78', '35.15', '35.07', '35.73', '35.05']),
    };
  });

  const orderShapes: readonly (readonly [string, string, string])[] = [
    ['HK', 'HOUSEKEEPER', 'Wong Household'],
    ['HK', 'ELDERLY_CAREGIVER', 'Chan Family'],
    ['HK', 'BABYSITTER', 'Lee Household'],
    ['TW', 'CAREWORKER', 'Kaohsiung Care Home'],
    ['TW', 'FACTORY_OPERATOR', 'Taichung Precision Co.'],
    ['TW', 'ELDERLY_CAREGIVER', 'Lin Family'],
    ['SG', 'HOUSEKEEPER', 'Tan Household'],
    ['MY', 'PLANTATION_WORKER', 'Sabah Palm Estates'],
    ['MY', 'FACTORY_OPERATOR', 'Penang Electronics'],
    ['BN', 'HOUSEKEEPER', 'Haji Ahmad Household'],
    ['SA', 'COOK', 'Al-Rashid Household'],
    ['JP', 'CAREWORKER', 'Osaka Kaigo Center'],
  ];
  const jobOrders: WorldJobOrder[] = [];
  for (const agency of agencies) {
    for (let index = 0; index < 4; index += 1) {
      const [countryCode, occupation, employerName] = random.pick(orderShapes);
      const validFrom = random.dateBetween('2021-01-01', '2025-06-30');
      jobOrders.push({
        id: random.uuid(),
        agencyId: agency.id,
        countryCode,
        employerName,
        occupation,
        quota: random.int(10, 200),
        recruitmentPermitNumber: `SIP2MI/${agency.licenceNumber.slice(7, 11)}/${String(jobOrders.length + 1).padStart(5, '0')}`,
        validFrom,
        validUntil: addMonths(validFrom, 24),
        verifiedByMission: random.chance(0.9),
      });
    }
  }

  const providers: WorldProvider[] = [
    {
      id: random.uuid(),
      institutionId: blk.id,
      name: 'UPT BLK Wonojati',
      kind: 'BLK',
      accreditation: 'A',
      accreditationValidUntil: '2028-06-30',
      regionCode: '35.07.09',
    },
    {
      id: random.uuid(),
      institutionId: lpk.id,
      name: 'LPK Sasana Bina Karya',
      kind: 'LPK',
      accreditation: 'B',
      accreditationValidUntil: '2027-03-31',
      regionCode: '35.07.13',
    },
  ];
  const courseShapes: readonly Omit<WorldCourse, 'id' | 'providerId' | 'startDate' | 'endDate'>[] = [
    {
      title: 'Cantonese for domestic work in Hong Kong',
      kind: 'LANGUAGE',
      skill: null,
      language: 'zh',
      hours: 200,
      capacity: 30,
    },
    {
      title: 'Mandarin for caregivers in Taiwan',
      kind: 'LANGUAGE',
      skill: null,
      language: 'zh',
      hours: 200,
      capacity: 30,
    },
    {
      title: 'Japanese for careworkers (SSW)',
      kind: 'LANGUAGE',
      skill: null,
      language: 'ja',
      hours: 400,
      capacity: 25,
    },
    { title: 'Housekeeping', kind: 'SKILL', skill: 'Housekeeping', language: null, hours: 300, capacity: 30 },
    { title: 'Elderly care', kind: 'SKILL', skill: 'Elderly care', language: null, hours: 300, capacity: 25 },
    {
      title: 'Pre-departure readiness',
      kind: 'PRE_DEPARTURE',
      skill: null,
      language: null,
      hours: 40,
      capacity: 40,
    },
  ];
  const courses: WorldCourse[] = [];
  for (const provider of providers) {
    for (const year of [2023, 2024, 2025, 2026]) {
      for (const shape of courseShapes) {
        const startDate = random.dateBetween(`${year}-01-05`, `${year}-08-31`);
        courses.push({
          ...shape,
          id: random.uuid(),
          providerId: provider.id,
          startDate,
          endDate: addMonths(startDate, shape['hours'] >= 300 ? 3 : 2),
        });
      }
    }
  }

  const universities: WorldUniversity[] = [
    { id: random.uuid(), institutionId: ub.id, name: 'Universitas Brawijaya', regionCode: '35.73.05' },
    { id: random.uuid(), institutionId: unisma.id, name: 'Universitas Islam Malang', regionCode: '35.73.05' },
  ];
  const villages = [
    '35.07.11.2008',
    '35.07.11.2003',
    '35.07.33.2006',
    '35.07.33.2004',
    '35.07.29.2004',
    '35.07.03.2003',
  ];
  const programs: WorldProgram[] = [];
  for (const university of universities) {
    for (const [index, villageCode] of villages.entries()) {
      if ((index % 2 === 0) !== (university === universities[0])) continue;
      const economic = random.chance(0.7);
      const startDate = random.dateBetween('2023-02-01', '2025-03-01');
      programs.push({
        id: random.uuid(),
        universityId: university.id,
        title: `${economic ? 'Purna PMI entrepreneurship mentoring' : 'Family resilience and reintegration'}, Desa ${findRegion(villageCode)?.name ?? villageCode}`,
        empowermentType: economic ? 'ECONOMIC' : 'SOCIAL',
        villageCode,
        startDate,
        endDate: null,
        description: economic
          ? 'Business planning, simple bookkeeping, digital marketing and access to KUR-PMI for returnees.'
          : 'Psychosocial support, parenting and household budgeting for returnees and their families.',
      });
    }
  }
  const mentorNames = [
    'Dr. Ir. Sri Wahyuni',
    'Dr. Ahmad Fauzi',
    'Rina Kusumawati, M.M.',
    'Dr. Budi Santoso',
    'Lailatul Fitriyah, M.Psi.',
    'Dr. Hendro Prasetyo',
  ];
  const mentors: WorldMentor[] = universities.flatMap((university) =>
    mentorNames.slice(0, 4).map((name, index) => ({
      id: random.uuid(),
      universityId: university.id,
      fullName:
        university === universities[0] ? name : (mentorNames[(index + 2) % mentorNames.length] ?? name),
      expertise:
        index % 2 === 0
          ? ['BUSINESS_PLAN', 'BOOKKEEPING', 'MARKETING', 'ACCESS_TO_FINANCE']
          : ['PSYCHOSOCIAL', 'PARENTING', 'FINANCIAL_LITERACY'],
    })),
  );

  return {
    institutions,
    clients,
    labourOffices: { malang, batu, blitar },
    ministry,
    trainingInstitutions: [blk, lpk],
    universityInstitutions: [ub, unisma],
    agencies,
    jobOrders,
    providers,
    courses,
    universities,
    programs,
    mentors,
  };
}

export type Directory = ReturnType<typeof buildDirectory>;
