import { randomUUID } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../shared/db/database.js';
import { createTestDatabase, type TestDatabase } from '../../shared/testing/database.js';
import { expectRollupMatchesRows, pick, randomInstant, seededRandom } from '../../shared/testing/rollup.js';
import { rollupSource } from './db/queries/stats.js';
import { cases, type CaseRow } from './db/schema.js';
import { insertTestCase } from './testing/factories.js';

const DISTRICTS = ['35.07.11', '35.07.13', '35.07.01', '35.05.02', '35.73.01'] as const;
const SEEDS = [5, 1789, 60_221] as const;

let database: TestDatabase;
let db: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.store().db;
});
afterAll(async () => {
  await database.close();
});

describe.each(SEEDS)('the ministry rollup on random cases (seed %i)', (seed) => {
  const random = seededRandom(seed);
  let world: CaseRow[] = [];
  const opener = randomUUID();

  it('equals the count from the rows after inserts', async () => {
    for (let index = 0; index < 40; index += 1) {
      const resolved = random() < 0.5;
      world.push(
        await insertTestCase(db, opener, {
          workerDistrictCode: pick(random, DISTRICTS),
          openedAt: randomInstant(random),
          ...(resolved
            ? {
                status: 'RESOLVED' as const,
                resolutionOutcome: 'SETTLED' as const,
                resolutionSummary: 'Paid.',
                resolvedAt: randomInstant(random),
              }
            : {}),
        }),
      );
    }
    await expectRollupMatchesRows(db, rollupSource, `seed ${seed}, after inserts`);
  });

  it('equals the count from the rows after resolutions, reopenings and corrections', async () => {
    for (const row of world) {
      const roll = random();
      if (roll < 0.25)
        await db
          .update(cases)
          .set({
            status: 'RESOLVED',
            resolutionOutcome: 'SETTLED',
            resolutionSummary: 'Paid.',
            resolvedAt: randomInstant(random),
          })
          .where(eq(cases.id, row.id));
      else if (roll < 0.4)
        await db
          .update(cases)
          .set({ status: 'IN_PROGRESS', resolutionOutcome: null, resolutionSummary: null, resolvedAt: null })
          .where(eq(cases.id, row.id));
      else if (roll < 0.55)
        await db
          .update(cases)
          .set({ workerDistrictCode: pick(random, DISTRICTS) })
          .where(eq(cases.id, row.id));
      else if (roll < 0.7)
        await db
          .update(cases)
          .set({ openedAt: randomInstant(random) })
          .where(eq(cases.id, row.id));
    }
    await db
      .update(cases)
      .set({ summary: 'Edited.' })
      .where(
        inArray(
          cases.id,
          world.map((row) => row.id),
        ),
      );
    await expectRollupMatchesRows(db, rollupSource, `seed ${seed}, after updates`);
  });

  it('equals the count from the rows after deletions', async () => {
    const gone = world.filter(() => random() < 0.3);
    await db.delete(cases).where(
      inArray(
        cases.id,
        gone.map((row) => row.id),
      ),
    );
    world = world.filter((row) => !gone.includes(row));
    await expectRollupMatchesRows(db, rollupSource, `seed ${seed}, after deletions`);
  });
});

describe('the ministry rollup after a TRUNCATE', () => {
  it('is counted again from what is left, which a TRUNCATE does not say row by row', async () => {
    await db.execute(sql`truncate ministry.cases cascade`);
    await insertTestCase(db, randomUUID(), {
      workerDistrictCode: '35.07.11',
      openedAt: new Date('2020-05-05T05:00:00Z'),
    });
    await expectRollupMatchesRows(db, rollupSource, 'after a truncate');
    expect(await rollupSource.countFromRollup(db, [2020])).toEqual([
      { measure: 'casesOpened', year: 2020, kecamatanCode: '35.07.11', category: null, count: 1 },
    ]);
  });
});
