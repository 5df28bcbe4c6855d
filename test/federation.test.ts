import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeNik } from '../shared/validation/nik.js';
import { dataOf, startTestHub, type TestClient, type TestHub } from './helpers/hub.js';

// The scenario of issue "The federated hub": one worker's record built by four institutions
// through the gateway, then read back as one answer. Every step is a real mutation, with real
// tokens, over real HTTP; consent and case facts travel through the gateway, never between tables.

let hub: TestHub;
let office: TestClient;
let ministry: TestClient;
let trainer: TestClient;
let university: TestClient;

beforeAll(async () => {
  hub = await startTestHub();
  [office, ministry, trainer, university] = await Promise.all([
    hub.client('LABOUR_OFFICE', { regionCode: '35.07', name: 'Disnaker Kabupaten Malang' }),
    hub.client('MINISTRY', { name: 'KP2MI' }),
    hub.client('TRAINING_PROVIDER', { name: 'LPK Test Bina Karya' }),
    hub.client('UNIVERSITY', { name: 'Universitas Test Malang' }),
  ]);
});
afterAll(async () => {
  await hub.close();
});

const STATUTORY = [
  ['MARITAL_STATUS_LETTER', null],
  ['FAMILY_PERMISSION', null],
  ['COMPETENCY_CERTIFICATE', null],
  ['HEALTH_CERTIFICATE', null],
  ['PASSPORT', 'C7654321'],
  ['SOCIAL_SECURITY', null],
  ['WORK_VISA', null],
  ['PLACEMENT_AGREEMENT', null],
  ['EMPLOYMENT_AGREEMENT', null],
] as const;

