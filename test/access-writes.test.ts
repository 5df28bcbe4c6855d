import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeNik } from '../shared/validation/nik.js';
import { errorCodes } from '../shared/testing/graphql-client.js';
import { buildAccessWorld, type AccessWorld, type Who } from './helpers/access-world.js';
import { dataOf, startTestHub, type TestHub } from './helpers/hub.js';

// DESIGN section 4, "Writes", through the gateway: for each action, who may and who may not.
// A refused write answers FORBIDDEN (not your kind, scope or region) or NOT_FOUND (a record the
// caller may not see is, to them, one that does not exist).

let hub: TestHub;
let world: AccessWorld;
let serial = 3000;
beforeAll(async () => {
  hub = await startTestHub();
  world = await buildAccessWorld(hub);
}, 180_000);
afterAll(async () => {
  await hub.close();
});

/** A worker of Kalipare (35.07.11) registered by the Malang office for one test. */
async function freshWorker(): Promise<string> {
  serial += 1;
  const response = await world.clients.malang.query<{ registerWorker: { id: string } }>(
    `mutation($input: RegisterWorkerInput!) { registerWorker(input: $input) { id } }`,
    { input: workerInput(serial) },
  );
  return dataOf(response).registerWorker.id;
}

function workerInput(number: number, village = '35.07.11.2008') {
  return {
    nik: composeNik(village.slice(0, 8), '1990-03-03', 'FEMALE', number),
    fullName: `Write Worker ${number}`,
    sex: 'FEMALE',
    birthDate: '1990-03-03',
    birthPlace: 'Malang',
    maritalStatus: 'SINGLE',
    education: 'PRIMARY',
    address: 'Jl. Tulis 1',
    villageCode: village,
  };
}

type Expected = 'allowed' | 'FORBIDDEN' | 'NOT_FOUND';

async function attempt(who: Who, query: string, variables: Record<string, unknown>, expected: Expected) {
  const response = await world.clients[who].query(query, variables);
  if (expected === 'allowed') expect(response.errors).toEqual([]);
  else expect(errorCodes(response)).toEqual([expected]);
}

describe('labour office writes: own region only (workers, documents, placements, departures, returns, consent)', () => {
  it.each([
    ['malang', 'allowed'],
    ['blitar', 'FORBIDDEN'],
    ['caseOfficer', 'FORBIDDEN'],
    ['trainer', 'FORBIDDEN'],
    ['campus', 'FORBIDDEN'],
  ] as const)('registering a worker of Kabupaten Malang as %s: %s', async (who, expected) => {
    serial += 1;
    await attempt(
      who,
      `mutation($input: RegisterWorkerInput!) { registerWorker(input: $input) { id } }`,
      { input: workerInput(serial) },
      expected,
    );
  });

  it.each([
    ['malang', 'allowed'],
    ['blitar', 'NOT_FOUND'],
    ['caseOfficer', 'FORBIDDEN'],
    ['trainer', 'FORBIDDEN'],
    ['campus', 'FORBIDDEN'],
  ] as const)('updating a worker, recording and verifying a document as %s: %s', async (who, expected) => {
    const id = await freshWorker();
    await attempt(
      who,
      `mutation($id: ID!) { updateWorker(id: $id, input: { phone: "081299990000" }) { id } }`,
      { id },
      expected,
    );
    await attempt(
      who,
      `mutation($id: ID!) { recordDocument(input: { workerId: $id, type: SOCIAL_SECURITY, issuer: "BPJS Ketenagakerjaan" }) { id } }`,
      { id },
      expected,
    );
  });

  it.each([
    ['malang', 'allowed'],
    ['blitar', 'NOT_FOUND'],
    ['caseOfficer', 'FORBIDDEN'],
    ['trainer', 'FORBIDDEN'],
  ] as const)('recording a placement and its departure as %s: %s', async (who, expected) => {
    const id = await freshWorker();
    dataOf(
      await world.clients.malang.query(
        `mutation($id: ID!) { changeWorkerStatus(id: $id, status: VERIFIED) { id } }`,
        { id },
      ),
    );
    const create = `mutation($id: ID!) { createPlacement(input: { workerId: $id, scheme: GOVERNMENT, destinationCountry: "KR", occupation: FACTORY_OPERATOR, sector: MANUFACTURING }) { id } }`;
    await attempt(who, create, { id }, expected);
    // The departure is tried on a placement the Malang office recorded, so only that write is under test.
    const placements = dataOf(
      await world.clients.malang.query<{ worker: { placements: { id: string }[] } }>(
        `query($id: ID!) { worker(id: $id) { placements { id } } }`,
        { id },
      ),
    );
    const placementId =
      placements.worker.placements[0]?.id ??
      dataOf(await world.clients.malang.query<{ createPlacement: { id: string } }>(create, { id }))
        .createPlacement.id;
    await attempt(
      who,
      `mutation($p: ID!) { recordDeparture(placementId: $p, departedOn: "2025-07-01") { id } }`,
      { p: placementId },
      expected,
    );
  });

  it.each([
    ['malang', 'allowed'],
    ['blitar', 'NOT_FOUND'],
    ['caseOfficer', 'FORBIDDEN'],
    ['campus', 'FORBIDDEN'],
  ] as const)('granting and revoking consent as %s: %s', async (who, expected) => {
    const id = await freshWorker();
    await attempt(
      who,
      `mutation($w: ID!, $g: ID!) { grantConsent(input: { workerId: $w, granteeInstitutionId: $g, purpose: EMPOWERMENT }) { id } }`,
      { w: id, g: world.clients.campus.institutionId },
      expected,
    );
  });
});

