import { z } from 'zod';
import {
  countryCode,
  currencyCode,
  isoDate,
  nik,
  personName,
  regionCode,
  requireOrder,
  text,
  uuid,
} from '../../shared/validation/input.js';
import { todayInJakarta } from '../../shared/scalars.js';
import { parentOfCode } from '../../shared/reference/regions.js';
import { documentType, occupation, sector } from './db/schema.js';
import { nikAgreementProblem } from './nik-agreement.js';

const phone = z
  .string()
  .transform((value) => value.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^\+?[0-9]{7,16}$/, 'must be a phone number such as 081234567890 or +85291234567'));

/** UU 18/2017 Art. 5: a migrant worker is at least 18 years old. */
const adultBirthDate = isoDate.superRefine((value, context) => {
  const today = todayInJakarta();
  const eighteenYearsAgo = `${Number(today.slice(0, 4)) - 18}${today.slice(4)}`;
  if (value > today) context.addIssue({ code: 'custom', message: 'must not be in the future' });
  else if (value > eighteenYearsAgo)
    context.addIssue({ code: 'custom', message: 'the worker must be at least 18 years old' });
  else if (value < '1920-01-01') context.addIssue({ code: 'custom', message: 'is implausibly early' });
});

export const registerWorkerInput = z.object({
  nik,
  fullName: personName,
  sex: z.enum(['FEMALE', 'MALE']),
  birthDate: adultBirthDate,
  birthPlace: text(100),
  maritalStatus: z.enum(['SINGLE', 'MARRIED', 'DIVORCED', 'WIDOWED']),
  education: z.enum([
    'NONE',
    'PRIMARY',
    'JUNIOR_SECONDARY',
    'SENIOR_SECONDARY',
    'VOCATIONAL_SECONDARY',
    'DIPLOMA',
    'BACHELOR',
    'POSTGRADUATE',
  ]),
  phone: phone.nullish(),
  address: text(300),
  villageCode: regionCode('VILLAGE'),
  status: z
    .enum(['PROSPECTIVE', 'REGISTERED'], { message: 'a new worker is PROSPECTIVE or REGISTERED' })
    .nullish(),
  nikIssuedElsewhere: z.boolean().nullish(),
});

/**
 * A registration whose fields are each valid must also agree with itself: the NIK encodes the
 * birth date, sex and (unless stated otherwise) the regency of domicile. Checked only once every
 * field parsed, so a bad village code is reported as such and not as a NIK mismatch.
 */
export const registerWorkerRecord = registerWorkerInput.superRefine((value, context) => {
  const problem = nikAgreementProblem({
    nik: value.nik,
    birthDate: value.birthDate,
    sex: value.sex,
    districtCode: parentOfCode(value.villageCode) ?? value.villageCode,
    nikIssuedElsewhere: value.nikIssuedElsewhere === true,
  });
  if (problem) context.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
});

/** Every field optional, but none may be set to null where the record requires a value. */
export const updateWorkerInput = z
  .object({
    fullName: personName,
    birthDate: adultBirthDate,
    birthPlace: text(100),
    maritalStatus: registerWorkerInput.shape.maritalStatus,
    education: registerWorkerInput.shape.education,
    phone: phone.nullable(),
    address: text(300),
    villageCode: regionCode('VILLAGE'),
    nikIssuedElsewhere: z.boolean().nullable(),
    reason: text(500).nullable(),
  })
  .partial()
  // Neither the statement about the NIK nor the reason changes a field by itself.
  .refine(
    ({ nikIssuedElsewhere: _statement, reason: _reason, ...changes }) => Object.keys(changes).length > 0,
    'must change at least one field',
  );

export const statusReason = text(500).nullish();

const documentNumber = z
  .string()
  .transform((value) => value.trim().toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9./-]{3,40}$/, 'must be 3-40 letters, digits, dots, slashes or dashes'));

export const recordDocumentInput = z
  .object({
    workerId: uuid,
    type: z.enum(documentType.enumValues),
    number: documentNumber.nullish(),
    issuer: text(200),
    issuedOn: isoDate.nullish(),
    validUntil: isoDate.nullish(),
    placementId: uuid.nullish(),
  })
  .superRefine((value, context) => {
    requireOrder(context, value.issuedOn, value.validUntil, 'validUntil', 'must not be before issuedOn');
    if (value.issuedOn && value.issuedOn > todayInJakarta())
      context.addIssue({ code: 'custom', path: ['issuedOn'], message: 'must not be in the future' });
    if (value.type === 'PASSPORT' && value.number && !/^[A-Z0-9]{6,9}$/.test(value.number))
      context.addIssue({
        code: 'custom',
        path: ['number'],
        message: 'a passport number has 6-9 letters and digits',
      });
  });

export const rejectionReason = text(500);

export const createPlacementInput = z
  .object({
    workerId: uuid,
    scheme: z.enum(['PRIVATE_AGENCY', 'GOVERNMENT', 'EMPLOYER_OWN', 'INDEPENDENT']),
    channel: z.enum(['PROCEDURAL', 'NON_PROCEDURAL']).nullish(),
    agencyId: uuid.nullish(),
    jobOrderId: uuid.nullish(),
    destinationCountry: countryCode.refine(
      (code) => code !== 'ID',
      'a placement abroad cannot be in Indonesia',
    ),
    employerName: text(200).nullish(),
    occupation: z.enum(occupation.enumValues),
    sector: z.enum(sector.enumValues),
    contractMonths: z.number().int().min(1, 'must be at least 1').max(120, 'must be at most 120').nullish(),
    monthlyWage: z
      .number()
      .int()
      .min(1, 'must be positive')
      .max(1_000_000_000, 'is implausibly large')
      .nullish(),
    wageCurrency: currencyCode.nullish(),
    plannedDepartureDate: isoDate.nullish(),
    expectedReturnDate: isoDate.nullish(),
  })
  .superRefine((value, context) => {
    requireOrder(
      context,
      value.plannedDepartureDate,
      value.expectedReturnDate,
      'expectedReturnDate',
      'must not be before plannedDepartureDate',
    );
    if (value.scheme === 'PRIVATE_AGENCY' && !value.agencyId && value.channel !== 'NON_PROCEDURAL')
      context.addIssue({
        code: 'custom',
        path: ['agencyId'],
        message: 'is required for a placement through an agency',
      });
    if ((value.monthlyWage == null) !== (value.wageCurrency == null))
      context.addIssue({
        code: 'custom',
        path: ['wageCurrency'],
        message: 'must be given together with monthlyWage',
      });
  });

/** Event dates (departure, arrival, return) are facts: they cannot lie in the future. */
export const eventDate = isoDate.refine((value) => value <= todayInJakarta(), 'must not be in the future');

export const grantConsentInput = z.object({
  workerId: uuid,
  granteeInstitutionId: uuid,
  purpose: z.enum(['TRAINING', 'EMPOWERMENT']),
  expiresAt: z
    .date()
    .refine((value) => value.getTime() > Date.now(), 'must be in the future')
    .nullish(),
});

export const id = uuid;
