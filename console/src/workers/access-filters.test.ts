import { describe, expect, it } from 'vitest';
import {
  dayInWib,
  filterAccessLog,
  institutionsIn,
  isFiltered,
  NO_FILTERS,
  type AccessEventRow,
} from './access-filters.js';

function event(at: string, institution: string, action: AccessEventRow['action']): AccessEventRow {
  return {
    at,
    institution: { id: institution, name: `Institusi ${institution}` },
    actingSubject: null,
    purpose: null,
    caseReference: null,
    service: 'labour',
    action,
    entityType: 'Worker',
    fields: ['nik'],
    requestId: `${at}-${institution}`,
  };
}

const LOG = [
  event('2026-11-30T16:59:00Z', 'a', 'READ'), // 30 November 23.59 WIB
  event('2026-11-30T17:00:00Z', 'b', 'LOOKUP'), // 1 December 00.00 WIB
  event('2026-12-02T03:00:00Z', 'a', 'WRITE'),
];

describe("the access report's filters", () => {
  it('filter by institution, action and a period of WIB days, inclusive', () => {
    expect(dayInWib('2026-11-30T17:00:00Z')).toBe('2026-12-01');
    expect(filterAccessLog(LOG, { ...NO_FILTERS, institutionId: 'a' })).toHaveLength(2);
    expect(
      filterAccessLog(LOG, { ...NO_FILTERS, action: 'LOOKUP' }).map((item) => item.institution.id),
    ).toEqual(['b']);
    expect(filterAccessLog(LOG, { ...NO_FILTERS, from: '2026-12-01', to: '2026-12-01' })).toEqual([LOG[1]]);
    expect(isFiltered(NO_FILTERS)).toBe(false);
    expect(isFiltered({ ...NO_FILTERS })).toBe(false);
    expect(isFiltered({ ...NO_FILTERS, to: '2026-12-01' })).toBe(true);
  });

  it('offer each institution of the log once', () => {
    expect(institutionsIn(LOG)).toEqual([
      { id: 'a', name: 'Institusi a' },
      { id: 'b', name: 'Institusi b' },
    ]);
  });
});
