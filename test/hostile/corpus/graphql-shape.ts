import { badInput, entries, graphql, INVALID, raw, UNPARSABLE, type HostileEntry } from './entry.js';

const QUERY = '{ workers { totalCount } }';
const OPERATION_UNKNOWN = {
  codes: ['OPERATION_RESOLUTION_FAILURE', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST'],
};

/** Requests that are JSON but not a well-formed GraphQL request, or not valid against the schema. */
export const graphqlShape: readonly HostileEntry[] = entries('graphql shape', [
  // The request object.
  { title: 'no query at all', request: raw({}), expect: { status: 400 } },
  { title: 'only variables', request: raw({ variables: { first: 1 } }), expect: { status: 400 } },
  { title: 'a null query', request: raw({ query: null }), expect: { status: 400 } },
  { title: 'a numeric query', request: raw({ query: 42 }), expect: { status: 400 } },
  {
    title: 'a query given as an array of strings',
    request: raw({ query: [QUERY] }),
    expect: { status: 400 },
  },
  {
    title: 'a query given as a parsed AST',
    request: raw({ query: { kind: 'Document', definitions: [] } }),
    expect: { status: 400 },
  },
  { title: 'an empty query string', request: raw({ query: '' }), expect: { status: 400 } },
  { title: 'a query of only whitespace', request: raw({ query: ' \n\t ' }) },
  { title: 'a query of only a comment', request: raw({ query: '# nothing here' }) },
  {
    title: 'variables as a string',
    request: raw({ query: QUERY, variables: 'first=1' }),
    expect: { status: 400 },
  },
  { title: 'variables as an array', request: raw({ query: QUERY, variables: [1] }), expect: { status: 400 } },
  { title: 'variables as a number', request: raw({ query: QUERY, variables: 7 }), expect: { status: 400 } },
  {
    title: 'variables as a JSON-encoded string in a POST',
    request: raw({ query: 'query($f: Int) { workers(first: $f) { totalCount } }', variables: '{"f": 500}' }),
    expect: { status: 400 },
  },
  {
    title: 'operationName as a number',
    request: raw({ query: QUERY, operationName: 1 }),
    expect: { status: 400 },
  },
  {
    title: 'extensions as a string',
    request: raw({ query: QUERY, extensions: 'x' }),
    expect: { status: 400 },
  },
  {
    title: 'extensions as an array',
    request: raw({ query: QUERY, extensions: [] }),
    expect: { status: 400 },
  },
  // Choosing the operation.
  {
    title: 'an operationName the document does not have',
    request: graphql('query Mine { workers { totalCount } }', undefined, { operationName: 'Yours' }),
    expect: OPERATION_UNKNOWN,
  },
  {
    title: 'an operationName for an anonymous operation',
    request: graphql(QUERY, undefined, { operationName: 'Named' }),
    expect: OPERATION_UNKNOWN,
  },
  {
    title: 'two anonymous operations',
    request: graphql(`
      ${QUERY}
      {
        universities {
          id
        }
      }
    `),
    expect: INVALID,
  },
  {
    title: 'two named operations and no operationName',
    request: graphql('query A { workers { totalCount } } query B { universities { id } }'),
    expect: OPERATION_UNKNOWN,
  },
  {
    title: 'two operations with the same name',
    request: graphql('query A { workers { totalCount } } query A { universities { id } }', undefined, {
      operationName: 'A',
    }),
    expect: INVALID,
  },
  {
    title: 'a document of only a fragment',
    request: graphql('fragment F on Query { workers { totalCount } }'),
    expect: { codes: [...OPERATION_UNKNOWN.codes] },
  },
  {
    title: 'operationName __proto__',
    request: graphql('query A { workers { totalCount } }', undefined, { operationName: '__proto__' }),
    expect: OPERATION_UNKNOWN,
  },
  {
    title: 'operationName constructor',
    request: graphql('query A { workers { totalCount } }', undefined, { operationName: 'constructor' }),
    expect: OPERATION_UNKNOWN,
  },
  { title: 'a subscription', request: graphql('subscription { workers { totalCount } }'), expect: INVALID },
  // Documents that do not parse.
  { title: 'an unclosed selection set', request: graphql('{ workers { totalCount }'), expect: UNPARSABLE },
  {
    title: 'an unterminated string',
    request: graphql('{ region(code: "35.07) { name } }'),
    expect: UNPARSABLE,
  },
  { title: 'a stray closing brace', request: graphql('}'), expect: UNPARSABLE },
  {
    title: 'a character GraphQL does not know',
    request: graphql('{ workers ¬ { totalCount } }'),
    expect: UNPARSABLE,
  },
  { title: 'a number where a field belongs', request: graphql('{ 123 }'), expect: UNPARSABLE },
  {
    title: 'an invalid escape in a string',
    request: graphql('{ region(code: "\\x35") { name } }'),
    expect: UNPARSABLE,
  },
  {
    title: 'an unterminated block string',
    request: graphql('{ region(code: """35.07) { name } }'),
    expect: UNPARSABLE,
  },
  {
    title: 'SQL as the document',
    request: graphql("SELECT * FROM labour.workers WHERE '1'='1'"),
    expect: UNPARSABLE,
  },
  // Fields, arguments, types.
  { title: 'an unknown field', request: graphql('{ nope }'), expect: INVALID },
  {
    title: 'a misspelt field (suggestions)',
    request: graphql('{ workerz { totalCount } }'),
    expect: INVALID,
  },
  { title: 'an unknown argument', request: graphql('{ workers(nope: 1) { totalCount } }'), expect: INVALID },
  {
    title: 'an unknown input field',
    request: graphql('{ workers(filter: { nope: "x" }) { totalCount } }'),
    expect: INVALID,
  },
  {
    title: 'a fragment on an unknown type',
    request: graphql('{ ...F } fragment F on Nope { id }'),
    expect: INVALID,
  },
  {
    title: 'a variable of an unknown type',
    request: graphql('query($x: Nope) { workers { totalCount } }'),
    expect: INVALID,
  },
  {
    title: 'a variable of an input type that is an object type',
    request: graphql('query($w: Worker) { workers { totalCount } }'),
    expect: INVALID,
  },
  {
    title: 'a string where an Int belongs',
    request: graphql('{ workers(first: "ten") { totalCount } }'),
    expect: INVALID,
  },
  {
    title: 'a boolean where an ID belongs',
    request: graphql('{ worker(id: true) { id } }'),
    expect: INVALID,
  },
  {
    title: 'an object where a String belongs',
    request: graphql('{ region(code: { a: 1 }) { name } }'),
    expect: INVALID,
  },
  {
    title: 'a list where a String belongs',
    request: graphql('{ region(code: ["35", "35.07"]) { name } }'),
    expect: INVALID,
  },
  { title: 'null in a non-null argument', request: graphql('{ worker(id: null) { id } }'), expect: INVALID },
  { title: 'a required argument left out', request: graphql('{ worker { id } }'), expect: INVALID },
  {
    title: 'a null variable for a non-null argument',
    request: graphql('query($id: ID!) { worker(id: $id) { id } }', { id: null }),
    expect: badInput(),
  },
  {
    title: 'a non-null variable left out',
    request: graphql('query($id: ID!) { worker(id: $id) { id } }', {}),
    expect: badInput(),
  },
  {
    title: 'a nullable variable in a non-null position',
    request: graphql('query($id: ID) { worker(id: $id) { id } }', { id: '«workerId»' }),
    expect: INVALID,
  },
  { title: 'an undefined variable', request: graphql('{ worker(id: $nope) { id } }'), expect: INVALID },
  {
    title: 'an unused variable',
    request: graphql('query($unused: Int) { workers { totalCount } }'),
    expect: INVALID,
  },
  {
    title: 'a variable defined twice',
    request: graphql('query($f: Int, $f: Int) { workers(first: $f) { totalCount } }'),
    expect: INVALID,
  },
  {
    title: 'a variable default of the wrong type',
    request: graphql('query($f: Int = "x") { workers(first: $f) { totalCount } }'),
    expect: INVALID,
  },
  {
    title: 'an input field given twice',
    request: graphql('{ workers(filter: { status: REGISTERED, status: VERIFIED }) { totalCount } }'),
    expect: INVALID,
  },
  {
    title: 'an input object with an extra field in a variable',
    request: graphql('query($f: WorkerFilter) { workers(filter: $f) { totalCount } }', {
      f: { status: 'REGISTERED', isAdmin: true },
    }),
    expect: badInput(),
  },
  {
    title: 'a list of IDs where one ID belongs',
    request: graphql('query($id: ID!) { worker(id: $id) { id } }', {
      id: ['«workerId»', '«hiddenWorkerId»'],
    }),
    expect: badInput(),
  },
  {
    title: 'an object where an ID belongs',
    request: graphql('query($id: ID!) { worker(id: $id) { id } }', { id: { $ne: null } }),
    expect: badInput(),
  },
  {
    title: 'a float where an Int belongs',
    request: graphql('query($y: Int!) { regionStats(parentCode: "35", year: $y) { regionCode } }', {
      y: 2025.5,
    }),
    expect: badInput(),
  },
  {
    title: 'an Int beyond 32 bits in a variable',
    request: graphql('query($y: Int!) { regionStats(parentCode: "35", year: $y) { regionCode } }', {
      y: 2 ** 53,
    }),
    expect: badInput(),
  },
  {
    title: 'a JSON number beyond any range',
    request: raw(
      '{"query": "query($f: Int) { workers(first: $f) { totalCount } }", "variables": {"f": 1e400}}',
    ),
    expect: badInput(),
  },
  // Enums.
  {
    title: 'an unknown enum value',
    request: graphql('{ workers(filter: { status: NOPE }) { totalCount } }'),
    expect: INVALID,
  },
  {
    title: 'an enum value written as a string',
    request: graphql('{ workers(filter: { status: "REGISTERED" }) { totalCount } }'),
    expect: INVALID,
  },
  {
    title: 'an enum value in lower case',
    request: graphql('{ workers(filter: { status: registered }) { totalCount } }'),
    expect: INVALID,
  },
  {
    title: 'an unknown enum value in a variable',
    request: graphql('query($s: WorkerStatus) { workers(filter: { status: $s }) { totalCount } }', {
      s: 'DELETED',
    }),
    expect: badInput(),
  },
  {
    title: 'an enum variable holding an injection string',
    request: graphql('query($s: WorkerStatus) { workers(filter: { status: $s }) { totalCount } }', {
      s: "REGISTERED' OR '1'='1",
    }),
    expect: badInput(),
  },
  // Operations and roots.
  {
    title: 'a query field asked for in a mutation',
    request: graphql('mutation { workers { totalCount } }'),
    expect: INVALID,
  },
  {
    title: 'a mutation field asked for in a query',
    request: graphql('query { revokeConsent(id: "«consentId»") { id } }'),
    expect: INVALID,
  },
  {
    title: 'a mutation without a selection on its object result',
    request: graphql('mutation { revokeConsent(id: "«consentId»") }'),
    expect: INVALID,
  },
  {
    title: 'a selection on a scalar',
    request: graphql('{ workers { totalCount { value } } }'),
    expect: INVALID,
  },
  { title: 'a field that exists on another type', request: graphql('{ workers { nik } }'), expect: INVALID },
  {
    title: 'the same response key for different fields',
    request: graphql('{ workers { x: totalCount x: pageInfo { hasNextPage } } }'),
    expect: INVALID,
  },
  {
    title: 'the same field with different arguments',
    request: graphql('{ workers(first: 1) { totalCount } workers(first: 2) { totalCount } }'),
    expect: INVALID,
  },
  // Fragments.
  {
    title: 'a fragment cycle of two',
    request: graphql('{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }'),
    expect: INVALID,
  },
  {
    title: 'a fragment spreading itself',
    request: graphql('{ ...A } fragment A on Query { workers { totalCount } ...A }'),
    expect: INVALID,
  },
  {
    title: 'a fragment cycle of three through fields',
    request: graphql(
      '{ workers { edges { node { ...A } } } } fragment A on Worker { placements { worker { ...B } } } fragment B on Worker { ...C } fragment C on Worker { ...A }',
    ),
    expect: INVALID,
  },
  {
    title: 'a fragment cycle in an inline fragment',
    request: graphql('{ ...A } fragment A on Query { ... on Query { ...A } }'),
    expect: INVALID,
  },
  { title: 'a spread of an undefined fragment', request: graphql('{ ...Nowhere }'), expect: INVALID },
  {
    title: 'an unused fragment',
    request: graphql('{ workers { totalCount } } fragment Unused on Query { workers { totalCount } }'),
    expect: INVALID,
  },
  {
    title: 'two fragments with one name',
    request: graphql(
      '{ ...A } fragment A on Query { workers { totalCount } } fragment A on Query { universities { id } }',
    ),
    expect: INVALID,
  },
  {
    title: 'a fragment on a type that cannot apply',
    request: graphql('{ workers { ...F } } fragment F on University { id }'),
    expect: INVALID,
  },
  // Directives.
  { title: 'an unknown directive', request: graphql('{ workers @nope { totalCount } }'), expect: INVALID },
  {
    title: 'a directive in the wrong place',
    request: graphql('query @deprecated { workers { totalCount } }'),
    expect: INVALID,
  },
  {
    title: 'the same directive twice on one field',
    request: graphql('{ workers @include(if: true) @include(if: true) { totalCount } }'),
    expect: INVALID,
  },
  {
    title: 'a directive argument of the wrong type',
    request: graphql('{ workers @skip(if: "no") { totalCount } }'),
    expect: INVALID,
  },
  {
    title: 'a federation directive in an operation',
    request: graphql('{ workers @key(fields: "id") { totalCount } }'),
    expect: INVALID,
  },
  // Introspection, allowed outside production (the production refusal is in limits.test.ts).
  {
    title: 'full introspection',
    request: graphql('{ __schema { types { name } } }'),
    expect: { answer: true },
  },
  {
    title: '__type with an emoji name',
    request: graphql('{ __type(name: "Run🏃Swim🏊") { name } }'),
    expect: { answer: { __type: null } },
  },
  {
    title: '__type of the internal _Any scalar',
    request: graphql('{ __type(name: "_Any") { name } }'),
    expect: { answer: { __type: null } },
  },
  {
    title: '__schema asked for below the root',
    request: graphql('{ workers { __schema { types { name } } } }'),
    expect: INVALID,
  },
  {
    title: '__typename on the mutation root',
    request: graphql('mutation { __typename }'),
    expect: { answer: { __typename: 'Mutation' } },
  },
]);
