import {
  allow,
  and,
  FEDERATION_RULES,
  hasScope,
  isKind,
  isStatutory,
  sameRule,
  type AccessDeclaration,
} from '../../shared/rules.js';
import { auditLogAccess } from '../../shared/audit/audit-log-rules.js';

// graphql-shield rules of the training subgraph: deny by default (shared/protect.ts),
// every field named. Which enrolments and certifications a caller sees at all is decided in SQL
// (access.ts, db/queries/scope.ts); these rules decide which fields and operations.

const readWorkers = hasScope('workers:read');
/** Universities never see enrolments, whatever consent they hold (DESIGN section 4, fields). */
const readEnrollments = and(readWorkers, isKind('LABOUR_OFFICE', 'MINISTRY', 'TRAINING_PROVIDER'));
const writeTraining = and(isKind('TRAINING_PROVIDER'), hasScope('training:write'));
const readStats = hasScope('stats:read');
const readAccessLog = and(isStatutory, hasScope('audit:read'));
const auditLog = auditLogAccess('training', readAccessLog);
/**
 * Providers and courses are a public directory for every member institution. Every request was
 * authenticated before any rule runs (the subgraph verifies the token when building the context).
 */
const readDirectory = allow;

const fields = {
  ...FEDERATION_RULES,
  Query: {
    ...FEDERATION_RULES.Query,
    ...auditLog.query,
    ...sameRule(readDirectory, 'trainingProvider', 'trainingProviders', 'course', 'courses'),
  },
  Mutation: {
    ...sameRule(
      writeTraining,
      'registerTrainingProvider',
      'createCourse',
      'enrollWorker',
      'updateEnrollment',
      'issueCertification',
      'revokeCertification',
    ),
  },
  TrainingProvider: sameRule(
    readDirectory,
    'id',
    'institution',
    'name',
    'kind',
    'accreditation',
    'accreditationValidUntil',
    'regionCode',
    'courses',
  ),
  Course: {
    ...sameRule(
      readDirectory,
      'id',
      'provider',
      'title',
      'kind',
      'skill',
      'language',
      'hours',
      'startDate',
      'endDate',
      'capacity',
      'enrolledCount',
    ),
    // Who is enrolled is for the course's own institution: the kind is decided here, the owning
    // institution (a fact of the row) in resolvers/Course.ts.
    enrollments: and(isKind('TRAINING_PROVIDER'), readWorkers),
  },
  Enrollment: sameRule(
    readEnrollments,
    'id',
    'course',
    'worker',
    'status',
    'enrolledAt',
    'attendancePercent',
    'score',
    'completedOn',
  ),
  Certification: sameRule(
    readWorkers,
    'id',
    'worker',
    'scheme',
    'issuer',
    'number',
    'issuedOn',
    'validUntil',
    'revokedOn',
    'revocationReason',
    'course',
  ),
  Worker: {
    ...sameRule(readWorkers, 'id', 'districtCode', 'certifications'),
    enrollments: readEnrollments,
    trainingAccessEvents: readAccessLog,
  },
  RegionStats: sameRule(readStats, 'regionCode', 'year', 'fromYear', 'enrolled', 'certified'),
  StatCount: sameRule(readStats, 'value', 'suppressed'),
  TrainingAccessEvent: sameRule(
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
  Institution: { id: allow },
  ...auditLog.types,
  PageInfo: sameRule(allow, 'hasNextPage', 'endCursor'),
};

export const access: AccessDeclaration = {
  fields,
  searches: {
    ...auditLog.searches,
    'Query.trainingProvider': { id: ['TrainingProvider.id'] },
    'Query.trainingProviders': { regionCode: ['TrainingProvider.regionCode'] },
    'Query.course': { id: ['Course.id'] },
    'Query.courses': { providerId: ['Course.provider'], startsFrom: ['Course.startDate'] },
  },
};
