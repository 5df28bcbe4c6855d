import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Principal } from '../shared/auth/principal.js';
import type { TokenVerifier } from '../shared/auth/token-verifier.js';
import type { HubConfig } from '../shared/config.js';
import type { Database } from '../shared/db/database.js';
import { UnauthenticatedError } from '../shared/errors.js';
import type { Logger } from '../shared/logging.js';
import {
  AccountError,
  createAccount,
  findAccount,
  listAccounts,
  resetPassword,
  rolesFor,
  setAccountStatus,
  unlockAccount,
  type Role,
} from './accounts.js';
import { endAccountSessions } from './console-sessions.js';

// An institution administrator manages the accounts of their own institution's people from the
// console: list, create (with a generated password shown once), disable (her sessions end at
// once), enable, unlock, reset a password. No other role, and no other institution's accounts.

function fail(reply: FastifyReply, status: number, code: string, message: string, field?: string) {
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .send({ errors: [{ message, extensions: { code, ...(field ? { field } : {}) } }] });
}

const newAccount = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, 'is 3 to 64 letters, digits, dots, dashes or underscores'),
  displayName: z.string().trim().min(2, 'is at least 2 characters').max(120, 'is at most 120 characters'),
  role: z.string(),
});

export function mountAccountAdmin(
  app: FastifyInstance,
  deps: {
    readonly db: Database;
    readonly config: HubConfig;
    readonly verifyToken: TokenVerifier;
    readonly logger: Logger;
  },
): void {
  const { db } = deps;

  /** The signed-in administrator, or the refusal already sent. */
  async function administrator(request: FastifyRequest, reply: FastifyReply): Promise<Principal | null> {
    let principal: Principal;
    try {
      principal = await deps.verifyToken(request.headers.authorization);
    } catch (error) {
      if (error instanceof UnauthenticatedError) {
        await fail(reply, 401, 'UNAUTHENTICATED', error.message);
        return null;
      }
      throw error;
    }
    if (principal.person?.role !== 'INSTITUTION_ADMIN') {
      await fail(reply, 403, 'FORBIDDEN', "Only your institution's administrator manages accounts.");
      return null;
    }
    return principal;
  }

  /** An account of the administrator's own institution; any other is, to them, not there. */
  async function ownAccount(principal: Principal, id: string, reply: FastifyReply) {
    const record = await findAccount(db, id);
    if (!record || record.account.institutionId !== principal.institutionId) {
      await fail(reply, 404, 'NOT_FOUND', 'Account not found.');
      return null;
    }
    return record.account;
  }

  app.get('/console/accounts', async (request, reply) => {
    const principal = await administrator(request, reply);
    if (!principal) return reply;
    const rows = await listAccounts(db, principal.institutionId);
    const now = new Date();
    return reply.header('cache-control', 'no-store').send({
      roles: rolesFor(principal.institutionKind),
      accounts: rows.map(({ account }) => ({
        id: account.id,
        username: account.username,
        displayName: account.displayName,
        role: account.role,
        status: account.status,
        locked: account.lockedUntil !== null && account.lockedUntil > now,
        createdAt: account.createdAt,
      })),
    });
  });

  app.post('/console/accounts', async (request, reply) => {
    const principal = await administrator(request, reply);
    if (!principal) return reply;
    const parsed = newAccount.safeParse(request.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = String(issue?.path[0] ?? 'body');
      return fail(reply, 400, 'BAD_USER_INPUT', `Invalid ${field}: ${issue?.message ?? 'malformed'}`, field);
    }
    const role = parsed.data.role as Role;
    if (!rolesFor(principal.institutionKind).includes(role)) {
      return fail(
        reply,
        400,
        'BAD_USER_INPUT',
        `Invalid role: your institution has no ${parsed.data.role}.`,
        'role',
      );
    }
    try {
      const { account, password } = await createAccount(db, {
        institutionId: principal.institutionId,
        username: parsed.data.username,
        displayName: parsed.data.displayName,
        role,
        createdBy: principal.person?.accountId ?? 'unknown',
      });
      deps.logger.info({ by: principal.person?.accountId, accountId: account.id, role }, 'account created');
      return reply
        .code(201)
        .header('cache-control', 'no-store')
        .send({ id: account.id, username: account.username, password });
    } catch (error) {
      if (error instanceof AccountError && /taken/.test(error.message)) {
        return fail(reply, 409, 'CONFLICT', 'This username is taken.', 'username');
      }
      if (error instanceof AccountError) return fail(reply, 400, 'BAD_USER_INPUT', error.message);
      throw error;
    }
  });

  app.post<{ Params: { id: string; action: string } }>(
    '/console/accounts/:id/:action',
    async (request, reply) => {
      const principal = await administrator(request, reply);
      if (!principal) return reply;
      const account = await ownAccount(principal, request.params.id, reply);
      if (!account) return reply;
      const by = principal.person?.accountId;
      switch (request.params.action) {
        case 'disable': {
          if (account.id === by) return fail(reply, 409, 'CONFLICT', 'You cannot disable your own account.');
          await setAccountStatus(db, account.id, 'DISABLED');
          const ended = await endAccountSessions(db, account.id, deps.config);
          deps.logger.info({ by, accountId: account.id, ended }, 'account disabled');
          return reply.send({ id: account.id, status: 'DISABLED' });
        }
        case 'enable':
          await setAccountStatus(db, account.id, 'ACTIVE');
          deps.logger.info({ by, accountId: account.id }, 'account enabled');
          return reply.send({ id: account.id, status: 'ACTIVE' });
        case 'unlock':
          await unlockAccount(db, account.id);
          deps.logger.info({ by, accountId: account.id }, 'account unlocked');
          return reply.send({ id: account.id, locked: false });
        case 'reset-password': {
          const password = await resetPassword(db, account.id);
          deps.logger.info({ by, accountId: account.id }, 'password reset');
          return reply.header('cache-control', 'no-store').send({ id: account.id, password });
        }
        default:
          return fail(reply, 404, 'NOT_FOUND', 'No such action.');
      }
    },
  );
}
