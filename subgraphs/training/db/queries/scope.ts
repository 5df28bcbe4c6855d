import { and, eq, exists, gt, inArray, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { consentCopiesUsable } from '../../../../shared/consent/feed.js';
import type { Database } from '../../../../shared/db/database.js';
import type { RecordScope } from '../../access.js';
import {
  certifications,
  consentFacts,
  consentFeed,
  courses,
  enrollments,
  trainingProviders,
  type ConsentPurpose,
} from '../schema.js';

/** A Kemendagri code column inside a region: the region itself or any code below it. */
export function withinRegion(column: AnyPgColumn, regionCode: string): SQL {
  return or(eq(column, regionCode), like(column, `${regionCode}.%`)) as SQL;
}

/** Consent facts in force now: not revoked and not expired. Evaluated per statement, never cached. */
export function consentFactActive(): SQL {
  return and(
    isNull(consentFacts.revokedAt),
    or(isNull(consentFacts.expiresAt), gt(consentFacts.expiresAt, sql`now()`)),
    // Only while labour's heartbeat is recent: a revocation it could not deliver lapses the copies.
    consentCopiesUsable(consentFeed),
  ) as SQL;
}

/** The worker in `workerId` holds an active consent for the institution and purpose. */
export function hasActiveConsent(
  db: Database,
  workerId: AnyPgColumn,
  institutionId: string,
  purpose: ConsentPurpose,
): SQL {
  return exists(
    db
      .select({ one: sql`1` })
      .from(consentFacts)
      .where(
        and(
          eq(consentFacts.workerId, workerId),
          eq(consentFacts.granteeInstitutionId, institutionId),
          eq(consentFacts.purpose, purpose),
          consentFactActive(),
        ),
      ),
  );
}

function providersOf(db: Database, institutionId: string) {
  return db
    .select({ id: trainingProviders.id })
    .from(trainingProviders)
    .where(eq(trainingProviders.institutionId, institutionId));
}

/** The enrolment row rule as SQL, AND-ed into every query that returns enrolments. */
export function visibleEnrollment(db: Database, scope: RecordScope): SQL {
  switch (scope.kind) {
    case 'all':
      return sql`true`;
    case 'none':
      return sql`false`;
    case 'region':
      return withinRegion(enrollments.workerDistrictCode, scope.regionCode);
    case 'own':
      return and(
        inArray(
          enrollments.courseId,
          db
            .select({ id: courses.id })
            .from(courses)
            .where(inArray(courses.providerId, providersOf(db, scope.institutionId))),
        ),
        hasActiveConsent(db, enrollments.workerId, scope.institutionId, 'TRAINING'),
      ) as SQL;
    case 'consent':
      return hasActiveConsent(db, enrollments.workerId, scope.institutionId, scope.purpose);
  }
}

/** The certification row rule as SQL, AND-ed into every query that returns certifications. */
export function visibleCertification(db: Database, scope: RecordScope): SQL {
  switch (scope.kind) {
    case 'all':
      return sql`true`;
    case 'none':
      return sql`false`;
    case 'region':
      return withinRegion(certifications.workerDistrictCode, scope.regionCode);
    case 'own':
      return and(
        inArray(certifications.providerId, providersOf(db, scope.institutionId)),
        hasActiveConsent(db, certifications.workerId, scope.institutionId, 'TRAINING'),
      ) as SQL;
    case 'consent':
      return hasActiveConsent(db, certifications.workerId, scope.institutionId, scope.purpose);
  }
}
