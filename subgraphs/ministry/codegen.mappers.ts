/** GraphQL type -> the value its resolvers receive as parent (see `codegen.ts`). */
export const mappers: Record<string, string> = {};
