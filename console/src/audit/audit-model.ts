import type { AccessAction, AccessEventFilter } from '../graphql/__generated__/graphql.js';

/** The four services, each keeping its own hash-chained access log. */
export const AUDIT_SERVICES = ['labour', 'ministry', 'training', 'university'] as const;
export type AuditService = (typeof AUDIT_SERVICES)[number];

export const ACCESS_ACTIONS: readonly AccessAction[] = ['READ', 'WRITE', 'LOOKUP', 'REFUSED', 'REPLAY'];

export function isAuditService(value: string | null): value is AuditService {
  return value !== null && (AUDIT_SERVICES as readonly string[]).includes(value);
}

export function isAccessAction(value: string | null): value is AccessAction {
  return value !== null && (ACCESS_ACTIONS as readonly string[]).includes(value);
}

/** The by-institution view's criteria, as the address holds them (`/audit?service=labour&from=…`). */
export interface AuditCriteria {
  readonly service: AuditService;
  readonly institution: string;
  readonly action: AccessAction | '';
  /** ISO dates, inclusive, as days in WIB; empty for no bound. */
  readonly from: string;
  readonly to: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function auditCriteriaOf(query: URLSearchParams): AuditCriteria {
  const service = query.get('service');
  const action = query.get('action');
  const date = (key: string) => {
    const value = query.get(key) ?? '';
    return ISO_DATE.test(value) ? value : '';
  };
  return {
    service: isAuditService(service) ? service : 'labour',
    institution: query.get('institution') ?? '',
    action: isAccessAction(action) ? action : '',
    from: date('from'),
    to: date('to'),
  };
}

export function auditHref(criteria: AuditCriteria): string {
  const query = new URLSearchParams(
    Object.entries(criteria).filter(
      ([key, value]) => value !== '' && !(key === 'service' && value === 'labour'),
    ),
  );
  const text = query.toString();
  return text ? `/audit?${text}` : '/audit';
}

/** Midnight at the start of a day in WIB (UTC+7, no daylight saving) as an instant. */
export function startOfDayInWib(day: string): string {
  return new Date(`${day}T00:00:00+07:00`).toISOString();
}

/** The day after an ISO date. */
function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/**
 * The API's filter for the criteria: a period of whole days in WIB, `to` inclusive on screen and
 * exclusive in the API (the start of the next day).
 */
export function accessEventFilterOf(criteria: AuditCriteria): AccessEventFilter {
  return {
    ...(criteria.institution ? { institutionId: criteria.institution } : {}),
    ...(criteria.action ? { action: criteria.action } : {}),
    ...(criteria.from ? { from: startOfDayInWib(criteria.from) } : {}),
    ...(criteria.to ? { to: startOfDayInWib(nextDay(criteria.to)) } : {}),
  };
}

/** Which of the query's four service fields to include: exactly the chosen one. */
export function serviceSwitches(service: AuditService): Record<AuditService, boolean> {
  return {
    labour: service === 'labour',
    ministry: service === 'ministry',
    training: service === 'training',
    university: service === 'university',
  };
}

/** The day an event happened in WIB, as an ISO date. */
export function dayInWib(at: string): string {
  return new Date(new Date(at).getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

export interface WorkerLogFilters {
  readonly institutionId: string;
  readonly action: AccessAction | '';
  readonly from: string;
  readonly to: string;
}

export const NO_WORKER_LOG_FILTERS: WorkerLogFilters = { institutionId: '', action: '', from: '', to: '' };

/** A worker's complete log (served whole) narrowed in the browser, in the log's order. */
export function filterWorkerLog<
  T extends {
    readonly at: string;
    readonly action: AccessAction;
    readonly institution: { readonly id: string };
  },
>(events: readonly T[], filters: WorkerLogFilters): T[] {
  return events.filter((event) => {
    if (filters.institutionId && event.institution.id !== filters.institutionId) return false;
    if (filters.action && event.action !== filters.action) return false;
    const day = dayInWib(event.at);
    if (filters.from && day < filters.from) return false;
    if (filters.to && day > filters.to) return false;
    return true;
  });
}
