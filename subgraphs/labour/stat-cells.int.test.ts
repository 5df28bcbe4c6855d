import { randomUUID } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../shared/db/database.js';
import { createTestDatabase, type TestDatabase } from '../../shared/testing/database.js';
import {
  expectRollupMatchesRows,
  pick,
  randomDate,
  randomInstant,
  seededRandom,
} from '../../shared/testing/rollup.js';
import { rollupSource } from './db/queries/stats.js';
import { placements, placementStatus, workers, type PlacementRow, type WorkerRow } from './db/schema.js';
import { insertTestPlacement, insertTestWorker, workerInput } from './testing/factories.js';

const DISTRICTS = ['35.07.11', '35.07.13', '35.07.01', '35.05.02', '35.73.01'] as const;
const COUNTRIES = ['HK', 'TW', 'MY', 'SG', 'SA'] as const;
const SEEDS = [11, 2024, 77_031] as const;

let database: TestDatabase;
let db: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.store().db;
});
afterAll(async () => {
  await database.close();
});

/** A placement with random dates and status, departed or returned or neither. */
function randomPlacement(random: () => number, workerId: string) {
  const departure = random() < 0.75 ? randomDate(random) : null;
  return {
    workerId,
    status: pick(random, placementStatus.enumValues),
    destinationCountry: pick(random, COUNTRIES),
    departureDate: departure,
    actualReturnDate: departure && random() < 0.5 ? randomDate(random) : null,
  };
}

async function insertRandomWorld(random: () => number): Promise<WorkerRow[]> {
  const created: WorkerRow[] = [];
  for (let index = 0; index < 25; index += 1) {
    const worker = await insertTestWorker(db, {
      districtCode: pick(random, DISTRICTS),
      registeredAt: randomInstant(random),
    });
    created.push(worker);
    const count = Math.floor(random() * 4);
    for (let p = 0; p < count; p += 1)
      await insertTestPlacement(db, worker.id, randomPlacement(random, worker.id));
  }
  // One statement of many workers and one of many placements, as a bulk import writes them.
  const bulk = await db
    .insert(workers)
    .values(
      Array.from({ length: 15 }, () => {
        const input = workerInput();
        return {
          ...input,
          maritalStatus: 'MARRIED' as const,
          education: 'JUNIOR_SECONDARY' as const,
          districtCode: pick(random, DISTRICTS),
          status: 'REGISTERED' as const,
          registeredAt: randomInstant(random),
          registeredBy: randomUUID(),
        };
      }),
    )
    .returning();
  created.push(...bulk);
  const template = await insertTestPlacement(db, bulk[0]!.id, randomPlacement(random, bulk[0]!.id));
  const { id: _id, createdAt: _createdAt, ...rest } = template;
  await db
    .insert(placements)
    .values(bulk.flatMap((worker) => [{ ...rest, ...randomPlacement(random, worker.id) }]));
  return created;
}

async function placementsOf(ids: readonly string[]): Promise<PlacementRow[]> {
  return db
    .select()
    .from(placements)
    .where(inArray(placements.workerId, [...ids]));
}

describe.each(SEEDS)('the labour rollup on random rows (seed %i)', (seed) => {
  const random = seededRandom(seed);
  let world: WorkerRow[] = [];

  it('equals the count from the rows after inserts', async () => {
    world = await insertRandomWorld(random);
    await expectRollupMatchesRows(db, rollupSource, `seed ${seed}, after inserts`);
  });

  it('equals the count from the rows after district moves, date corrections and cancellations', async () => {
    for (const worker of world.filter(() => random() < 0.3)) {
      // An identity or address correction moves her registration and every placement of hers.
      await db
        .update(workers)
        .set({ districtCode: pick(random, DISTRICTS) })
        .where(eq(workers.id, worker.id));
    }
    await db
      .update(workers)
      .set({ districtCode: pick(random, DISTRICTS), registeredAt: randomInstant(random) })
      .where(
        inArray(
          workers.id,
          world.filter(() => random() < 0.2).map((worker) => worker.id),
        ),
      );
    for (const placement of await placementsOf(world.map((worker) => worker.id))) {
      const roll = random();
      if (roll < 0.2)
        await db.update(placements).set({ status: 'CANCELLED' }).where(eq(placements.id, placement.id));
      else if (roll < 0.4)
        await db
          .update(placements)
          .set({ departureDate: randomDate(random), destinationCountry: pick(random, COUNTRIES) })
          .where(eq(placements.id, placement.id));
      else if (roll < 0.5)
        await db
          .update(placements)
          .set({ actualReturnDate: randomDate(random) })
          .where(eq(placements.id, placement.id));
      else if (roll < 0.55)
        await db.update(placements).set({ status: 'PLANNED' }).where(eq(placements.id, placement.id));
      else if (roll < 0.6)
        // A placement recorded on the wrong worker, moved to another.
        await db
          .update(placements)
          .set({ workerId: pick(random, world).id })
          .where(eq(placements.id, placement.id));
    }
    // An update that changes nothing counted, and one statement changing a worker and her placements.
    await db
      .update(workers)
      .set({ phone: '0811' })
      .where(
        inArray(
          workers.id,
          world.map((worker) => worker.id),
        ),
      );
    const moved = pick(random, world);
    await db.execute(sql`
      with moved as (update labour.workers set district_code = ${pick(random, DISTRICTS)} where id = ${moved.id})
      update labour.placements set departure_date = ${randomDate(random)}, status = 'DEPARTED'
      where worker_id = ${moved.id}`);
    await expectRollupMatchesRows(db, rollupSource, `seed ${seed}, after updates`);
  });

  it('equals the count from the rows after deletions, and a rolled-back change leaves it alone', async () => {
    const all = await placementsOf(world.map((worker) => worker.id));
    await db.delete(placements).where(
      inArray(
        placements.id,
        all.filter(() => random() < 0.3).map((placement) => placement.id),
      ),
    );
    const leaving = world.filter(() => random() < 0.25);
    for (const worker of leaving.slice(1)) {
      await db.delete(placements).where(eq(placements.workerId, worker.id));
      await db.delete(workers).where(eq(workers.id, worker.id));
    }
    if (leaving[0]) {
      await db.execute(sql`
        with gone as (delete from labour.placements where worker_id = ${leaving[0].id})
        delete from labour.workers where id = ${leaving[0].id}`);
    }
    world = world.filter((worker) => !leaving.includes(worker));
    await expect(
      db.transaction(async (tx) => {
        await tx.update(workers).set({ districtCode: '35.07.99' }).where(eq(workers.id, world[0]!.id));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await expectRollupMatchesRows(db, rollupSource, `seed ${seed}, after deletions`);
  });
});