describe('one worker across four institutions', () => {
  let workerId: string;
  let placementId: string;
  let trainingConsentId: string;

  it('lets each institution record its part through the gateway', async () => {
    const agency = dataOf(
      await ministry.query<{ registerPlacementAgency: { id: string } }>(
        `mutation($input: RegisterPlacementAgencyInput!) { registerPlacementAgency(input: $input) { id } }`,
        {
          input: {
            name: 'PT Federasi Sejahtera',
            licenceNumber: 'SIP3MI/0999/KP2MI/2024',
            licenceValidFrom: '2024-01-01',
            licenceValidUntil: '2029-12-31',
            headOfficeRegionCode: '35.07',
          },
        },
      ),
    ).registerPlacementAgency;
    const order = dataOf(
      await ministry.query<{ createJobOrder: { id: string } }>(
        `mutation($input: CreateJobOrderInput!) { createJobOrder(input: $input) { id } }`,
        {
          input: {
            agencyId: agency.id,
            countryCode: 'HK',
            employerName: 'Chan Family',
            occupation: 'HOUSEKEEPER',
            quota: 20,
            recruitmentPermitNumber: 'SIP2MI/0999/00001',
            validFrom: '2025-01-01',
            validUntil: '2027-12-31',
            verifiedByMission: true,
          },
        },
      ),
    ).createJobOrder;

    const worker = dataOf(
      await office.query<{ registerWorker: { id: string } }>(
        `mutation($input: RegisterWorkerInput!) { registerWorker(input: $input) { id } }`,
        {
          input: {
            nik: composeNik('35.07.11', '1988-08-17', 'FEMALE', 4242),
            fullName: 'Sri Federasi Wahyuni',
            sex: 'FEMALE',
            birthDate: '1988-08-17',
            birthPlace: 'Malang',
            maritalStatus: 'MARRIED',
            education: 'JUNIOR_SECONDARY',
            phone: '081234500000',
            address: 'Dusun Krajan RT 01 RW 02',
            villageCode: '35.07.11.2008',
          },
        },
      ),
    ).registerWorker;
    workerId = worker.id;
    const placement = dataOf(
      await office.query<{ createPlacement: { id: string } }>(
        `mutation($input: CreatePlacementInput!) { createPlacement(input: $input) { id } }`,
        {
          input: {
            workerId,
            scheme: 'PRIVATE_AGENCY',
            agencyId: agency.id,
            jobOrderId: order.id,
            destinationCountry: 'HK',
            employerName: 'Chan Family',
            occupation: 'HOUSEKEEPER',
            sector: 'DOMESTIC',
            contractMonths: 24,
            monthlyWage: 4990,
            wageCurrency: 'HKD',
            plannedDepartureDate: '2025-06-01',
            expectedReturnDate: '2027-06-01',
          },
        },
      ),
    ).createPlacement;
    placementId = placement.id;

    for (const [type, number] of STATUTORY) {
      const placementDocument = ['WORK_VISA', 'PLACEMENT_AGREEMENT', 'EMPLOYMENT_AGREEMENT'].includes(type);
      const recorded = dataOf(
        await office.query<{ recordDocument: { id: string } }>(
          `mutation($input: RecordDocumentInput!) { recordDocument(input: $input) { id } }`,
          {
            input: {
              workerId,
              type,
              number,
              issuer: 'Issuing office',
              issuedOn: '2025-04-01',
              validUntil: '2030-04-01',
              ...(placementDocument ? { placementId } : {}),
            },
          },
        ),
      ).recordDocument;
      dataOf(
        await office.query(`mutation($id: ID!) { verifyDocument(id: $id) { status } }`, { id: recorded.id }),
      );
    }
    dataOf(
      await office.query(`mutation($id: ID!) { changeWorkerStatus(id: $id, status: VERIFIED) { status } }`, {
        id: workerId,
      }),
    );
    dataOf(
      await office.query(
        `mutation($id: ID!) { recordDeparture(placementId: $id, departedOn: "2025-06-02") { status } }`,
        { id: placementId },
      ),
    );

    const provider = dataOf(
      await trainer.query<{ registerTrainingProvider: { id: string } }>(
        `mutation { registerTrainingProvider(input: { name: "LPK Test Bina Karya", kind: LPK, accreditation: B, regionCode: "35.07.13" }) { id } }`,
      ),
    ).registerTrainingProvider;
    const course = dataOf(
      await trainer.query<{ createCourse: { id: string } }>(
        `mutation($input: CreateCourseInput!) { createCourse(input: $input) { id } }`,
        {
          input: {
            providerId: provider.id,
            title: 'Cantonese for domestic work',
            kind: 'LANGUAGE',
            language: 'zh',
            hours: 200,
            startDate: '2025-03-01',
            endDate: '2025-05-15',
            capacity: 30,
          },
        },
      ),
    ).createCourse;
    const consent = dataOf(
      await office.query<{ grantConsent: { id: string; active: boolean } }>(
        `mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id active } }`,
        { input: { workerId, granteeInstitutionId: trainer.institutionId, purpose: 'TRAINING' } },
      ),
    ).grantConsent;
    expect(consent.active).toBe(true);
    trainingConsentId = consent.id;
    const enrollment = dataOf(
      await trainer.query<{ enrollWorker: { id: string } }>(
        `mutation($c: ID!, $w: ID!) { enrollWorker(courseId: $c, workerId: $w) { id } }`,
        { c: course.id, w: workerId },
      ),
    ).enrollWorker;
    dataOf(
      await trainer.query(
        `mutation($id: ID!) { updateEnrollment(id: $id, input: { status: COMPLETED, attendancePercent: 96, score: 88, completedOn: "2025-05-15" }) { status } }`,
        { id: enrollment.id },
      ),
    );
    dataOf(
      await trainer.query(
        `mutation($input: IssueCertificationInput!) { issueCertification(input: $input) { id } }`,
        {
          input: {
            workerId,
            courseId: course.id,
            scheme: 'Cantonese (domestic work)',
            issuer: 'LSP Pekerja Domestik Lintas Benua',
            number: 'LSP-PDLB/2025/4242',
            issuedOn: '2025-05-20',
            validUntil: '2028-05-20',
          },
        },
      ),
    );

    const campus = dataOf(
      await university.query<{ registerUniversity: { id: string } }>(
        `mutation { registerUniversity(input: { name: "Universitas Test Malang", regionCode: "35.73.05" }) { id } }`,
      ),
    ).registerUniversity;
    const program = dataOf(
      await university.query<{ createMentoringProgram: { id: string } }>(
        `mutation($input: CreateMentoringProgramInput!) { createMentoringProgram(input: $input) { id } }`,
        {
          input: {
            universityId: campus.id,
            title: 'Entrepreneurship for returnees, Arjowilangun',
            empowermentType: 'ECONOMIC',
            villageCode: '35.07.11.2008',
            startDate: '2025-01-01',
          },
        },
      ),
    ).createMentoringProgram;
    const mentor = dataOf(
      await university.query<{ addMentor: { id: string } }>(
        `mutation($id: ID!) { addMentor(input: { universityId: $id, fullName: "Dr. Rina Kusumawati", expertise: [BUSINESS_PLAN, BOOKKEEPING] }) { id } }`,
        { id: campus.id },
      ),
    ).addMentor;
    dataOf(
      await office.query(`mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`, {
        input: { workerId, granteeInstitutionId: university.institutionId, purpose: 'EMPOWERMENT' },
      }),
    );
    dataOf(
      await university.query(
        `mutation($input: LogMentoringSessionInput!) { logMentoringSession(input: $input) { id } }`,
        {
          input: {
            programId: program.id,
            mentorId: mentor.id,
            participantIds: [workerId],
            date: '2025-09-10',
            durationMinutes: 90,
            mode: 'IN_PERSON',
            locationCode: '35.07.11.2008',
            form: 'MENTORING',
            topics: ['BUSINESS_PLAN', 'BOOKKEEPING'],
            businessStatus: 'STARTED',
            revenueBand: 'UNDER_1M',
            notes: 'Opened a small warung.',
          },
        },
      ),
    );

    dataOf(
      await office.query(`mutation($input: OpenCaseInput!) { openCase(input: $input) { reference } }`, {
        input: {
          workerId,
          placementId,
          category: 'UNPAID_WAGES',
          channel: 'WALK_IN',
          countryCode: 'HK',
          agencyId: agency.id,
          summary: 'Family reports two months of unpaid wages.',
        },
      }),
    );
  });

  it('answers one query with the worker as all four institutions know her', async () => {
    const answer = dataOf(
      await ministry.query<{ worker: Record<string, unknown> }>(
        `query($id: ID!) {
          worker(id: $id) {
            fullName status district { name } registeredBy { name }
            documents { type status }
            placements { status departureDate documentsComplete agency { name licenceStatus } jobOrder { employerName } compliance { compliant findings { code } } }
            cases { category status openedBy { name } }
            enrollments { status score course { title provider { name } } }
            certifications { scheme issuer }
            mentoringSessions { date form topics program { title } }
          }
        }`,
        { id: workerId },
      ),
    ).worker;
    expect(answer).toMatchObject({
      fullName: 'Sri Federasi Wahyuni',
      status: 'DEPARTED',
      district: { name: 'Kalipare' },
      registeredBy: { name: 'Disnaker Kabupaten Malang' },
      placements: [
        {
          status: 'DEPARTED',
          departureDate: '2025-06-02',
          documentsComplete: true,
          agency: { name: 'PT Federasi Sejahtera', licenceStatus: 'ACTIVE' },
          jobOrder: { employerName: 'Chan Family' },
          compliance: { compliant: true, findings: [] },
        },
      ],
      cases: [{ category: 'UNPAID_WAGES', status: 'OPEN', openedBy: { name: 'Disnaker Kabupaten Malang' } }],
      enrollments: [
        {
          status: 'COMPLETED',
          score: 88,
          course: { title: 'Cantonese for domestic work', provider: { name: 'LPK Test Bina Karya' } },
        },
      ],
      certifications: [{ scheme: 'Cantonese (domestic work)', issuer: 'LSP Pekerja Domestik Lintas Benua' }],
      mentoringSessions: [
        {
          date: '2025-09-10',
          form: 'MENTORING',
          topics: ['BUSINESS_PLAN', 'BOOKKEEPING'],
          program: { title: 'Entrepreneurship for returnees, Arjowilangun' },
        },
      ],
    });
    expect(answer['documents']).toHaveLength(STATUTORY.length);
  });

  it('stops showing the worker to the training provider on the request after consent is revoked', async () => {
    const query = `query($id: ID!) { worker(id: $id) { fullName enrollments { status } } }`;
    const before = dataOf(
      await trainer.query<{ worker: { fullName: string } | null }>(query, { id: workerId }),
    );
    expect(before.worker?.fullName).toBe('Sri Federasi Wahyuni');
    dataOf(
      await office.query(`mutation($id: ID!) { revokeConsent(id: $id) { active } }`, {
        id: trainingConsentId,
      }),
    );
    const after = dataOf(await trainer.query<{ worker: unknown }>(query, { id: workerId }));
    expect(after.worker).toBeNull();
  });
});
