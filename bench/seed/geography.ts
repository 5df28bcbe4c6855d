import { childRegions, findRegion } from '../../shared/reference/regions.js';
import type { Random } from './random.js';

/**
 * Where the generated workers live: every regency and city of Jawa Timur (35), weighted so that
 * the big sending regencies (domain.md 3.4: Ponorogo, Tulungagung, Blitar, Malang, Banyuwangi,
 * Madiun, Kediri; Jember and Trenggalek close behind) send the most.
 *
 * The reference data lists kecamatan and villages only for Kabupaten Blitar, Kabupaten Malang and
 * Kota Batu (kecamatan alone for Kota Blitar and Kota Malang). Elsewhere kecamatan are numbered
 * 01..n with n the regency's real count, and villages 2001.. (desa) or 1001.. (kelurahan, cities).
 */
const REGENCIES: readonly (readonly [code: string, weight: number, kecamatan: number])[] = [
  ['35.01', 2, 12],
  ['35.02', 10, 21],
  ['35.03', 4, 14],
  ['35.04', 10, 19],
  ['35.05', 9, 22],
  ['35.06', 6, 26],
  ['35.07', 12, 33],
  ['35.08', 3, 21],
  ['35.09', 6, 31],
  ['35.10', 8, 25],
  ['35.11', 1, 23],
  ['35.12', 1, 17],
  ['35.13', 1.5, 24],
  ['35.14', 1.5, 24],
  ['35.15', 1, 18],
  ['35.16', 1, 18],
  ['35.17', 1.5, 21],
  ['35.18', 2, 20],
  ['35.19', 5, 15],
  ['35.20', 3, 18],
  ['35.21', 2.5, 19],
  ['35.22', 1.5, 28],
  ['35.23', 1, 20],
  ['35.24', 1.5, 27],
  ['35.25', 0.8, 18],
  ['35.26', 0.8, 18],
  ['35.27', 0.8, 14],
  ['35.28', 0.8, 13],
  ['35.29', 0.8, 27],
  ['35.71', 0.3, 3],
  ['35.72', 0.3, 3],
  ['35.73', 0.8, 5],
  ['35.74', 0.2, 5],
  ['35.75', 0.2, 4],
  ['35.76', 0.2, 3],
  ['35.77', 0.3, 3],
  ['35.78', 1, 31],
  ['35.79', 0.5, 3],
];

// Southern Kabupaten Malang sends the most (Disnaker's 2024 ranking by kecamatan, domain.md 3.4).
const KECAMATAN_WEIGHTS: Readonly<Record<string, number>> = {
  '35.07.04': 371,
  '35.07.11': 301,
  '35.07.05': 297,
  '35.07.03': 278,
  '35.07.09': 237,
  '35.07.01': 229,
  '35.07.29': 227,
};
const DEFAULT_KECAMATAN_WEIGHT = 110;
const SYNTHETIC_VILLAGES = 13;

export interface Regency {
  readonly index: number;
  readonly code: string;
  readonly name: string;
}

export interface District {
  readonly index: number;
  readonly code: string;
  readonly regency: Regency;
  readonly villageCodes: readonly string[];
  /** Village names by code, where the reference data has them. */
  readonly villageNames: readonly string[];
  /** Whether the reference data lists this kecamatan, and its villages. */
  readonly listed: { readonly district: boolean; readonly villages: boolean };
}

export interface Geography {
  readonly regencies: readonly Regency[];
  readonly districts: readonly District[];
  pickDistrict(random: Random): District;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

function districtsOf(regency: Regency, count: number, firstIndex: number): District[] {
  const city = Number(regency.code.slice(3)) >= 71;
  const listed = childRegions(regency.code).filter((region) => region.level === 'DISTRICT');
  const codes =
    listed.length > 0
      ? listed.map((region) => region.code)
      : Array.from({ length: count }, (_, n) => `${regency.code}.${pad2(n + 1)}`);
  return codes.map((code, offset) => {
    const villages = childRegions(code).filter((region) => region.level === 'VILLAGE');
    const villageCodes =
      villages.length > 0
        ? villages.map((village) => village.code)
        : Array.from({ length: SYNTHETIC_VILLAGES }, (_, n) => `${code}.${String((city ? 1001 : 2001) + n)}`);
    const villageNames =
      villages.length > 0
        ? villages.map((village) => village.name)
        : villageCodes.map(
            (_, n) => `${findRegion(code)?.name ?? regency.name.replace(/^(Kabupaten|Kota) /, '')} ${n + 1}`,
          );
    const listedVillages = villages.length > 0;
    return {
      index: firstIndex + offset,
      code,
      regency,
      villageCodes,
      villageNames,
      listed: { district: listed.length > 0, villages: listedVillages },
    };
  });
}

let cached: Geography | undefined;

/** The districts of Jawa Timur with a sampler that follows the sending weights. */
export function jawaTimur(): Geography {
  if (cached) return cached;
  const regencies: Regency[] = [];
  const districts: District[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (const [code, weight, count] of REGENCIES) {
    const region = findRegion(code);
    if (!region) throw new Error(`region ${code} is missing from the reference data`);
    const regency: Regency = { index: regencies.length, code, name: region.name };
    regencies.push(regency);
    const own = districtsOf(regency, count, districts.length);
    const raw = own.map((district) => KECAMATAN_WEIGHTS[district.code] ?? DEFAULT_KECAMATAN_WEIGHT);
    const rawTotal = raw.reduce((sum, value) => sum + value, 0);
    own.forEach((district, offset) => {
      districts.push(district);
      total += (weight * (raw[offset] ?? 0)) / rawTotal;
      cumulative.push(total);
    });
  }
  const pickDistrict = (random: Random): District => {
    const roll = random.next() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((cumulative[middle] ?? 0) > roll) high = middle;
      else low = middle + 1;
    }
    const district = districts[low];
    if (!district) throw new Error('no district to pick');
    return district;
  };
  cached = { regencies, districts, pickDistrict };
  return cached;
}
