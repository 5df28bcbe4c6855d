import { z } from 'zod';
import {
  countryCode,
  currencyCode,
  isoDate,
  nik,
  personName,
  text,
  uuid,
} from '../../shared/validation/input.js';
import { occupation, returnReason, sector } from './db/schema.js';
import { createPlacementInput, eventDate, registerWorkerInput } from './validation.js';

// Input of the corrections (commands/placement-corrections.ts, commands/identity.ts). Checks that
// need the stored record (dates against recorded ones, the NIK against the person) run there.

/** Why a record is corrected: required, because an amendment without a reason explains nothing. */
export const correctionReason = text(500);

/** A field the record cannot do without: it may be changed, never cleared. */
function required<T extends z.ZodType>(schema: T) {
  return schema.nullish().refine((value) => value !== null, 'cannot be cleared, only changed');
}

/** Left out: unchanged; null: cleared (only where the record allows no value). */
export const amendPlacementInput = z
  .object({
    plannedDepartureDate: isoDate.nullable(),
    expectedReturnDate: isoDate.nullable(),
    destinationCountry: required(
      countryCode.refine((code) => code !== 'ID', 'a placement abroad cannot be in Indonesia'),
    ),
    agencyId: uuid.nullable(),
    jobOrderId: uuid.nullable(),
    employerName: text(200).nullable(),
    occupation: required(z.enum(occupation.enumValues)),
    sector: required(z.enum(sector.enumValues)),
    contractMonths: createPlacementInput.shape.contractMonths,
    monthlyWage: createPlacementInput.shape.monthlyWage,
    wageCurrency: currencyCode.nullable(),
  })
  .partial()
  .extend({ reason: correctionReason });

export type AmendPlacementInput = z.infer<typeof amendPlacementInput>;

export const correctDepartureArgs = z.object({ departedOn: eventDate, reason: correctionReason });

export const correctReturnArgs = z
  .object({
    returnedOn: eventDate.nullish(),
    returnReason: z.enum(returnReason.enumValues).nullish(),
    reason: correctionReason,
  })
  .refine(
    (value) => value.returnedOn != null || value.returnReason != null,
    'give returnedOn, returnReason or both: the correction must change something',
  );

export const correctWorkerIdentityInput = z
  .object({
    nik: required(nik),
    fullName: required(personName),
    sex: required(z.enum(['FEMALE', 'MALE'])),
    birthDate: required(registerWorkerInput.shape.birthDate),
    birthPlace: required(text(100)),
    nikIssuedElsewhere: z.boolean().nullish(),
    reason: correctionReason,
    supportingDocumentId: uuid,
  })
  .refine(
    (value) =>
      [value.nik, value.fullName, value.sex, value.birthDate, value.birthPlace].some((v) => v != null),
    'give at least one of nik, fullName, sex, birthDate or birthPlace',
  );

export type CorrectWorkerIdentityInput = z.infer<typeof correctWorkerIdentityInput>;
