import { describe, expect, it } from 'vitest';
import { assertUnchangedSince, changesBetween } from './amendments.js';

describe('changesBetween', () => {
  it('lists only values that differ, as text, under their GraphQL names', () => {
    const stored: Record<string, string | number | null> = {
      monthlyWage: 4990,
      employerName: 'Chan Family',
      jobOrderId: 'a',
      sector: 'DOMESTIC',
    };
    const changes = changesBetween(
      stored,
      { monthlyWage: 5100, employerName: 'Chan Family', jobOrderId: null, sector: undefined },
      (column) => (column === 'jobOrderId' ? 'jobOrder' : column),
    );
    expect(changes).toEqual([
      { field: 'monthlyWage', old: '4990', new: '5100' },
      { field: 'jobOrder', old: 'a', new: null },
    ]);
  });
});

describe('assertUnchangedSince', () => {
  const checked = { status: 'PLANNED', monthlyWage: 4990, employerName: 'Chan Family' };

  it('lets a correction through when the record is as it was checked', () => {
    expect(() => assertUnchangedSince(checked, { ...checked }, ['monthlyWage'])).not.toThrow();
  });

  it('refuses with CONFLICT when another correction changed the status or a replaced value meanwhile', () => {
    for (const current of [{ ...checked, status: 'CANCELLED' }, { ...checked, monthlyWage: 5000 }, null]) {
      expect(() => assertUnchangedSince(checked, current, ['monthlyWage'])).toThrow(
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'CONFLICT' }) }),
      );
    }
  });
});
