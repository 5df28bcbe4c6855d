import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { SUBGRAPH_NAMES } from '../shared/config.js';
import { readSubgraphSdl } from '../shared/schema-files.js';

/** Default subgraph URLs written into the supergraph; the gateway replaces them from its configuration. */
const DEFAULT_URLS = {
  labour: 'http://127.0.0.1:4001/graphql',
  ministry: 'http://127.0.0.1:4002/graphql',
  training: 'http://127.0.0.1:4003/graphql',
  university: 'http://127.0.0.1:4004/graphql',
} as const;

export interface Composition {
  readonly supergraphSdl: string | undefined;
  readonly errors: readonly string[];
  readonly hints: readonly { readonly code: string; readonly message: string }[];
}

/** Composes `schema/<subgraph>.graphql` into a Federation 2 supergraph with @apollo/composition. */
export function composeSupergraph(): Composition {
  const result = composeServices(
    SUBGRAPH_NAMES.map((name) => ({ name, typeDefs: parse(readSubgraphSdl(name)), url: DEFAULT_URLS[name] })),
  );
  if (result.errors) {
    return { supergraphSdl: undefined, errors: result.errors.map((error) => error.message), hints: [] };
  }
  return {
    supergraphSdl: `${result.supergraphSdl.trimEnd()}\n`,
    errors: [],
    hints: result.hints.map((hint) => ({ code: hint.definition.code, message: hint.message })),
  };
}
