import type {
  ConsentPurpose,
  DocumentType,
  EducationLevel,
  MaritalStatus,
  Occupation,
  PlacementChannel,
  PlacementScheme,
  ReturnReason,
  Sector,
  Sex,
  WorkerStatus,
} from '../graphql/__generated__/graphql.js';

/**
 * The values of the contract's enums that the officer's forms offer, in the contract's order
 * (codegen types an enum as a union only, so the lists live here; a value that is not in the
 * contract fails the type check).
 */
export const SEXES: readonly Sex[] = ['FEMALE', 'MALE'];
export const MARITAL_STATUSES: readonly MaritalStatus[] = ['SINGLE', 'MARRIED', 'DIVORCED', 'WIDOWED'];
export const EDUCATION_LEVELS: readonly EducationLevel[] = [
  'NONE',
  'PRIMARY',
  'JUNIOR_SECONDARY',
  'SENIOR_SECONDARY',
  'VOCATIONAL_SECONDARY',
  'DIPLOMA',
  'BACHELOR',
  'POSTGRADUATE',
];
/** A new worker is an enquiry or a completed registration. */
export const REGISTRATION_STATUSES: readonly WorkerStatus[] = ['REGISTERED', 'PROSPECTIVE'];

export const DOCUMENT_TYPES: readonly DocumentType[] = [
  'NATIONAL_ID',
  'FAMILY_CARD',
  'BIRTH_CERTIFICATE',
  'DIPLOMA',
  'MARITAL_STATUS_LETTER',
  'FAMILY_PERMISSION',
  'COMPETENCY_CERTIFICATE',
  'HEALTH_CERTIFICATE',
  'PASSPORT',
  'WORK_VISA',
  'PLACEMENT_AGREEMENT',
  'EMPLOYMENT_AGREEMENT',
  'POLICE_CLEARANCE',
  'SOCIAL_SECURITY',
  'DISTRICT_RECOMMENDATION',
  'PRE_DEPARTURE_ORIENTATION',
  'E_KPMI',
];

export const PLACEMENT_SCHEMES: readonly PlacementScheme[] = [
  'PRIVATE_AGENCY',
  'GOVERNMENT',
  'EMPLOYER_OWN',
  'INDEPENDENT',
];
export const PLACEMENT_CHANNELS: readonly PlacementChannel[] = ['PROCEDURAL', 'NON_PROCEDURAL'];
export const OCCUPATIONS: readonly Occupation[] = [
  'HOUSEKEEPER',
  'BABYSITTER',
  'ELDERLY_CAREGIVER',
  'COOK',
  'FAMILY_DRIVER',
  'GARDENER',
  'CHILD_CAREGIVER',
  'CLEANER',
  'PLANTATION_WORKER',
  'FISHING_CREW',
  'CAREWORKER',
  'NURSE',
  'FACTORY_OPERATOR',
  'CONSTRUCTION_WORKER',
  'HOSPITALITY_WORKER',
  'MERCHANT_CREW',
  'GENERAL_WORKER',
  'OTHER',
];
export const SECTORS: readonly Sector[] = [
  'DOMESTIC',
  'HEALTH_CARE',
  'MANUFACTURING',
  'AGRICULTURE',
  'CONSTRUCTION',
  'HOSPITALITY',
  'FISHERIES',
  'MARITIME',
  'OTHER',
];
export const RETURN_REASONS: readonly ReturnReason[] = [
  'CONTRACT_COMPLETED',
  'TERMINATED_EARLY',
  'REPATRIATED',
  'DEPORTED',
  'ILLNESS',
  'DECEASED',
  'OTHER',
];
export const CONSENT_PURPOSES: readonly ConsentPurpose[] = ['TRAINING', 'EMPOWERMENT'];

/** The main destinations of Indonesian migrant workers, offered first; any ISO code may be typed. */
export const COMMON_DESTINATIONS = [
  'HK',
  'TW',
  'MY',
  'SG',
  'KR',
  'JP',
  'SA',
  'AE',
  'QA',
  'KW',
  'BN',
  'PL',
  'DE',
];
/** Currencies of wages in those destinations (the contract takes any ISO 4217 wage currency). */
export const COMMON_CURRENCIES = [
  'HKD',
  'TWD',
  'MYR',
  'SGD',
  'KRW',
  'JPY',
  'SAR',
  'AED',
  'QAR',
  'KWD',
  'BND',
  'PLN',
  'EUR',
  'USD',
];

/**
 * Moves an officer may make by hand, as the labour service allows them (departure, arrival and
 * return move the worker with the placement instead). The service decides again on every write.
 */
export const STATUS_MOVES: Readonly<Record<WorkerStatus, readonly WorkerStatus[]>> = {
  PROSPECTIVE: ['REGISTERED', 'WITHDRAWN'],
  REGISTERED: ['VERIFIED', 'WITHDRAWN', 'NON_PROCEDURAL'],
  VERIFIED: ['REGISTERED', 'WITHDRAWN', 'NON_PROCEDURAL'],
  DEPARTED: ['NON_PROCEDURAL'],
  ABROAD: ['NON_PROCEDURAL'],
  RETURNED: ['REGISTERED'],
  WITHDRAWN: ['REGISTERED'],
  NON_PROCEDURAL: ['RETURNED', 'REGISTERED'],
};
