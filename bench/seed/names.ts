import {
  MEN_FAMILY_NAMES,
  MEN_GIVEN_NAMES,
  SECOND_GIVEN_NAMES,
  WOMEN_FAMILY_NAMES,
  WOMEN_GIVEN_NAMES,
} from '../../scripts/seed/names.js';
import type { Random } from './random.js';

// Enough combinations that a million workers do not collapse onto a few hundred names, as a name
// search at scale needs; the lists are the demo world's.
const FAMILY = [...WOMEN_FAMILY_NAMES, ...MEN_FAMILY_NAMES];
const FEMININE_FAMILY = new Set(WOMEN_FAMILY_NAMES);

export function generatedName(random: Random, sex: 'FEMALE' | 'MALE'): string {
  const given = random.pick(sex === 'FEMALE' ? WOMEN_GIVEN_NAMES : MEN_GIVEN_NAMES);
  const second = random.chance(0.3) ? ` ${random.pick(SECOND_GIVEN_NAMES)}` : '';
  if (random.chance(0.15)) return `${given}${second}`;
  let family = random.pick(FAMILY);
  // Names ending -wati/-ningsih are given to women; a man gets one of the others.
  if (sex === 'MALE' && FEMININE_FAMILY.has(family))
    family = FAMILY[WOMEN_FAMILY_NAMES.length + (family.length % MEN_FAMILY_NAMES.length)] ?? family;
  return `${given}${second} ${family}`;
}
