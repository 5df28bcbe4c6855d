import { and, eq, exists, gt, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../../shared/db/database.js';
import type { WorkerScope } from '../../access.js';
import { consents, workers } from '../schema.js';

/** Workers inside a region: the kecamatan itself or any code below it. */
export function withinRegion(column: typeof workers.districtCode, regionCode: string): SQL {
  return or(eq(column, regionCode), like(column, `${regionCode}.%`)) as SQL;
}

/** Consent rows that are in force now: not revoked and not expired. */
export function consentActive(): SQL {
  return and(
    isNull(consents.revokedAt),
    or(isNull(consents.expiresAt), gt(consents.expiresAt, sql`now()`)),
  ) as SQL;
}

/** The row rule as SQL, to be AND-ed into every query that returns workers or their records. */
export function visibleWorker(db: Database, scope: WorkerScope): SQL {
  switch (scope.kind) {
    case 'all':
      return sql`true`;
    case 'none':
      return sql`false`;
    case 'region':
      return withinRegion(workers.districtCode, scope.regionCode);
    case 'consent':
      return exists(
        db
          .select({ one: sql`1` })
          .from(consents)
          .where(
            and(
              eq(consents.workerId, workers.id),
              eq(consents.granteeInstitutionId, scope.institutionId),
              eq(consents.purpose, scope.purpose),
              consentActive(),
            ),
          ),
      );
  }
}
