import {
  allow,
  and,
  deny,
  FEDERATION_RULES,
  hasScope,
  isKind,
  isStatutory,
  sameRule,
  type AccessDeclaration,
} from '../../shared/rules.js';
import { auditLogAccess } from '../../shared/audit/audit-log-rules.js';

// graphql-shield rules of the ministry subgraph: deny by default (shared/protect.ts),
// every field named. Which cases a caller sees at all (the labour office's region) is decided in
// SQL (access.ts, db/queries/cases.ts); these rules decide which fields and operations. The
// commands keep their own checks too: the rules are a second, declarative layer.

const readWorkers = hasScope('workers:read');
/** Cases, their details and notes: statutory institutions with `cases:read`, never others. */
const readCases = and(isStatutory, hasScope('cases:read'));
/** Placements are for statutory institutions only (DESIGN section 4), and so is their legality check. */
const readPlacements = and(isStatutory, readWorkers);
const readStats = hasScope('stats:read');
const readAccessLog = and(isStatutory, hasScope('audit:read'));
const auditLog = auditLogAccess('ministry', readAccessLog);
const manageAgencies = and(isKind('MINISTRY'), hasScope('agencies:write'));
const openCases = and(isStatutory, hasScope('cases:write'));
const updateCases = and(isKind('MINISTRY'), hasScope('cases:write'));

const fields = {
  ...FEDERATION_RULES,
  Query: {
    ...FEDERATION_RULES.Query,
    ...auditLog.query,
    // The public registries: every authenticated client reads them.
    ...sameRule(
      allow,
      'placementAgency',
      'placementAgencies',
      'jobOrder',
      'jobOrders',
      'region',
      'regions',
      'institution',
      'institutions',
    ),
    ...sameRule(readCases, 'case', 'cases'),
    regionStats: readStats,
    regionStatsTable: readStats,
  },
  Mutation: {
    ...sameRule(
      manageAgencies,
      'registerPlacementAgency',
      'updateAgencyLicence',
      'createJobOrder',
      'imposeSanction',
    ),
    openCase: openCases,
    ...sameRule(updateCases, 'addCaseNote', 'changeCaseStatus', 'resolveCase'),
  },
  PlacementAgency: sameRule(
    allow,
    'id',
    'name',
    'licenceNumber',
    'licenceStatus',
    'licenceValidFrom',
    'licenceValidUntil',
    'headOfficeRegionCode',
    'headOfficeRegion',
    'jobOrders',
    'sanctions',
  ),
  JobOrder: sameRule(
    allow,
    'id',
    'agency',
    'countryCode',
    'employerName',
    'occupation',
    'quota',
    'recruitmentPermitNumber',
    'validFrom',
    'validUntil',
    'verifiedByMission',
  ),
  Sanction: {
    ...sameRule(allow, 'id', 'agency', 'type', 'reason', 'imposedOn', 'effectiveUntil'),
    // The sanction is public; the case behind it is not.
    case: readCases,
  },
  Case: sameRule(
    readCases,
    'id',
    'reference',
    'worker',
    'placement',
    'category',
    'status',
    'channel',
    'countryCode',
    'agency',
    'summary',
    'openedAt',
    'openedBy',
    'notes',
    'resolution',
  ),
  CaseNote: sameRule(readCases, 'at', 'author', 'text'),
  CaseResolution: sameRule(readCases, 'outcome', 'resolvedAt', 'summary'),
  CaseConnection: sameRule(readCases, 'edges', 'pageInfo', 'totalCount'),
  CaseEdge: sameRule(readCases, 'cursor', 'node'),
  PageInfo: sameRule(allow, 'hasNextPage', 'endCursor'),
  Region: sameRule(allow, 'code', 'name', 'level', 'parent', 'children'),
  Institution: sameRule(allow, 'id', 'name', 'kind', 'regionCode', 'region'),
  Worker: {
    // Labour's key, which the caller sent or a case names; labour guards the worker itself.
    id: allow,
    districtCode: readWorkers,
    cases: and(readWorkers, readCases),
    ministryAccessEvents: readAccessLog,
    certifications: deny,
  },
  Placement: {
    id: allow,
    // Labour's facts, as the gateway sent them for the legality check.
    ...sameRule(
      readPlacements,
      'agency',
      'jobOrder',
      'scheme',
      'channel',
      'destinationCountry',
      'plannedDepartureDate',
      'departureDate',
      'missingDocuments',
      'worker',
      'compliance',
    ),
  },
  PlacementCompliance: sameRule(readPlacements, 'compliant', 'findings', 'checkedOn', 'evidence'),
  ComplianceFinding: sameRule(readPlacements, 'code', 'severity', 'message'),
  ComplianceEvidence: sameRule(
    readPlacements,
    'item',
    'documentType',
    'satisfied',
    'source',
    'reference',
    'message',
  ),
  // Training's certificates reach the ministry only as `@requires` input to `Placement.compliance`;
  // the ministry never serves them itself.
  Certification: sameRule(deny, 'id', 'scheme', 'issuer', 'number', 'issuedOn', 'validUntil', 'revokedOn'),
  RegionStats: sameRule(
    readStats,
    'regionCode',
    'year',
    'fromYear',
    'region',
    'registered',
    'departed',
    'returned',
    'enrolled',
    'certified',
    'mentored',
    'mentoringSessions',
    'casesOpened',
    'casesResolved',
    'casesPerThousandDepartures',
    'hasData',
  ),
  RegionStatsTable: sameRule(readStats, 'parent', 'total', 'rows'),
  StatCount: sameRule(readStats, 'value', 'suppressed'),
  MinistryAccessEvent: sameRule(
    readAccessLog,
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
  ),
  ...auditLog.types,
};

export const access: AccessDeclaration = {
  fields,
  searches: {
    ...auditLog.searches,
    'Query.placementAgency': { id: ['PlacementAgency.id'] },
    'Query.placementAgencies': { status: ['PlacementAgency.licenceStatus'] },
    'Query.jobOrder': { id: ['JobOrder.id'] },
    'Query.jobOrders': { agencyId: ['JobOrder.agency'] },
    'Query.case': { id: ['Case.id'] },
    'Query.cases': {
      'filter.status': ['Case.status'],
      'filter.category': ['Case.category'],
      // The region of the worker the case is about.
      'filter.regionCode': ['Case.worker'],
      'filter.agencyId': ['Case.agency'],
      // Cases are ordered by when they were opened, and a cursor names a position in that order.
      after: ['Case.openedAt', 'Case.id'],
    },
    'Query.region': { code: ['Region.code'] },
    'Query.regions': { parentCode: ['Region.parent'] },
    'Query.institution': { id: ['Institution.id'] },
    'Query.institutions': { kind: ['Institution.kind'] },
    'Query.regionStats': {
      parentCode: ['RegionStats.regionCode'],
      year: ['RegionStats.year'],
      fromYear: ['RegionStats.fromYear'],
      toYear: ['RegionStats.year'],
    },
    'Query.regionStatsTable': {
      parentCode: ['RegionStats.regionCode'],
      year: ['RegionStats.year'],
      fromYear: ['RegionStats.fromYear'],
      toYear: ['RegionStats.year'],
    },
  },
};
