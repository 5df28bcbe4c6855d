import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../../shared/db/database.js';
import { consentFacts, type ConsentFactRow, type ConsentPurpose } from '../schema.js';
import { consentFactActive } from './scope.js';

/**
 * Records a consent fact, or brings a known one up to date (idempotent by consent id). Returns
 * null when the consent id is already recorded for another worker, grantee or purpose.
 */
export async function upsertConsentFact(
  db: Database,
  values: typeof consentFacts.$inferInsert,
): Promise<ConsentFactRow | null> {
  const [row] = await db
    .insert(consentFacts)
    .values(values)
    .onConflictDoUpdate({
      target: consentFacts.consentId,
      set: {
        workerDistrictCode: sql`excluded.worker_district_code`,
        grantedAt: sql`excluded.granted_at`,
        expiresAt: sql`excluded.expires_at`,
        // A revocation is final: a late or repeated grant never makes a revoked consent active
        // again (least() ignores nulls, so the earliest revocation stands).
        revokedAt: sql`least(${consentFacts.revokedAt}, excluded.revoked_at)`,
        sourceSeq: sql`greatest(${consentFacts.sourceSeq}, excluded.source_seq)`,
        updatedAt: sql`now()`,
      },
      setWhere: and(
        eq(consentFacts.workerId, sql`excluded.worker_id`),
        eq(consentFacts.granteeInstitutionId, sql`excluded.grantee_institution_id`),
        eq(consentFacts.purpose, sql`excluded.purpose`),
      ) as SQL,
    })
    .returning();
  return row ?? null;
}

/** The worker's consent for the institution and purpose that is in force now, if any. */
export async function findActiveConsentFact(
  db: Database,
  granteeInstitutionId: string,
  workerId: string,
  purpose: ConsentPurpose,
): Promise<ConsentFactRow | null> {
  const [row] = await db
    .select()
    .from(consentFacts)
    .where(
      and(
        eq(consentFacts.granteeInstitutionId, granteeInstitutionId),
        eq(consentFacts.workerId, workerId),
        eq(consentFacts.purpose, purpose),
        consentFactActive(),
      ),
    )
    .orderBy(desc(consentFacts.grantedAt))
    .limit(1);
  return row ?? null;
}
