import { and, asc, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import { anyOf } from '../../../../shared/db/any-of.js';
import type { Database } from '../../../../shared/db/database.js';
import type { PresentedLicenceStatus } from '../../licence.js';
import {
  jobOrders,
  placementAgencies,
  sanctions,
  type JobOrderRow,
  type PlacementAgencyRow,
  type SanctionRow,
} from '../schema.js';

// The licensing registry (agencies, job orders, sanctions) is public to every hub member, so these
// queries carry no row rule.

export async function findAgenciesByIds(db: Database, ids: readonly string[]): Promise<PlacementAgencyRow[]> {
  return db.select().from(placementAgencies).where(anyOf(placementAgencies.id, ids));
}

/** EXPIRED is not stored: it is an ACTIVE licence whose validity ended before `today`. */
function licenceStatusIs(status: PresentedLicenceStatus, today: string): SQL {
  switch (status) {
    case 'ACTIVE':
      return and(
        eq(placementAgencies.licenceStatus, 'ACTIVE'),
        gte(placementAgencies.licenceValidUntil, today),
      ) as SQL;
    case 'EXPIRED':
      return and(
        eq(placementAgencies.licenceStatus, 'ACTIVE'),
        lt(placementAgencies.licenceValidUntil, today),
      ) as SQL;
    case 'SUSPENDED':
    case 'REVOKED':
      return eq(placementAgencies.licenceStatus, status);
  }
}

export async function listAgencies(
  db: Database,
  status: PresentedLicenceStatus | null,
  today: string,
): Promise<PlacementAgencyRow[]> {
  return db
    .select()
    .from(placementAgencies)
    .where(status ? licenceStatusIs(status, today) : undefined)
    .orderBy(asc(placementAgencies.name), asc(placementAgencies.id));
}

export async function licenceNumberTaken(db: Database, licenceNumber: string): Promise<boolean> {
  const [row] = await db
    .select({ id: placementAgencies.id })
    .from(placementAgencies)
    .where(eq(placementAgencies.licenceNumber, licenceNumber));
  return row !== undefined;
}

export async function insertAgency(
  db: Database,
  values: typeof placementAgencies.$inferInsert,
): Promise<PlacementAgencyRow> {
  const [row] = await db.insert(placementAgencies).values(values).returning();
  if (!row) throw new Error('insert into placement_agencies returned no row');
  return row;
}

export async function updateAgency(
  db: Database,
  id: string,
  values: Partial<Pick<PlacementAgencyRow, 'licenceStatus' | 'licenceValidUntil'>>,
): Promise<PlacementAgencyRow> {
  const [row] = await db
    .update(placementAgencies)
    .set(values)
    .where(eq(placementAgencies.id, id))
    .returning();
  if (!row) throw new Error(`placement agency ${id} vanished during update`);
  return row;
}

export async function findJobOrdersByIds(db: Database, ids: readonly string[]): Promise<JobOrderRow[]> {
  return db.select().from(jobOrders).where(anyOf(jobOrders.id, ids));
}

/** Newest first. */
export async function findJobOrdersByAgencyIds(
  db: Database,
  agencyIds: readonly string[],
): Promise<JobOrderRow[]> {
  return db
    .select()
    .from(jobOrders)
    .where(anyOf(jobOrders.agencyId, agencyIds))
    .orderBy(desc(jobOrders.createdAt), desc(jobOrders.id));
}

export async function permitNumberTaken(db: Database, recruitmentPermitNumber: string): Promise<boolean> {
  const [row] = await db
    .select({ id: jobOrders.id })
    .from(jobOrders)
    .where(eq(jobOrders.recruitmentPermitNumber, recruitmentPermitNumber));
  return row !== undefined;
}

export async function insertJobOrder(
  db: Database,
  values: typeof jobOrders.$inferInsert,
): Promise<JobOrderRow> {
  const [row] = await db.insert(jobOrders).values(values).returning();
  if (!row) throw new Error('insert into job_orders returned no row');
  return row;
}

export async function findSanctionsByIds(db: Database, ids: readonly string[]): Promise<SanctionRow[]> {
  return db.select().from(sanctions).where(anyOf(sanctions.id, ids));
}

/** Newest first. */
export async function findSanctionsByAgencyIds(
  db: Database,
  agencyIds: readonly string[],
): Promise<SanctionRow[]> {
  return db
    .select()
    .from(sanctions)
    .where(anyOf(sanctions.agencyId, agencyIds))
    .orderBy(desc(sanctions.imposedOn), desc(sanctions.createdAt), desc(sanctions.id));
}

export async function insertSanction(
  db: Database,
  values: typeof sanctions.$inferInsert,
): Promise<SanctionRow> {
  const [row] = await db.insert(sanctions).values(values).returning();
  if (!row) throw new Error('insert into sanctions returned no row');
  return row;
}
