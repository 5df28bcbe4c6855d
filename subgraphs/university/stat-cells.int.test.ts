import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Database } from '../../shared/db/database.js';
import { createTestDatabase, type TestDatabase } from '../../shared/testing/database.js';
import { expectRollupMatchesRows, pick, randomDate, seededRandom } from '../../shared/testing/rollup.js';
import { rollupSource } from './db/queries/stats.js';
import {
  mentoringSessions,
  sessionParticipants,
  type MentoringProgramRow,
  type MentorRow,
} from './db/schema.js';
import {
  insertTestMentor,
  insertTestProgram,
  insertTestSession,
  insertTestUniversity,
} from './testing/factories.js';

const DISTRICTS = ['35.07.11', '35.07.13', '35.07.01', '35.05.02', '35.73.01'] as const;
const SEEDS = [7, 1998, 31_337] as const;

let database: TestDatabase;
let db: Database;
let program: MentoringProgramRow;
let mentor: MentorRow;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.store().db;
  const university = await insertTestUniversity(db, randomUUID());
  program = await insertTestProgram(db, university.id);
  mentor = await insertTestMentor(db, university.id);
});
afterAll(async () => {
  await database.close();
});

describe.each(SEEDS)('the university rollup on random sessions (seed %i)', (seed) => {
  const random = seededRandom(seed);
  const workers = Array.from({ length: 15 }, () => randomUUID());
  let sessions: string[] = [];

  /** A few distinct workers of the pool, each with a district of her own for this session. */
  const someParticipants = () =>
    [...new Set(Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(random, workers)))].map(
      (workerId) => ({ workerId, workerDistrictCode: pick(random, DISTRICTS) }),
    );

  it('equals the count from the rows after inserts', async () => {
    for (let index = 0; index < 30; index += 1) {
      // Some sessions on one day, where the session id decides which is a worker's first.
      const date = random() < 0.2 ? '2020-03-03' : randomDate(random);
      const session = await insertTestSession(db, program, mentor, random() < 0.1 ? [] : someParticipants(), {
        date,
      });
      sessions.push(session.id);
    }
    await expectRollupMatchesRows(db, rollupSource, `seed ${seed}, after inserts`);
  });

  it('equals the count from the rows after date moves and participant changes', async () => {
    for (const id of sessions) {
      const roll = random();
      if (roll < 0.25)
        await db
          .update(mentoringSessions)
          .set({ date: randomDate(random) })
          .where(eq(mentoringSessions.id, id));
      else if (roll < 0.4)
        await db
          .update(sessionParticipants)
          .set({ workerDistrictCode: pick(random, DISTRICTS) })
          .where(eq(sessionParticipants.sessionId, id));
      else if (roll < 0.55) {
        const workerId = pick(random, workers);
        await db
          .insert(sessionParticipants)
          .values({ sessionId: id, workerId, workerDistrictCode: pick(random, DISTRICTS) })
          .onConflictDoNothing();
      } else if (roll < 0.7) {
        const [first] = await db
          .select()
          .from(sessionParticipants)
          .where(eq(sessionParticipants.sessionId, id));
        if (first)
          await db
            .delete(sessionParticipants)
            .where(
              and(eq(sessionParticipants.sessionId, id), eq(sessionParticipants.workerId, first.workerId)),
            );
      }
    }
    // All sessions of a year moved at once, and one statement changing a session and its participants.
    await db
      .update(mentoringSessions)
      .set({ date: sql`${mentoringSessions.date} + 1` })
      .where(
        inArray(
          mentoringSessions.id,
          sessions.filter(() => random() < 0.3),
        ),
      );
    const both = pick(random, sessions);
    await db.execute(sql`
      with moved as (update university.mentoring_sessions set date = ${randomDate(random)} where id = ${both})
      update university.session_participants set worker_district_code = ${pick(random, DISTRICTS)}
      where session_id = ${both}`);
    await expectRollupMatchesRows(db, rollupSource, `seed ${seed}, after updates`);
  });

  it('equals the count from the rows after deletions', async () => {
    const gone = sessions.filter(() => random() < 0.3);
    for (const id of gone.slice(1)) {
      await db.delete(sessionParticipants).where(eq(sessionParticipants.sessionId, id));
      await db.delete(mentoringSessions).where(eq(mentoringSessions.id, id));
    }
    if (gone[0])
      await db.execute(sql`
        with gone as (delete from university.session_participants where session_id = ${gone[0]})
        delete from university.mentoring_sessions where id = ${gone[0]}`);
    await db.delete(sessionParticipants).where(
      inArray(
        sessionParticipants.workerId,
        workers.filter(() => random() < 0.2),
      ),
    );
    sessions = sessions.filter((id) => !gone.includes(id));
    await expectRollupMatchesRows(db, rollupSource, `seed ${seed}, after deletions`);
  });
});
