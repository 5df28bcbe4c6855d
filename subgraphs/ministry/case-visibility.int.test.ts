import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entitiesQuery, errorCodes } from '../../shared/testing/graphql-client.js';
import { startSubgraph, type SubgraphHarness } from '../../shared/testing/subgraph-harness.js';
import { createSubgraph } from './server.js';
import {
  insertTestAgency,
  insertTestCase,
  insertTestInstitution,
  insertTestNote,
  insertTestSanction,
} from './testing/factories.js';

const MALANG_ID = randomUUID();
const MINISTRY = { kind: 'MINISTRY' } as const;
const MINISTRY_WITHOUT_CASES = { kind: 'MINISTRY', scopes: ['workers:read', 'stats:read'] } as const;
const MALANG_OFFICE = { kind: 'LABOUR_OFFICE', regionCode: '35.07' } as const;
const BLITAR_OFFICE = { kind: 'LABOUR_OFFICE', regionCode: '35.05' } as const;
const TRAINING_PROVIDER = { kind: 'TRAINING_PROVIDER' } as const;
const UNIVERSITY = { kind: 'UNIVERSITY' } as const;

const CASES = `query($filter: CaseFilter, $first: Int, $after: String) {
  cases(filter: $filter, first: $first, after: $after) {
    totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`;
