import { entries, graphql, JSON_HEADERS, type HostileEntry, type HostileRequest } from './entry.js';

const QUERY = '{ workers { totalCount } }';
const withAuthorization = (authorization: string, query = QUERY): HostileRequest =>
  graphql(query, undefined, { headers: { authorization } });
const REFUSED = { status: 401, codes: ['UNAUTHENTICATED'] } as const;

/** A few token attacks (tokens.test.ts has the full set): each refused before planning. */
export const auth: readonly HostileEntry[] = entries('auth', [
  { title: 'no token', request: graphql(QUERY), as: 'anonymous', expect: REFUSED },
  {
    title: 'no token, for a mutation',
    request: graphql('mutation { revokeConsent(id: "«consentId»") { id } }'),
    as: 'anonymous',
    expect: REFUSED,
  },
  { title: 'an empty bearer token', request: withAuthorization('Bearer '), expect: REFUSED },
  { title: 'a bearer token of garbage', request: withAuthorization('Bearer not.a.token'), expect: REFUSED },
  {
    title: 'client credentials sent as Basic to /graphql',
    request: withAuthorization('Basic a3AybWk6c2VjcmV0'),
    expect: REFUSED,
  },
  {
    title: 'an unsigned token (alg none) with real claims',
    request: withAuthorization('Bearer «noneToken»'),
    expect: REFUSED,
  },
  {
    title: 'a real token with a rewritten payload',
    request: withAuthorization('Bearer «tamperedToken»'),
    expect: REFUSED,
  },
  {
    title: 'a token of 10,000 characters',
    request: withAuthorization(`Bearer ${'a'.repeat(10_000)}`),
    expect: REFUSED,
  },
  {
    title: 'a token in the query string instead of the header',
    request: {
      method: 'POST',
      path: '/graphql?access_token=«officeToken»',
      headers: JSON_HEADERS,
      body: { query: QUERY },
    },
    as: 'anonymous',
    expect: REFUSED,
  },
  {
    title: 'two bearer tokens in one header',
    request: withAuthorization('Bearer «officeToken», Bearer «tamperedToken»'),
    expect: REFUSED,
  },
]);

const ANY_REPRESENTATIONS = '[{ __typename: "Worker", id: "«hiddenWorkerId»" }]';
const INVALID = { codes: ['GRAPHQL_VALIDATION_FAILED'] } as const;

/** Subgraph-only fields and types, which the public API does not have. */
export const federationInternals: readonly HostileEntry[] = entries('federation internals', [
  { title: '_service { sdl }', request: graphql('{ _service { sdl } }'), expect: INVALID },
  {
    title: '_entities with a literal representation of a hidden worker',
    request: graphql(
      `{ _entities(representations: ${ANY_REPRESENTATIONS}) { ... on Worker { nik birthDate } } }`,
    ),
    expect: INVALID,
  },
  {
    title: '_entities as the gateway sends it',
    request: graphql(
      'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Worker { nik } } }',
      { representations: [{ __typename: 'Worker', id: '«hiddenWorkerId»', districtCode: '35.07.11' }] },
    ),
    expect: INVALID,
  },
  {
    title: '_entities with a forged @requires fact',
    request: graphql(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Worker { cases { id } } } }',
      { r: [{ __typename: 'Worker', id: '«hiddenWorkerId»', districtCode: '35.07.11' }] },
    ),
    as: 'ministry',
    expect: INVALID,
  },
  {
    title: 'an inaccessible field',
    request: graphql('{ worker(id: "«workerId»") { ministryAccessEvents { at } } }'),
    expect: INVALID,
  },
  {
    title: 'the join__Graph enum',
    request: graphql('query($g: join__Graph) { workers { totalCount } }', { g: 'LABOUR' }),
    expect: INVALID,
  },
  {
    title: 'a federation link directive in an operation',
    request: graphql(
      'query @link(url: "https://specs.apollo.dev/federation/v2.3") { workers { totalCount } }',
    ),
    expect: INVALID,
  },
  {
    title: 'the _Entity union in a fragment',
    request: graphql('{ ...F } fragment F on _Entity { __typename }'),
    expect: INVALID,
  },
  {
    title: 'a subgraph-only signature header from a client',
    request: graphql('{ worker(id: "«hiddenWorkerId»") { id } }', undefined, {
      headers: { 'x-hub-gateway-signature': 'sha256=deadbeef' },
    }),
    expect: { answer: { worker: null } },
  },
  {
    title: 'forged identity headers from a client',
    request: graphql('{ worker(id: "«hiddenWorkerId»") { id } }', undefined, {
      headers: {
        'x-institution-id': '«trainerInstitutionId»',
        'x-institution-kind': 'MINISTRY',
        'x-scopes': 'workers:read pii:read',
      },
    }),
    expect: { answer: { worker: null } },
  },
]);
