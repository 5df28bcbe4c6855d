import { describe, expect, it } from 'vitest';
import type { Person } from '../auth/person.js';
import { canFollowUpCases, caseCriteriaOf, caseFilterOf, caseListHref, nextStatuses } from './case-model.js';

const person = (kind: Person['institution']['kind'], scopes: string[]): Person => ({
  accountId: 'a',
  displayName: 'A',
  role: 'CASE_OFFICER',
  institution: { id: 'i', name: 'I', kind, regionCode: null },
  scopes,
});

describe('the case list and follow-up', () => {
  it('turns the address into the API filter, dropping a status or category that is none', () => {
    const criteria = caseCriteriaOf(
      new URLSearchParams('status=OPEN&category=NONSENSE&region=35.07&agency=x'),
    );
    expect(caseFilterOf(criteria)).toEqual({ status: 'OPEN', regionCode: '35.07', agencyId: 'x' });
    expect(caseListHref(criteria)).toBe('/cases?status=OPEN&category=NONSENSE&region=35.07&agency=x');
    expect(caseListHref({ status: '', category: '', region: '', agency: '' })).toBe('/cases');
  });

  it('offers only the moves of the lifecycle: resolved only by resolution, closed only after it', () => {
    expect(nextStatuses('OPEN')).toEqual(['IN_PROGRESS', 'REFERRED']);
    expect(nextStatuses('REFERRED')).toEqual(['IN_PROGRESS']);
    expect(nextStatuses('RESOLVED')).toEqual(['CLOSED']);
    expect(nextStatuses('CLOSED')).toEqual([]);
  });

  it('leaves the follow-up to the ministry with cases:write', () => {
    expect(canFollowUpCases(person('MINISTRY', ['cases:read', 'cases:write']))).toBe(true);
    expect(canFollowUpCases(person('MINISTRY', ['cases:read']))).toBe(false);
    expect(canFollowUpCases(person('LABOUR_OFFICE', ['cases:read', 'cases:write']))).toBe(false);
  });
});
