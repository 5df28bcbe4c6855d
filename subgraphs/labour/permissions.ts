import {
  allow,
  and,
  deny,
  FEDERATION_RULES,
  hasScope,
  isKind,
  isStatutory,
  masked,
  readsPersonalData,
  sameRule,
  type AccessDeclaration,
} from '../../shared/rules.js';
import { auditLogAccess } from '../../shared/audit/audit-log-rules.js';

// Who may read, search and do what in the labour subgraph: deny by default (shared/protect.ts),
// every field named. Which workers a caller sees at all is decided in SQL (access.ts); this
// declaration decides which fields, operations and searches.

const readWorkers = hasScope('workers:read');
const writeWorkers = and(isKind('LABOUR_OFFICE'), hasScope('workers:write'));
const readStats = hasScope('stats:read');
const readAccessLog = and(isStatutory, hasScope('audit:read'));
const auditLog = auditLogAccess('labour', readAccessLog);
const ACCESS_EVENT_FIELDS = [
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
  'fields',
  'requestId',
  'clientRequestId',
  'isReportRead',
];
// The other services' events as they hand them over, without labour's derived mark.
const EXTERNAL_EVENT_FIELDS = ACCESS_EVENT_FIELDS.filter((field) => field !== 'isReportRead');

const fields = {
  ...FEDERATION_RULES,
  Query: {
    ...FEDERATION_RULES.Query,
    ...auditLog.query,
    worker: readWorkers,
    workerByNik: readWorkers,
    workers: readWorkers,
  },
  Mutation: sameRule(
    writeWorkers,
    'registerWorker',
    'updateWorker',
    'changeWorkerStatus',
    'recordDocument',
    'verifyDocument',
    'rejectDocument',
    'createPlacement',
    'recordDeparture',
    'recordArrival',
    'recordReturn',
    'grantConsent',
    'revokeConsent',
    'amendPlacement',
    'cancelPlacement',
    'correctDeparture',
    'correctReturn',
    'correctWorkerIdentity',
  ),
  Worker: {
    ...sameRule(
      readWorkers,
      'id',
      'fullName',
      'sex',
      'maritalStatus',
      'education',
      'districtCode',
      'district',
      'status',
      'registeredAt',
      'registeredBy',
    ),
    // The NIK is served masked to those without the right to it (resolvers/Worker.ts), who may not
    // search by it either; the other personal data is withheld from them.
    nik: masked(readWorkers, { unmaskedFor: readsPersonalData }),
    ...sameRule(readsPersonalData, 'birthDate', 'birthPlace', 'phone', 'address', 'villageCode'),
    ...sameRule(and(readWorkers, isStatutory), 'documents', 'placements', 'currentPlacement', 'consents'),
    // Each change inside is shown under its own field's rule (amendment-view.ts).
    amendments: readWorkers,
    ...sameRule(
      readAccessLog,
      'accessLog',
      'ministryAccessEvents',
      'trainingAccessEvents',
      'universityAccessEvents',
    ),
  },
  Document: {
    ...sameRule(
      readWorkers,
      'id',
      'worker',
      'type',
      'issuer',
      'issuedOn',
      'validUntil',
      'status',
      'verifiedAt',
      'rejectionReason',
      'placement',
      'recordedAt',
    ),
    // For a passport this is the passport number: personal data.
    number: readsPersonalData,
  },
  Placement: sameRule(
    readWorkers,
    'id',
    'worker',
    'agency',
    'jobOrder',
    'scheme',
    'channel',
    'destinationCountry',
    'employerName',
    'occupation',
    'sector',
    'contractMonths',
    'monthlyWage',
    'wageCurrency',
    'status',
    'plannedDepartureDate',
    'departureDate',
    'arrivalDate',
    'expectedReturnDate',
    'actualReturnDate',
    'returnReason',
    'documentsComplete',
    'missingDocuments',
    'documents',
    'createdAt',
    'amendments',
  ),
  Amendment: {
    ...sameRule(readWorkers, 'id', 'kind', 'entityType', 'entityId', 'changes', 'amendedBy', 'at'),
    // Free text about a person and who handled her record: for the statutory institutions only.
    ...sameRule(and(readWorkers, isStatutory), 'reason', 'supportingDocument', 'clientId', 'actingSubject'),
  },
  AmendedValue: sameRule(readWorkers, 'field', 'oldValue', 'newValue'),
  Consent: sameRule(
    readWorkers,
    'id',
    'worker',
    'grantee',
    'purpose',
    'grantedAt',
    'expiresAt',
    'revokedAt',
    'active',
    'recordedBy',
  ),
  WorkerConnection: sameRule(readWorkers, 'edges', 'pageInfo', 'totalCount'),
  WorkerEdge: sameRule(readWorkers, 'cursor', 'node'),
  PageInfo: sameRule(allow, 'hasNextPage', 'endCursor'),
  RegionStats: sameRule(
    readStats,
    'regionCode',
    'year',
    'fromYear',
    'registered',
    'departed',
    'returned',
    'departuresByDestination',
  ),
  StatCount: sameRule(readStats, 'value', 'suppressed'),
  DestinationCount: sameRule(readStats, 'countryCode', 'departed'),
  AccessEvent: sameRule(readAccessLog, ...ACCESS_EVENT_FIELDS),
  WorkerAccessLog: sameRule(readAccessLog, 'events', 'pageInfo', 'totalCount', 'summary'),
  InstitutionAccessSummary: sameRule(readAccessLog, 'institution', 'total', 'actions', 'firstAt', 'lastAt'),
  AccessActionCount: sameRule(readAccessLog, 'action', 'count'),
  // The other services' events reach labour only as `@requires` input to `Worker.accessLog`;
  // labour never serves them itself.
  MinistryAccessEvent: sameRule(deny, ...EXTERNAL_EVENT_FIELDS),
  TrainingAccessEvent: sameRule(deny, ...EXTERNAL_EVENT_FIELDS),
  UniversityAccessEvent: sameRule(deny, ...EXTERNAL_EVENT_FIELDS),
  Region: { code: allow },
  Institution: { id: allow },
  PlacementAgency: { id: allow },
  JobOrder: { id: allow },
  ...auditLog.types,
};

