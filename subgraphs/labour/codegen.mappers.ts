/** GraphQL type -> the value its resolvers receive as parent (see `codegen.ts`). */
export const mappers: Record<string, string> = {
  Worker: '../db/schema.js#WorkerRow',
  Document: '../db/schema.js#DocumentRow',
  Placement: '../db/schema.js#PlacementRow',
  Consent: '../db/schema.js#ConsentRow',
  Amendment: '../db/schema.js#AmendmentRow',
  RegionStats: '../../../shared/stats.js#RegionStatsKey',
  AccessEvent: '../../../shared/audit/access-log.js#AccessEventView',
  MinistryAccessEvent: '../../../shared/audit/access-log.js#AccessEventView',
  TrainingAccessEvent: '../../../shared/audit/access-log.js#AccessEventView',
  UniversityAccessEvent: '../../../shared/audit/access-log.js#AccessEventView',
  AuditEvent: '../../../shared/audit/audit-log.js#AuditEventView',
  AuditEventPage: '../../../shared/audit/audit-log.js#AuditPage',
  AccessLogStatus: '../../../shared/audit/audit-log.js#AccessLogStatusView',
};
