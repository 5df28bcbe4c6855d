import { describe, expect, it } from 'vitest';
import { apiFilter, isFiltered, mergeInstitutions, NO_FILTERS } from './access-filters.js';

describe("the access report's filters", () => {
  it('leave report reads out by default and ask the API for everything else the officer chose', () => {
    expect(apiFilter(NO_FILTERS)).toEqual({ excludeReportReads: true });
    expect(
      apiFilter({
        institutionId: 'a',
        action: 'LOOKUP',
        from: '2026-12-01',
        to: '2026-12-02',
        purpose: '  desk ',
        showReportReads: true,
      }),
    ).toEqual({
      institutionIds: ['a'],
      actions: ['LOOKUP'],
      fromDate: '2026-12-01',
      toDate: '2026-12-02',
      purpose: 'desk',
      excludeReportReads: false,
    });
  });

  it('count as narrowing only when they leave something out', () => {
    expect(isFiltered(NO_FILTERS)).toBe(false);
    expect(isFiltered({ ...NO_FILTERS, showReportReads: true })).toBe(false);
    expect(isFiltered({ ...NO_FILTERS, purpose: '   ' })).toBe(false);
    expect(isFiltered({ ...NO_FILTERS, to: '2026-12-01' })).toBe(true);
  });

  it('offer each institution seen in any summary once, by name', () => {
    const row = (id: string) => ({
      institution: { id, name: `Institusi ${id}` },
      total: 1,
      actions: [],
      firstAt: '2026-12-01T00:00:00Z',
      lastAt: '2026-12-01T00:00:00Z',
    });
    expect(mergeInstitutions([{ id: 'b', name: 'Institusi b' }], [row('a'), row('b')])).toEqual([
      { id: 'a', name: 'Institusi a' },
      { id: 'b', name: 'Institusi b' },
    ]);
  });
});
