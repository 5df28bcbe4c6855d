import { describe, expect, it } from 'vitest';
import type { ApiError } from '../api/errors.js';
import { chainBelow } from './region-codes.js';
import {
  apiProblems,
  endOfDayInWib,
  issueField,
  missing,
  optionalText,
  todayInWib,
  wholeNumber,
} from './write.js';

function refusal(issues: { field: string; message: string }[]): ApiError {
  return { code: 'BAD_USER_INPUT', message: '', path: [], issues };
}

describe("the write forms' helpers", () => {
  it('name the field an issue is about, without its argument or list position', () => {
    expect(issueField('input.nik')).toBe('nik');
    expect(issueField('input.topics.2')).toBe('topics');
    expect(issueField('departedOn', [])).toBe('departedOn');
    expect(issueField('input', ['input'])).toBe('input');
  });

  it("place each of the service's issues beside its field and keep the others apart", () => {
    const { placed, unplaced } = apiProblems(
      [
        refusal([
          { field: 'input.nik', message: 'is not a valid NIK' },
          { field: 'input.nik', message: 'second word on the NIK' },
          { field: 'input.somethingElse', message: 'is odd' },
        ]),
        { code: 'FORBIDDEN', message: 'no', path: [], issues: [] },
      ],
      ['nik', 'fullName'],
    );
    expect(placed).toEqual({ nik: 'is not a valid NIK' });
    expect(unplaced).toEqual([{ field: 'input.somethingElse', message: 'is odd' }]);
  });

  it('find the required fields left empty', () => {
    expect(missing({ a: '', b: 'x', c: [], d: null }, ['a', 'b', 'c', 'd', 'e'], 'Wajib diisi.')).toEqual({
      a: 'Wajib diisi.',
      c: 'Wajib diisi.',
      d: 'Wajib diisi.',
      e: 'Wajib diisi.',
    });
  });

  it('read optional text and whole numbers as the contract takes them', () => {
    expect(optionalText('  ')).toBeNull();
    expect(optionalText(' Malang ')).toBe('Malang');
    expect(wholeNumber('')).toBeUndefined();
    expect(wholeNumber(' 42 ')).toBe(42);
    expect(wholeNumber('4.5')).toBeNaN();
  });

  it('count a day in WIB: a consent valid until a day holds to its last second there', () => {
    expect(endOfDayInWib('2030-12-31')).toBe('2030-12-31T16:59:59.000Z');
    expect(todayInWib(new Date('2026-11-30T17:00:00Z'))).toBe('2026-12-01');
  });

  it('walk a village code down from the office region', () => {
    expect(chainBelow('35.07', '35.07.11.2008')).toEqual(['35.07.11', '35.07.11.2008']);
    expect(chainBelow('35', '35.07.11.2008')).toEqual(['35.07', '35.07.11', '35.07.11.2008']);
    expect(chainBelow('35.05', '35.07.11.2008')).toEqual([]);
  });
});
