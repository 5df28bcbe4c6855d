import { eq } from 'drizzle-orm';
import { z } from 'zod';
import {
  AccountError,
  createAccount,
  listAccounts,
  resetPassword,
  ROLES,
  setAccountStatus,
  unlockAccount,
} from '../../../gateway/accounts.js';
import { endAccountSessions } from '../../../gateway/console-sessions.js';
import { accounts } from '../../../gateway/db/schema.js';
import { defineCommand, lines, OperatorError, type OperatorContext } from '../command.js';

const username = z.string().trim().min(1).max(100);

async function accountNamed(context: OperatorContext, name: string) {
  const { db } = await context.store('gateway');
  const [row] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(eq(accounts.username, name.toLowerCase()));
  if (!row) throw new OperatorError(`There is no account ${name} (\`npm run hub -- people list\`).`);
  return { db, id: row.id };
}

/** Account rules refused (a role the institution kind cannot have, a short password) are the operator's to fix. */
async function asOperatorError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AccountError) throw new OperatorError(error.message);
    throw error;
  }
}

const list = defineCommand({
  group: 'people',
  name: 'list',
  summary: 'The people who sign in to the console, with their state and role.',
  options: { institution: { type: 'string', optional: true, description: 'only this institution’s people' } },
  input: z.object({ institution: z.uuid().optional() }),
  run: async (input, context) => {
    const { db } = await context.store('gateway');
    return lines(
      ...(await listAccounts(db, input.institution)).map(({ account, institution }) => {
        const state =
          account.status === 'DISABLED'
            ? 'DISABLED'
            : account.lockedUntil && account.lockedUntil > new Date()
              ? 'LOCKED'
              : 'ACTIVE';
        return `${account.username.padEnd(28)} ${state.padEnd(9)} ${account.role.padEnd(19)} ${institution.name}  (${account.displayName})`;
      }),
    );
  },
});

const add = defineCommand({
  group: 'people',
  name: 'add',
  summary: 'Creates a person’s console account; prints a generated password once.',
  options: {
    institution: { type: 'string', description: 'the institution id (`institutions list`)' },
    username: { type: 'string', description: 'e.g. siti.rahayu' },
    name: { type: 'string', description: 'her full name, as colleagues see it' },
    role: { type: 'string', description: ROLES.join(' | ') },
    password: {
      type: 'string',
      optional: true,
      description: 'at least 12 characters; generated when left out',
    },
  },
  input: z.object({
    institution: z.uuid(),
    username,
    name: z.string().trim().min(1).max(200),
    role: z.enum(ROLES),
    password: z.string().min(12).max(200).optional(),
  }),
  examples: ['people add --institution <id> --username siti.rahayu --name "Siti Rahayu" --role LTSA_OFFICER'],
  run: async (input, context) => {
    const { db } = await context.store('gateway');
    const { account, password } = await asOperatorError(() =>
      createAccount(db, {
        institutionId: input.institution,
        username: input.username,
        displayName: input.name,
        role: input.role,
        ...(input.password ? { password: input.password } : {}),
        createdBy: context.operator,
      }),
    );
    return lines(
      `account ${account.username} (${account.id}) created`,
      ...(input.password ? [] : [`password: ${password}  (shown once; hand it over in person)`]),
    );
  },
});

const disable = defineCommand({
  group: 'people',
  name: 'disable',
  summary: 'Stops an account; her sessions end at once.',
  arguments: [{ name: 'username' }],
  input: z.object({ username }),
  run: async (input, context) => {
    const { db, id } = await accountNamed(context, input.username);
    await setAccountStatus(db, id, 'DISABLED');
    const ended = await endAccountSessions(db, id, context.config);
    await context.revocationsChanged();
    return lines(`${input.username} disabled; ${ended} session(s) ended`);
  },
});

const enable = defineCommand({
  group: 'people',
  name: 'enable',
  summary: 'Lets a disabled account sign in again.',
  arguments: [{ name: 'username' }],
  input: z.object({ username }),
  run: async (input, context) => {
    const { db, id } = await accountNamed(context, input.username);
    await setAccountStatus(db, id, 'ACTIVE');
    return lines(`${input.username} enabled`);
  },
});

const unlock = defineCommand({
  group: 'people',
  name: 'unlock',
  summary: 'Lifts the lock after too many failed sign-ins.',
  arguments: [{ name: 'username' }],
  input: z.object({ username }),
  run: async (input, context) => {
    const { db, id } = await accountNamed(context, input.username);
    await unlockAccount(db, id);
    return lines(`${input.username} unlocked`);
  },
});

const resetPasswordCommand = defineCommand({
  group: 'people',
  name: 'reset-password',
  summary: 'A new password to hand over (shown once).',
  arguments: [{ name: 'username' }],
  input: z.object({ username }),
  run: async (input, context) => {
    const { db, id } = await accountNamed(context, input.username);
    return lines(`new password for ${input.username}: ${await resetPassword(db, id)}  (shown once)`);
  },
});

export const PEOPLE_COMMANDS = [list, add, disable, enable, unlock, resetPasswordCommand];
