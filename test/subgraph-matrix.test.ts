import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubgraphName } from '../shared/config.js';
import { operationAsGateway } from '../shared/testing/gateway-request.js';
import {
  bearer,
  entitiesQuery,
  postGraphQL,
  type GraphQLResponse,
} from '../shared/testing/graphql-client.js';
import { buildAccessWorld, type AccessWorld, type Who } from './helpers/access-world.js';
import { startTestHub, type TestHub } from './helpers/hub.js';

// DESIGN section 4 again, asked of each subgraph directly with `_entities` requests shaped as the
// gateway's query planner sends them, with the same real tokens. Subgraphs trust no one: their
// answers must not depend on the request having come through the gateway.

let hub: TestHub;
let world: AccessWorld;
const tokens = new Map<Who, string>();
beforeAll(async () => {
  hub = await startTestHub();
  world = await buildAccessWorld(hub);
  for (const who of Object.keys(world.clients) as Who[]) tokens.set(who, await world.clients[who].token());
}, 180_000);
afterAll(async () => {
  await hub.close();
});

type Entity = Record<string, unknown> | null;

/** `_entities` for one representation, straight at a subgraph; `signed` as the gateway would. */
async function entity(
  subgraph: SubgraphName,
  who: Who,
  representation: Record<string, unknown>,
  selection: string,
  signed = false,
) {
  const query = entitiesQuery(String(representation['__typename']), selection);
  const variables = { representations: [representation] };
  const caller = bearer(tokens.get(who)!);
  const headers = signed
    ? await operationAsGateway(hub.gateway.serviceKeys, subgraph, query, variables, caller)
    : caller;
  const response = await postGraphQL<{ _entities: Entity[] }>(
    hub.subgraphUrls[subgraph],
    query,
    variables,
    headers,
  );
  return { response, value: response.data?._entities[0] ?? null };
}

const forbidden = (response: GraphQLResponse<unknown>, field: string) =>
  response.errors.some((error) => error.extensions?.code === 'FORBIDDEN' && error.path?.includes(field));

describe('labour: Worker and its records', () => {
  const worker = () => ({ __typename: 'Worker', id: world.ids.workerId });
  it.each([
    ['malang', 'full', 'yes'],
    ['caseOfficer', 'full', 'yes'],
    ['analyst', 'masked', 'yes'],
    ['trainer', 'masked', 'forbidden'],
    ['campus', 'masked', 'forbidden'],
  ] as const)('%s: NIK %s, documents %s', async (who, nik, documents) => {
    const { response, value } = await entity(
      'labour',
      who,
      worker(),
      'fullName nik birthDate documents { type }',
    );
    expect(value?.['fullName']).toBe('Matrix Worker 901');
    expect(value?.['nik']).toMatch(nik === 'full' ? /^3507\d{12}$/ : /^3507\*{8}\d{4}$/);
    expect(value?.['birthDate'] === null).toBe(nik === 'masked');
    if (documents === 'yes') expect(value?.['documents']).toEqual([{ type: 'PASSPORT' }]);
    else expect(forbidden(response, 'documents')).toBe(true);
  });

  it.each(['blitar', 'otherTrainer', 'otherCampus'] as const)(
    '%s gets null for the worker, as for one that does not exist',
    async (who) => {
      const { response, value } = await entity('labour', who, worker(), 'fullName');
      const missing = await entity(
        'labour',
        who,
        { __typename: 'Worker', id: '00000000-0000-4000-8000-000000000000' },
        'fullName',
      );
      expect(value).toBeNull();
      expect(response.errors).toEqual(missing.response.errors);
    },
  );

  it.each([
    ['malang', 'C9012345'],
    ['caseOfficer', 'C9012345'],
    ['analyst', 'forbidden'],
    ['trainer', 'hidden'],
  ] as const)('%s reading the passport document: %s', async (who, outcome) => {
    const { response, value } = await entity(
      'labour',
      who,
      { __typename: 'Document', id: world.ids.passportId },
      'type number',
    );
    if (outcome === 'hidden') expect(value).toBeNull();
    else if (outcome === 'forbidden')
      expect(value?.['number'] === null && forbidden(response, 'number')).toBe(true);
    else expect(value).toEqual({ type: 'PASSPORT', number: outcome });
  });
});

describe('ministry: cases', () => {
  const worker = (districtCode: string) => ({ __typename: 'Worker', id: world.ids.workerId, districtCode });
  it.each([
    ['malang', 'yes'],
    ['caseOfficer', 'yes'],
    ['analyst', 'forbidden'],
    ['blitar', 'forbidden'],
    ['trainer', 'forbidden'],
    ['campus', 'forbidden'],
  ] as const)('%s reading Worker.cases: %s', async (who, outcome) => {
    const { response, value } = await entity(
      'ministry',
      who,
      worker('35.07.11'),
      'cases { category summary }',
      true,
    );
    if (outcome === 'yes')
      expect(value?.['cases']).toEqual([
        { category: 'UNPAID_WAGES', summary: 'Wages unpaid for two months.' },
      ]);
    else expect(forbidden(response, 'cases')).toBe(true);
  });

  it('gives a labour office nothing of another region, whatever kecamatan it writes into the representation', async () => {
    const { value } = await entity('ministry', 'blitar', worker('35.05.01'), 'cases { category }');
    expect(value?.['cases'] ?? []).toEqual([]);
  });

  it.each([
    ['malang', true],
    ['caseOfficer', true],
    ['blitar', false],
    ['trainer', false],
  ] as const)('%s resolving the case by id: visible %s', async (who, visible) => {
    const { value } = await entity('ministry', who, { __typename: 'Case', id: world.ids.caseId }, 'category');
    if (visible) expect(value).toEqual({ category: 'UNPAID_WAGES' });
    else expect(value?.['category'] ?? null).toBeNull();
  });
});

