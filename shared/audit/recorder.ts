import type { Principal, RequestMeta } from '../auth/principal.js';
import type { Database } from '../db/database.js';
import { UNCOUNTED, type ServiceMetrics } from '../http/metrics.js';
import { insertAccessEvents, type EventColumns, type RequestColumns } from './bulk-insert.js';
import type { AccessEventsTable } from './table.js';

/** What an access event says about the data touched. */
export interface AccessedEntity {
  readonly entityType: string;
  readonly entityId: string;
  /** The worker whose data it is, when it is a worker's data. */
  readonly workerId?: string | null;
  readonly workerDistrictCode?: string | null;
  /**
   * The entity's own key when `entityId` is not it: a mentoring session is logged once per
   * participant as `<sessionId>:<workerId>`, but it is the session the gateway can ask about.
   */
  readonly referenceId?: string;
}

/**
 * What happened: data read or written; a search by a protected key such as the NIK, hit or miss
 * (`LOOKUP`); a write the hub refused in a way that touched someone's record, such as registering
 * a NIK that is already registered (`REFUSED`); an earlier answer sent again for an idempotent
 * retry (`REPLAY`).
 */
export type AccessAction = 'READ' | 'WRITE' | 'LOOKUP' | 'REFUSED' | 'REPLAY';

/** An entity this request was served, as the gateway learns it for an idempotent retry. */
export interface ServedEntity {
  readonly entityType: string;
  readonly entityId: string;
  readonly fields: readonly string[];
}

interface Pending {
  readonly action: AccessAction;
  entity: AccessedEntity;
  readonly fields: Set<string>;
}

/**
 * Collects, for one request to one subgraph, who touched which worker data and which fields, and
 * writes it as one statement (shared/audit/bulk-insert.ts): reads, lookups and replays just before the response leaves,
 * writes inside the transaction of the write itself, refusals at once (their transaction, if any,
 * rolls back).
 */
export class AccessRecorder {
  private readonly pending = new Map<string, Pending>();
  private readonly served = new Map<
    string,
    { readonly entityType: string; readonly entityId: string; readonly fields: Set<string> }
  >();

  constructor(
    private readonly subgraph: string,
    private readonly table: AccessEventsTable,
    private readonly principal: Principal,
    private readonly meta: RequestMeta,
    private readonly metrics: ServiceMetrics = UNCOUNTED,
  ) {}

  /** Notes that a field of an entity was read (many fields of one entity become one event). */
  read(entity: AccessedEntity, field: string): void {
    this.note('READ', entity, [field]);
  }

  /** Notes a search by a protected key (the key itself only as a keyed hash, in `entity`). */
  lookedUp(entity: AccessedEntity, fields: readonly string[]): void {
    this.note('LOOKUP', entity, fields);
  }

  /** Notes that an earlier answer holding these fields of an entity is being sent again. */
  replayed(entity: AccessedEntity, fields: readonly string[]): void {
    this.note('REPLAY', entity, fields);
  }

  /** The hub's id of the request being recorded. */
  get requestId(): string {
    return this.meta.requestId;
  }

  get pendingReads(): number {
    return this.pending.size;
  }

  /** The entities this request touched so far, with their fields (reads and writes). */
  servedEntities(): ServedEntity[] {
    return [...this.served.values()].map(({ entityType, entityId, fields }) => ({
      entityType,
      entityId,
      fields: [...fields].sort(),
    }));
  }

  /** Writes the events collected so far (one statement), and forgets them. */
  async flushReads(db: Database): Promise<void> {
    if (this.pending.size === 0) return;
    const rows = [...this.pending.values()].map(({ action, entity, fields }) =>
      this.event(action, entity, [...fields].sort()),
    );
    this.pending.clear();
    await this.insert(db, rows);
  }

  /**
   * Records writes in the caller's transaction, so the log and the change commit or fail
   * together. One statement for every entity the write touched.
   */
  async wrote(
    tx: Database,
    entities: readonly (AccessedEntity & { readonly fields: readonly string[] })[],
  ): Promise<void> {
    if (entities.length === 0) return;
    for (const entity of entities) this.serve(entity, entity.fields);
    const rows = entities.map((entity) => this.event('WRITE', entity, [...entity.fields].sort()));
    // Counted when the statement succeeds; a transaction rolled back later is rare enough to ignore here.
    await this.insert(tx, rows);
  }

  /**
   * Records, at once and outside any transaction of the request, an attempt the hub refused that
   * concerned someone's record, so that the record's own office sees who tried.
   */
  async refused(db: Database, entity: AccessedEntity, fields: readonly string[]): Promise<void> {
    await this.insert(db, [this.event('REFUSED', entity, [...fields].sort())]);
  }

  private async insert(db: Database, rows: readonly EventColumns[]): Promise<void> {
    await insertAccessEvents(db, this.table, this.requestColumns(), rows);
    this.counted(rows);
  }

  private counted(rows: readonly EventColumns[]): void {
    const byAction = new Map<string, number>();
    for (const row of rows) byAction.set(row.action, (byAction.get(row.action) ?? 0) + 1);
    for (const [action, count] of byAction) this.metrics.accessEventsWritten(action, count);
  }

  private note(action: AccessAction, entity: AccessedEntity, fields: readonly string[]): void {
    if (action === 'READ') this.serve(entity, fields);
    const key = `${action}\u0000${entity.entityType}\u0000${entity.entityId}`;
    const existing = this.pending.get(key);
    if (!existing) {
      this.pending.set(key, { action, entity, fields: new Set(fields) });
      return;
    }
    for (const field of fields) existing.fields.add(field);
    // The first resolver to know the worker's kecamatan tells the rest.
    if (!existing.entity.workerDistrictCode && entity.workerDistrictCode) {
      existing.entity = { ...existing.entity, ...entity };
    }
  }

  // Called for every field read: adds to a set, and sorts only once, when the entities are asked for.
  private serve(entity: AccessedEntity, fields: readonly string[]): void {
    const entityId = entity.referenceId ?? entity.entityId;
    const key = `${entity.entityType}\u0000${entityId}`;
    const existing = this.served.get(key);
    if (existing) {
      for (const field of fields) existing.fields.add(field);
      return;
    }
    this.served.set(key, { entityType: entity.entityType, entityId, fields: new Set(fields) });
  }

  private requestColumns(): RequestColumns {
    return {
      requestId: this.meta.requestId,
      clientRequestId: this.meta.clientRequestId,
      subgraph: this.subgraph,
      institutionId: this.principal.institutionId,
      institutionKind: this.principal.institutionKind,
      clientId: this.principal.clientId,
      actingSubject: this.meta.actingSubject,
      purpose: this.meta.purpose,
      caseReference: this.meta.caseReference,
    };
  }

  private event(action: AccessAction, entity: AccessedEntity, fields: string[]): EventColumns {
    return {
      action,
      entityType: entity.entityType,
      entityId: entity.entityId,
      workerId: entity.workerId ?? null,
      workerDistrictCode: entity.workerDistrictCode ?? null,
      fields,
    };
  }
}
