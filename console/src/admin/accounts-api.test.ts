import { describe, expect, it } from 'vitest';
import { sortAccounts, type Account } from './accounts-api.js';

const account = (displayName: string, status: Account['status']): Account => ({
  id: displayName,
  username: displayName.toLowerCase(),
  displayName,
  role: 'LTSA_OFFICER',
  status,
  locked: false,
  createdAt: '2026-12-01T00:00:00Z',
});

describe("the administrator's account list", () => {
  it('lists active accounts before disabled ones, each by name', () => {
    const sorted = sortAccounts([
      account('Wati', 'ACTIVE'),
      account('Agus', 'DISABLED'),
      account('Budi', 'ACTIVE'),
    ]);
    expect(sorted.map((item) => item.displayName)).toEqual(['Budi', 'Wati', 'Agus']);
  });
});
