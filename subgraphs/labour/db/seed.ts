import { insertInChunks, type Database } from '../../../shared/db/database.js';
import type { World } from '../../../shared/demo/world.js';
import { consents, documents, placements, workers } from './schema.js';

/** Loads the labour offices' part of the demo world: workers, placements, documents, consents. */
export async function seedLabour(db: Database, world: World): Promise<void> {
  await db.transaction(async (tx) => {
    await insertInChunks(
      tx,
      workers,
      world.workers.map((worker) => ({ ...worker, updatedAt: worker.registeredAt })),
    );
    await insertInChunks(
      tx,
      placements,
      world.placements.map((placement) => ({
        ...placement,
        occupation: placement.occupation as (typeof placements.$inferInsert)['occupation'],
        sector: placement.sector as (typeof placements.$inferInsert)['sector'],
        returnReason: placement.returnReason as (typeof placements.$inferInsert)['returnReason'],
      })),
    );
    await insertInChunks(
      tx,
      documents,
      world.documents.map((document) => ({
        ...document,
        type: document.type as (typeof documents.$inferInsert)['type'],
      })),
    );
    await insertInChunks(
      tx,
      consents,
      world.consents.map(({ workerDistrictCode: _district, ...consent }) => consent),
    );
  });
}
