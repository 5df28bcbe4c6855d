import { z } from 'zod';
import { BadUserInputError } from '../errors.js';
import { decodeCursor, encodeCursor, pageSize } from '../pagination.js';
import { text, uuid } from '../validation/input.js';
import { ACCESS_ACTIONS, type AccessEventView } from './access-log.js';
import type { AccessAction } from './recorder.js';

// A worker's access report (`Worker.accessLog`): the four services' events about her, merged,
// filtered, summarised per institution and served a page at a time. The other services hand
// labour every event they hold about the worker (`@requires` carries no arguments), so the
// filtering and paging happen here, in memory, over one person's log.

export const SERVICES = ['labour', 'ministry', 'training', 'university'] as const;
const MAX_FILTER_VALUES = 20;
const DAY_MS = 86_400_000;

/** The `WorkerAccessLogFilter` argument as GraphQL hands it over. */
export interface AccessReportFilter {
  readonly institutionIds?: readonly string[] | null | undefined;
  readonly services?: readonly string[] | null | undefined;
  readonly actions?: readonly AccessAction[] | null | undefined;
  readonly fromDate?: string | null | undefined;
  readonly toDate?: string | null | undefined;
  readonly from?: Date | string | null | undefined;
  readonly to?: Date | string | null | undefined;
  readonly purpose?: string | null | undefined;
  readonly excludeReportReads?: boolean | null | undefined;
}

export interface AccessReportArguments {
  readonly filter?: AccessReportFilter | null | undefined;
  readonly first?: number | null | undefined;
  readonly after?: string | null | undefined;
}

/** An event as the report serves it. */
export interface ReportEventView extends AccessEventView {
  readonly isReportRead: boolean;
}

export interface InstitutionSummaryView {
  readonly institution: { readonly id: string };
  readonly total: number;
  readonly actions: { readonly action: AccessAction; readonly count: number }[];
  readonly firstAt: Date;
  readonly lastAt: Date;
}

export interface AccessReportView {
  readonly events: ReportEventView[];
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  readonly totalCount: number;
  readonly summary: InstitutionSummaryView[];
}

/** A filter checked and reduced to what the matching needs. */
interface Criteria {
  readonly institutionIds: ReadonlySet<string> | null;
  readonly services: ReadonlySet<string> | null;
  readonly actions: ReadonlySet<string> | null;
  readonly start: number | null;
  readonly end: number | null;
  readonly purpose: string | null;
  readonly excludeReportReads: boolean;
}

// The worker fields that are the access log itself (labour's report and the three services'
// parts of it), and the fields the gateway fetches from labour only to route those parts: the id
// and the kecamatan the other services' rule needs.
const LOG_FIELDS = new Set([
  'accessLog',
  'ministryAccessEvents',
  'trainingAccessEvents',
  'universityAccessEvents',
]);
const ROUTING_FIELDS = new Set(['id', 'districtCode']);

/**
 * Whether an event is a read of the access log itself: an auditor's page of a service's log
 * (`AccessLog`), or a read of the worker whose fields are only the log's (with the key the
 * gateway fetched for it). A read that also took any other field is an ordinary read.
 */
export function isReportRead(event: Pick<AccessEventView, 'action' | 'entityType' | 'fields'>): boolean {
  if (event.action !== 'READ') return false;
  if (event.entityType === 'AccessLog') return true;
  return (
    event.entityType === 'Worker' &&
    event.fields.some((field) => LOG_FIELDS.has(field)) &&
    event.fields.every((field) => LOG_FIELDS.has(field) || ROUTING_FIELDS.has(field))
  );
}

const timeOf = (at: Date | string): number => (at instanceof Date ? at.getTime() : Date.parse(at));

/** The order's key: newest first, then service, request, action and record (unique after merging). */
type SortKey = readonly [number, string, string, string, string, string];

function sortKey(event: AccessEventView): SortKey {
  return [timeOf(event.at), event.service, event.requestId, event.action, event.entityType, event.entityId];
}

function compareKeys(a: SortKey, b: SortKey): number {
  if (a[0] !== b[0]) return b[0] - a[0];
  for (let index = 1; index < a.length; index += 1) {
    const left = a[index] as string;
    const right = b[index] as string;
    if (left !== right) return left < right ? -1 : 1;
  }
  return 0;
}

/**
 * Merges the four services' events into one list, newest first. One request that reached a
 * service twice for the same record and action (the gateway fetches labour once for the worker's
 * key and again for the merged log) is one access: its events become one, at the first instant,
 * with every field either took.
 */
export function mergeAccessEvents(
  ...lists: readonly (readonly AccessEventView[] | null | undefined)[]
): ReportEventView[] {
  const merged = new Map<string, AccessEventView>();
  for (const event of lists.flatMap((list) => list ?? [])) {
    const key = [event.service, event.requestId, event.action, event.entityType, event.entityId].join(
      '\u0000',
    );
    const seen = merged.get(key);
    if (!seen) {
      merged.set(key, event);
      continue;
    }
    merged.set(key, {
      ...seen,
      at: timeOf(event.at) < timeOf(seen.at) ? event.at : seen.at,
      fields: [...new Set([...seen.fields, ...event.fields])].sort(),
    });
  }
  return [...merged.values()]
    .map((event) => ({ ...event, isReportRead: isReportRead(event) }))
    .sort((a, b) => compareKeys(sortKey(a), sortKey(b)));
}

function listOf<T>(values: readonly T[] | null | undefined, field: string): readonly T[] | null {
  if (!values) return null;
  if (values.length === 0) throw BadUserInputError.of(field, 'must name at least one value, or be left out');
  if (values.length > MAX_FILTER_VALUES)
    throw BadUserInputError.of(field, `must name at most ${MAX_FILTER_VALUES} values`);
  return values;
}

