import { and, eq, exists, gt, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../../shared/db/database.js';
import { isRegionCodeFormat, levelOfCode } from '../../../../shared/reference/regions.js';
import type { WorkerScope } from '../../access.js';
import { consents, workers } from '../schema.js';

/**
 * Workers inside a region. `district_code` always holds a kecamatan (DISTRICT) code, so a kecamatan
 * matches by equality (which lets the list walk `workers_district_name_idx` in name order, 101
 * entries for a page instead of every worker of the kecamatan sorted) and a province or regency by
 * its prefix; a village code matches no kecamatan and so no worker.
 */
export function withinRegion(column: typeof workers.districtCode, regionCode: string): SQL {
  const level = isRegionCodeFormat(regionCode) ? levelOfCode(regionCode) : null;
  if (level === 'DISTRICT') return eq(column, regionCode);
  if (level === 'VILLAGE') return sql`false`;
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
