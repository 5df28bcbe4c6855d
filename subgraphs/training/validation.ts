import { z } from 'zod';
import { todayInJakarta } from '../../shared/scalars.js';
import { isoDate, regionCode, requireOrder, text, uuid } from '../../shared/validation/input.js';
import { accreditation, courseKind, enrollmentStatus, providerKind } from './db/schema.js';
import { isLanguageCode } from './languages.js';

/** Dates of things that happened (completion, issue) cannot lie in the future. */
const pastDate = isoDate.refine((value) => value <= todayInJakarta(), 'must not be in the future');

function boundedInt(min: number, max: number) {
  return z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);
}

const languageCode = z
  .string()
  .refine(isLanguageCode, 'must be an ISO 639-1 two-letter lower-case language code such as zh or ja');

export const registerTrainingProviderInput = z
  .object({
    name: text(200),
    kind: z.enum(providerKind.enumValues),
    accreditation: z.enum(accreditation.enumValues),
    accreditationValidUntil: isoDate.nullish(),
    regionCode: regionCode(),
  })
  .superRefine((value, context) => {
    if (value.accreditation === 'NOT_ACCREDITED' && value.accreditationValidUntil)
      context.addIssue({
        code: 'custom',
        path: ['accreditationValidUntil'],
        message: 'must be left out for a provider that is not accredited',
      });
  });

export const createCourseInput = z
  .object({
    providerId: uuid,
    title: text(200),
    kind: z.enum(courseKind.enumValues),
    skill: text(100).nullish(),
    language: languageCode.nullish(),
    hours: boundedInt(1, 2000),
    startDate: isoDate,
    endDate: isoDate,
    capacity: boundedInt(1, 1000),
  })
  .superRefine((value, context) => {
    requireOrder(context, value.startDate, value.endDate, 'endDate', 'must not be before startDate');
    if (value.kind === 'LANGUAGE' && !value.language)
      context.addIssue({ code: 'custom', path: ['language'], message: 'is required for a LANGUAGE course' });
  });

const percent = boundedInt(0, 100);

/** Fields left out stay as they are; attendance and score may be cleared with null. */
export const updateEnrollmentInput = z
  .object({
    status: z
      .enum(enrollmentStatus.enumValues, { message: 'must be an enrolment status, not null' })
      .optional(),
    attendancePercent: percent.nullable().optional(),
    score: percent.nullable().optional(),
    completedOn: pastDate.optional(),
  })
  .refine(
    (value) => Object.values(value).some((entry) => entry !== undefined),
    'must change at least one field',
  );

/** Certificate numbers are compared for uniqueness per issuer; runs of spaces do not make a new one. */
const certificateNumber = text(60).transform((value) => value.replace(/\s+/g, ' '));

export const issueCertificationInput = z
  .object({
    workerId: uuid,
    courseId: uuid.nullish(),
    scheme: text(200),
    issuer: text(200),
    number: certificateNumber,
    issuedOn: pastDate,
    validUntil: isoDate.nullish(),
  })
  .superRefine((value, context) => {
    requireOrder(context, value.issuedOn, value.validUntil, 'validUntil', 'must not be before issuedOn');
  });

/** A withdrawal is a fact that happened: never in the future; the issue date is checked against the row. */
export const revokeCertificationInput = z.object({
  revokedOn: pastDate,
  reason: text(500),
});

export const id = uuid;
