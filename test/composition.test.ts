import { Kind, parse, type DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { composeSupergraph } from '../gateway/compose.js';
import { SUBGRAPH_NAMES } from '../shared/config.js';
import { readSubgraphSdl, readSupergraphSdl } from '../shared/schema-files.js';

/** Entities the labour subgraph owns and the others extend (their owner describes them). */
const EXTENDED_ENTITIES = new Set(['Worker', 'Placement', 'RegionStats']);
const KEY_FIELDS = new Set(['id', 'regionCode', 'year']);

/**
 * Types and fields a subgraph defines without a description. Exempt: the root types; references
 * to entities another subgraph owns (`resolvable: false`); an extended entity's own description
 * and key fields; `@external` fields; and `id` fields, which say what they are.
 */
function undescribed(subgraph: string, document: DocumentNode): string[] {
  const missing: string[] = [];
  for (const definition of document.definitions) {
    if (
      definition.kind !== Kind.OBJECT_TYPE_DEFINITION &&
      definition.kind !== Kind.INPUT_OBJECT_TYPE_DEFINITION &&
      definition.kind !== Kind.ENUM_TYPE_DEFINITION &&
      definition.kind !== Kind.SCALAR_TYPE_DEFINITION
    ) {
      continue;
    }
    const name = definition.name.value;
    const reference = definition.directives?.some((directive) =>
      directive.arguments?.some((argument) => argument.name.value === 'resolvable'),
    );
    if (reference) continue;
    const extension = subgraph !== 'labour' && EXTENDED_ENTITIES.has(name);
    if (!definition.description && !extension && name !== 'Query' && name !== 'Mutation') missing.push(name);
    if (
      definition.kind !== Kind.OBJECT_TYPE_DEFINITION &&
      definition.kind !== Kind.INPUT_OBJECT_TYPE_DEFINITION
    ) {
      continue;
    }
    for (const field of definition.fields ?? []) {
      const external = field.directives?.some((directive) => directive.name.value === 'external');
      const exempt = external || field.name.value === 'id' || (extension && KEY_FIELDS.has(field.name.value));
      if (!field.description && !exempt) missing.push(`${name}.${field.name.value}`);
    }
  }
  return missing;
}

describe('the interagency contract (schema/)', () => {
  const composition = composeSupergraph();

  it('composes the four subgraphs into a Federation 2 supergraph without errors or hints', () => {
    expect(composition.errors).toEqual([]);
    expect(composition.hints).toEqual([]);
  });

  it('is committed as composed: schema/supergraph.graphql is not stale (run `npm run compose`)', () => {
    expect(readSupergraphSdl()).toBe(composition.supergraphSdl);
  });

  it.each(SUBGRAPH_NAMES)('describes every type and field the %s subgraph defines', (name) => {
    expect(undescribed(name, parse(readSubgraphSdl(name)))).toEqual([]);
  });
});
