import { Random } from '../../scripts/seed/random.js';

export { Random };

/** Bumped whenever the generator's output changes, so `seededWorkers` stops trusting older seeds. */
export const GENERATOR_VERSION = 3;

/** murmur3's 32-bit finaliser: a bijection on uint32, so distinct inputs give distinct outputs. */
export function mix32(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * A generator for one item of one stream (`stream` names what is generated, `index` which one):
 * any worker's story can be told alone, in any order, and always comes out the same.
 */
export function randomFor(stream: number, index: number): Random {
  return new Random(mix32(mix32(index) ^ Math.imul(stream + 1, 0x9e3779b9)));
}

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

function hex32(value: number): string {
  return (
    (HEX[value >>> 24] ?? '') +
    (HEX[(value >>> 16) & 0xff] ?? '') +
    (HEX[(value >>> 8) & 0xff] ?? '') +
    (HEX[value & 0xff] ?? '')
  );
}

/**
 * A version-4-shaped UUID for item `index` of entity kind `kind`. The first 32 bits are a
 * bijection of the index, so ids of one kind never collide; the rest only look random.
 */
export function seededUuid(kind: number, index: number): string {
  const salt = Math.imul(kind + 1, 0x27d4eb2d);
  const a = hex32(mix32(index ^ salt));
  const b = hex32(mix32(index + salt + 1));
  const c = hex32(mix32(index ^ (salt + 2)));
  const d = hex32(mix32(index + (salt ^ 3)));
  const variant = '89ab'[mix32(index + salt) & 3] ?? '8';
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
}

/** Entity kinds for `seededUuid`; a new kind takes a new number, never a reused one. */
export const KIND = {
  institution: 1,
  agency: 2,
  jobOrder: 3,
  provider: 4,
  course: 5,
  university: 6,
  program: 7,
  mentor: 8,
  worker: 10,
  placement: 11,
  document: 12,
  consent: 13,
  case: 14,
  caseNote: 15,
  enrollment: 16,
  certification: 17,
  session: 18,
  sanction: 19,
  accessEvent: 20,
  request: 21,
} as const;

export const DAY_MS = 86_400_000;

/** Whole days since 1970-01-01 of an ISO date. */
export function dayOf(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

const isoCache: string[] = [];

/** ISO date of a day number (cached: the same few thousand days come up millions of times). */
export function isoDay(day: number): string {
  let iso = isoCache[day];
  if (iso === undefined) {
    iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    isoCache[day] = iso;
  }
  return iso;
}

const PAD2 = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));
const PAD3 = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));

/** An instant as ISO 8601 in UTC (what `toISOString` prints, built without a Date: millions are needed). */
export function isoInstant(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  let rest = ms - day * DAY_MS;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const millis = Math.floor(rest - seconds * 1000);
  return `${isoDay(day)}T${PAD2[hours] ?? ''}:${PAD2[minutes] ?? ''}:${PAD2[seconds] ?? ''}.${PAD3[millis] ?? ''}Z`;
}

/** The day `months` months after `day`, keeping the day of the month where it exists. */
export function addMonthsDay(day: number, months: number): number {
  const date = new Date(day * DAY_MS);
  date.setUTCMonth(date.getUTCMonth() + months);
  return Math.floor(date.getTime() / DAY_MS);
}
