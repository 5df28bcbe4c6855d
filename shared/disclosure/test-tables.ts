import type { CountRow } from './count-grid.js';

/** Test support: count tables written by hand, and seeded random ones shaped like the hub's. */

/** A measure without breakdown: `{ '35.07.01': 3 }`. */
export function totals(counts: Readonly<Record<string, number>>): CountRow[] {
  return Object.entries(counts).map(([kecamatanCode, count]) => ({ kecamatanCode, count }));
}

/** A measure with a breakdown: `{ '35.07.01': { MY: 20, SA: 3 } }`. */
export function breakdown(counts: Readonly<Record<string, Readonly<Record<string, number>>>>): CountRow[] {
  return Object.entries(counts).flatMap(([kecamatanCode, byCategory]) =>
    Object.entries(byCategory).map(([category, count]) => ({ kecamatanCode, category, count })),
  );
}

/** mulberry32: small, fast and good enough to draw test tables reproducibly from a seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function poisson(random: () => number, mean: number): number {
  // Knuth's method is fine for the small means used here.
  const limit = Math.exp(-mean);
  let count = 0;
  for (let product = random(); product > limit; product *= random()) count += 1;
  return count;
}

export interface TableShape {
  readonly provinces: number;
  readonly regencies: readonly [number, number];
  readonly kecamatan: readonly [number, number];
  /** 0 for a measure without breakdown. */
  readonly categories: number;
}

function between(random: () => number, [low, high]: readonly [number, number]): number {
  return low + Math.floor(random() * (high - low + 1));
}

const two = (n: number) => String(n).padStart(2, '0');

/**
 * Each kecamatan draws a mean between 0.5 and 20; categories split it unevenly (a few destination
 * countries take most workers), so many kecamatan cells are small and many are zero.
 */
export function randomTable(random: () => number, shape: TableShape): CountRow[] {
  const rows: CountRow[] = [];
  const shares = Array.from({ length: shape.categories }, (_, index) => 1 / (index + 1) ** 1.2);
  const shareSum = shares.reduce((a, b) => a + b, 0);
  for (let p = 0; p < shape.provinces; p += 1) {
    const province = two(11 + p);
    const regencies = between(random, shape.regencies);
    for (let r = 1; r <= regencies; r += 1) {
      const kecamatan = between(random, shape.kecamatan);
      for (let k = 1; k <= kecamatan; k += 1) {
        const code = `${province}.${two(r)}.${two(k)}`;
        const mean = 0.5 + random() * 19.5;
        if (shape.categories === 0) {
          rows.push({ kecamatanCode: code, count: poisson(random, mean) });
          continue;
        }
        shares.forEach((share, index) => {
          const count = poisson(random, (mean * share) / shareSum);
          if (count > 0) rows.push({ kecamatanCode: code, category: `C${two(index)}`, count });
        });
      }
    }
  }
  return rows;
}
