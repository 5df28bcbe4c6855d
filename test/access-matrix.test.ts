import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLResponse } from '../shared/testing/graphql-client.js';
import { buildAccessWorld, type AccessWorld, type Who } from './helpers/access-world.js';
import { startTestHub, type TestHub } from './helpers/hub.js';

// DESIGN section 4, cell by cell, through the gateway with real tokens from /oauth/token. Each
// row of a table below is one test: (who, which data) -> what they get. `subgraph-matrix.test.ts`
// asks the same of each subgraph directly, with `_entities` requests shaped as the gateway's.

let hub: TestHub;
let world: AccessWorld;
beforeAll(async () => {
  hub = await startTestHub();
  world = await buildAccessWorld(hub);
}, 180_000);
afterAll(async () => {
  await hub.close();
});

type Outcome = 'yes' | 'masked' | 'forbidden' | 'summary' | 'full';

/** One kind of worker data: the selection that reads it and where it lands in the answer. */
const DATA = {
  nik: 'nik',
  'birth date': 'birthDate',
  phone: 'phone',
  address: 'address',
  'passport number': 'documents { number }',
  documents: 'documents { type status validUntil }',
  placements: 'placements { destinationCountry status }',
  cases: 'cases { category status summary }',
  enrollments: 'enrollments { status }',
  certifications: 'certifications { scheme }',
  'mentoring sessions': 'mentoringSessions { date form topics notes revenueBand }',
  'access log': 'accessLog { events { service action } }',
} as const;
type Data = keyof typeof DATA;

async function readWorker(who: Who, selection: string, id = world.ids.workerId) {
  return world.clients[who].query<{ worker: Record<string, unknown> | null }>(
    `query($id: ID!) { worker(id: $id) { fullName status district { code } ${selection} } }`,
    { id },
  );
}

function forbiddenAt(response: GraphQLResponse<unknown>, field: string): boolean {
  return response.errors.some(
    (error) => error.extensions?.code === 'FORBIDDEN' && error.path?.includes(field),
  );
}

function judge(
  data: Data,
  outcome: Outcome,
  response: GraphQLResponse<{ worker: Record<string, unknown> | null }>,
) {
  const worker = response.data?.worker;
  expect(worker, 'the worker row is visible').toMatchObject({
    fullName: 'Matrix Worker 901',
    status: expect.any(String),
  });
  const field = DATA[data].split(' ')[0]!;
  const value = worker?.[field];
  switch (outcome) {
    case 'forbidden':
      if (data === 'passport number') {
        expect((value as { number: unknown }[] | null)?.[0]?.number ?? null).toBeNull();
      } else {
        expect(value).toBeNull();
      }
      // A passport number is refused either on its own or with the documents that carry it.
      expect(
        data === 'passport number'
          ? forbiddenAt(response, 'number') || forbiddenAt(response, 'documents')
          : forbiddenAt(response, field),
      ).toBe(true);
      return;
    case 'masked':
      expect(value).toMatch(/^3507\*{8}\d{4}$/);
      return;
    case 'summary': {
      const [session] = value as Record<string, unknown>[];
      expect(session).toMatchObject({
        date: '2025-08-01',
        form: 'MENTORING',
        topics: ['BUSINESS_PLAN'],
        notes: null,
        revenueBand: null,
      });
      return;
    }
    case 'full': {
      const [session] = value as Record<string, unknown>[];
      expect(session).toMatchObject({ notes: 'Private note of the mentor.', revenueBand: 'UNDER_1M' });
      return;
    }
    case 'yes':
      expect(response.errors.filter((error) => error.path?.includes(field))).toEqual([]);
      if (data === 'nik') expect(value).toMatch(/^3507\d{12}$/);
      else if (data === 'passport number') expect(value).toEqual([{ number: 'C9012345' }]);
      else if (data === 'access log')
        expect((value as { events: unknown[] }).events.length).toBeGreaterThan(0);
      else if (Array.isArray(value)) expect(value.length).toBeGreaterThan(0);
      else expect(value).not.toBeNull();
  }
}

