import { requestJson, type RestResult } from '../api/rest.js';
import type { Role } from '../auth/person.js';

/** The gateway's account endpoints for an institution administrator (README, "People"). */
const ACCOUNTS_PATH = '/console/accounts';

export interface Account {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly status: 'ACTIVE' | 'DISABLED';
  readonly locked: boolean;
  readonly createdAt: string;
}

export interface AccountList {
  /** The roles the institution's kind has: the only ones an account of it can get. */
  readonly roles: readonly Role[];
  readonly accounts: readonly Account[];
}

export interface NewAccount {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
}

/** What the gateway answers once, and never again: the generated password. */
export interface IssuedPassword {
  readonly username: string;
  readonly password: string;
  readonly reason: 'created' | 'reset';
}

export type AccountAction = 'disable' | 'enable' | 'unlock' | 'reset-password';

export function listAccounts(): Promise<RestResult<AccountList>> {
  return requestJson<AccountList>('GET', ACCOUNTS_PATH);
}

export function createAccount(
  account: NewAccount,
): Promise<RestResult<{ id: string; username: string; password: string }>> {
  return requestJson('POST', ACCOUNTS_PATH, account);
}

export function actOnAccount(id: string, action: AccountAction): Promise<RestResult<{ password?: string }>> {
  return requestJson('POST', `${ACCOUNTS_PATH}/${encodeURIComponent(id)}/${action}`);
}

/** Accounts as the list shows them: active before disabled, then by name. */
export function sortAccounts(accounts: readonly Account[]): Account[] {
  return [...accounts].sort(
    (a, b) =>
      Number(a.status === 'DISABLED') - Number(b.status === 'DISABLED') ||
      a.displayName.localeCompare(b.displayName, 'id'),
  );
}
