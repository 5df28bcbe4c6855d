import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { SCOPES } from '../../../shared/auth/principal.js';
import {
  findClient,
  reactivateClient,
  registerClient,
  rotateClientSecret,
  suspendClient,
} from '../../../gateway/clients.js';
import { clients, institutions } from '../../../gateway/db/schema.js';
import { defineCommand, lines, OperatorError, type OperatorContext } from '../command.js';

const clientId = z.string().trim().min(1).max(200);

async function existingClient(context: OperatorContext, id: string) {
  const { db } = await context.store('gateway');
  const record = await findClient(db, id);
  if (!record) throw new OperatorError(`There is no client ${id} (\`npm run hub -- clients list\`).`);
  return { db, record };
}

const list = defineCommand({
  group: 'clients',
  name: 'list',
  summary: 'Every client: id, status, institution kind and id, name, scopes.',
  input: z.object({}),
  run: async (_input, context) => {
    const { db } = await context.store('gateway');
    const rows = await db
      .select({ client: clients, institution: institutions })
      .from(clients)
      .leftJoin(institutions, eq(institutions.id, clients.institutionId));
    return lines(
      ...rows.map(
        ({ client, institution }) =>
          `${client.clientId.padEnd(44)} ${client.status.padEnd(9)} ${(institution?.kind ?? client.type).padEnd(17)} ${(institution?.id ?? '-').padEnd(36)} ${institution?.name ?? 'the console (people sign in)'}${client.trustedDocumentsOnly ? '  (trusted documents only)' : ''}  [${client.scopes.join(' ')}]`,
      ),
    );
  },
});

const add = defineCommand({
  group: 'clients',
  name: 'add',
  summary: 'Registers a machine client of an institution; prints its secret once.',
  options: {
    institution: { type: 'string', description: 'the institution id (`institutions list`)' },
    label: { type: 'string', description: 'what the client is, e.g. "Desk system"' },
    scopes: { type: 'string', description: `comma-separated: ${SCOPES.join(', ')}` },
  },
  input: z.object({
    institution: z.uuid(),
    label: z.string().trim().min(1).max(200),
    scopes: z
      .string()
      .transform((value) =>
        value
          .split(',')
          .map((scope) => scope.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.enum(SCOPES)).min(1)),
  }),
  examples: ['clients add --institution <id> --label "Desk system" --scopes workers:read,workers:write'],
  run: async (input, context) => {
    const { db } = await context.store('gateway');
    try {
      const issued = await registerClient(db, {
        institutionId: input.institution,
        label: input.label,
        scopes: input.scopes,
      });
      return lines(
        `client_id     ${issued.clientId}`,
        `client_secret ${issued.clientSecret}   (shown once; only its hash is kept)`,
      );
    } catch (error) {
      throw new OperatorError((error as Error).message);
    }
  },
});

const suspend = defineCommand({
  group: 'clients',
  name: 'suspend',
  summary: 'The kill switch: the client gets no token and its tokens stop working, at once.',
  arguments: [{ name: 'clientId' }],
  input: z.object({ clientId }),
  run: async (input, context) => {
    const { db, record } = await existingClient(context, input.clientId);
    if (record.client.status === 'SUSPENDED') return lines(`${input.clientId} is suspended already`);
    await suspendClient(db, input.clientId);
    await context.revocationsChanged();
    return lines(`${input.clientId} suspended`);
  },
});

const reactivate = defineCommand({
  group: 'clients',
  name: 'reactivate',
  summary: 'Lifts a suspension.',
  arguments: [{ name: 'clientId' }],
  input: z.object({ clientId }),
  run: async (input, context) => {
    const { db } = await existingClient(context, input.clientId);
    await reactivateClient(db, input.clientId);
    await context.revocationsChanged();
    return lines(`${input.clientId} reactivated`);
  },
});

const rotateSecret = defineCommand({
  group: 'clients',
  name: 'rotate-secret',
  summary: 'A new secret for a machine client; the old one stops working at once.',
  arguments: [{ name: 'clientId' }],
  input: z.object({ clientId }),
  run: async (input, context) => {
    const { db } = await existingClient(context, input.clientId);
    const issued = await rotateClientSecret(db, input.clientId);
    if (!issued)
      throw new OperatorError(`${input.clientId} is the console; people sign in to it, it has no secret.`);
    return lines(
      `client_id     ${issued.clientId}`,
      `client_secret ${issued.clientSecret}   (shown once; tokens issued before stay valid until they expire)`,
    );
  },
});

export const CLIENT_COMMANDS = [list, add, suspend, reactivate, rotateSecret];
