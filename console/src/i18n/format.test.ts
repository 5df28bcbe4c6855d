import { describe, expect, it } from 'vitest';
import { formatCountry, formatDate, formatDateTime, formatMoney, formatNumber } from './format.js';

describe('Indonesian formats', () => {
  it('writes dates as "1 Desember 2026", moments in WIB, numbers as "1.234" and rupiah with Rp', () => {
    expect(formatDate('2026-12-01', 'id')).toBe('1 Desember 2026');
    expect(formatDate('2026-11-30T18:00:00Z', 'id')).toBe('1 Desember 2026');
    expect(formatDateTime('2026-12-01T07:05:00Z', 'id')).toBe('1 Desember 2026 pukul 14.05');
    expect(formatNumber(1234, 'id')).toBe('1.234');
    expect(formatNumber(12.5, 'id', 1)).toBe('12,5');
    expect(formatMoney(1_500_000, 'id').replace(/\s/g, ' ')).toBe('Rp 1.500.000');
    expect(formatCountry('HK', 'id')).toBe('Hong Kong');
  });

  it('writes English in British form', () => {
    expect(formatDate('2026-12-01', 'en')).toBe('1 December 2026');
    expect(formatNumber(1234, 'en')).toBe('1,234');
  });
});
