import { composeNik } from '../../shared/validation/nik.js';
import { dataOf, type TestClient, type TestHub } from './hub.js';

/**
 * The cast of the access matrix, each a real client of a real institution with the scopes a real
 * deployment would give it, and one worker of Kabupaten Malang whose record every institution
 * has written to through the gateway.
 */
export async function buildAccessWorld(hub: TestHub) {
  const [malang, blitar, caseOfficer, analyst, auditor, trainer, otherTrainer, campus, otherCampus] =
    await Promise.all([
      hub.client('LABOUR_OFFICE', { regionCode: '35.07', name: 'Disnaker Kabupaten Malang' }),
      hub.client('LABOUR_OFFICE', { regionCode: '35.05', name: 'Disnaker Kabupaten Blitar' }),
      hub.client('MINISTRY', {
        name: 'KP2MI',
        scopes: ['workers:read', 'pii:read', 'cases:read', 'cases:write', 'agencies:write'],
      }),
      hub.client('MINISTRY', { name: 'Kemenko PM analysts', scopes: ['workers:read', 'stats:read'] }),
      hub.client('MINISTRY', { name: 'KP2MI inspectorate', scopes: ['workers:read', 'audit:read'] }),
      hub.client('TRAINING_PROVIDER', { name: 'LPK Consented' }),
      hub.client('TRAINING_PROVIDER', { name: 'LPK Other' }),
      hub.client('UNIVERSITY', { name: 'Universitas Consented' }),
      hub.client('UNIVERSITY', { name: 'Universitas Other' }),
    ]);
  const ask = async <T>(client: TestClient, query: string, variables: Record<string, unknown> = {}) =>
    dataOf(await client.query<T>(query, variables));

  const agency = (
    await ask<{ registerPlacementAgency: { id: string } }>(
      caseOfficer,
      `mutation { registerPlacementAgency(input: { name: "PT Matriks Abadi", licenceNumber: "SIP3MI/7777/KP2MI/2024", licenceValidFrom: "2024-01-01", licenceValidUntil: "2029-12-31", headOfficeRegionCode: "35.07" }) { id } }`,
    )
  ).registerPlacementAgency;
  const order = (
    await ask<{ createJobOrder: { id: string } }>(
      caseOfficer,
      `mutation($a: ID!) { createJobOrder(input: { agencyId: $a, countryCode: "HK", employerName: "Lee Household", occupation: HOUSEKEEPER, quota: 5, recruitmentPermitNumber: "SIP2MI/7777/00001", validFrom: "2025-01-01", validUntil: "2027-12-31", verifiedByMission: true }) { id } }`,
      { a: agency.id },
    )
  ).createJobOrder;

  const courseFor = async (client: TestClient, name: string) => {
    const provider = (
      await ask<{ registerTrainingProvider: { id: string } }>(
        client,
        `mutation($n: String!) { registerTrainingProvider(input: { name: $n, kind: LPK, accreditation: B, regionCode: "35.07.13" }) { id } }`,
        { n: name },
      )
    ).registerTrainingProvider;
    return (
      await ask<{ createCourse: { id: string } }>(
        client,
        `mutation($p: ID!) { createCourse(input: { providerId: $p, title: "Housekeeping", kind: SKILL, skill: "Housekeeping", hours: 300, startDate: "2025-02-01", endDate: "2025-04-30", capacity: 20 }) { id } }`,
        { p: provider.id },
      )
    ).createCourse;
  };
  const course = await courseFor(trainer, 'LPK Consented Kepanjen');
  const otherCourse = await courseFor(otherTrainer, 'LPK Other Turen');

  const programFor = async (client: TestClient, name: string) => {
    const university = (
      await ask<{ registerUniversity: { id: string } }>(
        client,
        `mutation($n: String!) { registerUniversity(input: { name: $n, regionCode: "35.73.05" }) { id } }`,
        { n: name },
      )
    ).registerUniversity;
    const program = (
      await ask<{ createMentoringProgram: { id: string } }>(
        client,
        `mutation($u: ID!) { createMentoringProgram(input: { universityId: $u, title: "Returnee enterprise", empowermentType: ECONOMIC, villageCode: "35.07.11.2008", startDate: "2025-01-01" }) { id } }`,
        { u: university.id },
      )
    ).createMentoringProgram;
    const mentor = (
      await ask<{ addMentor: { id: string } }>(
        client,
        `mutation($u: ID!) { addMentor(input: { universityId: $u, fullName: "Dr. Mentor", expertise: [BUSINESS_PLAN] }) { id } }`,
        { u: university.id },
      )
    ).addMentor;
    return { program, mentor };
  };
  const mentoring = await programFor(campus, 'Universitas Consented');
  const otherMentoring = await programFor(otherCampus, 'Universitas Other');

  const register = async (client: TestClient, village: string, serial: number) =>
    (
      await ask<{ registerWorker: { id: string } }>(
        client,
        `mutation($input: RegisterWorkerInput!) { registerWorker(input: $input) { id } }`,
        {
          input: {
            nik: composeNik(village.slice(0, 8), '1987-04-12', 'FEMALE', serial),
            fullName: `Matrix Worker ${serial}`,
            sex: 'FEMALE',
            birthDate: '1987-04-12',
            birthPlace: 'Malang',
            maritalStatus: 'MARRIED',
            education: 'PRIMARY',
            phone: '081200001111',
            address: 'Dusun Matriks 1',
            villageCode: village,
          },
        },
      )
    ).registerWorker.id;
  const workerId = await register(malang, '35.07.11.2008', 901);
  const blitarWorkerId = await register(blitar, '35.05.01.2001', 902);

  const placement = (
    await ask<{ createPlacement: { id: string } }>(
      malang,
      `mutation($input: CreatePlacementInput!) { createPlacement(input: $input) { id } }`,
      {
        input: {
          workerId,
          scheme: 'PRIVATE_AGENCY',
          agencyId: agency.id,
          jobOrderId: order.id,
          destinationCountry: 'HK',
          occupation: 'HOUSEKEEPER',
          sector: 'DOMESTIC',
          plannedDepartureDate: '2025-06-01',
        },
      },
    )
  ).createPlacement;
  const passport = (
    await ask<{ recordDocument: { id: string } }>(
      malang,
      `mutation($w: ID!) { recordDocument(input: { workerId: $w, type: PASSPORT, number: "C9012345", issuer: "Kantor Imigrasi Kelas I Malang", issuedOn: "2025-01-10", validUntil: "2035-01-10" }) { id } }`,
      { w: workerId },
    )
  ).recordDocument;
  const trainingConsent = (
    await ask<{ grantConsent: { id: string } }>(
      malang,
      `mutation($w: ID!, $g: ID!) { grantConsent(input: { workerId: $w, granteeInstitutionId: $g, purpose: TRAINING }) { id } }`,
      { w: workerId, g: trainer.institutionId },
    )
  ).grantConsent;
  await ask(
    malang,
    `mutation($w: ID!, $g: ID!) { grantConsent(input: { workerId: $w, granteeInstitutionId: $g, purpose: EMPOWERMENT }) { id } }`,
    { w: workerId, g: campus.institutionId },
  );
  const enrollment = (
    await ask<{ enrollWorker: { id: string } }>(
      trainer,
      `mutation($c: ID!, $w: ID!) { enrollWorker(courseId: $c, workerId: $w) { id } }`,
      { c: course.id, w: workerId },
    )
  ).enrollWorker;
  await ask(
    trainer,
    `mutation($e: ID!) { updateEnrollment(id: $e, input: { status: COMPLETED, score: 90, attendancePercent: 100, completedOn: "2025-04-30" }) { id } }`,
    { e: enrollment.id },
  );
  const certification = (
    await ask<{ issueCertification: { id: string } }>(
      trainer,
      `mutation($w: ID!, $c: ID!) { issueCertification(input: { workerId: $w, courseId: $c, scheme: "Housekeeping (competency)", issuer: "LSP Matriks", number: "LSP-M/1", issuedOn: "2025-05-05" }) { id } }`,
      { w: workerId, c: course.id },
    )
  ).issueCertification;
  const session = (
    await ask<{ logMentoringSession: { id: string } }>(
      campus,
      `mutation($input: LogMentoringSessionInput!) { logMentoringSession(input: $input) { id } }`,
      {
        input: {
          programId: mentoring.program.id,
          mentorId: mentoring.mentor.id,
          participantIds: [workerId],
          date: '2025-08-01',
          durationMinutes: 60,
          mode: 'ONLINE',
          form: 'MENTORING',
          topics: ['BUSINESS_PLAN'],
          revenueBand: 'UNDER_1M',
          notes: 'Private note of the mentor.',
        },
      },
    )
  ).logMentoringSession;
  const caseId = (
    await ask<{ openCase: { id: string } }>(
      malang,
      `mutation($w: ID!, $p: ID!) { openCase(input: { workerId: $w, placementId: $p, category: UNPAID_WAGES, channel: WALK_IN, summary: "Wages unpaid for two months." }) { id } }`,
      { w: workerId, p: placement.id },
    )
  ).openCase.id;

  return {
    clients: { malang, blitar, caseOfficer, analyst, auditor, trainer, otherTrainer, campus, otherCampus },
    ids: {
      workerId,
      blitarWorkerId,
      placementId: placement.id,
      passportId: passport.id,
      trainingConsentId: trainingConsent.id,
      enrollmentId: enrollment.id,
      certificationId: certification.id,
      sessionId: session.id,
      caseId,
      agencyId: agency.id,
      courseId: course.id,
      otherCourseId: otherCourse.id,
      programId: mentoring.program.id,
      mentorId: mentoring.mentor.id,
      otherProgramId: otherMentoring.program.id,
      otherMentorId: otherMentoring.mentor.id,
    },
  };
}

export type AccessWorld = Awaited<ReturnType<typeof buildAccessWorld>>;
export type Who = keyof AccessWorld['clients'];
