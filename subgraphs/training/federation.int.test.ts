import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestIdentity } from '../../shared/testing/tokens.js';
import { entitiesQuery } from '../../shared/testing/graphql-client.js';
import { startSubgraph, type SubgraphHarness } from '../../shared/testing/subgraph-harness.js';
import { createSubgraph } from './server.js';
import {
  insertTestCertification,
  insertTestConsentFact,
  insertTestCourse,
  insertTestEnrollment,
  insertTestInstitution,
} from './testing/factories.js';

let hub: SubgraphHarness;
let institution: Awaited<ReturnType<typeof insertTestInstitution>>;
/** Twenty consenting workers, each enrolled in a course of their own and certified for it. */
const trainees: { workerId: string; courseId: string; enrollmentId: string; certificationId: string }[] = [];

beforeAll(async () => {
  hub = await startSubgraph(createSubgraph);
  institution = await insertTestInstitution(hub.db);
  for (let index = 0; index < 20; index += 1) {
    const { workerId } = await insertTestConsentFact(hub.db, institution.institutionId);
    const course = await insertTestCourse(hub.db, institution.provider.id);
    const enrollment = await insertTestEnrollment(hub.db, course.id, workerId, {
      status: 'COMPLETED',
      completedOn: '2025-03-28',
    });
    const certification = await insertTestCertification(hub.db, institution.provider.id, workerId, {
      courseId: course.id,
    });
    trainees.push({
      workerId,
      courseId: course.id,
      enrollmentId: enrollment.id,
      certificationId: certification.id,
    });
  }
});
afterAll(async () => {
  await hub.close();
});

/** SQL statements one `_entities` request costs, after checking it answered every representation. */
async function statementsFor(
  identity: TestIdentity,
  typename: string,
  selection: string,
  ids: readonly string[],
) {
  const before = hub.statements();
  const response = await hub.request<{ _entities: unknown[] }>(identity, entitiesQuery(typename, selection), {
    representations: ids.map((id) => ({ __typename: typename, id })),
  });
  expect(response.errors).toEqual([]);
  expect(response.data?._entities.every((entity) => entity !== null)).toBe(true);
  return hub.statements() - before;
}

describe('batching', () => {
  it.each([
    [
      'Worker',
      'enrollments { id status course { id title enrolledCount provider { id name } } }',
      'workerId',
    ],
    ['Worker', 'certifications { id number course { id title } }', 'workerId'],
    [
      'Enrollment',
      'id worker { id } course { id enrolledCount provider { id courses { id } } }',
      'enrollmentId',
    ],
    ['Certification', 'id worker { id } course { id provider { name } }', 'certificationId'],
    ['Course', 'id enrolledCount provider { name } enrollments { id score }', 'courseId'],
  ] as const)(
    'resolves 20 %s entities with %s in as many statements as 2',
    async (typename, selection, key) => {
      const ids = trainees.map((trainee) => trainee[key]);
      const forTwo = await statementsFor(institution.client, typename, selection, ids.slice(0, 2));
      const forTwenty = await statementsFor(institution.client, typename, selection, ids);
      expect(forTwenty).toBe(forTwo);
      expect(forTwo).toBeLessThanOrEqual(6);
    },
  );

  it('counts region statistics for 20 cells in one statement', async () => {
    const keys = ['35.07', '35.05', '35.79', '35.07.11', '35'].flatMap((regionCode) =>
      [2022, 2023, 2024, 2025].map((year) => ({ __typename: 'RegionStats', regionCode, year })),
    );
    const before = hub.statements();
    const response = await hub.request<{ _entities: unknown[] }>(
      { kind: 'MINISTRY' },
      entitiesQuery('RegionStats', 'enrolled { value } certified { value }'),
      { representations: keys },
    );
    expect(response.data?._entities).toHaveLength(20);
    expect(hub.statements() - before).toBe(1);
  });
});

