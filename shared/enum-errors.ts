import { getNamedType, isEnumType, Kind, parse, type GraphQLSchema } from 'graphql';

/** Every public enum of a schema with its values, in schema order. */
export type EnumCatalogue = ReadonlyMap<string, readonly string[]>;

// Federation's own enums (join__Graph, link__Purpose) and introspection's are not the contract.
function isContractEnum(name: string): boolean {
  return !name.startsWith('__') && !name.startsWith('join__') && !name.startsWith('link__');
}

export function enumCatalogueOfSchema(schema: GraphQLSchema): EnumCatalogue {
  const catalogue = new Map<string, readonly string[]>();
  for (const type of Object.values(schema.getTypeMap())) {
    const named = getNamedType(type);
    if (isEnumType(named) && isContractEnum(named.name))
      catalogue.set(
        named.name,
        named.getValues().map((value) => value.name),
      );
  }
  return catalogue;
}

/** The same from SDL (the gateway holds the supergraph as text). */
export function enumCatalogueOfSdl(sdl: string): EnumCatalogue {
  const catalogue = new Map<string, readonly string[]>();
  for (const definition of parse(sdl).definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || !isContractEnum(definition.name.value)) continue;
    catalogue.set(
      definition.name.value,
      (definition.values ?? []).map((value) => value.name.value),
    );
  }
  return catalogue;
}

// graphql-js words an unknown enum value in two ways, with a "Did you mean" suggestion that
// hardening (graphql-armor) strips or masks; either way the caller is left guessing.
const SUGGESTION = String.raw`(?:\s*(?:Did you mean[^?]*\?|\[Suggestion hidden\]))?`;
const UNKNOWN_VALUE = new RegExp(
  String.raw`Value "([^"]*)" does not exist in "(\w+)" enum\.${SUGGESTION}`,
  'g',
);
const NON_ENUM_VALUE = new RegExp(
  String.raw`Enum "(\w+)" cannot represent non-(?:enum|string) value: (.+?)\.${SUGGESTION}$`,
);

function expected(value: string, enumName: string, values: readonly string[]): string {
  const article = /^[AEIOU]/.test(enumName) ? 'an' : 'a';
  return `Value ${value} is not ${article} ${enumName}; expected one of ${values.join(', ')}.`;
}

/**
 * Rewrites graphql-js's answer to an unknown enum value so that it lists the valid values (enums
 * are public in the contract, so listing them gives nothing away, unlike a guess at a field name).
 * Other messages are returned unchanged.
 */
export function explainEnumValues(message: string, catalogue: EnumCatalogue): string {
  const rewritten = message.replace(UNKNOWN_VALUE, (whole, value: string, enumName: string) => {
    const values = catalogue.get(enumName);
    return values ? expected(`"${value}"`, enumName, values) : whole;
  });
  return rewritten.replace(NON_ENUM_VALUE, (whole, enumName: string, value: string) => {
    const values = catalogue.get(enumName);
    return values ? expected(value, enumName, values) : whole;
  });
}
