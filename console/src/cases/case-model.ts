import type { Person } from '../auth/person.js';
import type {
  CaseCategory,
  CaseFilter,
  CaseOutcome,
  CaseStatus,
  ComplaintChannel,
} from '../graphql/__generated__/graphql.js';

// Codegen types the enums only as unions: the lists the forms offer, in the contract's order.

export const CASE_STATUSES: readonly CaseStatus[] = ['OPEN', 'IN_PROGRESS', 'REFERRED', 'RESOLVED', 'CLOSED'];

export const CASE_CATEGORIES: readonly CaseCategory[] = [
  'WANTS_REPATRIATION',
  'UNPAID_WAGES',
  'DEATH_ABROAD',
  'FAILED_DEPARTURE',
  'DEPORTATION',
  'JOB_FRAUD',
  'ILLNESS_OR_ACCIDENT',
  'SOCIAL_SECURITY_CLAIM',
  'PREGNANCY_OR_CHILD',
  'TRAFFICKING',
  'EARLY_DISMISSAL',
  'WORK_NOT_AS_CONTRACTED',
  'VIOLENCE_OR_HARASSMENT',
  'LOST_CONTACT',
  'UNDOCUMENTED_OR_OVERSTAY',
  'DOCUMENT_CONFISCATION',
  'EXCESSIVE_DEDUCTIONS',
  'DETAINED',
  'NOT_REPATRIATED_AFTER_CONTRACT',
  'RAN_AWAY_FROM_EMPLOYER',
  'MENTAL_HEALTH',
  'ILLEGAL_RECRUITMENT',
  'OTHER',
];

export const CASE_OUTCOMES: readonly CaseOutcome[] = [
  'SETTLED',
  'REPATRIATED',
  'COMPENSATED',
  'REFERRED_TO_LAW_ENFORCEMENT',
  'WITHDRAWN_BY_COMPLAINANT',
  'UNRESOLVED',
];

export const COMPLAINT_CHANNELS: readonly ComplaintChannel[] = [
  'WALK_IN',
  'LETTER',
  'CALL_CENTRE',
  'WHATSAPP',
  'E_PENGADUAN',
  'EMAIL',
  'SOCIAL_MEDIA',
  'REFERRAL',
];

/**
 * The moves the follow-up form offers (the ministry's case lifecycle: RESOLVED only through the
 * resolution, CLOSED only after it and final). The API decides again and answers CONFLICT.
 */
const NEXT_STATUSES: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  OPEN: ['IN_PROGRESS', 'REFERRED'],
  IN_PROGRESS: ['REFERRED'],
  REFERRED: ['IN_PROGRESS'],
  RESOLVED: ['CLOSED'],
  CLOSED: [],
};

export function nextStatuses(status: CaseStatus): readonly CaseStatus[] {
  return NEXT_STATUSES[status];
}

export function canBeResolved(status: CaseStatus): boolean {
  return status === 'OPEN' || status === 'IN_PROGRESS' || status === 'REFERRED';
}

export function acceptsNotes(status: CaseStatus): boolean {
  return status !== 'CLOSED';
}

/** Following a case up is the ministry's (`cases:write`); labour offices read their region's cases. */
export function canFollowUpCases(person: Person): boolean {
  return person.institution.kind === 'MINISTRY' && person.scopes.includes('cases:write');
}

/** The list's filters as the address holds them (`/cases?status=OPEN&region=35.07`). */
export interface CaseCriteria {
  readonly status: string;
  readonly category: string;
  readonly region: string;
  readonly agency: string;
}

export const NO_CASE_CRITERIA: CaseCriteria = { status: '', category: '', region: '', agency: '' };

export function caseCriteriaOf(query: URLSearchParams): CaseCriteria {
  return {
    status: query.get('status') ?? '',
    category: query.get('category') ?? '',
    region: query.get('region') ?? '',
    agency: query.get('agency') ?? '',
  };
}

export function caseListHref(criteria: CaseCriteria): string {
  const query = new URLSearchParams(Object.entries(criteria).filter(([, value]) => value !== ''));
  const text = query.toString();
  return text ? `/cases?${text}` : '/cases';
}

/**
 * The API's filter for the criteria. A status or category that is not one (a hand-edited address)
 * is left out; a region code is sent as typed, so that the API's own check speaks beside the field.
 */
export function caseFilterOf(criteria: CaseCriteria): CaseFilter {
  return {
    ...((CASE_STATUSES as readonly string[]).includes(criteria.status)
      ? { status: criteria.status as CaseStatus }
      : {}),
    ...((CASE_CATEGORIES as readonly string[]).includes(criteria.category)
      ? { category: criteria.category as CaseCategory }
      : {}),
    ...(criteria.region ? { regionCode: criteria.region } : {}),
    ...(criteria.agency ? { agencyId: criteria.agency } : {}),
  };
}
