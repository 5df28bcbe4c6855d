import type {
  AccessAction,
  WorkerAccessLogFilter,
  WorkerAccessLogQuery,
} from '../graphql/__generated__/graphql.js';

type AccessLogPage = NonNullable<NonNullable<WorkerAccessLogQuery['worker']>['accessLog']>;
export type AccessEventRow = AccessLogPage['events'][number];
export type InstitutionSummaryRow = AccessLogPage['summary'][number];

/** The desk's filters as the form holds them; the API applies them (`Worker.accessLog(filter:)`). */
export interface AccessFilters {
  readonly institutionId: string;
  readonly action: AccessAction | '';
  /** ISO dates (`2026-12-01`), inclusive, in WIB; empty for no bound. */
  readonly from: string;
  readonly to: string;
  readonly purpose: string;
  /** Reads of the report itself are left out unless the officer asks for them. */
  readonly showReportReads: boolean;
}

export const NO_FILTERS: AccessFilters = {
  institutionId: '',
  action: '',
  from: '',
  to: '',
  purpose: '',
  showReportReads: false,
};

export const ACCESS_ACTIONS: readonly AccessAction[] = ['READ', 'WRITE', 'LOOKUP', 'REFUSED', 'REPLAY'];

/** Events per page on screen; printing asks for the largest pages the API serves. */
export const SCREEN_PAGE = 50;
export const PRINT_PAGE = 100;
/** At most this many pages are fetched for one printout (10,000 events). */
export const PRINT_PAGES = 100;

/** Whether the officer narrowed the report (showing report reads widens it, so it does not count). */
export function isFiltered(filters: AccessFilters): boolean {
  return Boolean(
    filters.institutionId || filters.action || filters.from || filters.to || filters.purpose.trim(),
  );
}

/** The filters as the API's `WorkerAccessLogFilter`; a bound given the wrong way round is left to the API to refuse. */
export function apiFilter(filters: AccessFilters): WorkerAccessLogFilter {
  const purpose = filters.purpose.trim();
  return {
    ...(filters.institutionId ? { institutionIds: [filters.institutionId] } : {}),
    ...(filters.action ? { actions: [filters.action] } : {}),
    ...(filters.from ? { fromDate: filters.from } : {}),
    ...(filters.to ? { toDate: filters.to } : {}),
    ...(purpose ? { purpose } : {}),
    excludeReportReads: !filters.showReportReads,
  };
}

/** Institutions to offer in the filter: every one seen in a summary so far, by name. */
export function mergeInstitutions(
  known: readonly { readonly id: string; readonly name: string }[],
  summary: readonly InstitutionSummaryRow[],
): { id: string; name: string }[] {
  const byId = new Map(known.map((item) => [item.id, item.name]));
  for (const row of summary) byId.set(row.institution.id, row.institution.name);
  return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}
