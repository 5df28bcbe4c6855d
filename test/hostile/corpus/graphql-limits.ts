import { entries, graphql, INVALID, UNPARSABLE, type HostileEntry } from './entry.js';

const repeat = (count: number, make: (index: number) => string, separator = ' ') =>
  Array.from({ length: count }, (_, index) => make(index)).join(separator);

/** `placements { worker { placements { worker ... } } }`, `levels` pairs deep, under one worker. */
function nestedWorkers(levels: number): string {
  return `{ workers { edges { node { ${'placements { worker { '.repeat(levels)}id${' } }'.repeat(levels)} } } } }`;
}

const LIMITED = { codes: ['GRAPHQL_VALIDATION_FAILED'] } as const;
const TOO_LONG = { codes: ['GRAPHQL_PARSE_FAILED'] } as const;

/** Documents built to cost far more than they look: depth, width, aliases, directives, floods. */
export const graphqlLimits: readonly HostileEntry[] = entries('graphql limits', [
  // Depth.
  { title: 'nesting 12 levels deep', request: graphql(nestedWorkers(4)), expect: LIMITED },
  { title: 'nesting 100 levels deep', request: graphql(nestedWorkers(48)), expect: LIMITED },
  {
    title: 'depth hidden in a chain of fragments',
    request: graphql(`
      {
        workers {
          edges {
            node {
              ...A
            }
          }
        }
      }
      ${repeat(6, (index) => `fragment ${String.fromCharCode(65 + index)} on Worker { placements { worker { ${index < 5 ? `...${String.fromCharCode(66 + index)}` : 'id'} } } }`)}
    `),
    expect: LIMITED,
  },
  {
    title: 'depth hidden in nested inline fragments',
    request: graphql(
      `{ workers { edges { node { ${'... on Worker { placements { worker { '.repeat(6)}id${' } } }'.repeat(6)} } } } }`,
    ),
    expect: LIMITED,
  },
  {
    title: 'an introspection query nested through ofType 40 deep',
    request: graphql(`{ __type(name: "Worker") { ${'ofType { '.repeat(40)}name${' }'.repeat(40)} } }`),
  },
  {
    title: 'an introspection query that fans out types, fields and their types',
    request: graphql(
      '{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }',
    ),
  },
  // Width and cost.
  {
    title: 'fifteen costly lists side by side',
    request: graphql(
      `{ ${repeat(15, (index) => `w${index}: workers(first: 100) { edges { node { documents { type number issuer } placements { destinationCountry documents { type number } } } } }`)} }`,
    ),
    expect: LIMITED,
  },
  {
    title: 'a hundred fields of one worker repeated under many lists',
    request: graphql(
      `{ ${repeat(10, (index) => `w${index}: workers(first: 100) { edges { node { ${repeat(10, () => 'id fullName sex status villageCode districtCode registeredAt')} placements { id status } } } }`)} }`,
    ),
  },
  {
    title: 'the same field selected 1,500 times',
    request: graphql(`{ workers { ${repeat(1500, () => 'totalCount')} } }`),
  },
  {
    title: 'the same field selected 5,000 times',
    request: graphql(`{ workers { ${repeat(5000, () => 'totalCount')} } }`),
    expect: TOO_LONG,
  },
  {
    title: '__typename 100 times',
    request: graphql(`{ ${repeat(100, () => '__typename')} }`),
    expect: { answer: { __typename: 'Query' } },
  },
  {
    title: '__typename 1,400 times (over the field-merging budget)',
    request: graphql(`{ ${repeat(1400, () => '__typename')} }`),
    expect: LIMITED,
  },
  {
    title: '__typename 1,900 times (over the cost limit)',
    request: graphql(`{ ${repeat(1900, () => '__typename')} }`),
    expect: LIMITED,
  },
  {
    title: '__typename 20,000 times',
    request: graphql(`{ ${repeat(20_000, () => '__typename')} }`),
    expect: TOO_LONG,
  },
  {
    title: '__typename in every object of a deep query',
    request: graphql(`
      {
        __typename
        workers {
          __typename
          edges {
            __typename
            node {
              __typename
              placements {
                __typename
                worker {
                  __typename
                  placements {
                    __typename
                    worker {
                      __typename
                      id
                    }
                  }
                }
              }
            }
          }
        }
      }
    `),
    expect: { answer: true },
  },
  {
    title: '2,500 variable definitions',
    request: graphql(`query(${repeat(2500, (index) => `$v${index}: Int`, ', ')}) { workers { totalCount } }`),
    expect: TOO_LONG,
  },
  {
    title: 'a 100 KB string literal',
    request: graphql(`{ region(code: "${'9'.repeat(100_000)}") { name } }`),
    expect: { answer: { region: null } },
  },
  {
    title: 'a 150 KB comment',
    request: graphql(`{ workers(filter: { nameContains: "x" }) { totalCount } } # ${'x'.repeat(150_000)}`),
    expect: { codes: ['BAD_USER_INPUT'], field: 'filter.nameContains' },
  },
  // Aliases.
  {
    title: '16 aliases',
    request: graphql(`{ ${repeat(16, (index) => `a${index}: workers { totalCount }`)} }`),
    expect: LIMITED,
  },
  {
    title: '1,000 aliases of __typename',
    request: graphql(`{ ${repeat(1000, (index) => `a${index}: __typename`)} }`),
    expect: { codes: ['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED'] },
  },
  {
    title: 'aliases multiplied through a fragment spread many times',
    request: graphql(
      `{ ${repeat(8, (index) => `w${index}: workers { ...F }`)} } fragment F on WorkerConnection { ${repeat(8, (index) => `t${index}: totalCount`)} }`,
    ),
    expect: LIMITED,
  },
  {
    title: 'an alias bomb of mutations',
    request: graphql(
      `mutation { ${repeat(40, (index) => `r${index}: revokeConsent(id: "«consentId»") { id }`)} }`,
    ),
    expect: LIMITED,
  },
  {
    title: 'aliases named like reserved keys',
    request: graphql(`
      {
        __proto__: workers {
          totalCount
        }
        constructor: universities {
          id
        }
      }
    `),
    expect: { answer: true },
  },
  // Directives.
  {
    title: '11 directives',
    request: graphql(`{ ${repeat(11, (index) => `d${index}: workers @include(if: true) { totalCount }`)} }`),
    expect: LIMITED,
  },
  {
    title: '500 unknown directives on one field',
    request: graphql(`{ workers ${repeat(500, (index) => `@d${index}`)} { totalCount } }`),
    expect: { codes: ['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED'] },
  },
  {
    title: 'directives on fragments, spreads and variables',
    request: graphql(`
      query ($t: Boolean = true) @skip(if: false) {
        ...F @include(if: $t) @skip(if: false)
      }
      fragment F on Query @include(if: true) {
        workers @include(if: $t) @skip(if: false) {
          totalCount @include(if: $t) @skip(if: false)
        }
      }
    `),
    expect: INVALID,
  },
  {
    title: 'a block of nested braces with nothing in them',
    request: graphql(`{ workers ${'{ '.repeat(5000)}${'} '.repeat(5000)} }`),
    expect: UNPARSABLE,
  },
]);
