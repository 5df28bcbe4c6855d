import { composeNik } from '../../../shared/validation/nik.js';
import { encodeCursor } from '../../../shared/pagination.js';
import { badInput, entries, graphql, type Actor, type HostileEntry, type Json } from './entry.js';

const WORKERS =
  'query($first: Int, $after: String) { workers(first: $first, after: $after) { totalCount edges { cursor } } }';
const workers = (variables: Record<string, Json>) => graphql(WORKERS, variables);
const CASES = 'query($first: Int, $after: String) { cases(first: $first, after: $after) { totalCount } }';
const cases = (variables: Record<string, Json>) => graphql(CASES, variables);
const base64 = (text: string) => Buffer.from(text).toString('base64url');
const FIRST = badInput('first');
const AFTER = badInput('after');
const SOME_ID = '5f0c7d2e-8a4b-4c1d-9e3f-0a1b2c3d4e5f';

/** Page sizes and cursors a client may send but no client of the list could have been given. */
export const pagination: readonly HostileEntry[] = entries('pagination', [
  { title: 'first: -1', request: workers({ first: -1 }), expect: FIRST },
  { title: 'first: 0', request: workers({ first: 0 }), expect: FIRST },
  { title: 'first: 101', request: workers({ first: 101 }), expect: FIRST },
  { title: 'first: one million', request: workers({ first: 1_000_000 }), expect: FIRST },
  { title: 'first: the largest Int', request: workers({ first: 2147483647 }), expect: FIRST },
  { title: 'first: the smallest Int', request: workers({ first: -2147483648 }), expect: FIRST },
  {
    title: 'first: beyond 32 bits as a literal',
    request: graphql('{ workers(first: 2147483648) { totalCount } }'),
    expect: { codes: ['GRAPHQL_VALIDATION_FAILED'] },
  },
  {
    title: 'first: a float literal',
    request: graphql('{ workers(first: 1.5) { totalCount } }'),
    expect: { codes: ['GRAPHQL_VALIDATION_FAILED'] },
  },
  {
    title: 'first: 1e3 as a literal',
    request: graphql('{ workers(first: 1e3) { totalCount } }'),
    expect: { codes: ['GRAPHQL_VALIDATION_FAILED'] },
  },
  { title: 'first: a string variable', request: workers({ first: '10' }), expect: badInput() },
  { title: 'first: a float variable', request: workers({ first: 10.5 }), expect: badInput() },
  { title: 'first: negative on the case list', request: cases({ first: -5 }), as: 'ministry', expect: FIRST },
  {
    title: 'first: a million on the case list',
    request: cases({ first: 1_000_000 }),
    as: 'ministry',
    expect: FIRST,
  },
  {
    title: 'an after cursor that is not base64',
    request: workers({ after: '!!!not a cursor!!!' }),
    expect: AFTER,
  },
  {
    title: 'an after cursor of base64 garbage',
    request: workers({ after: 'AAECAwQFBgcICQ' }),
    expect: AFTER,
  },
  {
    title: 'an after cursor holding an object',
    request: workers({ after: base64('{"fullName": "A"}') }),
    expect: AFTER,
  },
  {
    title: 'an after cursor of the wrong length',
    request: workers({ after: encodeCursor(['Dewi']) }),
    expect: AFTER,
  },
  {
    title: 'an after cursor of the wrong types',
    request: workers({ after: encodeCursor([1, 2]) }),
    expect: AFTER,
  },
  {
    title: 'an after cursor whose id is not a UUID',
    request: workers({ after: encodeCursor(['Dewi', "x' OR 1=1 --"]) }),
    expect: AFTER,
  },
  {
    title: 'an after cursor of 1,000 characters',
    request: workers({ after: 'A'.repeat(1000) }),
    expect: AFTER,
  },
  {
    title: 'an after cursor holding __proto__',
    request: workers({ after: base64('{"__proto__": {"polluted": true}}') }),
    expect: AFTER,
  },
  {
    title: 'an after cursor whose name is SQL',
    request: workers({ after: encodeCursor(["' OR 1=1 --", SOME_ID]) }),
    expect: { answer: true },
  },
  {
    title: 'an after cursor whose name holds a NUL character',
    request: workers({ after: encodeCursor(['Dewi\u0000', SOME_ID]) }),
    expect: AFTER,
  },
  {
    title: 'an after cursor of the case list used on workers',
    request: workers({ after: encodeCursor(['2025-01-01T00:00:00.000Z', SOME_ID]) }),
    expect: { answer: true },
  },
  {
    title: 'an after cursor of the worker list used on cases',
    request: cases({ after: encodeCursor(['Matrix Worker 901', SOME_ID]) }),
    as: 'ministry',
    expect: AFTER,
  },
  {
    title: 'an after cursor of the case list with an impossible instant',
    request: cases({ after: encodeCursor(['2025-13-45T99:99:99Z', SOME_ID]) }),
    as: 'ministry',
    expect: AFTER,
  },
  {
    title: 'an after cursor of the case list with an instant far in the future',
    request: cases({ after: encodeCursor(['+275760-09-13T00:00:00.000Z', SOME_ID]) }),
    as: 'ministry',
    expect: AFTER,
  },
]);

