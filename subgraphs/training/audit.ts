import { auditedLogEntity, type AuditEventView } from '../../shared/audit/audit-log.js';
import type { AccessedEntity } from '../../shared/audit/recorder.js';
import type { AuditedTypes } from '../../shared/audit/plugin.js';
import type { CertificationRow, ConsentFactRow, EnrollmentRow } from './db/schema.js';
import type { WorkerReference } from './references.js';

// What the training subgraph's access log calls each kind of worker data it serves. Providers and
// courses are directory data, not a worker's, so they are not read-audited (their writes are).

export function workerEntity(worker: WorkerReference): AccessedEntity {
  return {
    entityType: 'Worker',
    entityId: worker.id,
    workerId: worker.id,
    // Known here only when the representation carried it (see references.ts).
    workerDistrictCode: worker.districtCode ?? null,
  };
}

/** Enrolments and certifications keep the worker's kecamatan as it was when they were made. */
export function recordEntity(
  entityType: 'Enrollment' | 'Certification',
  record: Pick<EnrollmentRow | CertificationRow, 'id' | 'workerId' | 'workerDistrictCode'>,
): AccessedEntity {
  return {
    entityType,
    entityId: record.id,
    workerId: record.workerId,
    workerDistrictCode: record.workerDistrictCode,
  };
}

/** A consent fact is the worker's consent, named by the labour office's consent id. */
export function consentFactEntity(fact: ConsentFactRow): AccessedEntity {
  return {
    entityType: 'ConsentFact',
    entityId: fact.consentId,
    workerId: fact.workerId,
    workerDistrictCode: fact.workerDistrictCode,
  };
}

/** Writes that are about no worker (the directory of providers and courses) are logged too. */
export function directoryEntity(entityType: 'TrainingProvider' | 'Course', id: string): AccessedEntity {
  return { entityType, entityId: id, workerId: null };
}

export const AUDITED: AuditedTypes = {
  // Reading the log shows who accessed a worker's data: that is an access to it too.
  AuditEvent: (source) => auditedLogEntity(source as AuditEventView),
  Worker: (source) => workerEntity(source as WorkerReference),
  Enrollment: (source) => recordEntity('Enrollment', source as EnrollmentRow),
  Certification: (source) => recordEntity('Certification', source as CertificationRow),
  ConsentFact: (source) => consentFactEntity(source as ConsentFactRow),
};
