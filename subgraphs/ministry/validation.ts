import { z } from 'zod';
import { findRegion, type RegionLevel } from '../../shared/reference/regions.js';
import { todayInJakarta } from '../../shared/scalars.js';
import { countryCode, isoDate, regionCode, requireOrder, text, uuid } from '../../shared/validation/input.js';
import { DOCUMENT_TYPES } from './checklist.js';
import {
  caseCategory,
  caseOutcome,
  caseStatus,
  complaintChannel,
  licenceStatus,
  occupation,
  sanctionType,
} from './db/schema.js';

/** A region code that exists and lies at one of the given levels. */
function regionCodeAt(levels: readonly RegionLevel[], message: string) {
  return regionCode().refine((code) => {
    const level = findRegion(code)?.level;
    // Unknown or malformed codes are already reported by regionCode().
    return level === undefined || levels.includes(level);
  }, message);
}

/** Government letter numbers (SIP3MI, SIP2MI), compared without regard to case. */
const letterNumber = z
  .string()
  .transform((value) => value.trim().toUpperCase())
  .pipe(
    z
      .string()
      .regex(/^[A-Z0-9][A-Z0-9./ -]{2,59}$/, 'must be 3-60 letters, digits, spaces, dots, slashes or dashes'),
  );

const abroad = countryCode.refine((code) => code !== 'ID', 'must be a country abroad, not Indonesia');

const notInFuture = isoDate.refine((value) => value <= todayInJakarta(), 'must not be in the future');

export const registerPlacementAgencyInput = z
  .object({
    name: text(200),
    licenceNumber: letterNumber,
    licenceValidFrom: isoDate,
    licenceValidUntil: isoDate,
    headOfficeRegionCode: regionCodeAt(['REGENCY', 'DISTRICT'], 'must be a regency/city or kecamatan code'),
  })
  .superRefine((value, context) => {
    requireOrder(
      context,
      value.licenceValidFrom,
      value.licenceValidUntil,
      'licenceValidUntil',
      'must not be before licenceValidFrom',
    );
  });

export const updateAgencyLicenceInput = z
  .object({
    licenceStatus: z.enum(licenceStatus.enumValues, {
      message: 'must be ACTIVE, SUSPENDED or REVOKED; a licence expires by its validity date',
    }),
    licenceValidUntil: isoDate,
  })
  .partial()
  .refine((value) => Object.keys(value).length > 0, 'must change at least one field');

export const createJobOrderInput = z
  .object({
    agencyId: uuid,
    countryCode: abroad,
    employerName: text(200),
    occupation: z.enum(occupation.enumValues),
    quota: z.number().int().min(1, 'must be at least 1').max(10_000, 'must be at most 10000'),
    recruitmentPermitNumber: letterNumber,
    validFrom: isoDate,
    validUntil: isoDate,
    verifiedByMission: z.boolean().nullish(),
  })
  .superRefine((value, context) => {
    requireOrder(context, value.validFrom, value.validUntil, 'validUntil', 'must not be before validFrom');
  });

export const imposeSanctionInput = z
  .object({
    agencyId: uuid,
    type: z.enum(sanctionType.enumValues),
    reason: text(1000),
    imposedOn: notInFuture,
    effectiveUntil: isoDate.nullish(),
    caseId: uuid.nullish(),
  })
  .superRefine((value, context) => {
    requireOrder(
      context,
      value.imposedOn,
      value.effectiveUntil,
      'effectiveUntil',
      'must not be before imposedOn',
    );
    if (value.type === 'LICENCE_REVOCATION' && value.effectiveUntil)
      context.addIssue({ code: 'custom', path: ['effectiveUntil'], message: 'a revocation has no end date' });
  });

export const openCaseInput = z.object({
  workerId: uuid,
  placementId: uuid.nullish(),
  category: z.enum(caseCategory.enumValues),
  channel: z.enum(complaintChannel.enumValues),
  countryCode: abroad.nullish(),
  agencyId: uuid.nullish(),
  summary: text(4000),
});

export const noteText = text(4000);

export const newCaseStatus = z.enum(caseStatus.enumValues);

export const resolveCaseInput = z.object({
  outcome: z.enum(caseOutcome.enumValues),
  summary: text(2000),
});

export const caseFilter = z
  .object({
    status: z.enum(caseStatus.enumValues).nullish(),
    category: z.enum(caseCategory.enumValues).nullish(),
    regionCode: regionCode().nullish(),
    agencyId: uuid.nullish(),
  })
  .nullish();

export const statsParentCode = regionCodeAt(
  ['PROVINCE', 'REGENCY'],
  'must be a province or regency/city code',
);

export const statsYear = z
  .number()
  .int()
  .min(2000, 'must be 2000 or later')
  .max(2100, 'must be 2100 or earlier');

const reference = z.object({ id: z.string() }).nullish();

/** A certificate as training answered it for the caller: fields it may not read arrive as null. */
const certificateFact = z.object({
  id: z.string(),
  scheme: z.string(),
  issuer: z.string(),
  number: z.string(),
  issuedOn: isoDate,
  validUntil: isoDate.nullish().transform((value) => value ?? null),
  revokedOn: isoDate.nullish().transform((value) => value ?? null),
});

/**
 * The worker's certificates, as the gateway fetched them from training with the caller's token. A
 * list training refused or could not serve arrives as null (or the worker as null): no certificates.
 */
const workerCertificates = z
  .object({ certifications: z.array(certificateFact.nullable()).nullish() })
  .nullish()
  .transform((worker) => (worker?.certifications ?? []).filter((entry) => entry !== null));

/**
 * The placement facts the gateway sends for `Placement.compliance` (`@requires`). An agency or job
 * order id that is not a UUID names nothing in the registry: it is kept, and found unknown without
 * reaching SQL.
 */
export const placementFacts = z
  .object({
    agency: reference,
    jobOrder: reference,
    scheme: z.enum(['PRIVATE_AGENCY', 'GOVERNMENT', 'EMPLOYER_OWN', 'INDEPENDENT']),
    channel: z.enum(['PROCEDURAL', 'NON_PROCEDURAL']),
    destinationCountry: z.string(),
    plannedDepartureDate: isoDate.nullish(),
    departureDate: isoDate.nullish(),
    missingDocuments: z.array(z.enum(DOCUMENT_TYPES)),
    worker: workerCertificates,
  })
  .transform((value) => ({
    agencyId: value.agency?.id ?? null,
    jobOrderId: value.jobOrder?.id ?? null,
    scheme: value.scheme,
    channel: value.channel,
    destinationCountry: value.destinationCountry,
    plannedDepartureDate: value.plannedDepartureDate ?? null,
    departureDate: value.departureDate ?? null,
    missingDocuments: value.missingDocuments,
    certificates: value.worker,
  }));

export const id = uuid;
