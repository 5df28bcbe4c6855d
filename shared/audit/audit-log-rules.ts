import { sameRule, type Policy } from '../rules.js';
import type { Searches } from '../searches.js';

const AUDIT_EVENT_FIELDS = [
  'at',
  'institution',
  'clientId',
  'actingSubject',
  'purpose',
  'caseReference',
  'service',
  'action',
  'entityType',
  'entityId',
  'workerId',
  'fields',
  'requestId',
  'clientRequestId',
  'position',
];
const STATUS_FIELDS = [
  'service',
  'events',
  'headPosition',
  'headAt',
  'intact',
  'brokenAt',
  'reason',
  'checkedAt',
];

/**
 * The access declaration of a service's audit fields (`<service>AccessEvents`,
 * `<service>AccessLogStatus` and their types), the same in every subgraph: who may read the
 * log, and what each of its filters reveals.
 */
export function auditLogAccess(service: string, readAccessLog: Policy) {
  return {
    query: sameRule(readAccessLog, `${service}AccessEvents`, `${service}AccessLogStatus`),
    types: {
      AuditEvent: sameRule(readAccessLog, ...AUDIT_EVENT_FIELDS),
      AuditEventPage: sameRule(readAccessLog, 'events', 'pageInfo', 'totalCount'),
      AccessLogStatus: sameRule(readAccessLog, ...STATUS_FIELDS),
    },
    searches: {
      [`Query.${service}AccessEvents`]: {
        'filter.institutionId': ['AuditEvent.institution'],
        'filter.from': ['AuditEvent.at'],
        'filter.to': ['AuditEvent.at'],
        'filter.action': ['AuditEvent.action'],
        // Newest first; a cursor names a place in the chain.
        after: ['AuditEvent.position'],
      },
    } satisfies Searches,
  };
}
