/** GraphQL type -> the value its resolvers receive as parent (see `codegen.ts`). */
export const mappers: Record<string, string> = {
  University: '../db/schema.js#UniversityRow',
  MentoringProgram: '../db/schema.js#MentoringProgramRow',
  Mentor: '../db/schema.js#MentorRow',
  MentoringSession: '../db/queries/sessions.js#VisibleSession',
  Worker: '../sessions.js#WorkerReference',
  RegionStats: '../../../shared/stats.js#RegionStatsKey',
  UniversityAccessEvent: '../../../shared/audit/access-log.js#AccessEventView',
  AuditEvent: '../../../shared/audit/audit-log.js#AuditEventView',
  AuditEventPage: '../../../shared/audit/audit-log.js#AuditPage',
  AccessLogStatus: '../../../shared/audit/audit-log.js#AccessLogStatusView',
};
