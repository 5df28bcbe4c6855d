import { describe, expect, it } from 'vitest';
import { isConsentFactActive } from './consents.js';
import type { ConsentFactRow } from './db/schema.js';
import { isLanguageCode } from './languages.js';
import { createCourseInput, issueCertificationInput } from './validation.js';

const course = {
  providerId: '7f7c2b1e-8d4a-4c1f-9a55-0c7d3f1e2a10',
  title: '  Bahasa Jepang N4 ',
  kind: 'LANGUAGE',
  language: 'ja',
  hours: 400,
  startDate: '2025-01-06',
  endDate: '2025-01-06',
  capacity: 20,
};

describe('course input', () => {
  it('accepts a one-day course and trims the title', () => {
    const parsed = createCourseInput.parse(course);
    expect(parsed.title).toBe('Bahasa Jepang N4');
  });

  it('knows ISO 639-1 codes in lower case only', () => {
    expect(isLanguageCode('zh')).toBe(true);
    expect(isLanguageCode('ko')).toBe(true);
    expect(isLanguageCode('JA')).toBe(false);
    expect(isLanguageCode('jpn')).toBe(false);
  });

  it('requires a language for a LANGUAGE course but not for a SKILL course', () => {
    expect(createCourseInput.safeParse({ ...course, language: undefined }).success).toBe(false);
    expect(createCourseInput.safeParse({ ...course, kind: 'SKILL', language: undefined }).success).toBe(true);
  });
});

describe('certification input', () => {
  it('collapses runs of spaces in the certificate number', () => {
    const parsed = issueCertificationInput.parse({
      workerId: course.providerId,
      scheme: 'Caregiver',
      issuer: 'LSP P1',
      number: ' 96200  2421 3 ',
      issuedOn: '2025-01-06',
    });
    expect(parsed.number).toBe('96200 2421 3');
  });
});

describe('consent facts', () => {
  const fact = (overrides: Partial<ConsentFactRow>): ConsentFactRow => ({
    consentId: course.providerId,
    workerId: course.providerId,
    purpose: 'TRAINING',
    granteeInstitutionId: course.providerId,
    workerDistrictCode: '35.07.11',
    grantedAt: new Date('2025-01-01T00:00:00Z'),
    expiresAt: null,
    revokedAt: null,
    updatedAt: new Date('2025-01-01T00:00:00Z'),
    sourceSeq: null,
    ...overrides,
  });
  const now = new Date('2025-06-01T00:00:00Z');

  it('binds while neither revoked nor expired', () => {
    expect(isConsentFactActive(fact({}), now)).toBe(true);
    expect(isConsentFactActive(fact({ expiresAt: new Date('2025-07-01T00:00:00Z') }), now)).toBe(true);
    expect(isConsentFactActive(fact({ expiresAt: now }), now)).toBe(false);
    expect(isConsentFactActive(fact({ revokedAt: new Date('2025-02-01T00:00:00Z') }), now)).toBe(false);
  });
});
