import { and, asc, count, eq, exists, ilike, sql, type SQL } from 'drizzle-orm';
import { anyOf } from '../../../../shared/db/any-of.js';
import type { Database } from '../../../../shared/db/database.js';
import { isWithinRegion } from '../../../../shared/reference/regions.js';
import type { WorkerScope } from '../../access.js';
import { placements, workers, type WorkerRow, type WorkerStatus } from '../schema.js';
import { visibleWorker, withinRegion } from './scope.js';

export async function findWorkersByIds(
  db: Database,
  scope: WorkerScope,
  ids: readonly string[],
): Promise<WorkerRow[]> {
  return db
    .select()
    .from(workers)
    .where(and(anyOf(workers.id, ids), visibleWorker(db, scope)));
}

export async function findWorkerByNik(
  db: Database,
  scope: WorkerScope,
  nik: string,
): Promise<WorkerRow | null> {
  const [row] = await db
    .select()
    .from(workers)
    .where(and(eq(workers.nik, nik), visibleWorker(db, scope)));
  return row ?? null;
}

/**
 * The worker, visible to the caller or not, who holds this NIK: registration must not create a
 * duplicate, and the refused attempt goes into her access log. Never returned to the caller.
 */
export async function workerHoldingNik(
  db: Database,
  nik: string,
): Promise<Pick<WorkerRow, 'id' | 'districtCode'> | null> {
  const [row] = await db
    .select({ id: workers.id, districtCode: workers.districtCode })
    .from(workers)
    .where(eq(workers.nik, nik));
  return row ?? null;
}

export interface WorkerListFilter {
  readonly regionCode?: string | null | undefined;
  readonly status?: WorkerStatus | null | undefined;
  readonly destinationCountry?: string | null | undefined;
  readonly nameContains?: string | null | undefined;
}

export interface WorkerPage {
  readonly rows: WorkerRow[];
  readonly hasNextPage: boolean;
  readonly totalCount: number;
}

/** Keyset position in the name-ordered list: the last row's name and id. */
export interface WorkerCursor {
  readonly fullName: string;
  readonly id: string;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

function filterConditions(db: Database, scope: WorkerScope, filter: WorkerListFilter): SQL[] {
  // A region filter inside the office's own region implies the row rule; AND-ing both made the
  // planner intersect two bitmap scans (the whole regency's and the kecamatan's) on every page.
  const impliedByFilter =
    scope.kind === 'region' && filter.regionCode && isWithinRegion(filter.regionCode, scope.regionCode);
  const conditions: SQL[] = impliedByFilter ? [] : [visibleWorker(db, scope)];
  if (filter.regionCode) conditions.push(withinRegion(workers.districtCode, filter.regionCode));
  if (filter.status) conditions.push(eq(workers.status, filter.status));
  if (filter.nameContains) conditions.push(ilike(workers.fullName, `%${escapeLike(filter.nameContains)}%`));
  if (filter.destinationCountry) {
    conditions.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(placements)
          .where(
            and(
              eq(placements.workerId, workers.id),
              eq(placements.destinationCountry, filter.destinationCountry),
            ),
          ),
      ),
    );
  }
  return conditions;
}

/**
 * One page of workers ordered by name then id, plus the total the caller may see, in one
 * statement: the total rides on every row of the page as an uncorrelated subquery, which the
 * database evaluates once. Only a page past the last one (no rows to carry it) asks again.
 */
export async function listWorkers(
  db: Database,
  scope: WorkerScope,
  filter: WorkerListFilter,
  first: number,
  after: WorkerCursor | null,
): Promise<WorkerPage> {
  const conditions = filterConditions(db, scope, filter);
  const pageConditions = after
    ? [...conditions, sql`(${workers.fullName}, ${workers.id}) > (${after.fullName}, ${after.id}::uuid)`]
    : conditions;
  const countMatching = sql<number>`(select count(*)::int from ${workers} where ${and(...conditions)})`;
  const rows = await db
    .select({ worker: workers, totalCount: countMatching.mapWith(Number) })
    .from(workers)
    .where(and(...pageConditions))
    .orderBy(asc(workers.fullName), asc(workers.id))
    .limit(first + 1);
  const totalCount =
    rows[0]?.totalCount ??
    (after
      ? ((
          await db
            .select({ value: count() })
            .from(workers)
            .where(and(...conditions))
        )[0]?.value ?? 0)
      : 0);
  return {
    rows: rows.slice(0, first).map(({ worker }) => worker),
    hasNextPage: rows.length > first,
    totalCount,
  };
}

export type NewWorker = typeof workers.$inferInsert;

export async function insertWorker(db: Database, values: NewWorker): Promise<WorkerRow> {
  const [row] = await db.insert(workers).values(values).returning();
  if (!row) throw new Error('insert into workers returned no row');
  return row;
}

export async function updateWorker(
  db: Database,
  id: string,
  values: Partial<Omit<NewWorker, 'id' | 'nik' | 'registeredAt' | 'registeredBy'>>,
): Promise<WorkerRow> {
  const [row] = await db
    .update(workers)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(workers.id, id))
    .returning();
  if (!row) throw new Error(`worker ${id} vanished during update`);
  return row;
}

/** Identity as the civil registry has it; only `correctWorkerIdentity` changes it, with an amendment. */
export type WorkerIdentity = Pick<NewWorker, 'nik' | 'fullName' | 'sex' | 'birthDate' | 'birthPlace'>;

export async function updateWorkerIdentity(
  db: Database,
  id: string,
  values: Partial<WorkerIdentity>,
): Promise<WorkerRow> {
  const [row] = await db
    .update(workers)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(workers.id, id))
    .returning();
  if (!row) throw new Error(`worker ${id} vanished during update`);
  return row;
}
