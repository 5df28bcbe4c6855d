import { createAccount, type Role } from '../../gateway/accounts.js';
import type { TestHub } from './hub.js';

export const TEST_PASSWORD = 'a long and private phrase';
let serial = 0;

/** A person with a console account of an institution, as an administrator would create one. */
export async function consolePerson(hub: TestHub, institutionId: string, role: Role, displayName: string) {
  serial += 1;
  const username = `${role.toLowerCase().replace(/_/g, '-')}.${serial}`;
  const { account } = await createAccount(hub.stores.gateway.db, {
    institutionId,
    username,
    displayName,
    role,
    password: TEST_PASSWORD,
  });
  return { username, password: TEST_PASSWORD, accountId: account.id, displayName };
}