describe('cases: opened by the labour office (own region) and the ministry, updated by the ministry', () => {
  const open = `mutation($w: ID!) { openCase(input: { workerId: $w, category: LOST_CONTACT, channel: CALL_CENTRE, summary: "Family lost contact." }) { id } }`;
  it.each([
    ['malang', 'allowed'],
    ['caseOfficer', 'allowed'],
    ['blitar', 'NOT_FOUND'],
    ['analyst', 'FORBIDDEN'],
    ['trainer', 'FORBIDDEN'],
    ['campus', 'FORBIDDEN'],
  ] as const)('opening a case as %s: %s', async (who, expected) => {
    await attempt(who, open, { w: world.ids.workerId }, expected);
  });

  it.each([
    ['caseOfficer', 'allowed'],
    ['malang', 'FORBIDDEN'],
    ['analyst', 'FORBIDDEN'],
    ['trainer', 'FORBIDDEN'],
  ] as const)('adding a note to a case as %s: %s', async (who, expected) => {
    await attempt(
      who,
      `mutation($c: ID!) { addCaseNote(caseId: $c, text: "Attaché contacted.") { id } }`,
      { c: world.ids.caseId },
      expected,
    );
  });
});

describe('agencies and job orders: the ministry with agencies:write', () => {
  it.each([
    ['caseOfficer', 'allowed'],
    ['analyst', 'FORBIDDEN'],
    ['malang', 'FORBIDDEN'],
    ['trainer', 'FORBIDDEN'],
  ] as const)('licensing an agency and recording a job order as %s: %s', async (who, expected) => {
    serial += 1;
    await attempt(
      who,
      `mutation($n: String!) { registerPlacementAgency(input: { name: $n, licenceNumber: $n, licenceValidFrom: "2025-01-01", licenceValidUntil: "2030-01-01", headOfficeRegionCode: "35.07" }) { id } }`,
      { n: `SIP3MI-W-${serial}` },
      expected,
    );
    await attempt(
      who,
      `mutation($a: ID!) { imposeSanction(input: { agencyId: $a, type: WRITTEN_WARNING, reason: "Late reports.", imposedOn: "2025-06-01" }) { id } }`,
      { a: world.ids.agencyId },
      expected,
    );
  });
});

describe('training: the provider, own courses, consenting workers only', () => {
  it.each([
    ['trainer', 'allowed'],
    ['otherTrainer', 'NOT_FOUND'],
    ['caseOfficer', 'FORBIDDEN'],
    ['malang', 'FORBIDDEN'],
  ] as const)('scheduling a course at the consented provider as %s: %s', async (who, expected) => {
    const provider = dataOf(
      await world.clients.trainer.query<{ course: { provider: { id: string } } }>(
        `query($c: ID!) { course(id: $c) { provider { id } } }`,
        { c: world.ids.courseId },
      ),
    ).course.provider.id;
    await attempt(
      who,
      `mutation($p: ID!) { createCourse(input: { providerId: $p, title: "Cooking", kind: SKILL, hours: 40, startDate: "2026-01-05", endDate: "2026-02-05", capacity: 10 }) { id } }`,
      { p: provider },
      expected,
    );
  });

  it('lets a provider enrol a worker only with her consent to that provider', async () => {
    await attempt(
      'otherTrainer',
      `mutation($c: ID!, $w: ID!) { enrollWorker(courseId: $c, workerId: $w) { id } }`,
      { c: world.ids.otherCourseId, w: world.ids.workerId },
      'NOT_FOUND',
    );
    await attempt(
      'otherTrainer',
      `mutation($w: ID!) { issueCertification(input: { workerId: $w, scheme: "X", issuer: "LSP", number: "N-1", issuedOn: "2025-05-05" }) { id } }`,
      { w: world.ids.workerId },
      'NOT_FOUND',
    );
  });
});

describe('mentoring: the university, own programmes, consenting workers only', () => {
  const log = `mutation($p: ID!, $m: ID!, $w: ID!) { logMentoringSession(input: { programId: $p, mentorId: $m, participantIds: [$w], date: "2025-09-01", durationMinutes: 45, mode: ONLINE, form: GUIDANCE, topics: [FINANCIAL_LITERACY] }) { id } }`;
  it.each([
    ['campus', 'allowed'],
    ['trainer', 'FORBIDDEN'],
    ['malang', 'FORBIDDEN'],
  ] as const)('logging a session of the consented programme as %s: %s', async (who, expected) => {
    await attempt(
      who,
      log,
      { p: world.ids.programId, m: world.ids.mentorId, w: world.ids.workerId },
      expected,
    );
  });

  it('refuses a session with a worker who did not consent to that university', async () => {
    await attempt(
      'otherCampus',
      log,
      { p: world.ids.otherProgramId, m: world.ids.otherMentorId, w: world.ids.workerId },
      'NOT_FOUND',
    );
  });
});
