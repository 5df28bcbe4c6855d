import { and, eq, exists, gt, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import { alias, type PgColumn } from 'drizzle-orm/pg-core';
import { consentCopiesUsable } from '../../../../shared/consent/feed.js';
import type { Database } from '../../../../shared/db/database.js';
import type { SessionScope } from '../../access.js';
import {
  consentFacts,
  consentFeed,
  mentoringSessions,
  sessionParticipants,
  universities,
} from '../schema.js';

/** A district snapshot inside a region: the region itself or any code below it. */
export function withinRegion(column: PgColumn, regionCode: string): SQL {
  return or(eq(column, regionCode), like(column, `${regionCode}.%`)) as SQL;
}

/** Consent facts in force now: not revoked and not expired. Evaluated per statement, so a revocation binds at once. */
export function consentFactActive(): SQL {
  return and(
    isNull(consentFacts.revokedAt),
    or(isNull(consentFacts.expiresAt), gt(consentFacts.expiresAt, sql`now()`)),
    // Only while labour's heartbeat is recent: a revocation it could not deliver lapses the copies.
    consentCopiesUsable(consentFeed),
  ) as SQL;
}

/** Whether the institution holds an active EMPOWERMENT consent for the worker in `workerId`. */
export function holdsEmpowermentConsent(db: Database, institutionId: string, workerId: PgColumn): SQL {
  return exists(
    db
      .select({ one: sql`1` })
      .from(consentFacts)
      .where(
        and(
          eq(consentFacts.workerId, workerId),
          eq(consentFacts.granteeInstitutionId, institutionId),
          eq(consentFacts.purpose, 'EMPOWERMENT'),
          consentFactActive(),
        ),
      ),
  );
}

const regionalParticipant = alias(sessionParticipants, 'regional_participant');

/**
 * The session row rule as SQL, for queries over sessions joined to their programme's university.
 * A labour office sees a session when any participant's district snapshot lies in its region.
 */
export function visibleSession(db: Database, scope: SessionScope): SQL {
  switch (scope.kind) {
    case 'all':
      return sql`true`;
    case 'none':
      return sql`false`;
    case 'own':
      return eq(universities.institutionId, scope.institutionId);
    case 'region':
      return exists(
        db
          .select({ one: sql`1` })
          .from(regionalParticipant)
          .where(
            and(
              eq(regionalParticipant.sessionId, mentoringSessions.id),
              withinRegion(regionalParticipant.workerDistrictCode, scope.regionCode),
            ),
          ),
      );
  }
}

/**
 * The rule for one worker's mentoring history, for queries over session_participants joined to
 * sessions and universities: a labour office by that participant's own district snapshot, a
 * university for its own programmes and only while the worker's consent to it is in force.
 */
export function visibleParticipation(db: Database, scope: SessionScope): SQL {
  switch (scope.kind) {
    case 'all':
      return sql`true`;
    case 'none':
      return sql`false`;
    case 'region':
      return withinRegion(sessionParticipants.workerDistrictCode, scope.regionCode);
    case 'own':
      return and(
        eq(universities.institutionId, scope.institutionId),
        holdsEmpowermentConsent(db, scope.institutionId, sessionParticipants.workerId),
      ) as SQL;
  }
}
