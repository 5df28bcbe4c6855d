import { and, asc, eq, sql } from 'drizzle-orm';
import { SCOPES_BY_KIND, type InstitutionKind, type Scope } from '../shared/auth/principal.js';
import { generateSecret, hashSecret, verifySecret } from '../shared/auth/secret-hash.js';
import type { Database } from '../shared/db/database.js';
import { accounts, institutions, type AccountRow, type InstitutionRow } from './db/schema.js';

/** What a person does at the hub (DESIGN section 4, "People"). */
export const ROLES = [
  'LTSA_OFFICER',
  'CASE_OFFICER',
  'ANALYST',
  'AUDITOR',
  'TRAINING_REGISTRAR',
  'MENTOR',
  'INSTITUTION_ADMIN',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * The scopes a role needs for its work. A person gets those of them their institution's kind may
 * hold (never more: an analyst of a labour office reads statistics, not the ministry's cases). An
 * institution administrator manages its people's accounts and reads no data through the API.
 */
const ROLE_SCOPES: Readonly<Record<Role, readonly Scope[]>> = {
  LTSA_OFFICER: [
    'workers:read',
    'workers:write',
    'pii:read',
    'cases:read',
    'cases:write',
    'stats:read',
    'audit:read',
  ],
  CASE_OFFICER: ['workers:read', 'pii:read', 'cases:read', 'cases:write', 'agencies:write'],
  ANALYST: ['stats:read'],
  AUDITOR: ['workers:read', 'audit:read'],
  TRAINING_REGISTRAR: ['workers:read', 'training:write', 'stats:read'],
  MENTOR: ['workers:read', 'mentoring:write', 'stats:read'],
  INSTITUTION_ADMIN: [],
};

/** Which roles exist at which kind of institution. */
const ROLES_BY_KIND: Readonly<Record<InstitutionKind, readonly Role[]>> = {
  LABOUR_OFFICE: ['LTSA_OFFICER', 'ANALYST', 'AUDITOR', 'INSTITUTION_ADMIN'],
  MINISTRY: ['CASE_OFFICER', 'ANALYST', 'AUDITOR', 'INSTITUTION_ADMIN'],
  TRAINING_PROVIDER: ['TRAINING_REGISTRAR', 'INSTITUTION_ADMIN'],
  UNIVERSITY: ['MENTOR', 'INSTITUTION_ADMIN'],
};

export function rolesFor(kind: InstitutionKind): readonly Role[] {
  return ROLES_BY_KIND[kind];
}

export function scopesFor(role: Role, kind: InstitutionKind): Scope[] {
  const allowed = new Set<Scope>(SCOPES_BY_KIND[kind]);
  return ROLE_SCOPES[role].filter((scope) => allowed.has(scope));
}

/** After this many failed sign-ins in a row an account is locked for LOCK_MINUTES. */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;

export interface NewAccount {
  readonly institutionId: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  /** Generated (and returned once) when not given. */
  readonly password?: string;
  readonly demo?: boolean;
  readonly createdBy?: string;
}

export class AccountError extends Error {}

/** Creates an account; the role must exist at the institution's kind. Returns it with the password to hand over. */
export async function createAccount(
  db: Database,
  account: NewAccount,
): Promise<{ account: AccountRow; password: string }> {
  const username = account.username.trim().toLowerCase();
  if (!USERNAME.test(username)) {
    throw new AccountError('A username is 3 to 64 characters: letters, digits, dot, dash or underscore.');
  }
  const displayName = account.displayName.trim();
  if (displayName.length < 2 || displayName.length > 120)
    throw new AccountError('A name is 2 to 120 characters.');
  const [institution] = await db
    .select()
    .from(institutions)
    .where(eq(institutions.id, account.institutionId));
  if (!institution) throw new AccountError(`Unknown institution ${account.institutionId}`);
  if (!ROLES_BY_KIND[institution.kind].includes(account.role)) {
    throw new AccountError(`A ${institution.kind} has no ${account.role}.`);
  }
  const password = account.password ?? generateSecret().slice(0, 20);
  if (password.length < 12) throw new AccountError('A password is at least 12 characters.');
  const [existing] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(eq(accounts.username, username));
  if (existing) throw new AccountError(`The username ${username} is taken.`);
  const [row] = await db
    .insert(accounts)
    .values({
      institutionId: institution.id,
      username,
      displayName,
      role: account.role,
      passwordHash: await hashSecret(password),
      demo: account.demo ?? false,
      createdBy: account.createdBy ?? null,
    })
    .returning();
  if (!row) throw new Error('insert into accounts returned no row');
  return { account: row, password };
}

export interface AccountRecord {
  readonly account: AccountRow;
  readonly institution: InstitutionRow;
}

export async function findAccount(db: Database, id: string): Promise<AccountRecord | null> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return null;
  const [row] = await db
    .select({ account: accounts, institution: institutions })
    .from(accounts)
    .innerJoin(institutions, eq(institutions.id, accounts.institutionId))
    .where(eq(accounts.id, id));
  return row ?? null;
}

export type SignInResult =
  | { readonly kind: 'signed-in'; readonly account: AccountRow }
  | { readonly kind: 'refused' }
  | { readonly kind: 'locked'; readonly until: Date };

/**
 * Checks a password. A wrong password, an unknown username and a disabled account are the same
 * refusal; each failure for an existing account counts towards the lockout, and a locked account
 * is refused without its password even being checked (so guessing cannot go on while locked).
 */
export async function signIn(
  db: Database,
  username: string,
  password: string,
  now = new Date(),
): Promise<SignInResult> {
  const [account] = await db
    .select()
    .from(accounts)
    .where(eq(accounts.username, username.trim().toLowerCase()));
  if (!account) {
    // Spend the same slow hash as for a real account, so timing does not tell which usernames exist.
    await verifySecret(password, await dummyHash());
    return { kind: 'refused' };
  }
  if (account.lockedUntil && account.lockedUntil > now) return { kind: 'locked', until: account.lockedUntil };
  const valid = await verifySecret(password, account.passwordHash);
  if (valid && account.status === 'ACTIVE') {
    await db
      .update(accounts)
      .set({ failedAttempts: 0, lockedUntil: null })
      .where(eq(accounts.id, account.id));
    return { kind: 'signed-in', account };
  }
  const [updated] = await db
    .update(accounts)
    .set({
      failedAttempts: sql`${accounts.failedAttempts} + 1`,
      lockedUntil: sql`case when ${accounts.failedAttempts} + 1 >= ${MAX_FAILED_SIGN_INS}
        then ${now.toISOString()}::timestamptz + make_interval(mins => ${LOCK_MINUTES}) else null end`,
    })
    .where(eq(accounts.id, account.id))
    .returning({ lockedUntil: accounts.lockedUntil });
  return updated?.lockedUntil ? { kind: 'locked', until: updated.lockedUntil } : { kind: 'refused' };
}

let dummy: Promise<string> | undefined;
function dummyHash(): Promise<string> {
  dummy ??= hashSecret(generateSecret());
  return dummy;
}

export async function setAccountStatus(
  db: Database,
  id: string,
  status: 'ACTIVE' | 'DISABLED',
): Promise<boolean> {
  const rows = await db
    .update(accounts)
    .set({ status })
    .where(eq(accounts.id, id))
    .returning({ id: accounts.id });
  return rows.length > 0;
}

export async function unlockAccount(db: Database, id: string): Promise<boolean> {
  const rows = await db
    .update(accounts)
    .set({ failedAttempts: 0, lockedUntil: null })
    .where(eq(accounts.id, id))
    .returning({ id: accounts.id });
  return rows.length > 0;
}

export async function resetPassword(
  db: Database,
  id: string,
  password = generateSecret().slice(0, 20),
): Promise<string | null> {
  if (password.length < 12) throw new AccountError('A password is at least 12 characters.');
  const rows = await db
    .update(accounts)
    .set({ passwordHash: await hashSecret(password), failedAttempts: 0, lockedUntil: null })
    .where(eq(accounts.id, id))
    .returning({ id: accounts.id });
  return rows.length > 0 ? password : null;
}

export async function listAccounts(db: Database, institutionId?: string): Promise<AccountRecord[]> {
  return db
    .select({ account: accounts, institution: institutions })
    .from(accounts)
    .innerJoin(institutions, eq(institutions.id, accounts.institutionId))
    .where(institutionId ? and(eq(accounts.institutionId, institutionId)) : undefined)
    .orderBy(asc(institutions.name), asc(accounts.username));
}

/** Active accounts the demo seed created (their passwords were printed and written to a local file). */
export async function activeDemoAccounts(db: Database): Promise<string[]> {
  const rows = await db
    .select({ username: accounts.username })
    .from(accounts)
    .where(and(eq(accounts.demo, true), eq(accounts.status, 'ACTIVE')));
  return rows.map((row) => row.username);
}
