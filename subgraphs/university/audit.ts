import { auditedLogEntity, type AuditEventView } from '../../shared/audit/audit-log.js';
import type { ApolloServerPlugin, GraphQLRequestExecutionListener } from '@apollo/server';
import type { AuditedContext, AuditedTypes } from '../../shared/audit/plugin.js';
import type { AccessedEntity } from '../../shared/audit/recorder.js';
import type { ParticipantSnapshot, VisibleSession } from './db/queries/sessions.js';
import type { ConsentFactRow } from './db/schema.js';
import type { WorkerReference } from './sessions.js';

// What the university subgraph's access log calls each kind of data it serves or writes.

export function workerEntity(worker: WorkerReference): AccessedEntity {
  return {
    entityType: 'Worker',
    entityId: worker.id,
    workerId: worker.id,
    workerDistrictCode: worker.districtCode ?? worker.knownDistrictCode ?? null,
  };
}

export function consentFactEntity(fact: ConsentFactRow): AccessedEntity {
  return {
    entityType: 'ConsentFact',
    entityId: fact.consentId,
    workerId: fact.workerId,
    workerDistrictCode: fact.workerDistrictCode,
  };
}

/**
 * A session concerns each of its participants, so it is logged once per participant, so that
 * every participant's own log shows it. The recorder merges reads by entity type and id; the id is
 * therefore `<sessionId>:<workerId>`, for reads and writes alike.
 */
export function sessionEntities(
  sessionId: string,
  participants: readonly ParticipantSnapshot[],
): AccessedEntity[] {
  return participants.map((participant) => ({
    entityType: 'MentoringSession',
    entityId: `${sessionId}:${participant.workerId}`,
    referenceId: sessionId,
    workerId: participant.workerId,
    workerDistrictCode: participant.workerDistrictCode,
  }));
}

/** Universities, programmes and mentors are no worker's data, but every write is logged. */
export function directoryEntity(
  entityType: 'University' | 'MentoringProgram' | 'Mentor',
  id: string,
): AccessedEntity {
  return { entityType, entityId: id, workerId: null };
}

export const AUDITED: AuditedTypes = {
  // Reading the log shows who accessed a worker's data: that is an access to it too.
  AuditEvent: (source) => auditedLogEntity(source as AuditEventView),
  Worker: (source) => workerEntity(source as WorkerReference),
  ConsentFact: (source) => consentFactEntity(source as ConsentFactRow),
};

/** Types whose one value is several workers' data: each resolved field is logged for each. */
export const AUDITED_PER_PARTICIPANT: Readonly<
  Record<string, (source: unknown) => readonly AccessedEntity[]>
> = {
  MentoringSession: (source) => {
    const session = source as VisibleSession;
    return sessionEntities(session.id, session.participantSnapshots);
  },
};

/**
 * The shared access-log plugin names one entity per value (`AUDITED`); a mentoring session is
 * one value about many workers. This plugin notes those reads in the same recorder, which the
 * shared plugin writes before the response leaves, so both kinds go out in one insert.
 */
export function participantReadsPlugin<TContext extends AuditedContext>(): ApolloServerPlugin<TContext> {
  const execution: GraphQLRequestExecutionListener<TContext> = {
    willResolveField({ source, info, contextValue }) {
      const describe = AUDITED_PER_PARTICIPANT[info.parentType.name];
      if (!describe) return undefined;
      // A refusal arrives as an Error value (graphql-shield), not as `error`. A field that resolved
      // to null disclosed nothing: summary viewers get null for the programme's own fields by
      // design, and the log must not claim they read them.
      return (error, result) => {
        if (error || result instanceof Error || result === null || result === undefined) return;
        for (const entity of describe(source)) contextValue.audit.read(entity, info.fieldName);
      };
    },
  };
  return {
    requestDidStart: () => Promise.resolve({ executionDidStart: () => Promise.resolve(execution) }),
  };
}
