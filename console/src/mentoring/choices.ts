import type {
  BusinessStatus,
  MentoringForm,
  MentoringTopic,
  ReMigrationIntent,
  Referral,
  RevenueBand,
  SessionMode,
} from '../graphql/__generated__/graphql.js';

/** The values of the university contract's enums the mentor's session form offers, in the contract's order. */
export const SESSION_MODES: readonly SessionMode[] = ['IN_PERSON', 'ONLINE'];
export const MENTORING_FORMS: readonly MentoringForm[] = ['GUIDANCE', 'MENTORING', 'TRAINING', 'COUNSELLING'];
export const MENTORING_TOPICS: readonly MentoringTopic[] = [
  'FINANCIAL_LITERACY',
  'BUSINESS_PLAN',
  'BOOKKEEPING',
  'MARKETING',
  'LEGALITY_PERMITS',
  'ACCESS_TO_FINANCE',
  'COOPERATIVE',
  'PSYCHOSOCIAL',
  'PARENTING',
  'SKILLS',
];
export const BUSINESS_STATUSES: readonly BusinessStatus[] = [
  'NONE',
  'IDEA',
  'STARTED',
  'OPERATING',
  'STOPPED',
];
export const REVENUE_BANDS: readonly RevenueBand[] = [
  'NONE',
  'UNDER_1M',
  'FROM_1M_TO_5M',
  'FROM_5M_TO_10M',
  'OVER_10M',
];
export const REFERRALS: readonly Referral[] = [
  'BANK_KUR',
  'COOPERATIVES_SME_OFFICE',
  'SOCIAL_OFFICE',
  'HEALTH_SERVICE',
  'LABOUR_OFFICE',
  'OTHER',
];
export const RE_MIGRATION_INTENTS: readonly ReMigrationIntent[] = ['NONE', 'CONSIDERING', 'RE_REGISTERED'];
