import type { World, WorldDocument } from '../../shared/demo/world.js';
import { composeNik } from '../../shared/validation/nik.js';
import { buildDirectory } from '../../scripts/seed/directory.js';
import { Random } from '../../scripts/seed/random.js';

const STATUTORY = [
  'MARITAL_STATUS_LETTER',
  'FAMILY_PERMISSION',
  'COMPETENCY_CERTIFICATE',
  'HEALTH_CERTIFICATE',
  'PASSPORT',
  'SOCIAL_SECURITY',
  'WORK_VISA',
  'PLACEMENT_AGREEMENT',
  'EMPLOYMENT_AGREEMENT',
] as const;

/**
 * A demo directory plus `count` returnees of Kepanjen (35.07.13) who each have exactly the same
 * shape of record in all four institutions: one placement with its documents, a case, a course
 * enrolment with a certificate, and a mentoring session. Batching tests compare 2 against 100 of
 * them, so every query-plan fetch happens for either size.
 */
export function uniformWorld(count: number): World {
  const random = new Random(7);
  const directory = buildDirectory(random);
  const office = directory.labourOffices.malang;
  const agency = directory.agencies[0]!;
  const order = directory.jobOrders.find((item) => item.agencyId === agency.id)!;
  const provider = directory.providers[0]!;
  const course = directory.courses.find((item) => item.providerId === provider.id)!;
  const university = directory.universities[0]!;
  const program = directory.programs.find((item) => item.universityId === university.id)!;
  const mentor = directory.mentors.find((item) => item.universityId === university.id)!;
  const trainingGrantee = provider.institutionId;
  const empowermentGrantee = university.institutionId;
  const at = (day: string) => new Date(`${day}T09:00:00+07:00`);

  const world: { -readonly [K in keyof World]: World[K] extends readonly (infer T)[] ? T[] : World[K] } = {
    showcaseWorkerId: null,
    institutions: [...directory.institutions],
    clients: [...directory.clients],
    agencies: [...directory.agencies],
    jobOrders: [...directory.jobOrders],
    providers: [...directory.providers],
    courses: [...directory.courses],
    universities: [...directory.universities],
    programs: [...directory.programs],
    mentors: [...directory.mentors],
    sanctions: [],
    workers: [],
    placements: [],
    documents: [],
    consents: [],
    cases: [],
    enrollments: [],
    certifications: [],
    sessions: [],
  };
  for (let index = 0; index < count; index += 1) {
    const workerId = random.uuid();
    const placementId = random.uuid();
    const districtCode = '35.07.13';
    world.workers.push({
      id: workerId,
      nik: composeNik(districtCode, '1990-05-17', 'FEMALE', index + 1),
      fullName: `Uniform Worker ${String(index).padStart(3, '0')}`,
      sex: 'FEMALE',
      birthDate: '1990-05-17',
      birthPlace: 'Malang',
      maritalStatus: 'MARRIED',
      education: 'JUNIOR_SECONDARY',
      phone: '081234567890',
      address: 'Jl. Raya Kepanjen No. 1',
      villageCode: '35.07.13.2001',
      districtCode,
      status: 'RETURNED',
      registeredAt: at('2024-01-10'),
      registeredBy: office.id,
    });
    world.placements.push({
      id: placementId,
      workerId,
      agencyId: agency.id,
      jobOrderId: order.id,
      scheme: 'PRIVATE_AGENCY',
      channel: 'PROCEDURAL',
      destinationCountry: order.countryCode,
      employerName: order.employerName,
      occupation: order.occupation,
      sector: 'DOMESTIC',
      contractMonths: 24,
      monthlyWage: 4990,
      wageCurrency: 'HKD',
      status: 'RETURNED',
      plannedDepartureDate: '2024-03-01',
      departureDate: '2024-03-01',
      arrivalDate: '2024-03-02',
      expectedReturnDate: '2026-03-01',
      actualReturnDate: '2026-03-01',
      returnReason: 'CONTRACT_COMPLETED',
      createdAt: at('2024-01-11'),
      createdBy: office.id,
    });
    world.documents.push(
      ...STATUTORY.map((type): WorldDocument => ({
        id: random.uuid(),
        workerId,
        placementId: ['WORK_VISA', 'PLACEMENT_AGREEMENT', 'EMPLOYMENT_AGREEMENT'].includes(type)
          ? placementId
          : null,
        type,
        number: type === 'PASSPORT' ? `C${1_000_000 + index}` : null,
        issuer: 'Test issuer',
        issuedOn: '2024-01-15',
        validUntil: '2030-01-15',
        status: 'VERIFIED',
        verifiedAt: at('2024-01-20'),
        rejectionReason: null,
        recordedAt: at('2024-01-16'),
        recordedBy: office.id,
      })),
    );
    for (const [grantee, purpose] of [
      [trainingGrantee, 'TRAINING'],
      [empowermentGrantee, 'EMPOWERMENT'],
    ] as const) {
      world.consents.push({
        id: random.uuid(),
        workerId,
        workerDistrictCode: districtCode,
        granteeInstitutionId: grantee,
        purpose,
        grantedAt: at('2024-01-12'),
        expiresAt: null,
        revokedAt: null,
        recordedBy: office.id,
      });
    }
    world.cases.push({
      id: random.uuid(),
      reference: `KP2MI-2025-${String(index + 1).padStart(6, '0')}`,
      workerId,
      workerDistrictCode: districtCode,
      placementId,
      category: 'UNPAID_WAGES',
      status: 'OPEN',
      channel: 'WALK_IN',
      countryCode: order.countryCode,
      agencyId: agency.id,
      summary: 'Wages unpaid for two months.',
      openedAt: at('2025-05-01'),
      openedBy: office.id,
      notes: [{ at: at('2025-05-01'), authorInstitutionId: office.id, text: 'Recorded at the desk.' }],
      resolution: null,
    });
    world.enrollments.push({
      id: random.uuid(),
      courseId: course.id,
      workerId,
      workerDistrictCode: districtCode,
      status: 'COMPLETED',
      enrolledAt: at('2024-01-20'),
      attendancePercent: 95,
      score: 88,
      completedOn: course.endDate,
    });
    world.certifications.push({
      id: random.uuid(),
      workerId,
      workerDistrictCode: districtCode,
      providerId: provider.id,
      courseId: course.id,
      scheme: 'Housekeeping (competency)',
      issuer: 'LSP Test',
      number: `LSP-TEST/${index + 1}`,
      issuedOn: '2024-02-20',
      validUntil: '2027-02-20',
    });
    world.sessions.push({
      id: random.uuid(),
      programId: program.id,
      mentorId: mentor.id,
      participants: [{ workerId, workerDistrictCode: districtCode }],
      date: '2026-04-10',
      durationMinutes: 90,
      mode: 'IN_PERSON',
      locationCode: program.villageCode,
      form: 'MENTORING',
      topics: ['BUSINESS_PLAN'],
      businessStatus: 'STARTED',
      revenueBand: 'UNDER_1M',
      needs: ['Working capital'],
      referrals: [],
      actionPlan: 'Keep a cash book.',
      nextSessionDate: null,
      reMigrationIntent: 'NONE',
      notes: 'Engaged.',
      createdBy: empowermentGrantee,
    });
  }
  return world;
}