describe('training: enrolments and certificates', () => {
  const worker = () => ({ __typename: 'Worker', id: world.ids.workerId });
  it.each([
    ['malang', 1, 1],
    ['caseOfficer', 1, 1],
    ['trainer', 1, 1],
    ['otherTrainer', 0, 0],
    ['blitar', 0, 0],
    ['campus', 'forbidden', 1],
    ['otherCampus', 'forbidden', 0],
  ] as const)('%s: enrolments %s, certificates %s', async (who, enrollments, certifications) => {
    const { response, value } = await entity(
      'training',
      who,
      worker(),
      'enrollments { status } certifications { scheme }',
    );
    if (enrollments === 'forbidden') expect(forbidden(response, 'enrollments')).toBe(true);
    else expect(value?.['enrollments']).toHaveLength(enrollments);
    expect((value?.['certifications'] as unknown[] | null) ?? []).toHaveLength(certifications);
  });

  it.each([
    ['trainer', true],
    ['malang', true],
    ['otherTrainer', false],
    ['campus', false],
  ] as const)('%s resolving the enrolment by id: visible %s', async (who, visible) => {
    const { value } = await entity(
      'training',
      who,
      { __typename: 'Enrollment', id: world.ids.enrollmentId },
      'status',
    );
    expect(value?.['status'] ?? null).toBe(visible ? 'COMPLETED' : null);
  });
});

describe('university: mentoring sessions', () => {
  const worker = () => ({ __typename: 'Worker', id: world.ids.workerId });
  it.each([
    ['campus', 'full'],
    ['malang', 'summary'],
    ['caseOfficer', 'summary'],
    ['otherCampus', 'none'],
    ['trainer', 'forbidden'],
  ] as const)('%s reading Worker.mentoringSessions: %s', async (who, outcome) => {
    const { response, value } = await entity(
      'university',
      who,
      worker(),
      'mentoringSessions { date notes revenueBand }',
    );
    const sessions = value?.['mentoringSessions'] as Record<string, unknown>[] | null;
    if (outcome === 'forbidden') expect(forbidden(response, 'mentoringSessions')).toBe(true);
    else if (outcome === 'none') expect(sessions ?? []).toEqual([]);
    else if (outcome === 'full')
      expect(sessions).toEqual([
        { date: '2025-08-01', notes: 'Private note of the mentor.', revenueBand: 'UNDER_1M' },
      ]);
    else expect(sessions).toEqual([{ date: '2025-08-01', notes: null, revenueBand: null }]);
  });

  it.each([
    ['campus', 'Private note of the mentor.'],
    ['caseOfficer', null],
    ['otherCampus', 'hidden'],
    ['trainer', 'hidden'],
  ] as const)('%s resolving the session by id: notes %s', async (who, notes) => {
    const { value } = await entity(
      'university',
      who,
      { __typename: 'MentoringSession', id: world.ids.sessionId },
      'date notes',
    );
    if (notes === 'hidden') expect(value).toBeNull();
    else expect(value).toEqual({ date: '2025-08-01', notes });
  });
});

describe("each service's part of the access log", () => {
  const field = {
    ministry: 'ministryAccessEvents',
    training: 'trainingAccessEvents',
    university: 'universityAccessEvents',
  } as const;
  it.each(['ministry', 'training', 'university'] as const)(
    '%s serves it to auditors and the region office only, and only on signed kecamatan facts',
    async (subgraph) => {
      const representation = { __typename: 'Worker', id: world.ids.workerId, districtCode: '35.07.11' };
      const selection = `${field[subgraph]} { service }`;
      for (const who of ['auditor', 'malang'] as const) {
        const { value } = await entity(subgraph, who, representation, selection, true);
        expect((value?.[field[subgraph]] as unknown[]).length, `${subgraph} ${who}`).toBeGreaterThan(0);
      }
      for (const who of ['caseOfficer', 'trainer', 'campus'] as const) {
        expect(
          forbidden((await entity(subgraph, who, representation, selection, true)).response, field[subgraph]),
        ).toBe(true);
      }
      // The Blitar office claiming a Malang kecamatan, and the Malang office without the gateway's signature.
      expect(
        forbidden(
          (await entity(subgraph, 'blitar', representation, selection, true)).response,
          field[subgraph],
        ),
      ).toBe(true);
      expect(
        forbidden(
          (await entity(subgraph, 'malang', representation, selection, false)).response,
          field[subgraph],
        ),
      ).toBe(true);
    },
  );
});
