import { register } from './domain.js';
import { badInput, entries, graphql, raw, type HostileEntry, type Json } from './entry.js';

const SEARCH = 'query($n: String) { workers(filter: { nameContains: $n }) { totalCount } }';
const search = (text: string) => graphql(SEARCH, { n: text });
const NO_MATCH = { answer: { workers: { totalCount: 0 } } } as const;
const BY_NIK = 'query($n: String!) { workerByNik(nik: $n) { id } }';
const byNik = (value: string) => graphql(BY_NIK, { n: value });

const SQL = [
  "' OR 1=1 --",
  "'; DROP TABLE labour.workers; --",
  '" OR ""="',
  "') OR ('a'='a",
  '1; SELECT pg_sleep(10); --',
  "' UNION SELECT nik, full_name FROM labour.workers --",
  "\\'; DELETE FROM ministry.cases WHERE 'a'='a",
  '$$; DROP SCHEMA gateway CASCADE; $$',
  "Dewi' AND (SELECT count(*) FROM gateway.clients) > 0 --",
] as const;

/** Injection strings where data is searched, looked up, written, and in the request object itself. */
export const injection: readonly HostileEntry[] = entries('injection', [
  // SQL: parameters everywhere, so a search finds nothing and a write is refused on its own merits.
  ...SQL.map((text) => ({
    title: `a name search for ${JSON.stringify(text)}`,
    request: search(text),
    expect: NO_MATCH,
  })),
  ...SQL.slice(0, 4).map((text) => ({
    title: `a NIK lookup of ${JSON.stringify(text)}`,
    request: byNik(text),
    expect: { answer: { workerByNik: null } },
  })),
  {
    title: 'a worker id that is SQL',
    request: graphql(`{ worker(id: "${SQL[0]}") { id } }`),
    expect: { answer: { worker: null } },
  },
  {
    title: 'a region code that is SQL',
    request: graphql(`
      {
        region(code: "35.07' OR '1'='1") {
          name
        }
      }
    `),
    expect: { answer: { region: null } },
  },
  {
    title: 'an agency id that is SQL',
    request: graphql(`
      {
        jobOrders(agencyId: "1 OR 1=1") {
          id
        }
      }
    `),
    expect: { answer: { jobOrders: [] } },
  },
  {
    title: 'a registration whose name is SQL',
    request: register({ fullName: "Robert'); DROP TABLE labour.workers;--" }),
    expect: badInput('input.fullName'),
  },
  {
    title: 'a registration whose NIK is SQL',
    request: register({ nik: "3507' OR '1'='1" }),
    expect: badInput('input.nik'),
  },
  {
    title: 'a village code that is SQL',
    request: register({ villageCode: "35.07.11.2008'; --" }),
    expect: badInput('input.villageCode'),
  },
  {
    title: 'a case note that is SQL, on a case the office cannot see',
    request: graphql(
      `mutation { addCaseNote(caseId: "00000000-0000-4000-8000-000000000000", text: "${SQL[1]}") { id } }`,
    ),
    expect: { codes: ['NOT_FOUND', 'FORBIDDEN'] },
  },
  // LIKE wildcards are searched for literally.
  { title: 'a name search for %%', request: search('%%'), expect: NO_MATCH },
  { title: 'a name search for __', request: search('__'), expect: NO_MATCH },
  { title: 'a name search for %_%', request: search('%_%'), expect: NO_MATCH },
  { title: 'a name search for a backslash and a wildcard', request: search('\\%'), expect: NO_MATCH },
  {
    title: 'a name search for a single wildcard (too short)',
    request: search('%'),
    expect: badInput('filter.nameContains'),
  },
  { title: 'a name search for a POSIX regular expression', request: search('.*|^(a+)+$'), expect: NO_MATCH },
  // Script and markup: stored nowhere, echoed nowhere as markup.
  { title: 'a name search for a script tag', request: search('<script>alert(1)</script>'), expect: NO_MATCH },
  {
    title: 'a registration whose name is a script tag',
    request: register({ fullName: '<script>alert(document.cookie)</script>' }),
    expect: badInput('input.fullName'),
  },
  {
    title: 'a registration whose name is an image with onerror',
    request: register({ fullName: '<img src=x onerror=alert(1)>' }),
    expect: badInput('input.fullName'),
  },
  {
    title: 'a registration whose name is a template expression',
    request: register({ fullName: '{{constructor.constructor("alert(1)")()}}' }),
    expect: badInput('input.fullName'),
  },
  {
    title: 'a registration whose name is a javascript: URL',
    request: register({ fullName: 'javascript:alert(1)' }),
    expect: badInput('input.fullName'),
  },
  {
    title: 'a registration whose name is a spreadsheet formula',
    request: register({ fullName: '=HYPERLINK("http://evil.example","Dewi")' }),
    expect: badInput('input.fullName'),
  },
  {
    title: 'a NIK lookup of a script tag',
    request: byNik('<script>alert(1)</script>'),
    expect: { answer: { workerByNik: null } },
  },
  {
    title: 'a region lookup of a script tag',
    request: graphql('{ region(code: "<script>alert(1)</script>") { name } }'),
    expect: { answer: { region: null } },
  },
  // Prototype pollution and other object tricks.
  {
    title: '__proto__ at the top of the body',
    request: raw('{"query": "{ workers { totalCount } }", "__proto__": {"isAdmin": true}}'),
    expect: { status: 400 },
  },
  {
    title: 'constructor.prototype at the top of the body',
    request: raw('{"query": "{ workers { totalCount } }", "constructor": {"prototype": {"isAdmin": true}}}'),
    expect: { status: 400 },
  },
  {
    title: '__proto__ inside the variables',
    request: raw(`{"query": ${JSON.stringify(SEARCH)}, "variables": {"__proto__": {"n": "x"}}}`),
    expect: { status: 400 },
  },
  {
    title: '__proto__ inside an input object',
    request: raw(
      `{"query": "mutation($input: RegisterWorkerInput!) { registerWorker(input: $input) { id } }", "variables": {"input": {"__proto__": {"villageCode": "35.05.01.2001"}}}}`,
    ),
    expect: { status: 400 },
  },
  {
    title: '__proto__ inside the extensions',
    request: raw(
      '{"query": "{ workers { totalCount } }", "extensions": {"__proto__": {"persistedQuery": 1}}}',
    ),
    expect: { status: 400 },
  },
  {
    title: 'toString as an input field',
    request: graphql('query($f: WorkerFilter) { workers(filter: $f) { totalCount } }', {
      f: { toString: 'x' },
    }),
    expect: badInput(),
  },
  {
    title: 'hasOwnProperty as an input field',
    request: graphql('query($f: WorkerFilter) { workers(filter: $f) { totalCount } }', {
      f: { hasOwnProperty: 'x' } as Record<string, Json>,
    }),
    expect: badInput(),
  },
  {
    title: '__proto__ as an input field literal',
    request: graphql('{ workers(filter: { __proto__: "x" }) { totalCount } }'),
    expect: { codes: ['GRAPHQL_VALIDATION_FAILED'] },
  },
  {
    title: 'a MongoDB-style operator object as a NIK',
    request: graphql(BY_NIK, { n: { $ne: '' } }),
    expect: badInput(),
  },
  {
    title: 'a persisted query hash that is not hex',
    request: raw({
      query: '{ workers { totalCount } }',
      extensions: { persistedQuery: { version: 1, sha256Hash: "' OR 1=1 --" } },
    }),
  },
  {
    title: 'a persisted query hash that names no document',
    request: raw({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }),
    expect: {
      codes: ['PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'FORBIDDEN', 'BAD_REQUEST'],
    },
  },
  {
    title: 'a persisted query whose hash does not match its text',
    request: raw({
      query: '{ workers { totalCount } }',
      extensions: { persistedQuery: { version: 1, sha256Hash: 'b'.repeat(64) } },
    }),
    expect: { codes: ['BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'FORBIDDEN'] },
  },
  {
    title: 'a persisted query of an unknown version',
    request: raw({
      query: '{ workers { totalCount } }',
      extensions: { persistedQuery: { version: 99, sha256Hash: 'c'.repeat(64) } },
    }),
    expect: { codes: ['BAD_REQUEST', 'PERSISTED_QUERY_NOT_SUPPORTED', 'FORBIDDEN'] },
  },
  {
    title: 'an idempotency key of control characters on a mutation',
    request: graphql('mutation { revokeConsent(id: "«consentId»") { id } }', undefined, {
      headers: { 'idempotency-key': 'a\tb' },
    }),
    expect: { status: 400, codes: ['BAD_REQUEST'] },
  },
  {
    title: 'an idempotency key of 300 characters on a mutation',
    request: graphql('mutation { revokeConsent(id: "«consentId»") { id } }', undefined, {
      headers: { 'idempotency-key': 'k'.repeat(300) },
    }),
    expect: { status: 400, codes: ['BAD_REQUEST'] },
  },
]);
