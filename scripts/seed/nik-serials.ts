import type { Random } from './random.js';

/**
 * Draws NIK serials (digits 13-16) as the civil registry hands them out. A serial counts the people
 * first registered in one kecamatan with one birth date and sex, everyone and not only migrant
 * workers, so a worker's serial is usually small but seldom 0001, and two workers rarely share a
 * NIK prefix. Serials stay unique per prefix (the first 12 digits): a clash takes the next free one,
 * as the registry would.
 */
export class NikSerials {
  private readonly taken = new Map<string, Set<number>>();

  constructor(private readonly random: Random) {}

  /** A serial not yet used under this prefix (the NIK's first 12 digits). */
  next(prefix: string): number {
    let used = this.taken.get(prefix);
    if (!used) {
      used = new Set();
      this.taken.set(prefix, used);
    }
    let serial = drawSerial(this.random);
    while (used.has(serial)) serial = serial === 9999 ? 1 : serial + 1;
    used.add(serial);
    return serial;
  }
}

/**
 * Mostly small: a kecamatan registers a handful of people per birth date and sex (geometric, mean
 * about 4). One in ten is large, from the mass e-KTP enrolment and re-issued cards.
 */
export function drawSerial(random: Random): number {
  if (random.chance(0.1)) return random.int(10, 2999);
  let serial = 1;
  while (serial < 9 && random.chance(0.72)) serial += 1;
  return serial;
}