const X = '1 OR 1=1';
const NOT_UUID_REFUSED: readonly (readonly [string, string, Actor?])[] = [
  ['changeWorkerStatus', `mutation { changeWorkerStatus(id: "${X}", status: WITHDRAWN) { id } }`],
  ['verifyDocument', `mutation { verifyDocument(id: "${X}") { id } }`],
  ['rejectDocument', `mutation { rejectDocument(id: "${X}", reason: "Blurred") { id } }`],
  ['recordDeparture', `mutation { recordDeparture(placementId: "${X}", departedOn: "2025-06-01") { id } }`],
  ['recordArrival', `mutation { recordArrival(placementId: "${X}", arrivedOn: "2025-06-02") { id } }`],
  [
    'recordReturn',
    `mutation { recordReturn(placementId: "${X}", returnedOn: "2025-07-01", reason: CONTRACT_COMPLETED) { id } }`,
  ],
  ['revokeConsent', `mutation { revokeConsent(id: "${X}") { id } }`],
  [
    'grantConsent',
    `mutation { grantConsent(input: { workerId: "${X}", granteeInstitutionId: "${X}", purpose: TRAINING }) { id } }`,
  ],
  [
    'recordDocument',
    `mutation { recordDocument(input: { workerId: "«workerId»", type: WORK_VISA, issuer: "Konsulat", placementId: "${X}" }) { id } }`,
  ],
  [
    'createPlacement',
    `mutation { createPlacement(input: { workerId: "«workerId»", scheme: PRIVATE_AGENCY, agencyId: "${X}", jobOrderId: "${X}", destinationCountry: "HK", occupation: HOUSEKEEPER, sector: DOMESTIC }) { id } }`,
  ],
  [
    'openCase',
    `mutation { openCase(input: { workerId: "${X}", placementId: "${X}", agencyId: "${X}", category: OTHER, channel: WALK_IN, summary: "Test." }) { id } }`,
  ],
  [
    'updateAgencyLicence',
    `mutation { updateAgencyLicence(id: "${X}", input: { licenceStatus: SUSPENDED }) { id } }`,
    'ministry',
  ],
  [
    'createJobOrder',
    `mutation { createJobOrder(input: { agencyId: "${X}", countryCode: "HK", employerName: "Lee", occupation: HOUSEKEEPER, quota: 1, recruitmentPermitNumber: "SIP2MI/1/1", validFrom: "2025-01-01", validUntil: "2025-12-31" }) { id } }`,
    'ministry',
  ],
  [
    'imposeSanction',
    `mutation { imposeSanction(input: { agencyId: "${X}", type: WRITTEN_WARNING, reason: "Test", imposedOn: "2025-01-01", caseId: "${X}" }) { id } }`,
    'ministry',
  ],
  [
    'changeCaseStatus',
    `mutation { changeCaseStatus(caseId: "${X}", status: IN_PROGRESS) { id } }`,
    'ministry',
  ],
  [
    'resolveCase',
    `mutation { resolveCase(caseId: "${X}", input: { outcome: SETTLED, summary: "Paid." }) { id } }`,
    'ministry',
  ],
  ['enrollWorker', `mutation { enrollWorker(courseId: "${X}", workerId: "${X}") { id } }`, 'trainer'],
  ['updateEnrollment', `mutation { updateEnrollment(id: "${X}", input: { score: 100 }) { id } }`, 'trainer'],
  [
    'issueCertification',
    `mutation { issueCertification(input: { workerId: "${X}", courseId: "${X}", scheme: "Housekeeping", issuer: "LSP", number: "X-1", issuedOn: "2025-01-01" }) { id } }`,
    'trainer',
  ],
  [
    'createCourse',
    `mutation { createCourse(input: { providerId: "${X}", title: "Mandarin", kind: LANGUAGE, language: "zh", hours: 10, startDate: "2026-01-01", endDate: "2026-02-01", capacity: 5 }) { id } }`,
    'trainer',
  ],
  [
    'createMentoringProgram',
    `mutation { createMentoringProgram(input: { universityId: "${X}", title: "Usaha", empowermentType: ECONOMIC, villageCode: "35.07.11.2008", startDate: "2025-01-01" }) { id } }`,
    'campus',
  ],
  [
    'addMentor',
    `mutation { addMentor(input: { universityId: "${X}", fullName: "Dr. Sari", expertise: [BOOKKEEPING] }) { id } }`,
    'campus',
  ],
  ['the courses of a provider', `{ courses(providerId: "${X}") { id } }`],
  ['the programmes of a university', `{ mentoringPrograms(universityId: "${X}") { id } }`],
  ['a case filter by agency', `{ cases(filter: { agencyId: "${X}" }) { totalCount } }`, 'ministry'],
  [
    'logMentoringSession',
    `mutation { logMentoringSession(input: { programId: "${X}", mentorId: "${X}", participantIds: ["${X}"], date: "2025-08-02", durationMinutes: 60, mode: ONLINE, form: MENTORING, topics: [BUSINESS_PLAN] }) { id } }`,
    'campus',
  ],
];
const NOT_UUID_NOTHING: readonly (readonly [string, string, Json, Actor?])[] = [
  ['case', `{ case(id: "${X}") { id } }`, { case: null }, 'ministry'],
  ['jobOrder', `{ jobOrder(id: "${X}") { id } }`, { jobOrder: null }],
  ['institution', `{ institution(id: "${X}") { id } }`, { institution: null }],
  ['trainingProvider', `{ trainingProvider(id: "${X}") { id } }`, { trainingProvider: null }],
  ['course', `{ course(id: "${X}") { id } }`, { course: null }],
  ['university', `{ university(id: "${X}") { id } }`, { university: null }],
  ['mentoringProgram', `{ mentoringProgram(id: "${X}") { id } }`, { mentoringProgram: null }],
  ['mentoringSession', `{ mentoringSession(id: "${X}") { id } }`, { mentoringSession: null }, 'campus'],
];

