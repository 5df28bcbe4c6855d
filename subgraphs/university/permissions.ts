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

// graphql-shield rules of the university subgraph: deny by default (shared/protect.ts),
// every field named. Which sessions a caller sees at all, and whether in full or as a summary,
// depends on the session's programme and its participants, so it is decided in SQL and in the
// resolvers (access.ts); these rules decide by the caller alone.

const readWorkers = hasScope('workers:read');
/** Training providers never see mentoring history (DESIGN section 4, mentoring sessions: "no"). */
const readMentoringHistory = and(readWorkers, isKind('LABOUR_OFFICE', 'MINISTRY', 'UNIVERSITY'));
const writeMentoring = and(isKind('UNIVERSITY'), hasScope('mentoring:write'));
const readStats = hasScope('stats:read');
const readAccessLog = and(isStatutory, hasScope('audit:read'));
const auditLog = auditLogAccess('university', readAccessLog);
// Every request that reaches a resolver carries a verified token (shared/http/subgraph.ts), so
// `allow` here means "every authenticated member": the directory is public inside the hub.
const directory = allow;

const fields = {
  ...FEDERATION_RULES,
  Query: {
    ...FEDERATION_RULES.Query,
    ...auditLog.query,
    ...sameRule(directory, 'university', 'universities', 'mentoringProgram', 'mentoringPrograms'),
    mentoringSession: readWorkers,
  },
  Mutation: {
    ...sameRule(
      writeMentoring,
      'registerUniversity',
      'createMentoringProgram',
      'addMentor',
      'logMentoringSession',
    ),
  },
  University: sameRule(directory, 'id', 'institution', 'name', 'regionCode', 'programs', 'mentors'),
  MentoringProgram: {
    ...sameRule(
      directory,
      'id',
      'university',
      'title',
      'empowermentType',
      'villageCode',
      'startDate',
      'endDate',
      'description',
    ),
    // Sessions name workers; the loader still applies the session row rule.
    sessions: readWorkers,
  },
  Mentor: sameRule(directory, 'id', 'university', 'fullName', 'expertise'),
  // Summary fields and the programme's own full fields alike: the summary/full split depends on
  // the row (resolvers/MentoringSession.ts), where restricted fields read as null by design.
  MentoringSession: sameRule(
    readWorkers,
    'id',
    'program',
    'mentor',
    'participants',
    'date',
    'durationMinutes',
    'mode',
    'locationCode',
    'form',
    'topics',
    'businessStatus',
    'revenueBand',
    'needs',
    'referrals',
    'actionPlan',
    'nextSessionDate',
    'reMigrationIntent',
    'notes',
  ),
  Worker: {
    ...sameRule(readWorkers, 'id', 'districtCode'),
    mentoringSessions: readMentoringHistory,
    // The resolver also checks the worker's region for labour offices (assertMayReadAccessLog).
    universityAccessEvents: readAccessLog,
  },
  RegionStats: sameRule(readStats, 'regionCode', 'year', 'fromYear', 'mentored', 'mentoringSessions'),
  StatCount: sameRule(readStats, 'value', 'suppressed'),
  UniversityAccessEvent: sameRule(
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
    'Query.university': { id: ['University.id'] },
    'Query.mentoringProgram': { id: ['MentoringProgram.id'] },
    'Query.mentoringPrograms': { universityId: ['MentoringProgram.university'] },
    'Query.mentoringSession': { id: ['MentoringSession.id'] },
  },
};
