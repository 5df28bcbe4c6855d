import { asc, eq, isNull, or } from 'drizzle-orm';
import { anyOf } from '../../../../shared/db/any-of.js';
import type { Database } from '../../../../shared/db/database.js';
import type { InstitutionKind } from '../../../../shared/auth/principal.js';
import { institutions, regions, type InstitutionRow, type RegionRow } from '../schema.js';

// Reference data every hub member may read: the Kemendagri regions and the member directory.

export async function findRegionsByCodes(db: Database, codes: readonly string[]): Promise<RegionRow[]> {
  return db.select().from(regions).where(anyOf(regions.code, codes));
}

/** Ordered by code, which is the Kemendagri order; the parent code '' stands for the nation (its children are the provinces). */
export async function findRegionsByParentCodes(
  db: Database,
  parentCodes: readonly string[],
): Promise<RegionRow[]> {
  const codes = parentCodes.filter((code) => code !== '');
  const conditions = [
    ...(codes.length > 0 ? [anyOf(regions.parentCode, codes)] : []),
    ...(parentCodes.includes('') ? [isNull(regions.parentCode)] : []),
  ];
  return db
    .select()
    .from(regions)
    .where(or(...conditions))
    .orderBy(asc(regions.code));
}

export async function findInstitutionsByIds(db: Database, ids: readonly string[]): Promise<InstitutionRow[]> {
  return db.select().from(institutions).where(anyOf(institutions.id, ids));
}

export async function listInstitutions(
  db: Database,
  kind: InstitutionKind | null,
): Promise<InstitutionRow[]> {
  return db
    .select()
    .from(institutions)
    .where(kind ? eq(institutions.kind, kind) : undefined)
    .orderBy(asc(institutions.name), asc(institutions.id));
}