const jakartaMidnight = (day: string): number => Date.parse(`${day}T00:00:00+07:00`);

/** The period as [start, end) in milliseconds, from Jakarta days or from instants, never both. */
function periodOf(filter: AccessReportFilter): { start: number | null; end: number | null } {
  const byDay = Boolean(filter.fromDate ?? filter.toDate);
  const byInstant = Boolean(filter.from ?? filter.to);
  if (byDay && byInstant) {
    throw BadUserInputError.of(
      filter.from ? 'filter.from' : 'filter.to',
      'give the period either as days (fromDate, toDate) or as instants (from, to), not both',
    );
  }
  if (byDay) {
    const start = filter.fromDate ? jakartaMidnight(filter.fromDate) : null;
    const end = filter.toDate ? jakartaMidnight(filter.toDate) + DAY_MS : null;
    if (start !== null && end !== null && end <= start)
      throw BadUserInputError.of('filter.toDate', 'must not be before filter.fromDate');
    return { start, end };
  }
  const start = filter.from ? timeOf(filter.from) : null;
  const end = filter.to ? timeOf(filter.to) : null;
  if (start !== null && end !== null && end <= start)
    throw BadUserInputError.of('filter.to', 'must be after filter.from');
  return { start, end };
}

const purposeText = text(200);

/** Checks every argument of the filter, naming the first bad one (`filter.services`, `filter.to`). */
export function criteriaOf(filter: AccessReportFilter | null | undefined): Criteria {
  const given = filter ?? {};
  const institutionIds = listOf(given.institutionIds, 'filter.institutionIds');
  if (institutionIds?.some((id) => !uuid.safeParse(id).success))
    throw BadUserInputError.of('filter.institutionIds', 'must be IDs issued by the hub');
  const services = listOf(given.services, 'filter.services');
  const unknown = services?.find((service) => !(SERVICES as readonly string[]).includes(service));
  if (unknown !== undefined)
    throw BadUserInputError.of('filter.services', `must be among ${SERVICES.join(', ')} (not "${unknown}")`);
  const actions = listOf(given.actions, 'filter.actions');
  let purpose: string | null = null;
  if (given.purpose !== null && given.purpose !== undefined) {
    const parsed = z.object({ purpose: purposeText }).safeParse({ purpose: given.purpose });
    if (!parsed.success)
      throw BadUserInputError.of('filter.purpose', parsed.error.issues[0]?.message ?? 'is not valid text');
    purpose = parsed.data.purpose.toLocaleLowerCase('id');
  }
  return {
    institutionIds: institutionIds ? new Set(institutionIds) : null,
    services: services ? new Set(services) : null,
    actions: actions ? new Set(actions) : null,
    ...periodOf(given),
    purpose,
    excludeReportReads: given.excludeReportReads === true,
  };
}

function matches(event: ReportEventView, criteria: Criteria): boolean {
  const at = timeOf(event.at);
  return (
    (!criteria.institutionIds || criteria.institutionIds.has(event.institution.id)) &&
    (!criteria.services || criteria.services.has(event.service)) &&
    (!criteria.actions || criteria.actions.has(event.action)) &&
    (criteria.start === null || at >= criteria.start) &&
    (criteria.end === null || at < criteria.end) &&
    (criteria.purpose === null || (event.purpose ?? '').toLocaleLowerCase('id').includes(criteria.purpose)) &&
    !(criteria.excludeReportReads && event.isReportRead)
  );
}

/** Per institution over the matched events: counts per action, first and last; most events first. */
export function summarise(events: readonly ReportEventView[]): InstitutionSummaryView[] {
  const byInstitution = new Map<string, ReportEventView[]>();
  for (const event of events) {
    const list = byInstitution.get(event.institution.id) ?? [];
    list.push(event);
    byInstitution.set(event.institution.id, list);
  }
  return [...byInstitution.entries()]
    .map(([id, list]) => {
      const times = list.map((event) => timeOf(event.at));
      return {
        institution: { id },
        total: list.length,
        actions: ACCESS_ACTIONS.map((action) => ({
          action,
          count: list.filter((event) => event.action === action).length,
        })).filter((entry) => entry.count > 0),
        firstAt: new Date(Math.min(...times)),
        lastAt: new Date(Math.max(...times)),
      };
    })
    .sort((a, b) => b.total - a.total || (a.institution.id < b.institution.id ? -1 : 1));
}

const CURSOR_SHAPE = ['number', 'string', 'string', 'string', 'string', 'string'] as const;

/**
 * One page of the merged log under a filter, with the total and the summary of all it matched.
 * The log is served as it stood before the request reading it: the request's own events (the
 * gateway's key fetch from labour is written before the log is merged, the rest after) appear
 * together, as one report read, on the next read.
 */
export function accessReport(
  merged: readonly ReportEventView[],
  args: AccessReportArguments,
  currentRequestId: string | null = null,
): AccessReportView {
  const size = pageSize(args.first, 50);
  const criteria = criteriaOf(args.filter);
  const after = args.after ? decodeCursor(args.after, CURSOR_SHAPE) : null;
  const matched = merged.filter((event) => event.requestId !== currentRequestId && matches(event, criteria));
  const rest = after ? matched.filter((event) => compareKeys(sortKey(event), after) > 0) : matched;
  const events = rest.slice(0, size);
  const last = events.at(-1);
  return {
    events,
    pageInfo: { hasNextPage: rest.length > size, endCursor: last ? encodeCursor(sortKey(last)) : null },
    totalCount: matched.length,
    summary: summarise(matched),
  };
}
