import { desc, eq } from 'drizzle-orm';
import { anyOf } from '../../../../shared/db/any-of.js';
import type { Database } from '../../../../shared/db/database.js';
import {
  amendments,
  placements,
  workers,
  type AmendmentRow,
  type PlacementRow,
  type WorkerRow,
} from '../schema.js';

// Amendments are only ever inserted: they are the history of a record.

export async function insertAmendment(
  db: Database,
  values: typeof amendments.$inferInsert,
): Promise<AmendmentRow> {
  const [row] = await db.insert(amendments).values(values).returning();
  if (!row) throw new Error('insert into amendments returned no row');
  return row;
}

/** Every amendment of the workers and of their placements, newest first (the worker is already visible). */
export async function findAmendmentsByWorkerIds(
  db: Database,
  workerIds: readonly string[],
): Promise<AmendmentRow[]> {
  return db
    .select()
    .from(amendments)
    .where(anyOf(amendments.workerId, workerIds))
    .orderBy(desc(amendments.at), desc(amendments.id));
}

/**
 * The placement's row as it stands now, locked until the transaction ends: a correction compares it
 * with what it checked, so two corrections at once cannot both record the same old value.
 */
export async function lockPlacement(db: Database, id: string): Promise<PlacementRow | null> {
  const [row] = await db.select().from(placements).where(eq(placements.id, id)).for('update');
  return row ?? null;
}

/** The worker's row as it stands now, locked until the transaction ends (see `lockPlacement`). */
export async function lockWorker(db: Database, id: string): Promise<WorkerRow | null> {
  const [row] = await db.select().from(workers).where(eq(workers.id, id)).for('update');
  return row ?? null;
}