const WORKER = 'query($id: ID!) { worker(id: $id) { id fullName } }';
const worker = (id: Json) => graphql(WORKER, { id });
const NO_WORKER = { answer: { worker: null } } as const;
const NOT_FOUND = { codes: ['NOT_FOUND'] } as const;
const HIDDEN = { codes: ['NOT_FOUND', 'FORBIDDEN'] } as const;

/** Ids that name nothing, something else, or something the caller may not see. */
export const ids: readonly HostileEntry[] = entries('ids', [
  { title: 'a worker id that is not a UUID', request: worker('not-a-uuid'), expect: NO_WORKER },
  { title: 'an empty worker id', request: worker(''), expect: NO_WORKER },
  { title: 'the nil UUID', request: worker('00000000-0000-0000-0000-000000000000'), expect: NO_WORKER },
  { title: 'a UUID in braces', request: worker('{«workerId»}'), expect: NO_WORKER },
  { title: 'a UUID without dashes', request: worker('«workerIdHex»'), expect: NO_WORKER },
  { title: 'a worker id of 100,000 characters', request: worker('a'.repeat(100_000)), expect: NO_WORKER },
  { title: 'a worker id given as a number', request: worker(12345), expect: NO_WORKER },
  { title: 'the id of a placement as a worker id', request: worker('«placementId»'), expect: NO_WORKER },
  { title: 'the id of a case as a worker id', request: worker('«caseId»'), expect: NO_WORKER },
  { title: 'a worker of another region', request: worker('«hiddenWorkerId»'), expect: NO_WORKER },
  {
    title: 'a worker of the office region, asked for by a training provider without consent',
    request: worker('«hiddenWorkerId»'),
    as: 'trainer',
    expect: NO_WORKER,
  },
  {
    title: 'a worker of another region, by NIK',
    request: graphql(`{ workerByNik(nik: "${composeNik('35.05.01', '1987-04-12', 'FEMALE', 902)}") { id } }`),
    expect: { answer: { workerByNik: null } },
  },
  {
    title: 'a case, asked for by a training provider',
    request: graphql('{ case(id: "«caseId»") { id summary } }'),
    as: 'trainer',
    expect: { codes: ['FORBIDDEN', 'NOT_FOUND'] },
  },
  {
    title: "a mentoring session's notes, asked for by a training provider",
    request: graphql('{ mentoringSession(id: "«sessionId»") { id notes } }'),
    as: 'trainer',
    expect: { answer: { mentoringSession: null } },
  },
  {
    title: 'a worker id as a placement agency id',
    request: graphql('{ placementAgency(id: "«workerId»") { id } }'),
    expect: { answer: { placementAgency: null } },
  },
  {
    title: 'an update of a worker of another region',
    request: graphql(
      'mutation { updateWorker(id: "«hiddenWorkerId»", input: { phone: "081299998888" }) { id } }',
    ),
    expect: NOT_FOUND,
  },
  {
    title: 'a status change of a worker of another region',
    request: graphql(
      'mutation { changeWorkerStatus(id: "«hiddenWorkerId»", status: WITHDRAWN, reason: "test") { id } }',
    ),
    expect: NOT_FOUND,
  },
  {
    title: 'an update of a worker whose id is not a UUID',
    request: graphql('mutation { updateWorker(id: "1 OR 1=1", input: { phone: "081299998888" }) { id } }'),
    expect: { codes: ['NOT_FOUND', 'BAD_USER_INPUT'] },
  },
  {
    title: 'a document for a worker of another region',
    request: graphql(
      'mutation { recordDocument(input: { workerId: "«hiddenWorkerId»", type: NATIONAL_ID, issuer: "Disdukcapil Kabupaten Blitar" }) { id } }',
    ),
    expect: NOT_FOUND,
  },
  {
    title: "another region's office verifying this region's passport",
    request: graphql('mutation { verifyDocument(id: "«passportId»") { id } }'),
    as: 'otherOffice',
    expect: NOT_FOUND,
  },
  {
    title: "another region's office revoking this region's consent",
    request: graphql('mutation { revokeConsent(id: "«consentId»") { id } }'),
    as: 'otherOffice',
    expect: NOT_FOUND,
  },
  {
    title: "another region's office recording a departure",
    request: graphql(
      'mutation { recordDeparture(placementId: "«placementId»", departedOn: "2025-06-01") { id } }',
    ),
    as: 'otherOffice',
    expect: NOT_FOUND,
  },
  {
    title: "another region's office opening a case about this region's worker",
    request: graphql(
      'mutation { openCase(input: { workerId: "«workerId»", category: OTHER, channel: WALK_IN, summary: "Not my worker." }) { id } }',
    ),
    as: 'otherOffice',
    expect: HIDDEN,
  },
  {
    title: "a training provider enrolling a worker in another provider's course",
    request: graphql('mutation { enrollWorker(courseId: "«otherCourseId»", workerId: "«workerId»") { id } }'),
    as: 'trainer',
    expect: HIDDEN,
  },
  {
    title: 'a training provider enrolling a worker twice',
    request: graphql('mutation { enrollWorker(courseId: "«courseId»", workerId: "«workerId»") { id } }'),
    as: 'trainer',
    expect: { codes: ['CONFLICT'] },
  },
  {
    title: "a university logging a session in another university's programme",
    request: graphql(
      'mutation { logMentoringSession(input: { programId: "«otherProgramId»", mentorId: "«mentorId»", participantIds: ["«workerId»"], date: "2025-08-02", durationMinutes: 60, mode: ONLINE, form: MENTORING, topics: [BUSINESS_PLAN] }) { id } }',
    ),
    as: 'campus',
    expect: HIDDEN,
  },
  {
    title: 'a university logging a session for a worker without consent',
    request: graphql(
      'mutation { logMentoringSession(input: { programId: "«programId»", mentorId: "«mentorId»", participantIds: ["«hiddenWorkerId»"], date: "2025-08-02", durationMinutes: 60, mode: ONLINE, form: MENTORING, topics: [BUSINESS_PLAN] }) { id } }',
    ),
    as: 'campus',
    expect: HIDDEN,
  },
  {
    title: 'a labour office updating an enrolment',
    request: graphql('mutation { updateEnrollment(id: "«enrollmentId»", input: { score: 100 }) { id } }'),
    expect: { codes: ['FORBIDDEN'] },
  },
  {
    title: 'a labour office sanctioning an agency',
    request: graphql(
      'mutation { imposeSanction(input: { agencyId: "«agencyId»", type: LICENCE_REVOCATION, reason: "test", imposedOn: "2025-01-01" }) { id } }',
    ),
    expect: { codes: ['FORBIDDEN'] },
  },
  {
    title: 'a case note on a case id that is not a UUID',
    request: graphql('mutation { addCaseNote(caseId: "«caseId»x", text: "note") { id } }'),
    as: 'ministry',
    expect: { codes: ['NOT_FOUND', 'BAD_USER_INPUT'] },
  },
  // Every id argument of the API given something that is not a UUID: never a type error in SQL.
  ...NOT_UUID_REFUSED.map(([title, query, as]) => ({
    title: `a non-UUID id for ${title}`,
    request: graphql(query),
    ...(as ? { as } : {}),
    expect: { codes: ['NOT_FOUND', 'BAD_USER_INPUT'] },
  })),
  ...NOT_UUID_NOTHING.map(([title, query, answer, as]) => ({
    title: `a non-UUID id for ${title}`,
    request: graphql(query),
    ...(as ? { as } : {}),
    expect: { answer },
  })),
]);
