import { and, desc, eq, isNull } from 'drizzle-orm';
import { anyOf } from '../../../../shared/db/any-of.js';
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
    .where(and(anyOf(certifications.id, ids), visibleCertification(db, scope)));
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
    .where(and(anyOf(certifications.workerId, workerIds), visibleCertification(db, scope)))
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

/** Null when the certificate was revoked meanwhile: a revocation is final and happens once. */
export async function revokeCertificationRow(
  db: Database,
  id: string,
  revocation: { readonly revokedOn: string; readonly revocationReason: string },
): Promise<CertificationRow | null> {
  const [row] = await db
    .update(certifications)
    .set(revocation)
    .where(and(eq(certifications.id, id), isNull(certifications.revokedOn)))
    .returning();
  return row ?? null;
}
