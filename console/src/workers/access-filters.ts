import type { AccessAction, WorkerAccessLogQuery } from '../graphql/__generated__/graphql.js';

export type AccessEventRow = NonNullable<NonNullable<WorkerAccessLogQuery['worker']>['accessLog']>[number];

export interface AccessFilters {
  readonly institutionId: string;
  readonly action: AccessAction | '';
  /** ISO dates (`2026-12-01`), inclusive, in WIB; empty for no bound. */
  readonly from: string;
  readonly to: string;
}

export const NO_FILTERS: AccessFilters = { institutionId: '', action: '', from: '', to: '' };

export const ACCESS_ACTIONS: readonly AccessAction[] = ['READ', 'WRITE', 'LOOKUP', 'REFUSED', 'REPLAY'];

/** The day an event happened in WIB (UTC+7, no daylight saving), as an ISO date. */
export function dayInWib(at: string): string {
  return new Date(new Date(at).getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

export function isFiltered(filters: AccessFilters): boolean {
  return Object.values(filters).some((value) => value !== '');
}

/** The events that pass the filters, in the log's order (oldest first). */
export function filterAccessLog(events: readonly AccessEventRow[], filters: AccessFilters): AccessEventRow[] {
  return events.filter((event) => {
    if (filters.institutionId && event.institution.id !== filters.institutionId) return false;
    if (filters.action && event.action !== filters.action) return false;
    const day = dayInWib(event.at);
    if (filters.from && day < filters.from) return false;
    if (filters.to && day > filters.to) return false;
    return true;
  });
}

/** Each institution that appears in the log once, by name. */
export function institutionsIn(events: readonly AccessEventRow[]): { id: string; name: string }[] {
  const byId = new Map(events.map((event) => [event.institution.id, event.institution.name]));
  return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}
