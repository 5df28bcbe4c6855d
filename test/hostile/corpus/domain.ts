import { composeNik } from '../../../shared/validation/nik.js';
import {
  badInput,
  entries,
  graphql,
  INVALID,
  type Expectation,
  type HostileEntry,
  type Json,
} from './entry.js';

export const REGISTER =
  'mutation Register($input: RegisterWorkerInput!) { registerWorker(input: $input) { id } }';

/** A registration the Malang office could make: every entry below breaks exactly one thing. */
export const validRegistration = {
  nik: composeNik('35.07.11', '1990-01-20', 'FEMALE', 4242),
  fullName: 'Dewi Lestari',
  sex: 'FEMALE',
  birthDate: '1990-01-20',
  birthPlace: 'Malang',
  maritalStatus: 'SINGLE',
  education: 'PRIMARY',
  address: 'Jl. Raya Kepanjen 1',
  villageCode: '35.07.11.2008',
} as const;

/** The NIK of the world's Malang worker: registering it again is a conflict. */
const TAKEN_NIK = composeNik('35.07.11', '1987-04-12', 'FEMALE', 901);

export function register(change: Record<string, Json>): ReturnType<typeof graphql> {
  return graphql(REGISTER, { input: { ...validRegistration, ...change } });
}

const nik = (value: string, title: string) => ({
  title: `a NIK ${title}`,
  request: register({ nik: value }),
  expect: badInput('input.nik'),
});

const PLACEMENT = 'mutation($input: CreatePlacementInput!) { createPlacement(input: $input) { id } }';
const placement = (change: Record<string, Json>) =>
  graphql(PLACEMENT, {
    input: {
      workerId: '«workerId»',
      scheme: 'GOVERNMENT',
      destinationCountry: 'KR',
      occupation: 'FACTORY_OPERATOR',
      sector: 'MANUFACTURING',
      plannedDepartureDate: '2026-05-01',
      ...change,
    },
  });

const SCALAR_DATE = badInput();

