import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import type { AccessEventsTable, NewAccessEvent } from './table.js';

/** What every event of one request shares: who asked, through which request, for what. */
export type RequestColumns = Pick<
  NewAccessEvent,
  | 'requestId'
  | 'clientRequestId'
  | 'subgraph'
  | 'institutionId'
  | 'institutionKind'
  | 'clientId'
  | 'actingSubject'
  | 'purpose'
  | 'caseReference'
>;

/** What each event says on its own: what was done to which entity, and which fields. */
export type EventColumns = Pick<
  NewAccessEvent,
  'action' | 'entityType' | 'entityId' | 'workerId' | 'workerDistrictCode' | 'fields'
>;

/**
 * One request's access events as one statement with ten bound parameters, however many events
 * there are: the request's columns once, the events as one JSON array the database
 * unpacks in order. Built by hand rather than by drizzle's insert builder, which binds and
 * type-checks every value of every row (about 3,000 parameters for a page of 100 workers read
 * across four subgraphs) and costs more than the rest of the request; the chain trigger then
 * locks and reads the chain head once for the whole statement (shared/audit/table.ts).
 */
export function accessEventsInsert(
  table: AccessEventsTable,
  request: RequestColumns,
  events: readonly EventColumns[],
): SQL {
  const eventsJson = JSON.stringify(
    events.map((event) => ({
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      workerId: event.workerId ?? null,
      workerDistrictCode: event.workerDistrictCode ?? null,
      fields: event.fields,
    })),
  );
  // Every parameter is cast from text, so both drivers send each as the plain string it is (a
  // parameter typed jsonb would be JSON-encoded a second time by the postgres driver).
  return sql`
    insert into ${table} (request_id, client_request_id, subgraph, institution_id, institution_kind,
      client_id, acting_subject, purpose, case_reference,
      action, entity_type, entity_id, worker_id, worker_district_code, fields)
    select ${request.requestId}::text, ${request.clientRequestId ?? null}::text, ${request.subgraph}::text,
      ${request.institutionId}::text::uuid, ${request.institutionKind}::text, ${request.clientId}::text,
      ${request.actingSubject ?? null}::text, ${request.purpose ?? null}::text,
      ${request.caseReference ?? null}::text,
      event.value->>'action', event.value->>'entityType', event.value->>'entityId',
      (event.value->>'workerId')::uuid, event.value->>'workerDistrictCode',
      array(select field.value from jsonb_array_elements_text(event.value->'fields')
              with ordinality as field(value, place) order by field.place)
    from jsonb_array_elements(${eventsJson}::text::jsonb) with ordinality as event(value, place)
    order by event.place`;
}

/** Writes one request's access events (nothing when there are none) in one statement. */
export async function insertAccessEvents(
  db: Database,
  table: AccessEventsTable,
  request: RequestColumns,
  events: readonly EventColumns[],
): Promise<void> {
  if (events.length > 0) await db.execute(accessEventsInsert(table, request, events));
}
