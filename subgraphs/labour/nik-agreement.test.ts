import { describe, expect, it } from 'vitest';
import { nikProblem } from '../../shared/validation/nik.js';
import { nikAgreementAfterUpdate, nikAgreementProblem, nikIssuedElsewhereBefore } from './nik-agreement.js';

// Kalipare (35.07.11) lies in Kabupaten Malang; Udanawu (35.05.02) in Kabupaten Blitar.
const KALIPARE = '35.07.11';
const UDANAWU = '35.05.02';

describe('nikAgreementProblem', () => {
  it('accepts a woman whose NIK carries her birth day plus 40, her month and year', () => {
    const nik = '3507115403960012';
    expect(nikProblem(nik)).toBeNull();
    expect(
      nikAgreementProblem({ nik, birthDate: '1996-03-14', sex: 'FEMALE', districtCode: KALIPARE }),
    ).toBeNull();
  });

  it('accepts a man whose NIK carries his birth day as it is', () => {
    expect(
      nikAgreementProblem({
        nik: '3507111403960012',
        birthDate: '1996-03-14',
        sex: 'MALE',
        districtCode: KALIPARE,
      }),
    ).toBeNull();
  });

  it("refuses a woman's NIK written with the man's day and says which digits it expected", () => {
    expect(
      nikAgreementProblem({
        nik: '3507111403960012',
        birthDate: '1996-03-14',
        sex: 'FEMALE',
        districtCode: KALIPARE,
      }),
    ).toEqual({
      field: 'nik',
      message: "for a woman born 14 March 1996 the NIK's digits 7-12 must be 540396, not 140396",
    });
  });

  it("refuses a man's NIK that carries a woman's day", () => {
    expect(
      nikAgreementProblem({
        nik: '3507115403960012',
        birthDate: '1996-03-14',
        sex: 'MALE',
        districtCode: KALIPARE,
      })?.message,
    ).toBe("for a man born 14 March 1996 the NIK's digits 7-12 must be 140396, not 540396");
  });

  it('accepts 29 February for a woman born in a leap year (day part 69)', () => {
    expect(
      nikAgreementProblem({
        nik: '3507116902920001',
        birthDate: '1992-02-29',
        sex: 'FEMALE',
        districtCode: KALIPARE,
      }),
    ).toBeNull();
  });

  it('refuses a NIK whose two-digit year is not the last two digits of the birth year', () => {
    expect(
      nikAgreementProblem({
        nik: '3507115403950012',
        birthDate: '1996-03-14',
        sex: 'FEMALE',
        districtCode: KALIPARE,
      })?.message,
    ).toBe("for a woman born 14 March 1996 the NIK's digits 7-12 must be 540396, not 540395");
  });

  it('refuses a NIK from another regency than the domicile, naming both and the way out', () => {
    expect(
      nikAgreementProblem({
        nik: '3505025403960012',
        birthDate: '1996-03-14',
        sex: 'FEMALE',
        districtCode: KALIPARE,
      }),
    ).toEqual({
      field: 'nik',
      message:
        "for a domicile in regency 35.07 (Kabupaten Malang) the NIK's digits 1-4 must be 3507, not 3505; " +
        'if the NIK was first issued in another regency, set nikIssuedElsewhere: true',
    });
  });

  it('accepts a NIK from another regency when the officer states it was issued elsewhere', () => {
    expect(
      nikAgreementProblem({
        nik: '3505025403960012',
        birthDate: '1996-03-14',
        sex: 'FEMALE',
        districtCode: KALIPARE,
        nikIssuedElsewhere: true,
      }),
    ).toBeNull();
  });

  it('accepts another kecamatan of the same regency: people move within a regency', () => {
    expect(
      nikAgreementProblem({
        nik: '3507135403960012',
        birthDate: '1996-03-14',
        sex: 'FEMALE',
        districtCode: KALIPARE,
      }),
    ).toBeNull();
  });

  it('still checks the date part when the NIK was issued elsewhere', () => {
    expect(
      nikAgreementProblem({
        nik: '3505021403960012',
        birthDate: '1996-03-14',
        sex: 'FEMALE',
        districtCode: KALIPARE,
        nikIssuedElsewhere: true,
      })?.message,
    ).toBe("for a woman born 14 March 1996 the NIK's digits 7-12 must be 540396, not 140396");
  });

  it('checks only the sex part when no birth date is recorded', () => {
    const base = { birthDate: null, districtCode: KALIPARE } as const;
    expect(nikAgreementProblem({ ...base, nik: '3507115403960012', sex: 'FEMALE' })).toBeNull();
    expect(nikAgreementProblem({ ...base, nik: '3507111403960012', sex: 'FEMALE' })?.message).toBe(
      "for a woman the NIK's digits 7-8 must be the birth day plus 40 (41-71), not 14",
    );
  });
});

describe('nikAgreementAfterUpdate', () => {
  const stored = {
    nik: '3507115403960012',
    birthDate: '1996-03-14',
    sex: 'FEMALE',
    districtCode: KALIPARE,
  } as const;

  it('does not check when nothing the NIK encodes changes', () => {
    expect(nikAgreementAfterUpdate({ ...stored, birthDate: '1990-01-01' }, {})).toBeNull();
  });

  it('refuses a new birth date the stored NIK does not encode', () => {
    expect(nikAgreementAfterUpdate(stored, { birthDate: '1996-03-15' })?.message).toBe(
      "for a woman born 15 March 1996 the NIK's digits 7-12 must be 550396, not 540396",
    );
  });

  it('refuses a move to another regency unless the officer states the NIK was issued elsewhere', () => {
    expect(nikAgreementAfterUpdate(stored, { districtCode: UDANAWU })?.field).toBe('nik');
    expect(nikAgreementAfterUpdate(stored, { districtCode: UDANAWU, nikIssuedElsewhere: true })).toBeNull();
  });

  it('does not ask again about a record registered with a NIK from elsewhere', () => {
    const moved = { ...stored, districtCode: UDANAWU };
    expect(nikIssuedElsewhereBefore(moved)).toBe(true);
    expect(nikAgreementAfterUpdate(moved, { districtCode: '35.05.03' })).toBeNull();
  });

  it('checks a new NIK afresh even on a record registered with a NIK from elsewhere', () => {
    const moved = { ...stored, districtCode: UDANAWU };
    expect(nikAgreementAfterUpdate(moved, { nik: '3579015403960012' })?.message).toContain(
      "the NIK's digits 1-4 must be 3505, not 3579",
    );
  });
});
