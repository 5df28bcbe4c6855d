import { entries, get, graphql, raw, type HostileEntry } from './entry.js';

const QUERY = '{ workers { totalCount } }';
const MUTATION = 'mutation { revokeConsent(id: "00000000-0000-4000-8000-000000000000") { id } }';
const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...utf8(part)] : part)));
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

/** Bodies that are not one well-formed JSON GraphQL request, and headers that misdescribe them. */
export const transport: readonly HostileEntry[] = entries('transport', [
  // Malformed JSON.
  { title: 'truncated JSON', request: raw(`{"query": "${QUERY}"`), expect: { status: 400 } },
  { title: 'JSON cut inside a string', request: raw('{"query": "{ workers { tot'), expect: { status: 400 } },
  { title: 'a trailing comma', request: raw(`{"query": "${QUERY}",}`), expect: { status: 400 } },
  { title: 'single-quoted JSON', request: raw(`{'query': '${QUERY}'}`), expect: { status: 400 } },
  { title: 'unquoted keys', request: raw(`{query: "${QUERY}"}`), expect: { status: 400 } },
  { title: 'JSON with a comment', request: raw(`{/* hi */ "query": "${QUERY}"}`), expect: { status: 400 } },
  {
    title: 'two JSON documents back to back',
    request: raw(`{"query": "${QUERY}"}{"query": "${QUERY}"}`),
    expect: { status: 400 },
  },
  {
    title: 'an unescaped control character inside a JSON string',
    request: raw(`{"query": "{ __typename }\u0001"}`),
    expect: { status: 400 },
  },
  {
    title: 'a raw NUL byte in the body',
    request: raw(bytes('{"query": "{ __typename }"', [0], '}'), { 'content-type': 'application/json' }),
    expect: { status: 400 },
  },
  {
    title: 'NaN and Infinity, which JSON does not have',
    request: raw(`{"query": "${QUERY}", "variables": {"a": NaN, "b": Infinity}}`),
    expect: { status: 400 },
  },
  {
    title: 'a byte order mark before the JSON',
    request: raw(`\uFEFF{"query": "${QUERY}"}`),
    expect: { answer: true },
  },
  // Empty and non-object bodies.
  { title: 'an empty body declared as JSON', request: raw(''), expect: { status: 400 } },
  { title: 'a body of only whitespace', request: raw('   \n\t  '), expect: { status: 400 } },
  { title: 'the JSON literal null', request: raw('null'), expect: { status: 400 } },
  { title: 'a JSON string holding the query', request: raw(JSON.stringify(QUERY)), expect: { status: 400 } },
  { title: 'a JSON number', request: raw('42'), expect: { status: 400 } },
  { title: 'a JSON boolean', request: raw('true'), expect: { status: 400 } },
  { title: 'an empty JSON array (an empty batch)', request: raw('[]'), expect: { status: 400 } },
  { title: 'a batch of one operation', request: raw([{ query: QUERY }]), expect: { status: 400 } },
  {
    title: 'a batch of two operations',
    request: raw([{ query: QUERY }, { query: '{ universities { id } }' }]),
    expect: { status: 400 },
  },
  {
    title: 'a batch of a hundred operations',
    request: raw(Array.from({ length: 100 }, () => ({ query: QUERY }))),
    expect: { status: 400 },
  },
  { title: 'a batch holding a mutation', request: raw([{ query: MUTATION }]), expect: { status: 400 } },
  { title: 'a batch of batches', request: raw([[{ query: QUERY }]]), expect: { status: 400 } },
  {
    title: 'arrays nested 5,000 deep in the variables',
    request: raw(`{"query": "${QUERY}", "variables": {"x": ${nested(5000)}}}`),
    expect: { answer: true },
  },
  {
    title: 'arrays nested 100,000 deep as the whole body',
    request: raw(nested(100_000)),
    expect: { status: 400 },
  },
  // Content types.
  {
    title: 'JSON sent as text/plain (a CSRF-able simple request)',
    request: raw({ query: QUERY }, { 'content-type': 'text/plain' }),
    expect: { status: 400 },
  },
  {
    title: 'a GraphQL document sent as text/plain',
    request: raw(QUERY, { 'content-type': 'text/plain;charset=utf-8' }),
    expect: { status: 400 },
  },
  {
    title: 'a mutation sent as text/plain',
    request: raw({ query: MUTATION }, { 'content-type': 'text/plain' }),
    expect: { status: 400 },
  },
  {
    title: 'a form-encoded body',
    request: raw(`query=${encodeURIComponent(QUERY)}`, {
      'content-type': 'application/x-www-form-urlencoded',
    }),
    expect: { status: 415 },
  },
  {
    title: 'a multipart body (file upload shape)',
    request: raw(
      `--b\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{"query":"${QUERY}"}\r\n--b--\r\n`,
      { 'content-type': 'multipart/form-data; boundary=b' },
    ),
    expect: { status: 415 },
  },
  {
    title: 'an XML body',
    request: raw(`<?xml version="1.0"?><query>${QUERY}</query>`, { 'content-type': 'application/xml' }),
    expect: { status: 415 },
  },
  {
    title: 'a raw GraphQL document as application/graphql',
    request: raw(QUERY, { 'content-type': 'application/graphql' }),
    expect: { status: 415 },
  },
  {
    title: 'a body with no content type at all',
    request: raw(utf8(JSON.stringify({ query: QUERY })), {}),
    expect: { status: 415 },
  },
  {
    title: 'a content type that only starts like JSON',
    request: raw({ query: QUERY }, { 'content-type': 'application/jsonx' }),
    expect: { status: 415 },
  },
  {
    title: 'a garbage content type',
    request: raw({ query: QUERY }, { 'content-type': ';;;=;' }),
    expect: { status: 415 },
  },
  {
    title: 'JSON declared as UTF-16 but sent as UTF-8',
    request: raw({ query: MUTATION }, { 'content-type': 'application/json; charset=utf-16' }),
  },
  {
    title: 'JSON really encoded as UTF-16',
    request: raw(new Uint8Array(Buffer.from(JSON.stringify({ query: QUERY }), 'utf16le')), {
      'content-type': 'application/json; charset=utf-16le',
    }),
    expect: { status: 400 },
  },
  // Encodings and sizes.
  {
    title: 'invalid UTF-8 bytes inside a query string',
    request: raw(
      bytes(
        '{"query": "{ workers(filter: { nameContains: \\"',
        [0xff, 0xfe, 0xc0, 0xaf],
        '\\" }) { totalCount } }"}',
      ),
      { 'content-type': 'application/json' },
    ),
    expect: { answer: { workers: { totalCount: 0 } } },
  },
  {
    title: 'an overlong UTF-8 encoding of a slash in a variable',
    request: raw(
      bytes(
        '{"query": "query($n: String!) { workerByNik(nik: $n) { id } }", "variables": {"n": "',
        [0xc0, 0xaf],
        '"}}',
      ),
      { 'content-type': 'application/json' },
    ),
    expect: { answer: { workerByNik: null } },
  },
  {
    title: 'invalid UTF-8 bytes in a key',
    request: raw(bytes('{"que', [0xff], 'ry": "{ __typename }"}'), { 'content-type': 'application/json' }),
    expect: { status: 400 },
  },
  {
    title: 'a gzip content encoding over a plain body',
    request: raw({ query: MUTATION }, { 'content-type': 'application/json', 'content-encoding': 'gzip' }),
  },
  {
    title: 'a body just over the 256 KiB limit',
    request: raw({ query: QUERY, variables: { pad: 'x'.repeat(262_144) } }),
    expect: { status: 413, codes: ['PAYLOAD_TOO_LARGE'] },
  },
  {
    title: 'a 5 MB body',
    request: raw({ query: QUERY, variables: { pad: 'x'.repeat(5_000_000) } }),
    expect: { status: 413, codes: ['PAYLOAD_TOO_LARGE'] },
  },
  {
    title: 'a 200 KB string just under the body limit, where 100 characters are allowed',
    request: graphql('query($n: String) { workers(filter: { nameContains: $n }) { totalCount } }', {
      n: 'x'.repeat(200_000),
    }),
    expect: { codes: ['BAD_USER_INPUT'], field: 'filter.nameContains' },
  },
  {
    title: 'a header block over 16 KB',
    request: graphql(QUERY, undefined, { headers: { 'x-padding': 'x'.repeat(20_000) } }),
    expect: { status: 431 },
  },
  // Duplicate keys and odd members.
  {
    title: 'a duplicate query key, the second a mutation',
    request: raw(`{"query": "${QUERY}", "query": "${MUTATION}"}`),
  },
  {
    title: 'duplicate variables keys, the second not an object',
    request: raw(
      `{"query": "query($f: Int) { workers(first: $f) { totalCount } }", "variables": {"f": 5}, "variables": "f=5"}`,
    ),
    expect: { status: 400 },
  },
  {
    title: 'a request that asks for an event stream',
    request: graphql(QUERY, undefined, { headers: { accept: 'text/event-stream' } }),
    expect: { status: 406 },
  },
  {
    title: 'a request that accepts only XML',
    request: graphql(QUERY, undefined, { headers: { accept: 'application/xml' } }),
    expect: { status: 406 },
  },
  {
    title: 'an oversized and malformed request id header',
    request: graphql(MUTATION, undefined, { headers: { 'x-request-id': `../../${'x'.repeat(5000)}` } }),
  },
  {
    title: 'a GET whose URL is longer than any server allows',
    request: get(
      { query: `{ workers(filter: { nameContains: "${'x'.repeat(20_000)}" }) { totalCount } }` },
      { 'apollo-require-preflight': 'true' },
    ),
    expect: { status: 431 },
  },
]);
