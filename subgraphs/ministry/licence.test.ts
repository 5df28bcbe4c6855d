import { describe, expect, it } from 'vitest';
import { licenceStatusAfter, presentedLicenceStatus } from './licence.js';

describe('presentedLicenceStatus', () => {
  it('reads an active licence past its validity as EXPIRED, and valid through its last day', () => {
    expect(
      presentedLicenceStatus({ licenceStatus: 'ACTIVE', licenceValidUntil: '2025-06-14' }, '2025-06-15'),
    ).toBe('EXPIRED');
    expect(
      presentedLicenceStatus({ licenceStatus: 'ACTIVE', licenceValidUntil: '2025-06-15' }, '2025-06-15'),
    ).toBe('ACTIVE');
  });

  it('keeps a suspension or revocation as it is, whatever the validity', () => {
    expect(
      presentedLicenceStatus({ licenceStatus: 'SUSPENDED', licenceValidUntil: '2020-01-01' }, '2025-06-15'),
    ).toBe('SUSPENDED');
    expect(
      presentedLicenceStatus({ licenceStatus: 'REVOKED', licenceValidUntil: '2030-01-01' }, '2025-06-15'),
    ).toBe('REVOKED');
  });
});

describe('licenceStatusAfter', () => {
  it('suspends with a suspension, revokes with a revocation and leaves the licence alone otherwise', () => {
    expect(licenceStatusAfter('SUSPENSION')).toBe('SUSPENDED');
    expect(licenceStatusAfter('LICENCE_REVOCATION')).toBe('REVOKED');
    expect(
      ['WRITTEN_WARNING', 'FINE', 'DEPOSIT_CLAIM'].map((type) => licenceStatusAfter(type as 'FINE')),
    ).toEqual([null, null, null]);
  });
});
