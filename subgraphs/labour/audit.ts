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

export const AUDITED: AuditedTypes = {
  Worker: (source) => workerEntity(source as WorkerRow),
  Document: (source) => recordEntity('Document', source as DocumentRow),
  Placement: (source) => recordEntity('Placement', source as PlacementRow),
  Consent: (source) => recordEntity('Consent', source as ConsentRow),
};
