import { describe, expect, it } from 'vitest';
import { licenceUpdate, sanctionHasEnd } from './agency-model.js';

describe("an agency's licence and sanctions", () => {
  const current = { licenceStatus: 'ACTIVE', licenceValidUntil: '2029-12-31' } as const;

  it('sends only what changed, and nothing when nothing did', () => {
    expect(licenceUpdate(current, { licenceStatus: 'ACTIVE', licenceValidUntil: '2029-12-31' })).toBeNull();
    expect(licenceUpdate(current, { licenceStatus: 'SUSPENDED', licenceValidUntil: '2029-12-31' })).toEqual({
      licenceStatus: 'SUSPENDED',
    });
    expect(licenceUpdate(current, { licenceStatus: '', licenceValidUntil: '2030-06-30' })).toEqual({
      licenceValidUntil: '2030-06-30',
    });
  });

  it('gives a revocation no end date', () => {
    expect(sanctionHasEnd('LICENCE_REVOCATION')).toBe(false);
    expect(sanctionHasEnd('SUSPENSION')).toBe(true);
  });
});
