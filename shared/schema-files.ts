import { readFileSync } from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import { parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { SubgraphName } from './config.js';

/** Where the interagency contract lives: `schema/<subgraph>.graphql` and the composed supergraph. */
export const SCHEMA_DIR = new URL('../schema/', import.meta.url);

export function readSubgraphSdl(name: SubgraphName): string {
  return readFileSync(new URL(`${name}.graphql`, SCHEMA_DIR), 'utf8');
}

export function subgraphTypeDefs(name: SubgraphName): DocumentNode {
  return parse(readSubgraphSdl(name));
}

export function readSupergraphSdl(): string {
  return readFileSync(new URL('supergraph.graphql', SCHEMA_DIR), 'utf8');
}

/**
 * The schema clients see: the composed supergraph without its federation plumbing. Used to check
 * operations offline (registering a trusted document) the same way the gateway will run them.
 */
export function readApiSchema(): GraphQLSchema {
  return Supergraph.build(readSupergraphSdl()).apiSchema().toGraphQLJSSchema();
}
