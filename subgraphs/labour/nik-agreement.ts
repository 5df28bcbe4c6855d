import { composeNik } from '../../shared/validation/nik.js';
import { findRegion, parentOfCode } from '../../shared/reference/regions.js';

/** What the officer states about the person, next to the NIK they typed. */
export interface NikAgreementInput {
  /** A NIK already structurally valid (see `nikProblem`). */
  readonly nik: string;
  /** `YYYY-MM-DD`; null when the record has no birth date, then only the sex part is checked. */
  readonly birthDate: string | null;
  readonly sex: 'FEMALE' | 'MALE';
  /** Dotted kecamatan code of the domicile (`35.07.11`). */
  readonly districtCode: string;
  /** The officer states that the NIK was first issued in another regency (the person moved). */
  readonly nikIssuedElsewhere?: boolean;
}

export interface NikAgreementProblem {
  readonly field: 'nik';
  readonly message: string;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function describePerson(sex: 'FEMALE' | 'MALE', birthDate: string): string {
  const [year = '', month = '', day = ''] = birthDate.split('-');
  const who = sex === 'FEMALE' ? 'a woman' : 'a man';
  return `${who} born ${Number(day)} ${MONTHS[Number(month) - 1] ?? month} ${year}`;
}

/**
 * Digits 7-12 are the birth date as DDMMYY, with 40 added to the day for women. With a full birth
 * date every digit is checked; without one only the sex part can be.
 */
function datePartProblem(nik: string, birthDate: string | null, sex: 'FEMALE' | 'MALE'): string | null {
  const actual = nik.slice(6, 12);
  if (birthDate === null) {
    const female = Number(nik.slice(6, 8)) > 40;
    if (female === (sex === 'FEMALE')) return null;
    return sex === 'FEMALE'
      ? `for a woman the NIK's digits 7-8 must be the birth day plus 40 (41-71), not ${nik.slice(6, 8)}`
      : `for a man the NIK's digits 7-8 must be the birth day (01-31), not ${nik.slice(6, 8)}`;
  }
  // composeNik encodes the date part exactly as the civil registry does; reuse it so the two agree.
  const expected = composeNik('00.00.00', birthDate, sex, 1).slice(6, 12);
  if (expected === actual) return null;
  return `for ${describePerson(sex, birthDate)} the NIK's digits 7-12 must be ${expected}, not ${actual}`;
}

/**
 * Digits 1-4 are the regency where the NIK was first issued. Most workers still live there, so a
 * mismatch is usually a typo; a person who moved keeps their NIK, which the officer says explicitly.
 */
function regionPartProblem(nik: string, districtCode: string, issuedElsewhere: boolean): string | null {
  if (issuedElsewhere) return null;
  const regency = parentOfCode(districtCode) ?? districtCode;
  const expected = regency.replaceAll('.', '');
  const actual = nik.slice(0, 4);
  if (expected === actual) return null;
  const name = findRegion(regency)?.name;
  const where = name ? `${regency} (${name})` : regency;
  return (
    `for a domicile in regency ${where} the NIK's digits 1-4 must be ${expected}, not ${actual}; ` +
    'if the NIK was first issued in another regency, set nikIssuedElsewhere: true'
  );
}

/**
 * Returns why a NIK disagrees with the person it is entered for, or null when it agrees: the date
 * part must encode the stated birth date and sex, the region part the domicile's regency unless the
 * officer states the NIK was issued elsewhere.
 */
export function nikAgreementProblem(input: NikAgreementInput): NikAgreementProblem | null {
  const message =
    datePartProblem(input.nik, input.birthDate, input.sex) ??
    regionPartProblem(input.nik, input.districtCode, input.nikIssuedElsewhere === true);
  return message === null ? null : { field: 'nik', message };
}

/** The parts of a stored worker the NIK encodes. */
export interface NikBearer {
  readonly nik: string;
  readonly birthDate: string | null;
  readonly sex: 'FEMALE' | 'MALE';
  readonly districtCode: string;
}

/**
 * Whether a stored record was accepted with a NIK from another regency: it was registered with
 * `nikIssuedElsewhere` (the only way such a record arises), so a later move need not say it again.
 */
export function nikIssuedElsewhereBefore(worker: NikBearer): boolean {
  const regency = parentOfCode(worker.districtCode) ?? worker.districtCode;
  return worker.nik.slice(0, 4) !== regency.replaceAll('.', '');
}

/**
 * Checks the whole record an update would leave, when the update touches a part the NIK encodes;
 * null when nothing the NIK encodes changes or the result agrees.
 */
export function nikAgreementAfterUpdate(
  stored: NikBearer,
  changes: {
    readonly [K in keyof NikBearer]?: NikBearer[K] | undefined;
  } & { readonly nikIssuedElsewhere?: boolean | null | undefined },
): NikAgreementProblem | null {
  const touched = (['nik', 'birthDate', 'sex', 'districtCode'] as const).some(
    (key) => changes[key] !== undefined && changes[key] !== stored[key],
  );
  if (!touched) return null;
  // A new NIK is checked afresh: a statement made for the old one does not cover a typo in this one.
  const sameNik = changes.nik === undefined || changes.nik === stored.nik;
  return nikAgreementProblem({
    nik: changes.nik ?? stored.nik,
    birthDate: changes.birthDate ?? stored.birthDate,
    sex: changes.sex ?? stored.sex,
    districtCode: changes.districtCode ?? stored.districtCode,
    nikIssuedElsewhere: changes.nikIssuedElsewhere === true || (sameNik && nikIssuedElsewhereBefore(stored)),
  });
}
