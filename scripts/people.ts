import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import {
  AccountError,
  createAccount,
  listAccounts,
  resetPassword,
  ROLES,
  setAccountStatus,
  unlockAccount,
  type Role,
} from '../gateway/accounts.js';
import { endAccountSessions } from '../gateway/console-sessions.js';
import { accounts } from '../gateway/db/schema.js';
import { openGatewayStore } from './operator-store.js';

const USAGE = `Operator commands on the people who sign in to the console:

  npm run people -- list [--institution <id>]
  npm run people -- add --institution <id> --username siti.rahayu --name "Siti Rahayu" --role LTSA_OFFICER [--password ...]
  npm run people -- disable <username>         (her sessions end at once)
  npm run people -- enable <username>
  npm run people -- unlock <username>          (after too many failed sign-ins)
  npm run people -- reset-password <username>  (prints a new password to hand over)

Roles: ${ROLES.join(', ')} (each institution kind has some of them; the role decides the scopes).
A password that is not given is generated and printed once; only its hash is kept. Institution
ids are in \`npm run clients -- list\`.`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    institution: { type: 'string' },
    username: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    password: { type: 'string' },
  },
});

const { config, store, close } = await openGatewayStore('migran-hub-people');
const { db } = store;

async function accountNamed(username: string | undefined): Promise<string | null> {
  if (!username) return null;
  const [row] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(eq(accounts.username, username.toLowerCase()));
  if (!row) console.error(`no account ${username}`);
  return row?.id ?? null;
}

async function run(command: string | undefined, argument: string | undefined): Promise<number> {
  switch (command) {
    case 'list': {
      for (const { account, institution } of await listAccounts(db, values.institution)) {
        const state =
          account.status === 'DISABLED'
            ? 'DISABLED'
            : account.lockedUntil && account.lockedUntil > new Date()
              ? 'LOCKED'
              : 'ACTIVE';
        console.log(
          `${account.username.padEnd(28)} ${state.padEnd(9)} ${account.role.padEnd(19)} ${institution.name}  (${account.displayName})`,
        );
      }
      return 0;
    }
    case 'add': {
      if (!values.institution || !values.username || !values.name || !values.role) break;
      if (!(ROLES as readonly string[]).includes(values.role)) {
        console.error(`unknown role ${values.role}; roles: ${ROLES.join(', ')}`);
        return 1;
      }
      const { account, password } = await createAccount(db, {
        institutionId: values.institution,
        username: values.username,
        displayName: values.name,
        role: values.role as Role,
        ...(values.password ? { password: values.password } : {}),
        createdBy: 'operator',
      });
      console.log(`account ${account.username} (${account.id}) created`);
      if (!values.password) console.log(`password: ${password}  (shown once; hand it over in person)`);
      return 0;
    }
    case 'disable':
    case 'enable': {
      const id = await accountNamed(argument);
      if (!id) return argument ? 1 : 2;
      await setAccountStatus(db, id, command === 'disable' ? 'DISABLED' : 'ACTIVE');
      if (command === 'disable')
        console.log(`${argument} disabled; ${await endAccountSessions(db, id, config)} session(s) ended`);
      else console.log(`${argument} enabled`);
      return 0;
    }
    case 'unlock': {
      const id = await accountNamed(argument);
      if (!id) return argument ? 1 : 2;
      await unlockAccount(db, id);
      console.log(`${argument} unlocked`);
      return 0;
    }
    case 'reset-password': {
      const id = await accountNamed(argument);
      if (!id) return argument ? 1 : 2;
      console.log(`new password for ${argument}: ${await resetPassword(db, id)}  (shown once)`);
      return 0;
    }
    case undefined:
    default:
      break;
  }
  console.error(USAGE);
  return 2;
}

let code: number;
try {
  code = await run(positionals[0], positionals[1]);
} catch (error) {
  console.error(error instanceof AccountError ? error.message : error);
  code = 1;
}
await close();
process.exit(code);
