import { describe, expect, it } from 'vitest';
import { drawSerial, NikSerials } from './nik-serials.js';
import { Random } from './random.js';

describe('NIK serials in the demo world', () => {
  it('are mostly small, about a quarter 0001, and now and then large, as a registry hands them out', () => {
    const random = new Random(7);
    const serials = Array.from({ length: 10_000 }, () => drawSerial(random));
    const share = (test: (serial: number) => boolean) => serials.filter(test).length / serials.length;
    expect(share((serial) => serial === 1)).toBeGreaterThan(0.2);
    expect(share((serial) => serial === 1)).toBeLessThan(0.35);
    expect(share((serial) => serial <= 9)).toBeGreaterThan(0.85);
    expect(share((serial) => serial > 9)).toBeGreaterThan(0.05);
    expect(Math.min(...serials)).toBe(1);
    expect(Math.max(...serials)).toBeLessThanOrEqual(9999);
  });

  it('never repeat under one NIK prefix, and repeat freely across prefixes', () => {
    const serials = new NikSerials(new Random(11));
    const one = Array.from({ length: 300 }, () => serials.next('350711540396'));
    expect(new Set(one).size).toBe(300);
    expect(one.every((serial) => serial >= 1 && serial <= 9999)).toBe(true);
    const other = new NikSerials(new Random(11));
    expect(other.next('350711140396')).toBe(one[0]);
  });
});
