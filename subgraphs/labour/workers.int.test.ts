import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entitiesQuery, errorCodes, postGraphQL } from '../../shared/testing/graphql-client.js';
import { startSubgraph, type SubgraphHarness } from '../../shared/testing/subgraph-harness.js';
import { createSubgraph } from './server.js';
import { insertTestConsent, insertTestWorker, workerInput } from './testing/factories.js';

const MALANG_OFFICE = { kind: 'LABOUR_OFFICE', regionCode: '35.07' } as const;
const BLITAR_OFFICE = { kind: 'LABOUR_OFFICE', regionCode: '35.05' } as const;
const MINISTRY = { kind: 'MINISTRY' } as const;

const REGISTER = /* GraphQL */ `
  mutation Register($input: RegisterWorkerInput!) {
    registerWorker(input: $input) {
      id
      nik
      fullName
      status
      districtCode
      villageCode
    }
  }
`;

let hub: SubgraphHarness;
beforeAll(async () => {
  hub = await startSubgraph(createSubgraph);
});
afterAll(async () => {
  await hub.close();
});

describe('registerWorker', () => {
  it('registers a worker in the office region and finds her by id and by NIK', async () => {
    const input = workerInput();
    const registered = await hub.request<{
      registerWorker: { id: string; status: string; districtCode: string };
    }>(MALANG_OFFICE, REGISTER, { input });
    expect(registered.errors).toEqual([]);
    expect(registered.data?.registerWorker).toMatchObject({ status: 'REGISTERED', districtCode: '35.07.11' });
    const id = registered.data?.registerWorker.id;

    const byId = await hub.request(MALANG_OFFICE, 'query($id: ID!) { worker(id: $id) { nik fullName } }', {
      id,
    });
    expect(byId.data).toEqual({ worker: { nik: input.nik, fullName: input.fullName } });
    const byNik = await hub.request(MINISTRY, 'query($nik: String!) { workerByNik(nik: $nik) { id } }', {
      nik: input.nik,
    });
    expect(byNik.data).toEqual({ workerByNik: { id } });
  });

  it('refuses an invalid NIK with BAD_USER_INPUT naming the field, and writes nothing', async () => {
    const input = workerInput({ nik: '3507119912850003' });
    const before = await hub.request<{ workers: { totalCount: number } }>(
      MINISTRY,
      '{ workers { totalCount } }',
    );
    const response = await hub.request(MALANG_OFFICE, REGISTER, { input });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors[0]?.extensions?.['field']).toBe('input.nik');
    const after = await hub.request<{ workers: { totalCount: number } }>(
      MINISTRY,
      '{ workers { totalCount } }',
    );
    expect(after.data?.workers.totalCount).toBe(before.data?.workers.totalCount);
  });

  it('refuses an unknown village code', async () => {
    const response = await hub.request(MALANG_OFFICE, REGISTER, {
      input: workerInput({ villageCode: '35.07.11.2999' }),
    });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors[0]?.extensions?.['field']).toBe('input.villageCode');
  });

  it('refuses a registration outside the office region', async () => {
    const response = await hub.request(BLITAR_OFFICE, REGISTER, { input: workerInput() });
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
  });

  it('refuses a second worker with the same NIK', async () => {
    const input = workerInput();
    await hub.request(MALANG_OFFICE, REGISTER, { input });
    const again = await hub.request(MALANG_OFFICE, REGISTER, {
      input: { ...input, fullName: 'Someone Else' },
    });
    expect(errorCodes(again)).toEqual(['CONFLICT']);
  });
});