// Who sees which data of a worker of Kabupaten Malang they may see at all (DESIGN 4, "Fields").
const FIELD_MATRIX: Record<Exclude<Who, 'blitar' | 'otherTrainer' | 'otherCampus'>, Record<Data, Outcome>> = {
  malang: {
    nik: 'yes',
    'birth date': 'yes',
    phone: 'yes',
    address: 'yes',
    'passport number': 'yes',
    documents: 'yes',
    placements: 'yes',
    cases: 'yes',
    enrollments: 'yes',
    certifications: 'yes',
    'mentoring sessions': 'summary',
    'access log': 'yes',
  },
  caseOfficer: {
    nik: 'yes',
    'birth date': 'yes',
    phone: 'yes',
    address: 'yes',
    'passport number': 'yes',
    documents: 'yes',
    placements: 'yes',
    cases: 'yes',
    enrollments: 'yes',
    certifications: 'yes',
    'mentoring sessions': 'summary',
    'access log': 'forbidden',
  },
  analyst: {
    nik: 'masked',
    'birth date': 'forbidden',
    phone: 'forbidden',
    address: 'forbidden',
    'passport number': 'forbidden',
    documents: 'yes',
    placements: 'yes',
    cases: 'forbidden',
    enrollments: 'yes',
    certifications: 'yes',
    'mentoring sessions': 'summary',
    'access log': 'forbidden',
  },
  auditor: {
    nik: 'masked',
    'birth date': 'forbidden',
    phone: 'forbidden',
    address: 'forbidden',
    'passport number': 'forbidden',
    documents: 'yes',
    placements: 'yes',
    cases: 'forbidden',
    enrollments: 'yes',
    certifications: 'yes',
    'mentoring sessions': 'summary',
    'access log': 'yes',
  },
  trainer: {
    nik: 'masked',
    'birth date': 'forbidden',
    phone: 'forbidden',
    address: 'forbidden',
    'passport number': 'forbidden',
    documents: 'forbidden',
    placements: 'forbidden',
    cases: 'forbidden',
    enrollments: 'yes',
    certifications: 'yes',
    'mentoring sessions': 'forbidden',
    'access log': 'forbidden',
  },
  campus: {
    nik: 'masked',
    'birth date': 'forbidden',
    phone: 'forbidden',
    address: 'forbidden',
    'passport number': 'forbidden',
    documents: 'forbidden',
    placements: 'forbidden',
    cases: 'forbidden',
    enrollments: 'forbidden',
    certifications: 'yes',
    'mentoring sessions': 'full',
    'access log': 'forbidden',
  },
};

const FIELD_CASES = Object.entries(FIELD_MATRIX).flatMap(([who, row]) =>
  Object.entries(row).map(([data, outcome]) => [who as Who, data as Data, outcome] as const),
);

describe('fields, through the gateway (DESIGN 4: who sees which data)', () => {
  it.each(FIELD_CASES)('%s reading %s: %s', async (who, data, outcome) => {
    judge(data, outcome, await readWorker(who, DATA[data]));
  });
});

describe('rows, through the gateway (DESIGN 4: which workers a principal can see at all)', () => {
  const unknown = '00000000-0000-4000-8000-000000000000';
  it.each([
    ['malang', true],
    ['caseOfficer', true],
    ['analyst', true],
    ['auditor', true],
    ['trainer', true],
    ['campus', true],
    ['blitar', false],
    ['otherTrainer', false],
    ['otherCampus', false],
  ] as const)('%s sees the Malang worker: %s', async (who, sees) => {
    const response = await readWorker(who, 'nik');
    if (sees) {
      expect(response.data?.worker).toMatchObject({ fullName: 'Matrix Worker 901' });
      return;
    }
    // Indistinguishable from a worker that does not exist: same data, same errors.
    const missing = await readWorker(who, 'nik', unknown);
    expect(response.data).toEqual({ worker: null });
    expect(response.errors).toEqual(missing.errors);
  });

  it.each([
    ['blitar', 1],
    ['malang', 0],
    ['trainer', 0],
  ] as const)('%s finds the Blitar worker in its lists and counts: %s', async (who, expected) => {
    const response = await world.clients[who].query<{
      workers: { totalCount: number; edges: { node: { id: string } }[] };
    }>(`{ workers(filter: { nameContains: "Matrix Worker 902" }) { totalCount edges { node { id } } } }`);
    expect(response.data?.workers.totalCount).toBe(expected);
    expect(response.data?.workers.edges.map((edge) => edge.node.id)).toEqual(
      expected ? [world.ids.blitarWorkerId] : [],
    );
  });
});
