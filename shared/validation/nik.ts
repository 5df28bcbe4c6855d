import { findRegion, hasListedChildren } from '../reference/regions.js';

/**
 * What the 16 digits of a NIK (Nomor Induk Kependudukan) encode. The region part records where
 * the NIK was first issued, not where the person lives, so it is never used to place a worker.
 */
export interface NikParts {
  /** Kecamatan of first registration, dotted (`35.07.11`). */
  readonly issuingDistrictCode: string;
  readonly birthDay: number;
  readonly birthMonth: number;
  /** Last two digits of the birth year; the century is ambiguous. */
  readonly birthYearShort: number;
  readonly sex: 'FEMALE' | 'MALE';
  readonly serial: number;
}

const DIGITS_16 = /^\d{16}$/;

function daysInMonth(month: number, year: number | undefined): number {
  // Without a full year, 29 February stays possible.
  return new Date(Date.UTC(year ?? 2000, month, 0)).getUTCDate();
}

/**
 * Returns the reason a NIK is invalid, or null when it is structurally valid: 16 digits, a known
 * province and regency (and kecamatan where the reference data lists them), a possible birth date
 * (day + 40 for women) and a non-zero serial.
 */
export function nikProblem(nik: string): string | null {
  if (!DIGITS_16.test(nik)) return 'must be exactly 16 digits';
  const province = nik.slice(0, 2);
  const regency = `${province}.${nik.slice(2, 4)}`;
  const district = `${regency}.${nik.slice(4, 6)}`;
  if (!findRegion(province)) return `region part ${province} is not a known province code`;
  const regencyNumber = Number(nik.slice(2, 4));
  if (regencyNumber === 0 || regencyNumber === 70)
    return `region part ${regency} is not a valid regency code`;
  if (hasListedChildren(province) && !findRegion(regency))
    return `region part ${regency} is not a known regency`;
  if (nik.slice(4, 6) === '00') return `region part ${district} is not a valid kecamatan code`;
  if (hasListedChildren(regency) && !findRegion(district))
    return `region part ${district} is not a known kecamatan`;
  const encodedDay = Number(nik.slice(6, 8));
  const day = encodedDay > 40 ? encodedDay - 40 : encodedDay;
  const month = Number(nik.slice(8, 10));
  if (month < 1 || month > 12) return `birth month part ${nik.slice(8, 10)} is impossible`;
  if (day < 1 || day > daysInMonth(month, undefined))
    return `birth day part ${nik.slice(6, 8)} is impossible`;
  if (nik.slice(12) === '0000') return 'serial part 0000 is not issued';
  return null;
}

/** Decodes a NIK already known to be valid (see `nikProblem`). */
export function decodeNik(nik: string): NikParts {
  const encodedDay = Number(nik.slice(6, 8));
  return {
    issuingDistrictCode: `${nik.slice(0, 2)}.${nik.slice(2, 4)}.${nik.slice(4, 6)}`,
    birthDay: encodedDay > 40 ? encodedDay - 40 : encodedDay,
    birthMonth: Number(nik.slice(8, 10)),
    birthYearShort: Number(nik.slice(10, 12)),
    sex: encodedDay > 40 ? 'FEMALE' : 'MALE',
    serial: Number(nik.slice(12)),
  };
}

/** Builds the NIK a person of this sex and birth date would get in a kecamatan (demo data, tests). */
export function composeNik(
  districtCode: string,
  birthDate: string,
  sex: 'FEMALE' | 'MALE',
  serial: number,
): string {
  const [year = '', month = '', day = ''] = birthDate.split('-');
  const encodedDay = Number(day) + (sex === 'FEMALE' ? 40 : 0);
  return `${districtCode.replaceAll('.', '')}${String(encodedDay).padStart(2, '0')}${month}${year.slice(2)}${String(serial).padStart(4, '0')}`;
}

/** `3507********0042`: region and serial stay readable, the birth date part does not. */
export function maskNik(nik: string): string {
  return `${nik.slice(0, 4)}********${nik.slice(12)}`;
}
