import { entries, get, JSON_HEADERS, type HostileEntry, type HostileRequest } from './entry.js';

const QUERY = '{ workers { totalCount } }';
const MUTATION = 'mutation { revokeConsent(id: "«consentId»") { id } }';
const PREFLIGHTED = { 'apollo-require-preflight': 'true' };
const body = JSON.stringify({ query: QUERY });

function request(method: string, path = '/graphql', withBody = true): HostileRequest {
  return { method, path, headers: withBody ? JSON_HEADERS : {}, ...(withBody ? { body } : {}) };
}

/** Methods a GraphQL endpoint must refuse, and GETs that try to change something. */
export const httpMethods: readonly HostileEntry[] = entries('http methods', [
  // A GET must never run a mutation: here one that would really revoke a consent.
  {
    title: 'a GET mutation with the preflight header',
    request: get({ query: MUTATION }, PREFLIGHTED),
    expect: { status: 405 },
  },
  {
    title: 'a GET mutation without it (a cross-site link)',
    request: get({ query: MUTATION }),
    expect: { status: 400 },
  },
  {
    title: 'a GET mutation picked by operationName from a document with a query',
    request: get(
      { query: `query Q ${QUERY} ${MUTATION.replace('mutation', 'mutation M')}`, operationName: 'M' },
      PREFLIGHTED,
    ),
    expect: { status: 405 },
  },
  {
    title: 'a GET mutation in the Apollo operation-name header shape',
    request: get({ query: MUTATION }, { 'x-apollo-operation-name': 'M' }),
    expect: { status: 405 },
  },
  {
    title: 'a GET query without the preflight header',
    request: get({ query: QUERY }),
    expect: { status: 400 },
  },
  {
    title: 'a GET with variables that are not JSON',
    request: get(
      { query: 'query($f: Int) { workers(first: $f) { totalCount } }', variables: '{f: 1' },
      PREFLIGHTED,
    ),
    expect: { status: 400 },
  },
  {
    title: 'a GET with extensions that are not JSON',
    request: get({ query: QUERY, extensions: 'persistedQuery' }, PREFLIGHTED),
    expect: { status: 400 },
  },
  {
    title: 'a GET with the query parameter twice',
    request: {
      method: 'GET',
      path: `/graphql?query=${encodeURIComponent(QUERY)}&query=${encodeURIComponent(MUTATION)}`,
      headers: PREFLIGHTED,
    },
    expect: { status: 400 },
  },
  {
    title: 'a GET subscription',
    request: get({ query: 'subscription { workers { totalCount } }' }, PREFLIGHTED),
  },
  { title: 'a GET with an empty query', request: get({ query: '' }, PREFLIGHTED) },
  // Methods /graphql does not serve.
  { title: 'PUT', request: request('PUT'), expect: { status: 404 } },
  { title: 'DELETE', request: request('DELETE', '/graphql', false), expect: { status: 404 } },
  { title: 'PATCH', request: request('PATCH'), expect: { status: 404 } },
  {
    title: 'HEAD with a query',
    request: { method: 'HEAD', path: `/graphql?query=${encodeURIComponent(QUERY)}`, headers: PREFLIGHTED },
  },
  {
    title: 'OPTIONS (a CORS preflight from another origin)',
    request: {
      method: 'OPTIONS',
      path: '/graphql',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    },
  },
  { title: 'an invented method', request: request('BREW') },
  // Paths near /graphql.
  {
    title: 'POST to /graphql/ with a trailing slash',
    request: request('POST', '/graphql/'),
    expect: { status: 404 },
  },
  { title: 'POST to /GRAPHQL', request: request('POST', '/GRAPHQL'), expect: { status: 404 } },
  {
    title: 'POST to an encoded path (decoded, it is /graphql)',
    request: request('POST', '/%67raphql'),
    expect: { answer: true },
  },
  { title: 'POST to /health', request: request('POST', '/health'), expect: { status: 404 } },
  {
    title: 'a mutation in the URL of a POST whose body holds a query',
    request: {
      method: 'POST',
      path: `/graphql?query=${encodeURIComponent(MUTATION)}`,
      headers: JSON_HEADERS,
      body: '{}',
    },
    expect: { status: 400 },
  },
]);
