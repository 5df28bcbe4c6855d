/** GraphQL type -> the value its resolvers receive as parent (see `codegen.ts`). */
export const mappers: Record<string, string> = {
  TrainingProvider: '../db/schema.js#TrainingProviderRow',
  Course: '../db/schema.js#CourseRow',
  Enrollment: '../db/schema.js#EnrollmentRow',
  Certification: '../db/schema.js#CertificationRow',
  Worker: '../references.js#WorkerReference',
  RegionStats: '../../../shared/stats.js#RegionStatsKey',
  TrainingAccessEvent: '../../../shared/audit/access-log.js#AccessEventView',
  AuditEvent: '../../../shared/audit/audit-log.js#AuditEventView',
  AuditEventPage: '../../../shared/audit/audit-log.js#AuditPage',
  AccessLogStatus: '../../../shared/audit/audit-log.js#AccessLogStatusView',
};