describe('RegionStats', () => {
  const STATS = entitiesQuery(
    'RegionStats',
    'regionCode year enrolled { value suppressed } certified { value suppressed }',
  );
  const cell = (regionCode: string, year: number) => ({ __typename: 'RegionStats', regionCode, year });

  beforeAll(async () => {
    const { course, provider } = await insertTestInstitution(hub.db);
    const second = await insertTestCourse(hub.db, provider.id);
    const batu = '35.79.01';
    const workers = Array.from({ length: 3 }, () => randomUUID());
    // Three workers of Batu enrolled in 2023, one of them twice; New Year counts in Western Indonesian Time.
    await insertTestEnrollment(hub.db, course.id, workers[0]!, {
      workerDistrictCode: batu,
      enrolledAt: new Date('2023-03-01T03:00:00Z'),
    });
    await insertTestEnrollment(hub.db, second.id, workers[0]!, {
      workerDistrictCode: batu,
      enrolledAt: new Date('2023-05-01T03:00:00Z'),
    });
    await insertTestEnrollment(hub.db, course.id, workers[1]!, {
      workerDistrictCode: batu,
      enrolledAt: new Date('2022-12-31T17:30:00Z'),
    });
    await insertTestEnrollment(hub.db, course.id, workers[2]!, {
      workerDistrictCode: '35.79.02',
      enrolledAt: new Date('2023-12-31T16:30:00Z'),
    });
    await insertTestEnrollment(hub.db, second.id, randomUUID(), {
      workerDistrictCode: batu,
      enrolledAt: new Date('2022-12-31T16:30:00Z'),
    });
    await insertTestCertification(hub.db, provider.id, workers[0]!, {
      workerDistrictCode: batu,
      issuedOn: '2023-06-01',
    });
    await insertTestCertification(hub.db, provider.id, workers[0]!, {
      workerDistrictCode: batu,
      issuedOn: '2023-07-01',
    });
    await insertTestCertification(hub.db, provider.id, workers[1]!, {
      workerDistrictCode: batu,
      issuedOn: '2024-01-01',
    });
  });

  it('counts distinct workers by the district they lived in and the year, exactly for the ministry', async () => {
    const response = await hub.request({ kind: 'MINISTRY' }, STATS, {
      representations: [
        cell('35.79', 2023),
        cell('35.79.01', 2023),
        cell('35.79.01', 2024),
        cell('35.05', 2023),
      ],
    });
    const exact = (value: number) => ({ value, suppressed: false });
    expect(response.data).toEqual({
      _entities: [
        { regionCode: '35.79', year: 2023, enrolled: exact(3), certified: exact(1) },
        { regionCode: '35.79.01', year: 2023, enrolled: exact(2), certified: exact(1) },
        { regionCode: '35.79.01', year: 2024, enrolled: exact(0), certified: exact(1) },
        { regionCode: '35.05', year: 2023, enrolled: exact(0), certified: exact(0) },
      ],
    });
  });

  it('suppresses small cells for institutions not entitled to exact figures', async () => {
    const representations = [cell('35.79', 2023)];
    const suppressed = { value: null, suppressed: true };
    for (const identity of [
      institution.client,
      { kind: 'UNIVERSITY' },
      { kind: 'LABOUR_OFFICE', regionCode: '35.07' },
    ] as const) {
      const response = await hub.request(identity, STATS, { representations });
      expect(response.data).toEqual({
        _entities: [{ regionCode: '35.79', year: 2023, enrolled: suppressed, certified: suppressed }],
      });
    }
    const ownOffice = await hub.request({ kind: 'LABOUR_OFFICE', regionCode: '35.79' }, STATS, {
      representations,
    });
    expect(ownOffice.data).toMatchObject({ _entities: [{ enrolled: { value: 3, suppressed: false } }] });
  });

  it('resolves keys that are not region cells to null', async () => {
    const response = await hub.request({ kind: 'MINISTRY' }, STATS, {
      representations: [cell('Batu', 2023), cell('35.79', 1899), cell('35.79.01.2005', 2023)],
    });
    expect(response.data).toEqual({ _entities: [null, null, null] });
  });
});
