import { isObjectType, type GraphQLSchema } from 'graphql';

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