describe('authentication', () => {
  it('answers a request without a token with UNAUTHENTICATED and HTTP 401', async () => {
    const response = await postGraphQL(hub.url, '{ workers { totalCount } }');
    expect(response.status).toBe(401);
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    expect(response.data ?? null).toBeNull();
  });

  it('answers _entities without a token with UNAUTHENTICATED', async () => {
    const response = await postGraphQL(hub.url, entitiesQuery('Worker', 'nik'), {
      representations: [{ __typename: 'Worker', id: randomUUID() }],
    });
    expect(response.status).toBe(401);
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('worker rows', () => {
  it('resolves _entities in the order asked, with null for workers the caller may not see', async () => {
    const malang = await insertTestWorker(hub.db, { villageCode: '35.07.13.2001', districtCode: '35.07.13' });
    const blitar = await insertTestWorker(hub.db, { villageCode: '35.05.01.2001', districtCode: '35.05.01' });
    const representations = [
      { __typename: 'Worker', id: blitar.id },
      { __typename: 'Worker', id: randomUUID() },
      { __typename: 'Worker', id: malang.id },
    ];
    const response = await hub.request(MALANG_OFFICE, entitiesQuery('Worker', 'id'), { representations });
    expect(response.data).toEqual({ _entities: [null, null, { id: malang.id }] });
  });

  it('shows a training provider only the workers who consented to it', async () => {
    const provider = randomUUID();
    const consenting = await insertTestWorker(hub.db);
    const other = await insertTestWorker(hub.db);
    await insertTestConsent(hub.db, consenting.id, provider, { purpose: 'TRAINING' });
    const response = await hub.request(
      { kind: 'TRAINING_PROVIDER', institutionId: provider },
      entitiesQuery('Worker', 'id'),
      { representations: [consenting, other].map(({ id }) => ({ __typename: 'Worker', id })) },
    );
    expect(response.data).toEqual({ _entities: [{ id: consenting.id }, null] });
  });
});

describe('the list of workers', () => {
  const PAGE = /* GraphQL */ `
    query Page($regionCode: String!, $after: String) {
      workers(filter: { regionCode: $regionCode }, first: 2, after: $after) {
        totalCount
        edges {
          node {
            id
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  `;
  interface Page {
    workers: {
      totalCount: number;
      edges: { node: { id: string } }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  }

  it('counts every worker the caller may see on every page, the page past the last and an empty list too', async () => {
    const regionCode = '35.07.21';
    const ids = new Set<string>();
    for (let index = 0; index < 5; index += 1) {
      ids.add(
        (await insertTestWorker(hub.db, { villageCode: '35.07.21.2001', districtCode: regionCode })).id,
      );
    }
    await insertTestWorker(hub.db, { villageCode: '35.05.01.2001', districtCode: '35.05.01' });
    const seen: string[] = [];
    let after: string | null = null;
    const totals: number[] = [];
    for (let page = 0; page < 3; page += 1) {
      const response: { data?: Page | null | undefined } = await hub.request<Page>(MALANG_OFFICE, PAGE, {
        regionCode,
        after,
      });
      const workers: Page['workers'] = response.data!.workers;
      totals.push(workers.totalCount);
      seen.push(...workers.edges.map(({ node }) => node.id));
      expect(workers.pageInfo.hasNextPage).toBe(page < 2);
      after = workers.pageInfo.endCursor;
    }
    expect(totals).toEqual([5, 5, 5]);
    expect(new Set(seen)).toEqual(ids);

    const past = await hub.request<Page>(MALANG_OFFICE, PAGE, { regionCode, after });
    expect(past.data?.workers).toMatchObject({ totalCount: 5, edges: [], pageInfo: { hasNextPage: false } });
    // Blitar's office sees none of Malang's workers, and is told there are none.
    const blitar = await hub.request<Page>(BLITAR_OFFICE, PAGE, { regionCode, after: null });
    expect(blitar.data?.workers).toMatchObject({ totalCount: 0, edges: [] });
  });

  it('keeps the row rule whatever region the filter names: wider, narrower, a village, another regency', async () => {
    const inMalang = await insertTestWorker(hub.db, {
      villageCode: '35.07.22.2001',
      districtCode: '35.07.22',
    });
    const inBlitar = await insertTestWorker(hub.db, {
      villageCode: '35.05.22.2001',
      districtCode: '35.05.22',
    });
    const idsFor = async (office: typeof MALANG_OFFICE | typeof BLITAR_OFFICE, code: string) => {
      const response = await hub.request<Page>(office, PAGE.replace('first: 2', 'first: 100'), {
        regionCode: code,
        after: null,
      });
      return response.data!.workers.edges.map(({ node }) => node.id);
    };
    // The province is wider than Malang's office: only Malang's workers come back, never Blitar's.
    const province = await idsFor(MALANG_OFFICE, '35');
    expect(province).toContain(inMalang.id);
    expect(province).not.toContain(inBlitar.id);
    expect(await idsFor(MALANG_OFFICE, '35.07')).toContain(inMalang.id);
    expect(await idsFor(MALANG_OFFICE, '35.07.22')).toEqual([inMalang.id]);
    expect(await idsFor(MALANG_OFFICE, '35.05.22')).toEqual([]);
    expect(await idsFor(BLITAR_OFFICE, '35.05.22')).toEqual([inBlitar.id]);
    // Workers are kept by kecamatan: a village names none of them.
    expect(await idsFor(MALANG_OFFICE, '35.07.22.2001')).toEqual([]);
  });
});
