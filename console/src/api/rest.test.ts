import { describe, expect, it } from 'vitest';
import { issueFor } from './errors.js';
import { restErrorOf } from './rest.js';

describe("the gateway's own endpoints' refusals", () => {
  it('keep their code, and a BAD_USER_INPUT names its field so the form shows it there', () => {
    const error = restErrorOf({
      message: 'Invalid username: is 3 to 64 letters',
      extensions: { code: 'BAD_USER_INPUT', field: 'username' },
    });
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(issueFor([error], 'username')).toBe('Invalid username: is 3 to 64 letters');
    expect(restErrorOf({ message: 'Account not found.', extensions: { code: 'NOT_FOUND' } }).issues).toEqual(
      [],
    );
  });
});
