import { ApolloServer } from '@apollo/server';
import { getIntrospectionQuery, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { kecamatanList } from '../../bench/workloads/index.js';
import { loadConfig } from '../config.js';
import { readApiSchema } from '../schema-files.js';
import { estimateCost } from './cost.js';
import { documentLimitRefusal, isTokenLimitError, tokenLimit, tokenLimitRefusal } from './document-limits.js';

const schema = readApiSchema();
const { limits } = loadConfig({});

function input(query: string, variables: Record<string, unknown> = {}) {
  return { schema, document: parse(query), operationName: undefined, variables };
}
function costOf(query: string, variables: Record<string, unknown> = {}): number {
  const estimate = estimateCost(input(query, variables), limits.maxFields);
  if (estimate.kind !== 'estimated') throw new Error(`not estimated: ${estimate.kind}`);
  return estimate.cost;
}
const refusalOf = (query: string, variables: Record<string, unknown> = {}, exposeLimits = true) =>
  documentLimitRefusal(input(query, variables), limits, exposeLimits);

/** A page of workers as all four institutions know them (test/batching.test.ts asks the same). */
const PAGE = (first: string) => `
  query Page${first === '$first' ? '($first: Int)' : ''} {
    workers(first: ${first}) {
      totalCount
      edges {
        node {
          id nik fullName district { name } documents { type status }
          placements { id missingDocuments agency { name licenceStatus } jobOrder { employerName } compliance { compliant } }
          cases { reference status openedBy { name } }
          enrollments { status course { title provider { name } } }
          certifications { scheme }
          mentoringSessions { date program { title } }
        }
      }
    }
  }`;

/** Lists inside lists: 100 workers, 5 placements each, their workers' placements and documents. */
const NESTED_LISTS = `{ workers(first: 100) { edges { node { placements { worker { placements { documents { type } } } } } } } }`;

describe('the estimated cost of a request', () => {
  it('charges a page size the same whether written literally, as a variable or left to the default', () => {
    expect(costOf(PAGE('100'))).toBe(costOf(PAGE('$first'), { first: 100 }));
    expect(costOf(PAGE('20'))).toBe(costOf(PAGE('$first')));
  });

  it('counts about one per object a request could return', () => {
    // 1 connection + 100 × (edge + worker + 5 placements), and a tenth for each scalar value.
    expect(costOf('{ workers(first: 100) { totalCount edges { node { id placements { id } } } } }')).toBe(
      771,
    );
    expect(costOf('{ universities { id name } }')).toBe(6);
  });

  it('charges a page larger than the contract allows as the largest page (the page size itself is refused)', () => {
    expect(costOf('query($n: Int) { workers(first: $n) { edges { node { id } } } }', { n: 1_000_000 })).toBe(
      costOf('{ workers(first: 100) { edges { node { id } } } }'),
    );
  });

  it('lets the benchmark workload (b) and a 100-worker page across all four subgraphs through', () => {
    const bench = kecamatanList(100);
    const variables = { regionCode: '35.07.01', first: 100 };
    expect(refusalOf(bench.query, variables)).toBeNull();
    expect(costOf(bench.query, variables)).toBe(3_341);
    expect(refusalOf(PAGE('100'))).toBeNull();
    expect(refusalOf(PAGE('$first'), { first: 100 })).toBeNull();
    expect(costOf(PAGE('100'))).toBe(7_901);
  });

  it('lets the introspection query of development tools through', () => {
    expect(refusalOf(getIntrospectionQuery())).toBeNull();
  });

  it('refuses nested lists whatever way the page size is written, without "Syntax Error"', () => {
    for (const refused of [
      refusalOf(NESTED_LISTS),
      refusalOf(NESTED_LISTS.replace('{ workers(first: 100)', 'query($f: Int) { workers(first: $f)'), {
        f: 100,
      }),
    ]) {
      expect(refused?.extensions['code']).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(refused?.message).toBe(
        'The estimated cost of this request is 17,451 (about one per object it could return); at most 10,000 is allowed. Ask for smaller pages or fewer nested lists.',
      );
    }
  });

  it('refuses a document whose fragments expand past the field limit before estimating it all', () => {
    const fragments = Array.from(
      { length: 12 },
      (_, index) => `fragment F${index} on Query { ...F${index + 1} ...F${index + 1} }`,
    ).join(' ');
    const bomb = `{ ...F0 } ${fragments} fragment F12 on Query { __typename }`;
    expect(refusalOf(bomb)?.message).toBe(
      'This request selects more than 1,000 fields (a fragment counts wherever it is spread); at most 1,000 are allowed.',
    );
  });
});

describe('refusals for people', () => {
  const aliases = `{ ${Array.from({ length: 16 }, (_, index) => `a${index}: universities { id }`).join(' ')} }`;
  const deep = `{ workers { edges { node { placements { worker { placements { worker { placements { worker { placements { id } } } } } } } } } } }`;
  const directives = `{ ${Array.from({ length: 11 }, (_, index) => `d${index}: universities @include(if: true) { id }`).join(' ')} }`;

  it('names the limit and what the request has, and never says "Syntax Error"', () => {
    expect(refusalOf(aliases)?.message).toBe('This request has 16 aliases; at most 15 are allowed.');
    expect(refusalOf(deep)?.message).toBe(
      'This request nests fields 11 levels deep; at most 10 are allowed.',
    );
    expect(refusalOf(directives)?.message).toBe('This request has 11 directives; at most 10 are allowed.');
    const long = `query(${Array.from({ length: 600 }, (_, index) => `$v${index}: Int`).join(', ')}) { universities { id } }`;
    expect(tokenLimitRefusal(long, limits.maxTokens, true)).toBe(
      'This document has more than 2,000 tokens; at most 2,000 are allowed.',
    );
  });

  it('in production, says which limit but not its number', () => {
    expect(refusalOf(aliases, {}, false)?.message).toBe('This request has too many aliases.');
    expect(refusalOf(NESTED_LISTS, {}, false)?.message).toBe(
      'The estimated cost of this request is too high. Ask for smaller pages or fewer nested lists.',
    );
    expect(tokenLimitRefusal('{ a '.repeat(1_000), 100, false)).toBe('This document is too long.');
  });

  it('leaves a document that does not parse to the parser', () => {
    expect(tokenLimitRefusal('{ workers { totalCount }', limits.maxTokens, true)).toBeNull();
  });

  it('leaves variables that do not fit to execution, which answers BAD_USER_INPUT', () => {
    expect(refusalOf('query($n: Int) { workers(first: $n) { totalCount } }', { n: 'ten' })).toBeNull();
  });
});

describe('the token count in the one parse Apollo makes', () => {
  async function serverWithTokenLimit(limit: number) {
    const parses = { count: 0 };
    const refusals = { count: 0 };
    const tokens = tokenLimit({ limit, exposeLimits: true, onRefusal: () => (refusals.count += 1) });
    const server = new ApolloServer({
      typeDefs: 'type Query { hello(a: Int, b: Int, c: Int): String }',
      resolvers: { Query: { hello: () => 'halo' } },
      parseOptions: tokens.parseOptions,
      formatError: tokens.formatError((formatted) => formatted),
      plugins: [
        tokens.plugin,
        {
          requestDidStart: () =>
            Promise.resolve({
              parsingDidStart: () => {
                parses.count += 1;
                return Promise.resolve();
              },
            }),
        },
      ],
    });
    await server.start();
    return { server, parses, refusals };
  }

  it('parses a document once, however often it is sent', async () => {
    const { server, parses } = await serverWithTokenLimit(50);
    for (let i = 0; i < 3; i++) {
      const response = await server.executeOperation({ query: '{ hello(a: 1) }' });
      expect(response.body).toMatchObject({ kind: 'single', singleResult: { data: { hello: 'halo' } } });
    }
    expect(parses.count).toBe(1);
    await server.stop();
  });

  it('refuses a document over the limit with HTTP 400, GRAPHQL_PARSE_FAILED and words for people', async () => {
    const { server, refusals } = await serverWithTokenLimit(10);
    const response = await server.executeOperation({ query: '{ hello(a: 1, b: 2, c: 3) }' });
    expect(response.http.status).toBe(400);
    expect(response.body).toMatchObject({
      kind: 'single',
      singleResult: {
        errors: [
          {
            message: 'This document has more than 10 tokens; at most 10 are allowed.',
            extensions: { code: 'GRAPHQL_PARSE_FAILED' },
          },
        ],
      },
    });
    expect(refusals.count).toBe(1);
    await server.stop();
  });

  it('leaves a syntax error before the limit to the parser, with its location', async () => {
    const { server, refusals } = await serverWithTokenLimit(10);
    const response = await server.executeOperation({ query: '{ hello(a: ) }' });
    const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
    expect(errors?.[0]?.message).toMatch(/^Syntax Error: Unexpected/);
    expect(errors?.[0]?.locations).toEqual([{ line: 1, column: 12 }]);
    expect(refusals.count).toBe(0);
    await server.stop();
  });

  it("recognises graphql-js's refusal at exactly this limit", () => {
    let stopped: unknown;
    try {
      parse('{ a b c d }', { maxLexicalTokens: 3 });
    } catch (error) {
      stopped = error;
    }
    expect([isTokenLimitError(stopped, 3), isTokenLimitError(stopped, 30)]).toEqual([true, false]);
  });
});
