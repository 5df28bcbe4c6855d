import { existsSync, readFileSync } from 'node:fs';
import { and, eq, notInArray } from 'drizzle-orm';
import type { GraphQLSchema } from 'graphql';
import type { Database } from '../shared/db/database.js';
import type { Logger } from '../shared/logging.js';
import { readApiSchema } from '../shared/schema-files.js';
import { CONSOLE_CLIENT_ID } from './clients.js';
import { clients, trustedDocuments } from './db/schema.js';
import {
  documentHash,
  problemsWithDocument,
  restrictToTrustedDocuments,
  trustDocument,
} from './trusted-documents.js';

/** One operation of the console as its build lists it in `console/dist/trusted-documents.json`. */
export interface TrustedDocumentEntry {
  readonly name: string;
  readonly sha256: string;
  readonly document: string;
}

/** The manifest the console build wrote, or null when the console has not been built. */
export function readConsoleManifest(file: URL | string): TrustedDocumentEntry[] | null {
  if (!existsSync(file)) return null;
  const entries = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  if (!Array.isArray(entries)) throw new Error(`${String(file)} is not a list of trusted documents`);
  return entries.map((entry: Partial<TrustedDocumentEntry>) => {
    if (
      typeof entry.name !== 'string' ||
      typeof entry.sha256 !== 'string' ||
      typeof entry.document !== 'string'
    ) {
      throw new Error(`${String(file)} holds an entry without name, sha256 and document`);
    }
    return { name: entry.name, sha256: entry.sha256, document: entry.document };
  });
}

// The contract does not change while a process runs; every gateway it starts checks against one copy.
let apiSchema: GraphQLSchema | undefined;

export interface ConsoleRegistration {
  readonly registered: number;
  readonly removed: number;
}

/**
 * Makes the console's operations the console client's trusted documents and restricts the client
 * to them, at every gateway start: each is checked against the public schema, registered once
 * (idempotent), and any document the client had from an earlier build is withdrawn, so the
 * console can send nothing else. One that does not fit the schema is logged and left out.
 * Without the client row (not created yet) it does nothing.
 */
export async function registerConsoleDocuments(
  db: Database,
  manifest: readonly TrustedDocumentEntry[],
  logger: Logger,
  options: { readonly clientId?: string; readonly schema?: GraphQLSchema } = {},
): Promise<ConsoleRegistration | null> {
  const clientId = options.clientId ?? CONSOLE_CLIENT_ID;
  const [client] = await db
    .select({ clientId: clients.clientId })
    .from(clients)
    .where(eq(clients.clientId, clientId));
  if (!client) {
    logger.info({ clientId }, 'console client not registered; its trusted documents were not registered');
    return null;
  }
  const schema = options.schema ?? (apiSchema ??= readApiSchema());
  // A console built against another contract than the gateway serves: its screens that use a
  // changed operation fail (FORBIDDEN), the API and the rest of the console keep working.
  const fitting = manifest.filter((entry) => {
    const problems =
      documentHash(entry.document) === entry.sha256
        ? problemsWithDocument(schema, entry.document)
        : ['its text does not match its hash'];
    if (problems.length > 0) {
      logger.error(
        { operation: entry.name, problems },
        'console operation not registered; rebuild the console',
      );
    }
    return problems.length === 0;
  });
  for (const entry of fitting) await trustDocument(db, clientId, entry.document, entry.name);
  const keep = fitting.map((entry) => entry.sha256);
  const removed = await db
    .delete(trustedDocuments)
    .where(
      keep.length > 0
        ? and(eq(trustedDocuments.clientId, clientId), notInArray(trustedDocuments.hash, keep))
        : eq(trustedDocuments.clientId, clientId),
    )
    .returning({ hash: trustedDocuments.hash });
  await restrictToTrustedDocuments(db, clientId, true);
  logger.info(
    { clientId, registered: fitting.length, removed: removed.length },
    'console operations registered as trusted documents',
  );
  return { registered: fitting.length, removed: removed.length };
}
