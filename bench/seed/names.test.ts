import { describe, expect, it } from 'vitest';
import { MEN_FAMILY_NAMES, WOMEN_FAMILY_NAMES, WOMEN_GIVEN_NAMES } from '../../scripts/seed/names.js';
import { generatedName } from './names.js';
import { randomFor } from './random.js';

describe('bench seed names', () => {
  it("draws from the demo world's name lists", () => {
    const random = randomFor(1, 1);
    const women = Array.from({ length: 500 }, () => generatedName(random, 'FEMALE'));
    for (const name of women) expect(WOMEN_GIVEN_NAMES).toContain(name.split(' ')[0]);
    const men = Array.from({ length: 500 }, () => generatedName(random, 'MALE'));
    const families = men.map((name) => name.split(' ').at(-1) ?? '');
    expect(families.some((family) => MEN_FAMILY_NAMES.includes(family))).toBe(true);
    expect(families.filter((family) => WOMEN_FAMILY_NAMES.includes(family))).toEqual([]);
  });
});
