import { auditedLogEntity, type AuditEventView } from '../../shared/audit/audit-log.js';
import type { AccessedEntity } from '../../shared/audit/recorder.js';
import type { AuditedTypes } from '../../shared/audit/plugin.js';
import type { ConsentRow, DocumentRow, PlacementRow, WorkerRow } from './db/schema.js';

// What the labour subgraph's access log calls each kind of worker data it serves.

export function workerEntity(worker: Pick<WorkerRow, 'id' | 'districtCode'>): AccessedEntity {
  return {
    entityType: 'Worker',
    entityId: worker.id,
    workerId: worker.id,
    workerDistrictCode: worker.districtCode,
  };
}

export function recordEntity(
  entityType: 'Document' | 'Placement' | 'Consent',
  record: DocumentRow | PlacementRow | ConsentRow,
): AccessedEntity {
  return { entityType, entityId: record.id, workerId: record.workerId };
}

/**
 * A search by NIK, hit or miss: the NIK only as its keyed hash, and the worker it found (so the
 * lookup appears in her access log). Misses are logged too: a run of them is how a sweep over
 * candidate NIKs would show.
 */
export function nikLookupEntity(
  pseudonym: string,
  found: Pick<WorkerRow, 'id' | 'districtCode'> | null,
): AccessedEntity {
  return {
    entityType: 'NikLookup',
    entityId: pseudonym,
    workerId: found?.id ?? null,
    workerDistrictCode: found?.districtCode ?? null,
  };
}

export const AUDITED: AuditedTypes = {
  // Reading the log shows who accessed a worker's data: that is an access to it too.
  AuditEvent: (source) => auditedLogEntity(source as AuditEventView),
  Worker: (source) => workerEntity(source as WorkerRow),
  Document: (source) => recordEntity('Document', source as DocumentRow),
  Placement: (source) => recordEntity('Placement', source as PlacementRow),
  Consent: (source) => recordEntity('Consent', source as ConsentRow),
};
