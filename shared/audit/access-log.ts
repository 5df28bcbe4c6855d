import { asc } from 'drizzle-orm';
import { anyOf } from '../db/any-of.js';
import type { Principal } from '../auth/principal.js';
import type { Database } from '../db/database.js';
import { ForbiddenError } from '../errors.js';
import { manyByKey } from '../loaders.js';
import { isWithinRegion } from '../reference/regions.js';
import type { AccessAction } from './recorder.js';
import type { AccessEventRow, AccessEventsTable } from './table.js';

/** An access event as the GraphQL `AccessEvent` type serves it. */
export interface AccessEventView {
  readonly at: Date | string;
  readonly institution: { readonly id: string };
  readonly clientId: string;
  readonly actingSubject: string | null;
  readonly purpose: string | null;
  readonly caseReference: string | null;
  readonly service: string;
  readonly action: AccessAction;
  readonly entityType: string;
  readonly entityId: string;
  readonly fields: readonly string[];
  readonly requestId: string;
  readonly clientRequestId: string | null;
}

/** Every kind of access, in the order a summary lists them. */
export const ACCESS_ACTIONS: readonly AccessAction[] = ['READ', 'WRITE', 'LOOKUP', 'REFUSED', 'REPLAY'];

function accessActionOf(stored: string): AccessAction {
  const action = ACCESS_ACTIONS.find((known) => known === stored);
  if (!action) throw new Error(`unknown access action ${stored}`);
  return action;
}

export function accessEventView(row: AccessEventRow): AccessEventView {
  return {
    at: row.at,
    institution: { id: row.institutionId },
    clientId: row.clientId,
    actingSubject: row.actingSubject,
    purpose: row.purpose,
    caseReference: row.caseReference,
    service: row.subgraph,
    action: accessActionOf(row.action),
    entityType: row.entityType,
    entityId: row.entityId,
    fields: row.fields,
    requestId: row.requestId,
    clientRequestId: row.clientRequestId,
  };
}

/** Every event about these workers, oldest first, grouped in key order (one statement). */
export async function accessEventsByWorkerIds(
  db: Database,
  table: AccessEventsTable,
  workerIds: readonly string[],
): Promise<AccessEventView[][]> {
  const rows = await db
    .select()
    .from(table)
    .where(anyOf(table.workerId, workerIds))
    .orderBy(asc(table.at), asc(table.position));
  return manyByKey(workerIds, rows, (row) => row.workerId ?? '').map((group) => group.map(accessEventView));
}

/**
 * Who may read a worker's access log: ministry auditors, and the labour office of the worker's
 * region (to answer the worker at the desk), both with `audit:read`. For a labour office the
 * worker's kecamatan must be a fact the subgraph can trust: its own record, or a `@requires` field
 * in a request the gateway signed. A caller writing its own representation could claim any region.
 */
export function assertMayReadAccessLog(
  principal: Principal,
  workerDistrictCode: string | null | undefined,
  districtTrusted: boolean,
): void {
  if (!principal.scopes.has('audit:read'))
    throw new ForbiddenError('Reading the access log needs the audit:read scope.');
  if (principal.institutionKind === 'MINISTRY') return;
  if (
    principal.institutionKind === 'LABOUR_OFFICE' &&
    districtTrusted &&
    principal.regionCode !== null &&
    typeof workerDistrictCode === 'string' &&
    isWithinRegion(workerDistrictCode, principal.regionCode)
  ) {
    return;
  }
  throw new ForbiddenError(
    "Only ministry auditors and the labour office of the worker's region may read this access log.",
  );
}
