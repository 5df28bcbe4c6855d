import { describe, expect, it } from 'vitest';
import { acceptsNotes, canChangeCaseStatus, canResolve } from './case-lifecycle.js';

describe('case lifecycle', () => {
  it('never reaches RESOLVED by a plain status change', () => {
    for (const from of ['OPEN', 'IN_PROGRESS', 'REFERRED', 'RESOLVED', 'CLOSED'] as const) {
      expect(canChangeCaseStatus(from, 'RESOLVED')).toBe(false);
    }
  });

  it('closes only a resolved case, and a closed case stays closed', () => {
    expect(canChangeCaseStatus('RESOLVED', 'CLOSED')).toBe(true);
    expect(
      ['OPEN', 'IN_PROGRESS', 'REFERRED'].some((from) => canChangeCaseStatus(from as 'OPEN', 'CLOSED')),
    ).toBe(false);
    expect(
      ['OPEN', 'IN_PROGRESS', 'REFERRED', 'RESOLVED'].some((to) =>
        canChangeCaseStatus('CLOSED', to as 'OPEN'),
      ),
    ).toBe(false);
    expect(acceptsNotes('CLOSED')).toBe(false);
  });

  it('resolves open, in-progress and referred cases only', () => {
    expect(
      ['OPEN', 'IN_PROGRESS', 'REFERRED', 'RESOLVED', 'CLOSED'].map((status) => canResolve(status as 'OPEN')),
    ).toEqual([true, true, true, false, false]);
  });
});
