import { register } from './domain.js';
import { badInput, entries, graphql, raw, type HostileEntry } from './entry.js';

const SEARCH = 'query($n: String) { workers(filter: { nameContains: $n }) { totalCount } }';
const search = (text: string) => graphql(SEARCH, { n: text });
const NO_MATCH = { answer: { workers: { totalCount: 0 } } } as const;
const byNik = (value: string) => graphql('query($n: String!) { workerByNik(nik: $n) { id } }', { n: value });
const NO_WORKER = { answer: { workerByNik: null } } as const;
const NAME = badInput('input.fullName');
/** JSON text with `\uXXXX` escapes kept as written (a lone surrogate cannot be built otherwise). */
const escapedVariables = (query: string, variables: string) =>
  raw(`{"query": ${JSON.stringify(query)}, "variables": ${variables}}`);

/** Text that is valid JSON and valid GraphQL but not text a record should hold. */
export const unicode: readonly HostileEntry[] = entries('unicode', [
  // Written into a record: refused, naming the field.
  {
    title: 'a name with a right-to-left override',
    request: register({ fullName: 'Dewi \u202eirtseL' }),
    expect: NAME,
  },
  {
    title: 'a name with bidirectional isolates',
    request: register({ fullName: 'Dewi \u2067Lestari\u2069' }),
    expect: NAME,
  },
  {
    title: 'a name of zero-width spaces only',
    request: register({ fullName: '\u200b\u200b\u200b' }),
    expect: NAME,
  },
  {
    title: 'a name of zero-width joiners and a BOM',
    request: register({ fullName: '\u200d\ufeff\u200c' }),
    expect: NAME,
  },
  {
    title: 'a name of combining marks only',
    request: register({ fullName: '\u0301\u0308\u0327' }),
    expect: NAME,
  },
  {
    title: 'a name with 30 stacked combining marks (zalgo)',
    request: register({ fullName: `D${'\u0336'.repeat(30)}ewi` }),
    expect: NAME,
  },
  { title: 'a name of emoji', request: register({ fullName: '💃🏽 Dewi 💃🏽' }), expect: NAME },
  {
    title: 'a name with a NUL character',
    request: register({ fullName: 'Dewi\u0000Lestari' }),
    expect: NAME,
  },
  {
    title: 'a name with a lone high surrogate',
    request: escapedVariables(
      'mutation($i: RegisterWorkerInput!) { registerWorker(input: $i) { id } }',
      '{"i": {"nik": "3507116001904242", "fullName": "Dewi \\ud800", "sex": "FEMALE", "birthDate": "1990-01-20", "birthPlace": "Malang", "maritalStatus": "SINGLE", "education": "PRIMARY", "address": "Jl. Raya 1", "villageCode": "35.07.11.2008"}}',
    ),
    expect: { codes: ['BAD_USER_INPUT'], field: 'input.fullName' },
  },
  {
    title: 'an address with a lone low surrogate',
    request: escapedVariables(
      'mutation($i: RegisterWorkerInput!) { registerWorker(input: $i) { id } }',
      '{"i": {"nik": "3507116001904242", "fullName": "Dewi Lestari", "sex": "FEMALE", "birthDate": "1990-01-20", "birthPlace": "Malang", "maritalStatus": "SINGLE", "education": "PRIMARY", "address": "Jl. \\udfff Raya", "villageCode": "35.07.11.2008"}}',
    ),
    expect: { codes: ['BAD_USER_INPUT'], field: 'input.address' },
  },
  {
    title: 'an address with a NUL character',
    request: register({ address: 'Jl. Raya\u0000 1' }),
    expect: badInput('input.address'),
  },
  {
    title: 'a birth place with a right-to-left override',
    request: register({ birthPlace: 'Mal\u202eang' }),
    expect: badInput('input.birthPlace'),
  },
  {
    title: 'a birth place of zero-width characters',
    request: register({ birthPlace: '\u2060\u200b' }),
    expect: badInput('input.birthPlace'),
  },
  {
    title: 'a NIK with a zero-width space inside',
    request: register({ nik: '35071160\u200b01904242' }),
    expect: badInput('input.nik'),
  },
  {
    title: 'a NIK with a trailing newline',
    request: register({ nik: '3507116001904242\n' }),
    expect: badInput('input.nik'),
  },
  {
    title: 'a NIK with a NUL character',
    request: register({ nik: '3507116001904242\u0000' }),
    expect: badInput('input.nik'),
  },
  {
    title: 'a village code with a right-to-left override',
    request: register({ villageCode: '35.07.\u202e8002.11' }),
    expect: badInput('input.villageCode'),
  },
  {
    title: 'a case summary with a NUL character',
    request: graphql(
      'mutation($s: String!) { openCase(input: { workerId: "«workerId»", category: OTHER, channel: WALK_IN, summary: $s }) { id } }',
      { s: 'Upah\u0000 tidak dibayar' },
    ),
    expect: badInput('input.summary'),
  },
  {
    title: 'a mentor named in emoji',
    request: graphql(
      'mutation { addMentor(input: { universityId: "«universityId»", fullName: "🧑‍🏫", expertise: [BUSINESS_PLAN] }) { id } }',
    ),
    as: 'campus',
    expect: badInput('input.fullName'),
  },
  // Searched and looked up: nothing found, nothing broken.
  {
    title: 'a name search with a NUL character',
    request: search('De\u0000wi'),
    expect: badInput('filter.nameContains'),
  },
  {
    title: 'a name search with a lone surrogate',
    request: escapedVariables(SEARCH, '{"n": "De\\ud83dwi"}'),
    expect: NO_MATCH,
  },
  { title: 'a name search with a right-to-left override', request: search('\u202eiweD'), expect: NO_MATCH },
  { title: 'a name search of zero-width characters', request: search('\u200b\u200b'), expect: NO_MATCH },
  { title: 'a name search of emoji', request: search('💃🏽💃🏽'), expect: NO_MATCH },
  { title: 'a name search of combining marks', request: search('\u0301\u0301'), expect: NO_MATCH },
  { title: 'a name search that lower-cases longer (İ)', request: search('İİİ'), expect: NO_MATCH },
  {
    title: 'a name search of 100 astral characters (200 UTF-16 units)',
    request: search('𝔇'.repeat(100)),
    expect: NO_MATCH,
  },
  { title: 'a NIK lookup with a NUL character', request: byNik('3507116001900077\u0000'), expect: NO_WORKER },
  {
    title: 'a NIK lookup with a lone surrogate',
    request: escapedVariables('query($n: String!) { workerByNik(nik: $n) { id } }', '{"n": "\\udc00"}'),
    expect: NO_WORKER,
  },
  {
    title: 'a NIK lookup in full-width digits',
    request: byNik('３５０７１１６００１９０００７７'),
    expect: NO_WORKER,
  },
  { title: 'a NIK lookup of 100,000 digits', request: byNik('3'.repeat(100_000)), expect: NO_WORKER },
  {
    title: 'a region lookup with a NUL character',
    request: graphql('query($c: String!) { region(code: $c) { name } }', { c: '35.07\u0000' }),
    expect: { answer: { region: null } },
  },
  {
    title: 'a region list under a parent with a NUL character',
    request: graphql('query($c: String!) { regions(parentCode: $c) { code } }', { c: '35\u0000' }),
    expect: badInput('parentCode'),
  },
  {
    title: 'a provider directory for a region with a NUL character',
    request: graphql('query($c: String) { trainingProviders(regionCode: $c) { id } }', { c: '35.07\u0000' }),
    expect: badInput('regionCode'),
  },
  {
    title: 'a worker id with a NUL character',
    request: graphql('query($id: ID!) { worker(id: $id) { id } }', { id: '«workerId»\u0000' }),
    expect: { answer: { worker: null } },
  },
  {
    title: 'a GraphQL string literal with a NUL escape',
    request: graphql('{ workers(filter: { nameContains: "De\\u0000wi" }) { totalCount } }'),
    expect: badInput('filter.nameContains'),
  },
  {
    title: 'a GraphQL string literal with a lone surrogate escape',
    request: graphql('{ workers(filter: { nameContains: "De\\uD800wi" }) { totalCount } }'),
  },
  {
    title: 'a field name in Cyrillic look-alike letters',
    request: graphql('{ wоrkers { totalCount } }'),
    expect: { codes: ['GRAPHQL_PARSE_FAILED'] },
  },
  {
    title: 'a zero-width space between tokens',
    request: graphql('{ workers\u200b { totalCount } }'),
    expect: { codes: ['GRAPHQL_PARSE_FAILED'] },
  },
  {
    title: 'a right-to-left override in a comment',
    request: graphql('{ workers { totalCount } } # \u202e }} revokeConsent {{'),
    expect: { answer: true },
  },
]);
