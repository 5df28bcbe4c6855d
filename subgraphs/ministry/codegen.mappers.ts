/** GraphQL type -> the value its resolvers receive as parent (see `codegen.ts`). */
export const mappers: Record<string, string> = {
  PlacementAgency: '../db/schema.js#PlacementAgencyRow',
  JobOrder: '../db/schema.js#JobOrderRow',
  Sanction: '../db/schema.js#SanctionRow',
  Case: '../db/schema.js#CaseRow',
  CaseNote: '../db/schema.js#CaseNoteRow',
  Region: '../db/schema.js#RegionRow',
  Institution: '../db/schema.js#InstitutionRow',
  Worker: '../references.js#WorkerRepresentation',
  Placement: '../references.js#PlacementRepresentation',
  RegionStats: '../../../shared/stats.js#RegionStatsKey',
  RegionStatsTable: '../stats-table.js#RegionStatsTableView',
  MinistryAccessEvent: '../../../shared/audit/access-log.js#AccessEventView',
  AuditEvent: '../../../shared/audit/audit-log.js#AuditEventView',
  AuditEventPage: '../../../shared/audit/audit-log.js#AuditPage',
  AccessLogStatus: '../../../shared/audit/audit-log.js#AccessLogStatusView',
};
