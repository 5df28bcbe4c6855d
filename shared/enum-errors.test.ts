import { buildSchema, graphql, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { enumCatalogueOfSchema, enumCatalogueOfSdl, explainEnumValues } from './enum-errors.js';

const SDL = /* GraphQL */ `
  enum WorkerStatus {
    PROSPECTIVE
    REGISTERED
    DEPARTED
  }
  enum EducationLevel {
    NONE
    PRIMARY
  }
  input Filter {
    status: WorkerStatus
  }
  type Query {
    workers(status: WorkerStatus, filter: Filter, education: EducationLevel): Int
  }
`;
const schema = buildSchema(SDL);
const catalogue = enumCatalogueOfSchema(schema);

async function messagesOf(query: string, variables?: Record<string, unknown>): Promise<string[]> {
  const errors = validate(schema, parse(query));
  if (errors.length > 0) return errors.map((error) => error.message);
  const result = await graphql({ schema, source: query, variableValues: variables ?? null });
  return (result.errors ?? []).map((error) => error.message);
}

describe('explainEnumValues', () => {
  it('answers a misspelt enum literal with the valid values instead of a guess', async () => {
    const [message = ''] = await messagesOf('{ workers(status: DEPARTD) }');
    expect(message).toContain('Did you mean');
    expect(explainEnumValues(message, catalogue)).toBe(
      'Value "DEPARTD" is not a WorkerStatus; expected one of PROSPECTIVE, REGISTERED, DEPARTED.',
    );
  });

  it('keeps the variable and path of a bad variable and lists the values', async () => {
    const [message = ''] = await messagesOf('query($f: Filter) { workers(filter: $f) }', {
      f: { status: 'DEPARTD' },
    });
    expect(explainEnumValues(message, catalogue)).toBe(
      'Variable "$f" got invalid value "DEPARTD" at "f.status"; ' +
        'Value "DEPARTD" is not a WorkerStatus; expected one of PROSPECTIVE, REGISTERED, DEPARTED.',
    );
  });

  it('answers a quoted string where an enum belongs, with the right article', async () => {
    const [message = ''] = await messagesOf('{ workers(education: "primary") }');
    expect(explainEnumValues(message, catalogue)).toBe(
      'Value "primary" is not an EducationLevel; expected one of NONE, PRIMARY.',
    );
  });

  it('also explains a message whose suggestion hardening has already masked', () => {
    expect(
      explainEnumValues('Value "X" does not exist in "WorkerStatus" enum. [Suggestion hidden]', catalogue),
    ).toBe('Value "X" is not a WorkerStatus; expected one of PROSPECTIVE, REGISTERED, DEPARTED.');
  });

  it('leaves other messages and enums it does not know alone', () => {
    expect(explainEnumValues('Cannot query field "workerz" on type "Query".', catalogue)).toBe(
      'Cannot query field "workerz" on type "Query".',
    );
    const unknown = 'Value "X" does not exist in "Secret" enum.';
    expect(explainEnumValues(unknown, catalogue)).toBe(unknown);
  });

  it('reads the same catalogue from SDL, without federation internals', () => {
    const fromSdl = enumCatalogueOfSdl(`${SDL}\nenum join__Graph { LABOUR }`);
    expect([...fromSdl.keys()]).toEqual(['WorkerStatus', 'EducationLevel']);
    expect(fromSdl.get('WorkerStatus')).toEqual(catalogue.get('WorkerStatus'));
  });
});
