import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entitiesQuery } from '../../shared/testing/graphql-client.js';
import { startSubgraph, type SubgraphHarness } from '../../shared/testing/subgraph-harness.js';
import type { TestIdentity } from '../../shared/testing/tokens.js';
import { createSubgraph } from './server.js';
import {
  insertTestConsentFact,
  insertTestMentor,
  insertTestPartner,
  insertTestProgram,
  insertTestSession,
  insertTestUniversity,
} from './testing/factories.js';

let hub: SubgraphHarness;
beforeAll(async () => {
  hub = await startSubgraph(createSubgraph);
});
afterAll(async () => {
  await hub.close();
});

const STATS = entitiesQuery(
  'RegionStats',
  'regionCode year mentored { value suppressed } mentoringSessions { value suppressed }',
);

describe('RegionStats', () => {
  it('counts distinct mentored workers and sessions by district snapshot and year, exact for statutory institutions', async () => {
    const { program, mentor, institutionId } = await insertTestPartner(hub.db);
    const [w1, w2, w3, w4] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await insertTestSession(
      hub.db,
      program,
      mentor,
      [
        { workerId: w1, workerDistrictCode: '35.05.03' },
        { workerId: w2, workerDistrictCode: '35.05.03' },
        { workerId: w3, workerDistrictCode: '35.07.11' },
      ],
      { date: '2019-06-01' },
    );
    await insertTestSession(hub.db, program, mentor, [{ workerId: w1, workerDistrictCode: '35.05.03' }], {
      date: '2019-12-31',
    });
    await insertTestSession(hub.db, program, mentor, [{ workerId: w4, workerDistrictCode: '35.05.03' }], {
      date: '2018-12-31',
    });
    await insertTestSession(
      hub.db,
      program,
      mentor,
      Array.from({ length: 5 }, () => ({ workerId: randomUUID(), workerDistrictCode: '35.05.04' })),
      { date: '2019-03-01' },
    );
    const keys = [
      { regionCode: '35.05.03', year: 2019 },
      { regionCode: '35.05', year: 2019 },
      { regionCode: '35.05.03', year: 2018 },
      { regionCode: '35.05.04', year: 2019 },
      { regionCode: '35.05.03', year: 2020 },
    ];
    const representations = keys.map((key) => ({ __typename: 'RegionStats', ...key }));
    const exact = (value: number) => ({ value, suppressed: false });
    const suppressed = { value: null, suppressed: true };
    const ministry = await hub.request({ kind: 'MINISTRY' }, STATS, { representations });
    expect(ministry.data).toEqual({
      _entities: [
        { ...keys[0], mentored: exact(2), mentoringSessions: exact(2) },
        { ...keys[1], mentored: exact(7), mentoringSessions: exact(3) },
        { ...keys[2], mentored: exact(1), mentoringSessions: exact(1) },
        { ...keys[3], mentored: exact(5), mentoringSessions: exact(1) },
        { ...keys[4], mentored: exact(0), mentoringSessions: exact(0) },
      ],
    });
    const blitar = await hub.request({ kind: 'LABOUR_OFFICE', regionCode: '35.05' }, STATS, {
      representations,
    });
    expect(blitar.data).toEqual(ministry.data);
    const university = await hub.request<{ _entities: Record<string, unknown>[] }>(
      { kind: 'UNIVERSITY', institutionId },
      STATS,
      { representations },
    );
    // Small cells are withheld, and so may be others that would give them away (shared/disclosure);
    // whatever is published is exact, and an empty cell is a published zero.
    const exactCells = (ministry.data as { _entities: Record<string, unknown>[] })._entities;
    university.data?._entities.forEach((cell, index) => {
      for (const measure of ['mentored', 'mentoringSessions']) {
        const truth = (exactCells[index]?.[measure] as { value: number }).value;
        const shown = cell[measure] as { value: number | null; suppressed: boolean };
        if (truth > 0 && truth < 5) expect(shown, `${index} ${measure}`).toEqual(suppressed);
        else if (!shown.suppressed) expect(shown.value, `${index} ${measure}`).toBe(truth);
        if (truth === 0) expect(shown).toEqual(exact(0));
      }
    });
  });

  it('answers null for keys that are not a region and year', async () => {
    const response = await hub.request({ kind: 'MINISTRY' }, STATS, {
      representations: [
        { __typename: 'RegionStats', regionCode: "35'; drop table x; --", year: 2019 },
        { __typename: 'RegionStats', regionCode: '35.07', year: 1850 },
      ],
    });
    expect(response.data).toEqual({ _entities: [null, null] });
  });
});

