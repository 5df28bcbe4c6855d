import { and, desc, eq, getTableColumns } from 'drizzle-orm';
import { anyOf } from '../../../../shared/db/any-of.js';
import type { Database } from '../../../../shared/db/database.js';
import type { WorkerScope } from '../../access.js';
import {
  consents,
  documents,
  placements,
  workers,
  type ConsentRow,
  type DocumentRow,
  type PlacementRow,
} from '../schema.js';
import { visibleWorker } from './scope.js';

// Records that hang off a worker: documents, placements, consents. Looked up by their own id they
// obey the worker's row rule (joined in SQL); looked up by worker id the worker is already visible.

export async function findPlacementsByIds(
  db: Database,
  scope: WorkerScope,
  ids: readonly string[],
): Promise<PlacementRow[]> {
  return db
    .select(getTableColumns(placements))
    .from(placements)
    .innerJoin(workers, eq(workers.id, placements.workerId))
    .where(and(anyOf(placements.id, ids), visibleWorker(db, scope)));
}

export async function findPlacementsByWorkerIds(
  db: Database,
  workerIds: readonly string[],
): Promise<PlacementRow[]> {
  return db
    .select()
    .from(placements)
    .where(anyOf(placements.workerId, workerIds))
    .orderBy(desc(placements.createdAt), desc(placements.id));
}

export async function findDocumentsByIds(
  db: Database,
  scope: WorkerScope,
  ids: readonly string[],
): Promise<DocumentRow[]> {
  return db
    .select(getTableColumns(documents))
    .from(documents)
    .innerJoin(workers, eq(workers.id, documents.workerId))
    .where(and(anyOf(documents.id, ids), visibleWorker(db, scope)));
}

export async function findDocumentsByWorkerIds(
  db: Database,
  workerIds: readonly string[],
): Promise<DocumentRow[]> {
  return db
    .select()
    .from(documents)
    .where(anyOf(documents.workerId, workerIds))
    .orderBy(desc(documents.recordedAt), desc(documents.id));
}

export async function findConsentsByIds(
  db: Database,
  scope: WorkerScope,
  ids: readonly string[],
): Promise<ConsentRow[]> {
  return db
    .select(getTableColumns(consents))
    .from(consents)
    .innerJoin(workers, eq(workers.id, consents.workerId))
    .where(and(anyOf(consents.id, ids), visibleWorker(db, scope)));
}

export async function findConsentsByWorkerIds(
  db: Database,
  workerIds: readonly string[],
): Promise<ConsentRow[]> {
  return db
    .select()
    .from(consents)
    .where(anyOf(consents.workerId, workerIds))
    .orderBy(desc(consents.grantedAt), desc(consents.id));
}

export async function insertPlacement(
  db: Database,
  values: typeof placements.$inferInsert,
): Promise<PlacementRow> {
  const [row] = await db.insert(placements).values(values).returning();
  if (!row) throw new Error('insert into placements returned no row');
  return row;
}

export async function updatePlacement(
  db: Database,
  id: string,
  values: Partial<typeof placements.$inferInsert>,
): Promise<PlacementRow> {
  const [row] = await db.update(placements).set(values).where(eq(placements.id, id)).returning();
  if (!row) throw new Error(`placement ${id} vanished during update`);
  return row;
}

export async function insertDocument(
  db: Database,
  values: typeof documents.$inferInsert,
): Promise<DocumentRow> {
  const [row] = await db.insert(documents).values(values).returning();
  if (!row) throw new Error('insert into documents returned no row');
  return row;
}

export async function updateDocument(
  db: Database,
  id: string,
  values: Partial<typeof documents.$inferInsert>,
): Promise<DocumentRow> {
  const [row] = await db.update(documents).set(values).where(eq(documents.id, id)).returning();
  if (!row) throw new Error(`document ${id} vanished during update`);
  return row;
}

export async function insertConsent(db: Database, values: typeof consents.$inferInsert): Promise<ConsentRow> {
  const [row] = await db.insert(consents).values(values).returning();
  if (!row) throw new Error('insert into consents returned no row');
  return row;
}

export async function updateConsent(
  db: Database,
  id: string,
  values: Partial<typeof consents.$inferInsert>,
): Promise<ConsentRow> {
  const [row] = await db.update(consents).set(values).where(eq(consents.id, id)).returning();
  if (!row) throw new Error(`consent ${id} vanished during update`);
  return row;
}
