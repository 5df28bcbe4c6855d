import { and, count, desc, eq, gte, like, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Principal } from '../auth/principal.js';
import type { Database } from '../db/database.js';
import { BadUserInputError, ForbiddenError } from '../errors.js';
import { decodeCursor, encodeCursor, pageSize } from '../pagination.js';
import { uuid } from '../validation/input.js';
import { accessEventView, type AccessEventView } from './access-log.js';
import type { AccessedEntity } from './recorder.js';
import type { AccessEventsTable, AccessEventRow } from './table.js';
import { verifyAccessChain, type ChainReport } from './verify.js';

// An auditor's view of one service's access log: pages of events by institution, period and
// action, and whether the chain still holds. Each service serves its own log; the console asks
// all four and merges them by time.

/** An event as `AuditEvent` serves it: an access event with the worker it concerns and its place in the chain. */
export interface AuditEventView extends AccessEventView {
  readonly workerId: string | null;
  readonly position: number;
}

export interface AuditPage {
  readonly events: AuditEventView[];
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  readonly totalCount: number;
}

export interface AuditFilter {
  readonly institutionId?: string | null | undefined;
  /** DateTime values: the scalar parses them to a Date, codegen types them as a Date or its text. */
  readonly from?: Date | string | null | undefined;
  readonly to?: Date | string | null | undefined;
  readonly action?: string | null | undefined;
}

/**
 * Which events a caller may list: a ministry auditor all; the labour office of a region those
 * about its region's workers (to answer for them); anyone else none. The shield rule (statutory
 * and `audit:read`) runs first; this is the row rule, applied inside the SQL.
 */
function visibleEvents(table: AccessEventsTable, principal: Principal): SQL {
  if (principal.institutionKind === 'MINISTRY') return sql`true`;
  if (principal.institutionKind === 'LABOUR_OFFICE' && principal.regionCode) {
    return or(
      eq(table.workerDistrictCode, principal.regionCode),
      like(table.workerDistrictCode, `${principal.regionCode}.%`),
    ) as SQL;
  }
  throw new ForbiddenError("Only ministry auditors and labour offices read a service's access log.");
}

function auditView(row: AccessEventRow): AuditEventView {
  return { ...accessEventView(row), workerId: row.workerId, position: row.position };
}

/** One page of a service's log, newest first, with the total the caller may see. */
export async function listAuditEvents(
  db: Database,
  table: AccessEventsTable,
  principal: Principal,
  filter: AuditFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<AuditPage> {
  const size = pageSize(first, 50);
  if (filter?.institutionId && !uuid.safeParse(filter.institutionId).success) {
    throw BadUserInputError.of('filter.institutionId', 'must be an ID issued by the hub');
  }
  const from = filter?.from ? new Date(filter.from) : null;
  const to = filter?.to ? new Date(filter.to) : null;
  if (from && to && from >= to) throw BadUserInputError.of('filter.to', 'must be after filter.from');
  const conditions: SQL[] = [visibleEvents(table, principal)];
  if (filter?.institutionId) conditions.push(eq(table.institutionId, filter.institutionId));
  if (from) conditions.push(gte(table.at, from));
  if (to) conditions.push(lt(table.at, to));
  if (filter?.action) conditions.push(eq(table.action, filter.action));
  const before = after ? decodeCursor(after, ['number'] as const)[0] : null;
  const pageConditions = before === null ? conditions : [...conditions, lt(table.position, before)];
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(table)
      .where(and(...pageConditions))
      .orderBy(desc(table.position))
      .limit(size + 1),
    db
      .select({ value: count() })
      .from(table)
      .where(and(...conditions)),
  ]);
  const events = rows.slice(0, size).map(auditView);
  const last = events.at(-1);
  return {
    events,
    pageInfo: { hasNextPage: rows.length > size, endCursor: last ? encodeCursor([last.position]) : null },
    totalCount: total?.value ?? 0,
  };
}

/** Reading the log is an access too: one event per worker whose accesses a page showed. */
export function auditedLogEntity(event: AuditEventView): AccessedEntity | null {
  return event.workerId
    ? { entityType: 'AccessLog', entityId: event.workerId, workerId: event.workerId }
    : null;
}

export interface AccessLogStatusView {
  readonly service: string;
  readonly events: number;
  readonly headPosition: number | null;
  readonly headAt: Date | null;
  readonly intact: boolean;
  readonly brokenAt: number | null;
  readonly reason: string | null;
  readonly checkedAt: Date;
}

/**
 * Whether a service's chain holds, recomputed at most once a minute per process: the whole chain
 * is walked, which an auditor's screen must not do on every request.
 */
export class AccessLogStatusCache {
  private cached: { status: AccessLogStatusView; at: number } | null = null;
  private running: Promise<AccessLogStatusView> | null = null;

  constructor(
    private readonly db: Database,
    private readonly table: AccessEventsTable,
    private readonly service: string,
    private readonly maxAgeMs = 60_000,
  ) {}

  async status(): Promise<AccessLogStatusView> {
    if (this.cached && Date.now() - this.cached.at < this.maxAgeMs) return this.cached.status;
    this.running ??= this.check().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async check(): Promise<AccessLogStatusView> {
    const report: ChainReport = await verifyAccessChain(this.db, this.service);
    const [head] = await this.db
      .select({ position: this.table.position, at: this.table.at })
      .from(this.table)
      .orderBy(desc(this.table.position))
      .limit(1);
    const status: AccessLogStatusView = {
      service: this.service,
      events: head?.position ?? 0,
      headPosition: head?.position ?? null,
      headAt: head?.at ?? null,
      intact: report.broken === null,
      brokenAt: report.broken?.position ?? null,
      reason: report.broken?.reason ?? null,
      checkedAt: new Date(),
    };
    this.cached = { status, at: Date.now() };
    return status;
  }
}

/** What a subgraph's context offers the audit queries. */
export interface AuditContext {
  readonly principal: Principal;
  readonly db: Database;
  readonly accessLogStatus: AccessLogStatusCache;
}

interface AuditArguments {
  readonly filter?: AuditFilter | null | undefined;
  readonly first?: number | null | undefined;
  readonly after?: string | null | undefined;
}

/** The two audit fields of a service's Query (`<service>AccessEvents`, `<service>AccessLogStatus`). */
export function auditLogQueries(table: AccessEventsTable) {
  return {
    events: (_parent: unknown, args: AuditArguments, context: AuditContext) =>
      listAuditEvents(context.db, table, context.principal, args.filter, args.first, args.after),
    status: (_parent: unknown, _args: unknown, context: AuditContext) => {
      // The row rule's kinds (statutory) are the shield's; a labour office sees every service's status.
      if (
        context.principal.institutionKind !== 'MINISTRY' &&
        context.principal.institutionKind !== 'LABOUR_OFFICE'
      )
        throw new ForbiddenError("Only ministry auditors and labour offices read a service's access log.");
      return context.accessLogStatus.status();
    },
  };
}
