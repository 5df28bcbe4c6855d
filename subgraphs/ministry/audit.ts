import { auditedLogEntity, type AuditEventView } from '../../shared/audit/audit-log.js';
import type { AccessedEntity } from '../../shared/audit/recorder.js';
import type { AuditedTypes } from '../../shared/audit/plugin.js';
import { isRegionCodeFormat } from '../../shared/reference/regions.js';
import type { CaseNoteRow, CaseRow } from './db/schema.js';
import type { PlacementRepresentation, WorkerRepresentation } from './references.js';

// What the ministry's access log calls each kind of data it serves or writes. Worker data here is
// the complaint case (its summary and notes are personal data); reads of the public registries are
// not logged, writes to them are (DESIGN section 4: every write is logged). A case's resolution
// is logged as the case's `resolution` field: it carries no id of its own to name it by.

export function caseEntity(
  complaint: Pick<CaseRow, 'id' | 'workerId' | 'workerDistrictCode'>,
): AccessedEntity {
  return {
    entityType: 'Case',
    entityId: complaint.id,
    workerId: complaint.workerId,
    workerDistrictCode: complaint.workerDistrictCode,
  };
}

/**
 * A case note as `Case.notes` serves it: the row, plus the worker of its case, so that reading a
 * note is logged under its case (a note is part of the case's history, not a record of its own).
 */
export type AuditedCaseNote = CaseNoteRow & Pick<CaseRow, 'workerId' | 'workerDistrictCode'>;

export function notesOfCase(complaint: CaseRow, notes: readonly CaseNoteRow[]): AuditedCaseNote[] {
  return notes.map((note) => ({
    ...note,
    workerId: complaint.workerId,
    workerDistrictCode: complaint.workerDistrictCode,
  }));
}

/**
 * The worker as the gateway sends them. The kecamatan is the caller's claim; it is kept only when
 * it at least looks like a region code, so the log never stores arbitrary text as a region.
 */
export function workerEntity(worker: WorkerRepresentation): AccessedEntity {
  const district = worker.districtCode;
  return {
    entityType: 'Worker',
    entityId: worker.id,
    workerId: worker.id,
    workerDistrictCode: typeof district === 'string' && isRegionCodeFormat(district) ? district : null,
  };
}

/** A registry record changed by a write that is not about one worker (agency, job order, sanction). */
export function registryEntity(
  entityType: 'PlacementAgency' | 'JobOrder' | 'Sanction',
  id: string,
): AccessedEntity {
  return { entityType, entityId: id, workerId: null };
}

export const AUDITED: AuditedTypes = {
  // Reading the log shows who accessed a worker's data: that is an access to it too.
  AuditEvent: (source) => auditedLogEntity(source as AuditEventView),
  Case: (source) => caseEntity(source as CaseRow),
  CaseNote: (source) => {
    const note = source as AuditedCaseNote;
    return caseEntity({
      id: note.caseId,
      workerId: note.workerId,
      workerDistrictCode: note.workerDistrictCode,
    });
  },
  Worker: (source) => workerEntity(source as WorkerRepresentation),
  // The legality check reads registry facts, but about one worker's placement abroad: the
  // ministry only ever sees the placement's id, so the worker stays unknown here (labour logs
  // its own reads of the placement with the worker).
  Placement: (source) => ({
    entityType: 'Placement',
    entityId: (source as PlacementRepresentation).id,
    workerId: null,
  }),
};
