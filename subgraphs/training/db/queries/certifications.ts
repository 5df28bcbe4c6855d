import { and, desc, inArray } from 'drizzle-orm';
import type { Database } from '../../../../shared/db/database.js';
import type { RecordScope } from '../../access.js';
import { certifications, type CertificationRow } from '../schema.js';
import { visibleCertification } from './scope.js';

export async function findCertificationsByIds(
  db: Database,
  scope: RecordScope,
  ids: readonly string[],
): Promise<CertificationRow[]> {
  return db
    .select()
    .from(certifications)
    .where(and(inArray(certifications.id, [...ids]), visibleCertification(db, scope)));
}

/** Newest first. */
export async function findCertificationsByWorkerIds(
  db: Database,
  scope: RecordScope,
  workerIds: readonly string[],
): Promise<CertificationRow[]> {
  return db
    .select()
    .from(certifications)
    .where(and(inArray(certifications.workerId, [...workerIds]), visibleCertification(db, scope)))
    .orderBy(desc(certifications.issuedOn), desc(certifications.createdAt), desc(certifications.id));
}

/** Null when the issuer already issued a certificate with this number (unique index). */
export async function insertCertification(
  db: Database,
  values: typeof certifications.$inferInsert,
): Promise<CertificationRow | null> {
  const [row] = await db.insert(certifications).values(values).onConflictDoNothing().returning();
  return row ?? null;
}
