import { createHash } from 'node:crypto';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { Kind, type DocumentNode } from 'graphql';
import { printSchema, Supergraph } from '@apollo/federation-internals';
import { readSupergraphSdl } from '../shared/schema-files.js';

/**
 * Typed operations for the console, generated from the API schema clients see (the supergraph
 * without its federation plumbing) and the `graphql(...)` documents under `console/src`. Each
 * operation is emitted with the SHA-256 of its exact text: the console sends only that hash, and
 * `persisted-documents.json` (hash -> text) becomes the console client's trusted documents.
 */
export const CONSOLE_GENERATED_DIR = 'console/src/graphql/__generated__/';

export function apiSchemaSdl(): string {
  return printSchema(Supergraph.build(readSupergraphSdl()).apiSchema());
}

export function documentSha256(document: string): string {
  return createHash('sha256').update(document).digest('hex');
}

/** Carried beside the hash in each generated document: the request names its operation. */
function operationMeta(document: DocumentNode): Record<string, unknown> {
  const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  return { operationName: operation?.name?.value ?? null };
}

export function consoleCodegenConfig(): CodegenConfig {
  return {
    overwrite: true,
    silent: true,
    schema: apiSchemaSdl(),
    documents: ['console/src/**/*.graphql'],
    generates: {
      [CONSOLE_GENERATED_DIR]: {
        preset: 'client',
        presetConfig: {
          fragmentMasking: false,
          onExecutableDocumentNode: operationMeta,
          persistedDocuments: { mode: 'replaceDocumentWithHash', hashAlgorithm: documentSha256 },
        },
        config: {
          useTypeImports: true,
          enumsAsTypes: true,
          skipTypename: true,
          scalars: { Date: 'string', DateTime: 'string', ID: 'string' },
        },
      },
    },
  };
}
