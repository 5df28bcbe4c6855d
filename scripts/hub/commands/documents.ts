import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { findClient } from '../../../gateway/clients.js';
import { trustedDocuments } from '../../../gateway/db/schema.js';
import {
  documentHash,
  problemsWithDocument,
  restrictToTrustedDocuments,
  trustDocument,
} from '../../../gateway/trusted-documents.js';
import { readApiSchema } from '../../../shared/schema-files.js';
import { defineCommand, lines, OperatorError, type OperatorContext } from '../command.js';

const clientId = z.string().trim().min(1).max(200);

async function gatewayWithClient(context: OperatorContext, id: string) {
  const { db } = await context.store('gateway');
  if (!(await findClient(db, id)))
    throw new OperatorError(`There is no client ${id} (\`npm run hub -- clients list\`).`);
  return db;
}

const trust = defineCommand({
  group: 'documents',
  name: 'trust',
  summary: 'Registers an operation a client may run (checked against the API schema first).',
  arguments: [{ name: 'clientId' }],
  options: {
    file: { type: 'string', description: 'a .graphql file with the operation', file: true },
    name: { type: 'string', optional: true, description: 'a name to list it by' },
  },
  input: z.object({
    clientId,
    // 256 KiB: far above any real operation, far below what could hurt.
    file: z.string().min(1).max(262_144),
    name: z.string().trim().min(1).max(200).optional(),
  }),
  examples: ['documents trust <clientId> --file sync-enrollments.graphql --name SyncEnrollments'],
  run: async (input, context) => {
    const db = await gatewayWithClient(context, input.clientId);
    const problems = problemsWithDocument(readApiSchema(), input.file);
    if (problems.length > 0) throw new OperatorError(`not registered:\n  ${problems.join('\n  ')}`);
    const hash = await trustDocument(db, input.clientId, input.file, input.name);
    return lines(`trusted for ${input.clientId}: sha256 ${hash}`);
  },
});

const list = defineCommand({
  group: 'documents',
  name: 'list',
  summary: 'The operations a client may run by hash.',
  arguments: [{ name: 'clientId' }],
  input: z.object({ clientId }),
  run: async (input, context) => {
    const db = await gatewayWithClient(context, input.clientId);
    const rows = await db
      .select()
      .from(trustedDocuments)
      .where(eq(trustedDocuments.clientId, input.clientId))
      .orderBy(asc(trustedDocuments.createdAt));
    return lines(...rows.map((row) => `${documentHash(row.document)}  ${row.name ?? '(unnamed)'}`));
  },
});

const restrict = defineCommand({
  group: 'documents',
  name: 'restrict',
  summary: 'From now on the client may run only its trusted documents.',
  arguments: [{ name: 'clientId' }],
  input: z.object({ clientId }),
  run: async (input, context) => {
    await restrictToTrustedDocuments(await gatewayWithClient(context, input.clientId), input.clientId, true);
    return lines(`${input.clientId} may run only its trusted documents`);
  },
});

const unrestrict = defineCommand({
  group: 'documents',
  name: 'unrestrict',
  summary: 'The client may run any operation its scopes allow again.',
  arguments: [{ name: 'clientId' }],
  input: z.object({ clientId }),
  run: async (input, context) => {
    await restrictToTrustedDocuments(await gatewayWithClient(context, input.clientId), input.clientId, false);
    return lines(`${input.clientId} may run any operation its scopes allow`);
  },
});

export const DOCUMENT_COMMANDS = [trust, list, restrict, unrestrict];
