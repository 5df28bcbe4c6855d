import { getNamedType, isInputObjectType, isObjectType, type GraphQLSchema } from 'graphql';
import { valuePolicy, type AccessDeclaration } from '../rules.js';

/**
 * Fields of a subgraph schema that its graphql-shield map does not name. With deny as the
 * fallback such a field would be refused to everyone; the rule map must decide every field
 * explicitly.
 */
export function fieldsWithoutRule(schema: GraphQLSchema, rules: Readonly<Record<string, unknown>>): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const typeRules = rules[type.name];
    for (const field of Object.keys(type.getFields())) {
      const covered =
        typeRules !== undefined &&
        (typeof typeRules !== 'object' ||
          typeRules === null ||
          field in (typeRules as Record<string, unknown>) ||
          '*' in (typeRules as Record<string, unknown>));
      if (!covered) missing.push(`${type.name}.${field}`);
    }
  }
  return missing;
}

/** Pagination sizes select how many rows, not which: they reveal nothing about any row. */
const PAGE_SIZE_ARGUMENTS = new Set(['first']);

/**
 * Arguments of a subgraph's read fields (every type but Mutation) that its declaration does not
 * say the reveal of, and references to fields that have no rule. A search, filter, sort or cursor
 * argument added without saying which values it answers for would be usable by anyone.
 * `_entities` is federation plumbing: its representations are keys, each resolved under the row
 * rule of its type.
 */
export function undeclaredSearches(schema: GraphQLSchema, declaration: AccessDeclaration): string[] {
  const problems: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || type.name === 'Mutation') continue;
    for (const field of Object.values(type.getFields())) {
      if (type.name === 'Query' && field.name === '_entities') continue;
      const declared = declaration.searches[`${type.name}.${field.name}`] ?? {};
      for (const argument of field.args) {
        if (PAGE_SIZE_ARGUMENTS.has(argument.name)) continue;
        const paths = Object.keys(declared).filter(
          (path) => path === argument.name || path.startsWith(`${argument.name}.`),
        );
        const input = getNamedType(argument.type);
        const expected = isInputObjectType(input)
          ? Object.keys(input.getFields()).map((name) => `${argument.name}.${name}`)
          : [argument.name];
        for (const path of expected) {
          if (!paths.includes(path))
            problems.push(`${type.name}.${field.name}(${path}) reveals nothing declared`);
        }
      }
    }
  }
  for (const [reference, search] of Object.entries(declaration.searches)) {
    for (const [argument, revealed] of Object.entries(search)) {
      for (const field of revealed) {
        if (!valuePolicy(declaration.fields, field))
          problems.push(`${reference}(${argument}) names ${field}, which has no rule`);
      }
    }
  }
  return problems;
}
