import type { Principal, RequestMeta } from '../auth/principal.js';
import type { Database } from '../db/database.js';
import type { AccessEventsTable, NewAccessEvent } from './table.js';

/** What an access event says about the data touched. */
export interface AccessedEntity {
  readonly entityType: string;
  readonly entityId: string;
  /** The worker whose data it is, when it is a worker's data. */
  readonly workerId?: string | null;
  readonly workerDistrictCode?: string | null;
}

/**
 * Collects, for one request to one subgraph, who touched which worker data and which fields, and
 * writes it as one multi-row insert: reads just before the response leaves, writes inside the
 * transaction of the write itself.
 */
export class AccessRecorder {
  private readonly reads = new Map<string, { entity: AccessedEntity; fields: Set<string> }>();

  constructor(
    private readonly subgraph: string,
    private readonly table: AccessEventsTable,
    private readonly principal: Principal,
    private readonly meta: RequestMeta,
  ) {}

  /** Notes that a field of an entity was read (many fields of one entity become one event). */
  read(entity: AccessedEntity, field: string): void {
    const key = `${entity.entityType}\u0000${entity.entityId}`;
    const existing = this.reads.get(key);
    if (existing) {
      existing.fields.add(field);
      // The first resolver to know the worker's kecamatan tells the rest.
      if (!existing.entity.workerDistrictCode && entity.workerDistrictCode) {
        this.reads.set(key, { entity: { ...existing.entity, ...entity }, fields: existing.fields });
      }
      return;
    }
    this.reads.set(key, { entity, fields: new Set([field]) });
  }

  get pendingReads(): number {
    return this.reads.size;
  }

  /** Writes the read events collected so far (one statement), and forgets them. */
  async flushReads(db: Database): Promise<void> {
    if (this.reads.size === 0) return;
    const rows = [...this.reads.values()].map(({ entity, fields }) =>
      this.event('READ', entity, [...fields].sort()),
    );
    this.reads.clear();
    await db.insert(this.table).values(rows);
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
    await tx
      .insert(this.table)
      .values(entities.map((entity) => this.event('WRITE', entity, [...entity.fields].sort())));
  }

  private event(action: 'READ' | 'WRITE', entity: AccessedEntity, fields: string[]): NewAccessEvent {
    return {
      requestId: this.meta.requestId,
      subgraph: this.subgraph,
      institutionId: this.principal.institutionId,
      institutionKind: this.principal.institutionKind,
      clientId: this.principal.clientId,
      actingSubject: this.meta.actingSubject,
      purpose: this.meta.purpose,
      caseReference: this.meta.caseReference,
      action,
      entityType: entity.entityType,
      entityId: entity.entityId,
      workerId: entity.workerId ?? null,
      workerDistrictCode: entity.workerDistrictCode ?? null,
      fields,
    };
  }
}