type CasePage = {
  cases: {
    totalCount: number;
    edges: { node: { id: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};
const WORKER_CASES = entitiesQuery('Worker', 'id cases { id }');

let hub: SubgraphHarness;
beforeAll(async () => {
  hub = await startSubgraph(createSubgraph);
  await insertTestInstitution(hub.db, { id: MALANG_ID, name: 'Disnaker Kabupaten Malang' });
});
afterAll(async () => {
  await hub.close();
});

describe('case rows', () => {
  it('shows a case to the ministry and to the labour office of the worker region only', async () => {
    const complaint = await insertTestCase(hub.db, MALANG_ID, { workerDistrictCode: '35.07.13' });
    const read = (identity: object) =>
      hub.request(identity as typeof MINISTRY, 'query($id: ID!) { case(id: $id) { id } }', {
        id: complaint.id,
      });
    expect((await read(MINISTRY)).data).toEqual({ case: { id: complaint.id } });
    expect((await read(MALANG_OFFICE)).data).toEqual({ case: { id: complaint.id } });
    // Another region's case is indistinguishable from a missing one.
    const elsewhere = await read(BLITAR_OFFICE);
    expect(elsewhere.errors).toEqual([]);
    expect(elsewhere.data).toEqual({ case: null });
    // Those who may never see cases are told so, whatever the id.
    for (const identity of [TRAINING_PROVIDER, UNIVERSITY, MINISTRY_WITHOUT_CASES]) {
      const response = await read(identity);
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
      expect(response.data).toEqual({ case: null });
    }
  });

  it('resolves _entities in the order asked, null for hidden, unknown and malformed ids', async () => {
    const malang = await insertTestCase(hub.db, MALANG_ID, { workerDistrictCode: '35.07.11' });
    const blitar = await insertTestCase(hub.db, MALANG_ID, { workerDistrictCode: '35.05.01' });
    const representations = [blitar.id, 'not-a-uuid', randomUUID(), malang.id].map((id) => ({
      __typename: 'Case',
      id,
    }));
    const response = await hub.request(MALANG_OFFICE, entitiesQuery('Case', 'id reference'), {
      representations,
    });
    expect(response.data).toEqual({
      _entities: [null, null, null, { id: malang.id, reference: malang.reference }],
    });
  });

  it('shows everyone the sanction but only case readers the case behind it', async () => {
    const agency = await insertTestAgency(hub.db);
    const complaint = await insertTestCase(hub.db, MALANG_ID, { agencyId: agency.id });
    const sanction = await insertTestSanction(hub.db, agency.id, { caseId: complaint.id });
    const query = entitiesQuery('Sanction', 'id case { id }');
    const representations = [{ __typename: 'Sanction', id: sanction.id }];
    expect((await hub.request(MINISTRY, query, { representations })).data).toEqual({
      _entities: [{ id: sanction.id, case: { id: complaint.id } }],
    });
    const university = await hub.request(UNIVERSITY, query, { representations });
    expect(university.data).toEqual({ _entities: [{ id: sanction.id, case: null }] });
    expect(errorCodes(university)).toEqual(['FORBIDDEN']);
  });
});

describe('cases list', () => {
  it('pages newest first with a total, and counts only what the caller may see', async () => {
    const agency = await insertTestAgency(hub.db);
    const opened = [];
    for (const [index, district] of ['35.07.01', '35.05.02', '35.07.02', '35.07.03', '35.79.01'].entries()) {
      opened.push(
        await insertTestCase(hub.db, MALANG_ID, {
          agencyId: agency.id,
          workerDistrictCode: district,
          openedAt: new Date(Date.UTC(2025, 0, 10 + index)),
        }),
      );
    }
    const filter = { agencyId: agency.id };
    const first = await hub.request<CasePage>(MINISTRY, CASES, { filter, first: 2 });
    expect(first.data?.cases.totalCount).toBe(5);
    expect(first.data?.cases.edges.map((edge) => edge.node.id)).toEqual([opened[4]?.id, opened[3]?.id]);
    expect(first.data?.cases.pageInfo.hasNextPage).toBe(true);
    const rest = await hub.request<CasePage>(MINISTRY, CASES, {
      filter,
      first: 10,
      after: first.data?.cases.pageInfo.endCursor,
    });
    expect(rest.data?.cases.edges.map((edge) => edge.node.id)).toEqual([
      opened[2]?.id,
      opened[1]?.id,
      opened[0]?.id,
    ]);
    expect(rest.data?.cases.pageInfo).toEqual({ hasNextPage: false, endCursor: expect.any(String) });

    const malang = await hub.request<CasePage>(MALANG_OFFICE, CASES, { filter });
    expect(malang.data?.cases.totalCount).toBe(3);
    const nobody = await hub.request<CasePage>(TRAINING_PROVIDER, CASES, { filter });
    expect(errorCodes(nobody)).toEqual(['FORBIDDEN']);
    expect(nobody.data).toBeNull();
  });

  it('filters by status, category and region', async () => {
    const agency = await insertTestAgency(hub.db);
    const wages = await insertTestCase(hub.db, MALANG_ID, {
      agencyId: agency.id,
      workerDistrictCode: '35.07.20',
    });
    const fraud = await insertTestCase(hub.db, MALANG_ID, {
      agencyId: agency.id,
      category: 'JOB_FRAUD',
      status: 'IN_PROGRESS',
      workerDistrictCode: '35.05.03',
    });
    const ids = async (extra: object) =>
      (
        await hub.request<CasePage>(MINISTRY, CASES, { filter: { agencyId: agency.id, ...extra } })
      ).data?.cases.edges.map((edge) => edge.node.id);
    expect(await ids({ status: 'IN_PROGRESS' })).toEqual([fraud.id]);
    expect(await ids({ category: 'UNPAID_WAGES' })).toEqual([wages.id]);
    expect(await ids({ regionCode: '35.07' })).toEqual([wages.id]);
    expect(await ids({ regionCode: '35.05.03' })).toEqual([fraud.id]);
  });

  it('refuses a page size out of range, a forged cursor and a bad filter', async () => {
    const bad = [
      [{ first: 0 }, 'first'],
      [{ first: 101 }, 'first'],
      [{ after: 'bm90IGEgY3Vyc29y' }, 'after'],
      [{ after: Buffer.from(JSON.stringify(['yesterday', 'x'])).toString('base64url') }, 'after'],
      [{ filter: { regionCode: '35.07.99' } }, 'filter.regionCode'],
      [{ filter: { agencyId: 'PT Maju' } }, 'filter.agencyId'],
    ] as const;
    for (const [variables, field] of bad) {
      const response = await hub.request(MINISTRY, CASES, variables);
      expect(response.errors[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });
});

describe('Worker.cases', () => {
  it('gives the ministry every case of the worker, newest first', async () => {
    const workerId = randomUUID();
    const older = await insertTestCase(hub.db, MALANG_ID, {
      workerId,
      openedAt: new Date('2024-05-01T00:00:00Z'),
    });
    const newer = await insertTestCase(hub.db, MALANG_ID, { workerId, workerDistrictCode: '35.05.01' });
    const response = await hub.request(MINISTRY, WORKER_CASES, {
      representations: [{ __typename: 'Worker', id: workerId, districtCode: '35.07.11' }],
    });
    expect(response.data).toEqual({
      _entities: [{ id: workerId, cases: [{ id: newer.id }, { id: older.id }] }],
    });
  });

  it('gives a labour office only the cases recorded while the worker lived in its region', async () => {
    const workerId = randomUUID();
    const here = await insertTestCase(hub.db, MALANG_ID, { workerId, workerDistrictCode: '35.07.11' });
    await insertTestCase(hub.db, MALANG_ID, { workerId, workerDistrictCode: '35.05.01' });
    const representations = [{ __typename: 'Worker', id: workerId, districtCode: '35.07.11' }];
    const response = await hub.requestAsGateway(MALANG_OFFICE, WORKER_CASES, { representations });
    expect(response.data).toEqual({ _entities: [{ id: workerId, cases: [{ id: here.id }] }] });
    // The same kecamatan in a request the gateway did not sign is the office's own claim.
    const unsigned = await hub.request(MALANG_OFFICE, WORKER_CASES, { representations });
    expect(errorCodes(unsigned)).toEqual(['FORBIDDEN']);
    expect(unsigned.data).toEqual({ _entities: [{ id: workerId, cases: null }] });
  });

  it('refuses with FORBIDDEN those who may not see the cases, leaving the worker resolved', async () => {
    const workerId = randomUUID();
    await insertTestCase(hub.db, MALANG_ID, { workerId });
    const ask = (identity: object, districtCode: string) =>
      hub.request(identity as typeof MINISTRY, WORKER_CASES, {
        representations: [{ __typename: 'Worker', id: workerId, districtCode }],
      });
    for (const [identity, districtCode] of [
      [TRAINING_PROVIDER, '35.07.11'],
      [UNIVERSITY, '35.07.11'],
      [MINISTRY_WITHOUT_CASES, '35.07.11'],
      [BLITAR_OFFICE, '35.07.11'],
    ] as const) {
      const response = await ask(identity, districtCode);
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
      expect(response.data).toEqual({ _entities: [{ id: workerId, cases: null }] });
    }
  });

  it('resolves a malformed worker id to null without touching SQL', async () => {
    const before = hub.statements();
    const response = await hub.request(MINISTRY, WORKER_CASES, {
      representations: [{ __typename: 'Worker', id: "1' or '1'='1", districtCode: '35.07.11' }],
    });
    expect(response.data).toEqual({ _entities: [null] });
    expect(hub.statements()).toBe(before);
  });
});

describe('batching', () => {
  it('resolves 20 cases with agency, opener, notes and authors in as many statements as 2', async () => {
    const agency = await insertTestAgency(hub.db);
    const cases: { id: string }[] = [];
    for (let index = 0; index < 20; index += 1) {
      const complaint = await insertTestCase(hub.db, MALANG_ID, { agencyId: agency.id });
      await insertTestNote(hub.db, complaint.id, MALANG_ID);
      cases.push(complaint);
    }
    const query = entitiesQuery(
      'Case',
      'id agency { name sanctions { id } } openedBy { name region { name } } notes { text author { name } } worker { cases { id } }',
    );
    const cost = async (count: number) => {
      const before = hub.statements();
      const response = await hub.request(MINISTRY, query, {
        representations: cases.slice(0, count).map(({ id }) => ({ __typename: 'Case', id })),
      });
      expect(response.errors).toEqual([]);
      return hub.statements() - before;
    };
    const [few, many] = [await cost(2), await cost(20)];
    // One statement per loader: cases, agencies, sanctions, institutions, regions, notes, worker
    // cases; and one insert into the access log.
    expect(few).toBe(8);
    expect(many).toBe(few);
  });

  it('resolves Worker.cases for 20 workers in as many statements as for 2', async () => {
    const workers: string[] = [];
    for (let index = 0; index < 20; index += 1) {
      const workerId = randomUUID();
      await insertTestCase(hub.db, MALANG_ID, { workerId });
      workers.push(workerId);
    }
    const cost = async (count: number) => {
      const before = hub.statements();
      const response = await hub.requestAsGateway(
        MALANG_OFFICE,
        entitiesQuery('Worker', 'cases { id openedBy { name } notes { text } }'),
        {
          representations: workers
            .slice(0, count)
            .map((id) => ({ __typename: 'Worker', id, districtCode: '35.07.11' })),
        },
      );
      expect(response.errors).toEqual([]);
      return hub.statements() - before;
    };
    const [few, many] = [await cost(2), await cost(20)];
    // Cases by worker, institutions, notes; and one insert into the access log.
    expect(few).toBe(4);
    expect(many).toBe(few);
  });
});
