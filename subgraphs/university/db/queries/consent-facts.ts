import { and, desc, eq, sql } from 'drizzle-orm';
import { anyOf } from '../../../../shared/db/any-of.js';
import type { Database } from '../../../../shared/db/database.js';
import { consentFacts, type ConsentFactRow } from '../schema.js';
import { consentFactActive } from './scope.js';

export async function findConsentFact(db: Database, consentId: string): Promise<ConsentFactRow | null> {
  const [row] = await db.select().from(consentFacts).where(eq(consentFacts.consentId, consentId));
  return row ?? null;
}

/**
 * Records a consent fact by its consent id, idempotently. Expiry and district follow the latest
 * fact; a revocation is final (the desk never reinstates a consent, it records a new one), so a
 * replayed grant arriving after its revocation cannot make the consent active again.
 */
export async function upsertConsentFact(
  db: Database,
  values: Omit<ConsentFactRow, 'updatedAt'>,
): Promise<ConsentFactRow> {
  const [row] = await db
    .insert(consentFacts)
    .values(values)
    .onConflictDoUpdate({
      target: consentFacts.consentId,
      set: {
        workerDistrictCode: sql`excluded.worker_district_code`,
        grantedAt: sql`excluded.granted_at`,
        expiresAt: sql`excluded.expires_at`,
        // The earliest revocation stands (least() ignores nulls): a grant never undoes one.
        revokedAt: sql`least(${consentFacts.revokedAt}, excluded.revoked_at)`,
        sourceSeq: sql`greatest(${consentFacts.sourceSeq}, excluded.source_seq)`,
        updatedAt: sql`now()`,
      },
    })
    .returning();
  if (!row) throw new Error('upsert into consent_facts returned no row');
  return row;
}

/** Active EMPOWERMENT consents of the given workers for one institution, latest grant first. */
export async function findActiveEmpowermentFacts(
  db: Database,
  institutionId: string,
  workerIds: readonly string[],
): Promise<ConsentFactRow[]> {
  return db
    .select()
    .from(consentFacts)
    .where(
      and(
        eq(consentFacts.granteeInstitutionId, institutionId),
        anyOf(consentFacts.workerId, workerIds),
        eq(consentFacts.purpose, 'EMPOWERMENT'),
        consentFactActive(),
      ),
    )
    .orderBy(desc(consentFacts.grantedAt));
}
