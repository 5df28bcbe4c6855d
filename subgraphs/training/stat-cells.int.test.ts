import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, it } from 'vitest';
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
import { certifications, enrollments, type CertificationRow, type EnrollmentRow } from './db/schema.js';
import { insertTestCourse, insertTestProvider } from './testing/factories.js';

const DISTRICTS = ['35.07.11', '35.07.13', '35.07.01', '35.05.02', '35.73.01'] as const;
const SEEDS = [3, 1945, 88_888] as const;

let database: TestDatabase;
let db: Database;
let providerId: string;
let courseIds: string[];
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.store().db;
  providerId = (await insertTestProvider(db)).id;
  courseIds = [];
  for (let index = 0; index < 12; index += 1) courseIds.push((await insertTestCourse(db, providerId)).id);
});
afterAll(async () => {
  await database.close();
});

describe.each(SEEDS)('the training rollup on random enrolments and certificates (seed %i)', (seed) => {
  const random = seededRandom(seed);
  // Few workers and many rows each: most of them enrol and certify several times a year.
  const workers = Array.from({ length: 12 }, () => randomUUID());
  let enrolled: EnrollmentRow[] = [];
  let certified: CertificationRow[] = [];

  const enrolment = (workerId: string, courseId: string) => ({
    courseId,
    workerId,
    workerDistrictCode: pick(random, DISTRICTS),
    // Some at the very same instant, where the id decides which is first.
    enrolledAt: random() < 0.2 ? new Date(Date.UTC(2020, 5, 1)) : randomInstant(random),
  });
  const certificate = (workerId: string) => ({
    providerId,
    workerId,
    workerDistrictCode: pick(random, DISTRICTS),
    scheme: 'Housekeeping (Hong Kong)',
    issuer: 'LSP Test',
    number: `CERT-${randomUUID()}`,
    issuedOn: random() < 0.2 ? '2020-06-01' : randomDate(random),
  });

  it('equals the count from the rows after inserts', async () => {
    for (const workerId of workers) {
      for (const courseId of courseIds.filter(() => random() < 0.4))
        enrolled.push(...(await db.insert(enrollments).values(enrolment(workerId, courseId)).returning()));
      for (let index = Math.floor(random() * 4); index > 0; index -= 1)
        certified.push(...(await db.insert(certifications).values(certificate(workerId)).returning()));
    }
    // Bulk statements: many workers' rows at once.
    enrolled.push(
      ...(await db
        .insert(enrollments)
        .values(
          workers.flatMap((workerId) =>
            courseIds
              .filter((courseId) => !enrolled.some((e) => e.workerId === workerId && e.courseId === courseId))
              .filter(() => random() < 0.3)
              .map((courseId) => enrolment(workerId, courseId)),
          ),
        )
        .returning()),
    );
    certified.push(...(await db.insert(certifications).values(workers.map(certificate)).returning()));
    await expectRollupMatchesRows(db, rollupSource, `seed ${seed}, after inserts`);
  });

  it('equals the count from the rows after date and district corrections and moves between workers', async () => {
    for (const row of enrolled) {
      const roll = random();
      if (roll < 0.25)
        await db
          .update(enrollments)
          .set({ enrolledAt: randomInstant(random) })
          .where(eq(enrollments.id, row.id));
      else if (roll < 0.4)
        await db
          .update(enrollments)
          .set({ workerDistrictCode: pick(random, DISTRICTS) })
          .where(eq(enrollments.id, row.id));
      else if (roll < 0.5)
        await db.update(enrollments).set({ status: 'WITHDRAWN' }).where(eq(enrollments.id, row.id));
    }
    for (const row of certified) {
      const roll = random();
      if (roll < 0.25)
        await db
          .update(certifications)
          .set({ issuedOn: randomDate(random) })
          .where(eq(certifications.id, row.id));
      else if (roll < 0.4)
        await db
          .update(certifications)
          .set({ workerDistrictCode: pick(random, DISTRICTS) })
          .where(eq(certifications.id, row.id));
      else if (roll < 0.5)
        // A certificate recorded on the wrong worker, corrected.
        await db
          .update(certifications)
          .set({ workerId: pick(random, workers) })
          .where(eq(certifications.id, row.id));
      else if (roll < 0.6)
        await db
          .update(certifications)
          .set({ revokedOn: '2022-01-01', revocationReason: 'Test.' })
          .where(eq(certifications.id, row.id));
    }
    // One statement moving every enrolment of a year's worth of rows at once.
    await db
      .update(enrollments)
      .set({ workerDistrictCode: pick(random, DISTRICTS) })
      .where(
        inArray(
          enrollments.id,
          enrolled.filter(() => random() < 0.3).map((row) => row.id),
        ),
      );
    await expectRollupMatchesRows(db, rollupSource, `seed ${seed}, after updates`);
  });

  it('equals the count from the rows after deletions', async () => {
    const goneEnrolments = enrolled.filter(() => random() < 0.3).map((row) => row.id);
    await db.delete(enrollments).where(inArray(enrollments.id, goneEnrolments));
    for (const row of certified.filter(() => random() < 0.3))
      await db.delete(certifications).where(eq(certifications.id, row.id));
    enrolled = enrolled.filter((row) => !goneEnrolments.includes(row.id));
    certified = [];
    await expectRollupMatchesRows(db, rollupSource, `seed ${seed}, after deletions`);
  });
});