export const access: AccessDeclaration = {
  fields,
  searches: {
    ...auditLog.searches,
    'Query.worker': { id: ['Worker.id'] },
    // The report is filtered and paged by the event's own fields, all readable by whoever reads it.
    'Worker.accessLog': {
      'filter.institutionIds': ['AccessEvent.institution'],
      'filter.services': ['AccessEvent.service'],
      'filter.actions': ['AccessEvent.action'],
      'filter.fromDate': ['AccessEvent.at'],
      'filter.toDate': ['AccessEvent.at'],
      'filter.from': ['AccessEvent.at'],
      'filter.to': ['AccessEvent.at'],
      'filter.purpose': ['AccessEvent.purpose'],
      'filter.excludeReportReads': ['AccessEvent.isReportRead'],
      // Newest first; a cursor names a place in that order.
      after: [
        'AccessEvent.at',
        'AccessEvent.service',
        'AccessEvent.requestId',
        'AccessEvent.action',
        'AccessEvent.entityType',
        'AccessEvent.entityId',
      ],
    },
    'Query.workerByNik': { nik: ['Worker.nik'] },
    'Query.workers': {
      'filter.regionCode': ['Worker.districtCode'],
      'filter.status': ['Worker.status'],
      'filter.nameContains': ['Worker.fullName'],
      'filter.destinationCountry': ['Worker.placements', 'Placement.destinationCountry'],
      // The list is ordered by name, and a cursor names a position in that order.
      after: ['Worker.fullName', 'Worker.id'],
    },
  },
};