describe('batching', () => {
  /** Twenty universities of one institution, each with a programme, a mentor and a session of one consenting worker. */
  async function twentyPartners() {
    const institutionId = randomUUID();
    const rows = [];
    for (let index = 0; index < 20; index += 1) {
      const university = await insertTestUniversity(hub.db, institutionId);
      const program = await insertTestProgram(hub.db, university.id);
      const mentor = await insertTestMentor(hub.db, university.id);
      const workerId = randomUUID();
      await insertTestConsentFact(hub.db, workerId, institutionId);
      const session = await insertTestSession(hub.db, program, mentor, [{ workerId }]);
      rows.push({ university, program, mentor, session, workerId });
    }
    return { institutionId, rows };
  }

  async function statementsFor(
    identity: TestIdentity,
    typename: string,
    selection: string,
    representations: object[],
  ) {
    const before = hub.statements();
    const response = await hub.request(identity, entitiesQuery(typename, selection), { representations });
    expect(response.errors).toEqual([]);
    expect((response.data?.['_entities'] as unknown[]).every((entity) => entity !== null)).toBe(true);
    return hub.statements() - before;
  }

  it('resolves 20 entities of every type with as many SQL statements as 2', async () => {
    const { institutionId, rows } = await twentyPartners();
    const own = { kind: 'UNIVERSITY', institutionId } as const;
    const cases: [TestIdentity, string, string, (row: (typeof rows)[number]) => object][] = [
      [
        own,
        'MentoringSession',
        'id program { title university { name } } mentor { fullName university { id } } participants { id } notes',
        (row) => ({ __typename: 'MentoringSession', id: row.session.id }),
      ],
      [
        { kind: 'MINISTRY' },
        'MentoringSession',
        'id program { title } topics',
        (row) => ({ __typename: 'MentoringSession', id: row.session.id }),
      ],
      [
        own,
        'Worker',
        'id mentoringSessions { id program { university { name } } mentor { fullName } participants { id } }',
        (row) => ({ __typename: 'Worker', id: row.workerId }),
      ],
      [
        { kind: 'LABOUR_OFFICE', regionCode: '35.07' },
        'Worker',
        'id mentoringSessions { id program { title } }',
        (row) => ({ __typename: 'Worker', id: row.workerId }),
      ],
      [
        { kind: 'MINISTRY' },
        'University',
        'id programs { id sessions { id } } mentors { id }',
        (row) => ({ __typename: 'University', id: row.university.id }),
      ],
      [
        own,
        'MentoringProgram',
        'id university { id } sessions { id participants { id } mentor { id } }',
        (row) => ({ __typename: 'MentoringProgram', id: row.program.id }),
      ],
      [
        { kind: 'TRAINING_PROVIDER' },
        'Mentor',
        'id university { programs { id } }',
        (row) => ({ __typename: 'Mentor', id: row.mentor.id }),
      ],
      [
        { kind: 'MINISTRY' },
        'RegionStats',
        'mentored { value } mentoringSessions { value }',
        (row) => ({ __typename: 'RegionStats', regionCode: '35.07', year: 2000 + rows.indexOf(row) }),
      ],
    ];
    for (const [identity, typename, selection, representation] of cases) {
      const two = await statementsFor(identity, typename, selection, rows.slice(0, 2).map(representation));
      const twenty = await statementsFor(identity, typename, selection, rows.map(representation));
      expect(twenty, `${typename} as ${identity.kind}`).toBe(two);
      expect(two, `${typename} as ${identity.kind}`).toBeLessThanOrEqual(6);
    }
  });
});