/** Values that are well typed but wrong for the domain: NIKs, regions, countries, dates, names. */
export const domainInput: readonly HostileEntry[] = entries('domain input', [
  // NIKs of every kind of wrong.
  nik('35071160019', 'of 11 digits'),
  nik('350711600190007700', 'of 18 digits'),
  nik('', 'that is empty'),
  nik('35O71160019OOO77', 'with the letter O for zero'),
  nik('3507 1160 0190 0077', 'written with spaces'),
  nik('3507-1160-0190-0077', 'written with dashes'),
  nik('0000000000000000', 'of all zeros'),
  nik('9907116001900077', 'with an unknown province'),
  nik('3500116001900077', 'with regency 00'),
  nik('3570116001900077', 'with regency 70'),
  nik('3599116001900077', 'with a regency unknown in Jawa Timur'),
  nik('3507006001900077', 'with kecamatan 00'),
  nik('3507996001900077', 'with a kecamatan unknown in Kabupaten Malang'),
  nik('3507110001900077', 'with birth day 00'),
  nik('3507113201900077', 'with birth day 32'),
  nik('3507117201900077', "with a woman's birth day 72 (32 + 40)"),
  nik('3507113002900077', 'born on 30 February'),
  nik('3507116000900077', 'with birth month 00'),
  nik('3507116013900077', 'with birth month 13'),
  nik('3507116001900000', 'with serial 0000'),
  nik('３５０７１１６００１９０００７７', 'in full-width digits'),
  nik('٣٥٠٧١١٦٠٠١٩٠٠٠٧٧', 'in Arabic-Indic digits'),
  nik('-350711600190007', 'with a minus sign'),
  nik('3.50711600190007e15', 'in exponent notation'),
  {
    title: 'a NIK already registered',
    // The same person again: her NIK agrees with her birth date, so only the duplicate is wrong.
    request: register({ nik: TAKEN_NIK, birthDate: '1987-04-12' }),
    expect: { codes: ['CONFLICT'] },
  },
  { title: 'a NIK given as a number', request: register({ nik: 3507116001900077 }), expect: badInput() },
  { title: 'a null NIK', request: register({ nik: null }), expect: badInput() },
  {
    title: 'a NIK of 16 digits looked up as an integer literal',
    request: graphql('{ workerByNik(nik: 3507116001900077) { id } }'),
    expect: { codes: ['GRAPHQL_VALIDATION_FAILED'] },
  },
  // Region and village codes.
  {
    title: 'an unknown village',
    request: register({ villageCode: '35.07.11.2999' }),
    expect: badInput('input.villageCode'),
  },
  {
    title: 'a village code without dots',
    request: register({ villageCode: '3507112008' }),
    expect: badInput('input.villageCode'),
  },
  {
    title: 'a kecamatan where a village belongs',
    request: register({ villageCode: '35.07.11' }),
    expect: badInput('input.villageCode'),
  },
  {
    title: 'a village code with a trailing dot',
    request: register({ villageCode: '35.07.11.2008.' }),
    expect: badInput('input.villageCode'),
  },
  {
    title: 'a village code with a double dot',
    request: register({ villageCode: '35..07.11.2008' }),
    expect: badInput('input.villageCode'),
  },
  {
    title: 'a village code with surrounding spaces',
    request: register({ villageCode: ' 35.07.11.2008 ' }),
    expect: badInput('input.villageCode'),
  },
  {
    title: 'a village code with a LIKE wildcard',
    request: register({ villageCode: '35.07.11.%' }),
    expect: badInput('input.villageCode'),
  },
  {
    title: 'a village of another regency (Blitar) for the Malang office',
    request: register({ villageCode: '35.05.01.2001' }),
    expect: { codes: ['BAD_USER_INPUT', 'FORBIDDEN'] },
  },
  {
    title: 'a region filter that is a wildcard',
    request: graphql('{ workers(filter: { regionCode: "%" }) { totalCount } }'),
    expect: badInput('filter.regionCode'),
  },
  {
    title: 'a region filter with a trailing wildcard',
    request: graphql('{ workers(filter: { regionCode: "35.0_" }) { totalCount } }'),
    expect: badInput('filter.regionCode'),
  },
  {
    title: 'an unknown region code for the region lookup',
    request: graphql('{ region(code: "99.99") { name } }'),
    expect: { answer: { region: null } },
  },
  {
    title: 'a malformed parent code for the region list',
    request: graphql('{ regions(parentCode: "35.%") { code } }'),
    expect: badInput('parentCode'),
  },
  {
    title: 'a village as the parent of the cross-region view',
    request: graphql('{ regionStats(parentCode: "35.07.11.2008", year: 2025) { regionCode } }'),
    expect: badInput('parentCode'),
  },
  {
    title: 'year 0 in the cross-region view',
    request: graphql('{ regionStats(parentCode: "35", year: 0) { regionCode } }'),
    expect: badInput('year'),
  },
  {
    title: 'a negative year',
    request: graphql('{ regionStats(parentCode: "35", year: -2025) { regionCode } }'),
    expect: badInput('year'),
  },
  {
    title: 'the largest Int as a year',
    request: graphql('{ regionStats(parentCode: "35", year: 2147483647) { regionCode } }'),
    expect: badInput('year'),
  },
  {
    title: 'a malformed region for the provider directory',
    request: graphql('{ trainingProviders(regionCode: "35.07;") { id } }'),
    expect: badInput('regionCode'),
  },
  {
    title: 'a malformed region in a case filter',
    request: graphql('{ cases(filter: { regionCode: "35-07" }) { totalCount } }'),
    as: 'ministry',
    expect: badInput('filter.regionCode'),
  },
  // Countries and currencies.
  {
    title: 'an unknown country',
    request: placement({ destinationCountry: 'XX' }),
    expect: badInput('input.destinationCountry'),
  },
  {
    title: 'a country code in lower case',
    request: placement({ destinationCountry: 'hk' }),
    expect: badInput('input.destinationCountry'),
  },
  {
    title: 'an alpha-3 country code',
    request: placement({ destinationCountry: 'HKG' }),
    expect: badInput('input.destinationCountry'),
  },
  {
    title: 'Indonesia as a destination abroad',
    request: placement({ destinationCountry: 'ID' }),
    expect: badInput('input.destinationCountry'),
  },
  {
    title: 'an empty country',
    request: placement({ destinationCountry: '' }),
    expect: badInput('input.destinationCountry'),
  },
  {
    title: 'an unknown currency',
    request: placement({ monthlyWage: 8000, wageCurrency: 'XXX' }),
    expect: badInput('input.wageCurrency'),
  },
  {
    title: 'a currency in lower case',
    request: placement({ monthlyWage: 8000, wageCurrency: 'hkd' }),
    expect: badInput('input.wageCurrency'),
  },
  {
    title: 'a crypto currency',
    request: placement({ monthlyWage: 8000, wageCurrency: 'BTC' }),
    expect: badInput('input.wageCurrency'),
  },
  {
    title: 'a wage without a currency',
    request: placement({ monthlyWage: 8000 }),
    expect: badInput('input.wageCurrency'),
  },
  {
    title: 'a negative wage',
    request: placement({ monthlyWage: -8000, wageCurrency: 'HKD' }),
    expect: badInput('input.monthlyWage'),
  },
  {
    title: 'the largest Int as a wage',
    request: placement({ monthlyWage: 2147483647, wageCurrency: 'HKD' }),
    expect: badInput('input.monthlyWage'),
  },
  {
    title: 'a contract of 0 months',
    request: placement({ contractMonths: 0 }),
    expect: badInput('input.contractMonths'),
  },
  {
    title: 'a contract of 121 months',
    request: placement({ contractMonths: 121 }),
    expect: badInput('input.contractMonths'),
  },
  {
    title: 'an unknown country in a worker filter',
    request: graphql('{ workers(filter: { destinationCountry: "ZZ" }) { totalCount } }'),
    expect: badInput('filter.destinationCountry'),
  },
  {
    title: 'an unknown country on a case',
    request: graphql(
      'mutation { openCase(input: { workerId: "«workerId»", category: OTHER, channel: WALK_IN, countryCode: "QQ", summary: "Test." }) { id } }',
    ),
    as: 'ministry',
    expect: badInput('input.countryCode'),
  },
  // Dates.
  {
    title: 'a birth date in the future',
    request: register({ birthDate: '2090-01-01' }),
    expect: badInput('input.birthDate'),
  },
  {
    title: 'a birth date of a child',
    request: register({ birthDate: '2015-06-01' }),
    expect: badInput('input.birthDate'),
  },
  {
    title: 'a birth date before 1920',
    request: register({ birthDate: '1901-01-01' }),
    expect: badInput('input.birthDate'),
  },
  { title: 'a birth date in year 0', request: register({ birthDate: '0000-01-01' }), expect: SCALAR_DATE },
  { title: 'a birth date in year 9999', request: register({ birthDate: '9999-12-31' }), expect: SCALAR_DATE },
  { title: '30 February', request: register({ birthDate: '1990-02-30' }), expect: SCALAR_DATE },
  {
    title: '29 February of a common year',
    request: register({ birthDate: '1991-02-29' }),
    expect: SCALAR_DATE,
  },
  { title: 'month 13', request: register({ birthDate: '1990-13-01' }), expect: SCALAR_DATE },
  { title: 'a date without zero padding', request: register({ birthDate: '1990-1-1' }), expect: SCALAR_DATE },
  { title: 'a date with slashes', request: register({ birthDate: '20/01/1990' }), expect: SCALAR_DATE },
  {
    title: 'a date with a time',
    request: register({ birthDate: '1990-01-20T00:00:00Z' }),
    expect: SCALAR_DATE,
  },
  { title: 'an expanded year', request: register({ birthDate: '+001990-01-20' }), expect: SCALAR_DATE },
  { title: 'a date as a number', request: register({ birthDate: 19900120 }), expect: SCALAR_DATE },
  { title: 'an empty date', request: register({ birthDate: '' }), expect: SCALAR_DATE },
  {
    title: 'a date literal that is not a string',
    request: graphql('{ courses(startsFrom: 20250101) { id } }'),
    expect: { codes: ['GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT'] },
  },
  {
    title: 'a return before the departure',
    request: placement({ expectedReturnDate: '2026-01-01' }),
    expect: badInput('input.expectedReturnDate'),
  },
  {
    title: 'a document valid until before it was issued',
    request: graphql(
      'mutation { recordDocument(input: { workerId: "«workerId»", type: NATIONAL_ID, issuer: "Disdukcapil", issuedOn: "2020-01-01", validUntil: "2019-01-01" }) { id } }',
    ),
    expect: badInput('input.validUntil'),
  },
  {
    title: 'a document issued in the future',
    request: graphql(
      'mutation { recordDocument(input: { workerId: "«workerId»", type: NATIONAL_ID, issuer: "Disdukcapil", issuedOn: "2099-01-01" }) { id } }',
    ),
    expect: badInput('input.issuedOn'),
  },
  {
    title: 'a departure in the future',
    request: graphql(
      'mutation { recordDeparture(placementId: "«placementId»", departedOn: "2099-01-01") { id } }',
    ),
    expect: badInput(),
  },
  {
    title: 'a consent that expires in the past',
    request: graphql(
      'mutation { grantConsent(input: { workerId: "«workerId»", granteeInstitutionId: "«trainerInstitutionId»", purpose: TRAINING, expiresAt: "2001-01-01T00:00:00Z" }) { id } }',
    ),
    expect: badInput(),
  },
  {
    title: 'a consent expiry without a time zone',
    request: graphql(
      'mutation { grantConsent(input: { workerId: "«workerId»", granteeInstitutionId: "«trainerInstitutionId»", purpose: TRAINING, expiresAt: "2030-01-01T00:00:00" }) { id } }',
    ),
    expect: { codes: ['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED'] },
  },
  {
    title: 'a course that ends before it starts',
    request: graphql(
      'mutation { createCourse(input: { providerId: "00000000-0000-4000-8000-000000000000", title: "Mandarin", kind: LANGUAGE, language: "zh", hours: 200, startDate: "2026-05-01", endDate: "2026-01-01", capacity: 20 }) { id } }',
    ),
    as: 'trainer',
    expect: badInput('input.endDate'),
  },
  {
    title: 'a course of minus ten hours',
    request: graphql(
      'mutation { createCourse(input: { providerId: "00000000-0000-4000-8000-000000000000", title: "Mandarin", kind: LANGUAGE, language: "zh", hours: -10, startDate: "2026-01-01", endDate: "2026-05-01", capacity: 20 }) { id } }',
    ),
    as: 'trainer',
    expect: badInput('input.hours'),
  },
  {
    title: 'a language course in a language that is not ISO 639-1',
    request: graphql(
      'mutation { createCourse(input: { providerId: "00000000-0000-4000-8000-000000000000", title: "Klingon", kind: LANGUAGE, language: "tlh", hours: 10, startDate: "2026-01-01", endDate: "2026-05-01", capacity: 20 }) { id } }',
    ),
    as: 'trainer',
    expect: badInput('input.language'),
  },
  {
    title: 'an agency licence that ends before it starts',
    request: graphql(
      'mutation { registerPlacementAgency(input: { name: "PT Mundur", licenceNumber: "SIP3MI/1/2024", licenceValidFrom: "2025-01-01", licenceValidUntil: "2024-01-01", headOfficeRegionCode: "35.07" }) { id } }',
    ),
    as: 'ministry',
    expect: badInput('input.licenceValidUntil'),
  },
  {
    title: 'a mentoring session in the future',
    request: graphql(
      'mutation { logMentoringSession(input: { programId: "«programId»", mentorId: "«mentorId»", participantIds: ["«workerId»"], date: "2099-01-01", durationMinutes: 60, mode: ONLINE, form: MENTORING, topics: [BUSINESS_PLAN] }) { id } }',
    ),
    as: 'campus',
    expect: badInput('input.date'),
  },
  {
    title: 'a mentoring session of 100,000 minutes with the same topic twice',
    request: graphql(
      'mutation { logMentoringSession(input: { programId: "«programId»", mentorId: "«mentorId»", participantIds: ["«workerId»", "«workerId»"], date: "2025-08-02", durationMinutes: 100000, mode: ONLINE, form: MENTORING, topics: [BUSINESS_PLAN, BUSINESS_PLAN] }) { id } }',
    ),
    as: 'campus',
    expect: badInput(),
  },
  // Names and free text.
  { title: 'an empty name', request: register({ fullName: '' }), expect: badInput('input.fullName') },
  { title: 'a name of spaces', request: register({ fullName: '     ' }), expect: badInput('input.fullName') },
  {
    title: 'a name of tabs and newlines',
    request: register({ fullName: '\t\n\r\n' }),
    expect: badInput('input.fullName'),
  },
  {
    title: 'a name of no-break and ideographic spaces',
    request: register({ fullName: '\u00a0\u3000\u2007' }),
    expect: badInput('input.fullName'),
  },
  {
    title: 'a name of 121 characters',
    request: register({ fullName: 'A'.repeat(121) }),
    expect: badInput('input.fullName'),
  },
  {
    title: 'an address of 100,000 characters',
    request: register({ address: 'Jl. '.repeat(25_000) }),
    expect: badInput('input.address'),
  },
  {
    title: 'a name with a bell character',
    request: register({ fullName: 'Dewi\u0007 Lestari' }),
    expect: badInput('input.fullName'),
  },
  {
    title: 'a name with an ANSI escape sequence',
    request: register({ fullName: '\u001b[31mDewi\u001b[0m' }),
    expect: badInput('input.fullName'),
  },
  {
    title: 'a phone number with letters',
    request: register({ phone: '0812-CALL-ME' }),
    expect: badInput('input.phone'),
  },
  {
    title: 'a phone number of 40 digits',
    request: register({ phone: '0'.repeat(40) }),
    expect: badInput('input.phone'),
  },
  { title: 'an unknown enum value for sex', request: register({ sex: 'OTHER' }), expect: badInput() },
  {
    title: 'a new worker registered straight as DEPARTED',
    request: register({ status: 'DEPARTED' }),
    expect: badInput('input.status'),
  },
  {
    title: 'an update that changes nothing',
    request: graphql('mutation { updateWorker(id: "«workerId»", input: {}) { id } }'),
    expect: badInput('input'),
  },
  {
    title: 'an update that sets a required field to null',
    request: graphql('mutation { updateWorker(id: "«workerId»", input: { fullName: null }) { id } }'),
    expect: badInput('input.fullName'),
  },
  {
    title: 'a passport number of 20 characters',
    request: graphql(
      'mutation { recordDocument(input: { workerId: "«workerId»", type: PASSPORT, number: "C1234567890123456789", issuer: "Imigrasi" }) { id } }',
    ),
    expect: badInput('input.number'),
  },
  {
    title: 'an empty case summary',
    request: graphql(
      'mutation { openCase(input: { workerId: "«workerId»", category: OTHER, channel: WALK_IN, summary: "  " }) { id } }',
    ),
    expect: badInput('input.summary'),
  },
  {
    title: 'a case note of 4,001 characters',
    request: graphql(`mutation { addCaseNote(caseId: "«caseId»", text: "${'n'.repeat(4001)}") { id } }`),
    as: 'ministry',
    expect: badInput(),
  },
  {
    title: 'a status change to an unknown status',
    request: graphql('mutation { changeWorkerStatus(id: "«workerId»", status: DELETED) { id } }'),
    expect: { codes: ['GRAPHQL_VALIDATION_FAILED'] } satisfies Expectation,
  },
  {
    // Consent facts travel only from labour to the grantees' subgraphs, signed with labour's key;
    // the contract has no mutation for them any more.
    title: 'a consent fact sent as the retired shareConsentWithTraining mutation',
    request: graphql(
      'mutation { shareConsentWithTraining(fact: { consentId: "00000000-0000-4000-8000-000000000001", workerId: "«hiddenWorkerId»", purpose: TRAINING, workerDistrictCode: "35.07.11", granteeInstitutionId: "«trainerInstitutionId»", grantedAt: "2025-01-01T00:00:00Z" }) { consentId } }',
    ),
    expect: INVALID,
  },
]);
