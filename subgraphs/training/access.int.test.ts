import { randomUUID } from 'node:crypto';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraphTypeDefs } from '../../shared/schema-files.js';
import { entitiesQuery, errorCodes } from '../../shared/testing/graphql-client.js';
import { fieldsWithoutRule, undeclaredSearches } from '../../shared/testing/permissions.js';
import { startSubgraph, type SubgraphHarness } from '../../shared/testing/subgraph-harness.js';
import type { TestIdentity } from '../../shared/testing/tokens.js';
import { accessEvents } from './db/schema.js';
import { access } from './permissions.js';
import { resolvers } from './resolvers/index.js';
import { createSubgraph } from './server.js';
import {
  courseInput,
  insertTestCertification,
  insertTestConsentFact,
  insertTestEnrollment,
  insertTestInstitution,
  providerInput,
  universityClient,
} from './testing/factories.js';

const MALANG_OFFICE = { kind: 'LABOUR_OFFICE', regionCode: '35.07' } as const;
const READER = { kind: 'MINISTRY', scopes: ['workers:read'] } as const;
const ANALYST = { kind: 'MINISTRY', scopes: ['stats:read'] } as const;

let hub: SubgraphHarness;
beforeAll(async () => {
  hub = await startSubgraph(createSubgraph);
});
afterAll(async () => {
  await hub.close();
});

/** A worker of Kalipare enrolled and certified at one provider institution, consenting to it. */
async function trainee() {
  const institution = await insertTestInstitution(hub.db);
  const { workerId } = await insertTestConsentFact(hub.db, institution.institutionId);
  const enrollment = await insertTestEnrollment(hub.db, institution.course.id, workerId, { score: 81 });
  const certification = await insertTestCertification(hub.db, institution.provider.id, workerId, {
    validUntil: '2028-04-09',
  });
  // A second consenting worker, not enrolled yet.
  const newcomer = (await insertTestConsentFact(hub.db, institution.institutionId)).workerId;
  return { ...institution, workerId, newcomer, enrollment, certification };
}

/** One `_entities` request for one entity; its data and the error codes, with the field each names. */
async function entity(identity: TestIdentity, typename: string, id: string, selection: string) {
  const response = await hub.request<{ _entities: unknown[] }>(identity, entitiesQuery(typename, selection), {
    representations: [{ __typename: typename, id }],
  });
  const refused = response.errors
    .map((error) => [error.extensions?.code, error.path?.at(-1)])
    .sort((a, b) => String(a[1]).localeCompare(String(b[1])));
  return { data: response.data?._entities[0], refused };
}

describe('the rule map', () => {
  it('names a rule for every field of the training schema', () => {
    const schema = buildSubgraphSchema({
      typeDefs: subgraphTypeDefs('training'),
      resolvers: resolvers as GraphQLResolverMap<unknown>,
    });
    expect(fieldsWithoutRule(schema, access.fields)).toEqual([]);
    // Every argument that selects or orders rows says which values it answers for.
    expect(undeclaredSearches(schema, access)).toEqual([]);
  });
});

describe('field rules', () => {
  it('serves the directory of providers and courses to every authenticated client, whatever its scopes', async () => {
    const { provider, course } = await insertTestInstitution(hub.db);
    const query = `query($p: ID!, $c: ID!) {
      trainingProvider(id: $p) { name institution { id } courses { id } }
      course(id: $c) { title enrolledCount provider { id } } }`;
    for (const identity of [ANALYST, { kind: 'UNIVERSITY', scopes: ['mentoring:write'] }] as const) {
      const response = await hub.request(identity, query, { p: provider.id, c: course.id });
      expect(response.errors).toEqual([]);
      expect(response.data).toEqual({
        trainingProvider: {
          name: provider.name,
          institution: { id: provider.institutionId },
          courses: [{ id: course.id }],
        },
        course: { title: course.title, enrolledCount: 0, provider: { id: provider.id } },
      });
    }
  });

  it("gives a worker's enrolments and certifications to a client with workers:read", async () => {
    const t = await trainee();
    const seen = await entity(READER, 'Worker', t.workerId, 'enrollments { id } certifications { id }');
    expect(seen).toEqual({
      data: { enrollments: [{ id: t.enrollment.id }], certifications: [{ id: t.certification.id }] },
      refused: [],
    });
  });

  it("refuses a worker's enrolments and certifications, with FORBIDDEN, without workers:read", async () => {
    const t = await trainee();
    const seen = await entity(ANALYST, 'Worker', t.workerId, 'enrollments { id } certifications { id }');
    expect(seen.data).toEqual({ enrollments: null, certifications: null });
    expect(seen.refused).toEqual([
      ['FORBIDDEN', 'certifications'],
      ['FORBIDDEN', 'enrollments'],
    ]);
  });

  it('refuses enrolments to a university even with workers:read and a consent, but not certifications', async () => {
    const t = await trainee();
    const universityId = randomUUID();
    await insertTestConsentFact(hub.db, universityId, { workerId: t.workerId, purpose: 'EMPOWERMENT' });
    const seen = await entity(
      universityClient(universityId),
      'Worker',
      t.workerId,
      'enrollments { id } certifications { id }',
    );
    expect(seen).toEqual({
      data: { enrollments: null, certifications: [{ id: t.certification.id }] },
      refused: [['FORBIDDEN', 'enrollments']],
    });
  });

  it('serves the fields of an enrolment and a certificate with workers:read, and refuses them without', async () => {
    const t = await trainee();
    const enrollment = 'score completedOn';
    const certification = 'validUntil course { id }';
    expect(await entity(READER, 'Enrollment', t.enrollment.id, enrollment)).toEqual({
      data: { score: 81, completedOn: null },
      refused: [],
    });
    expect(await entity(READER, 'Certification', t.certification.id, certification)).toEqual({
      data: { validUntil: '2028-04-09', course: null },
      refused: [],
    });
    expect(await entity(ANALYST, 'Enrollment', t.enrollment.id, enrollment)).toEqual({
      data: { score: null, completedOn: null },
      refused: [
        ['FORBIDDEN', 'completedOn'],
        ['FORBIDDEN', 'score'],
      ],
    });
    expect(await entity(ANALYST, 'Certification', t.certification.id, certification)).toEqual({
      data: { validUntil: null, course: null },
      refused: [
        ['FORBIDDEN', 'course'],
        ['FORBIDDEN', 'validUntil'],
      ],
    });
  });

  it("shows who is enrolled in a course to the course's own provider with workers:read only", async () => {
    const t = await trainee();
    const own = await entity(t.client, 'Course', t.course.id, 'enrollments { id }');
    expect(own).toEqual({ data: { enrollments: [{ id: t.enrollment.id }] }, refused: [] });
    const callers = [
      { kind: 'TRAINING_PROVIDER', institutionId: t.institutionId, scopes: ['training:write'] },
      MALANG_OFFICE,
      universityClient(randomUUID()),
    ] as const;
    for (const caller of callers) {
      const seen = await entity(caller, 'Course', t.course.id, 'enrollments { id }');
      expect(seen).toEqual({ data: { enrollments: null }, refused: [['FORBIDDEN', 'enrollments']] });
    }
  });

  it('counts region statistics for clients with stats:read, and refuses them without', async () => {
    const cell = { __typename: 'RegionStats', regionCode: '35.07', year: 2025 };
    const query = entitiesQuery('RegionStats', 'enrolled { suppressed } certified { suppressed }');
    const allowed = await hub.request(ANALYST, query, { representations: [cell] });
    expect(allowed.errors).toEqual([]);
    expect(allowed.data).toEqual({
      _entities: [{ enrolled: { suppressed: false }, certified: { suppressed: false } }],
    });
    const refused = await hub.request(READER, query, { representations: [cell] });
    expect(new Set(errorCodes(refused))).toEqual(new Set(['FORBIDDEN']));
    expect(refused.data).toEqual({ _entities: [null] });
  });
});

describe('write rules', () => {
  const WRITES: readonly [string, (t: Awaited<ReturnType<typeof trainee>>) => [string, object]][] = [
    [
      'registerTrainingProvider',
      () => [
        'mutation($i: RegisterTrainingProviderInput!) { registerTrainingProvider(input: $i) { id } }',
        { i: providerInput() },
      ],
    ],
    [
      'createCourse',
      (t) => [
        'mutation($i: CreateCourseInput!) { createCourse(input: $i) { id } }',
        { i: courseInput(t.provider.id) },
      ],
    ],
    [
      'enrollWorker',
      (t) => [
        'mutation($c: ID!, $w: ID!) { enrollWorker(courseId: $c, workerId: $w) { id } }',
        { c: t.course.id, w: t.newcomer },
      ],
    ],
    [
      'updateEnrollment',
      (t) => [
        'mutation($id: ID!) { updateEnrollment(id: $id, input: { score: 90 }) { id } }',
        { id: t.enrollment.id },
      ],
    ],
    [
      'issueCertification',
      (t) => [
        'mutation($i: IssueCertificationInput!) { issueCertification(input: $i) { id } }',
        {
          i: {
            workerId: t.workerId,
            scheme: 'Cook',
            issuer: 'LSP',
            number: randomUUID(),
            issuedOn: '2025-04-10',
          },
        },
      ],
    ],
  ];

  it.each(WRITES)(
    '%s is refused with FORBIDDEN, and nothing written, without training:write or for another kind',
    async (_name, operation) => {
      const t = await trainee();
      const [mutation, variables] = operation(t);
      const before = (await hub.db.select().from(accessEvents)).length;
      for (const caller of [
        { kind: 'TRAINING_PROVIDER', institutionId: t.institutionId, scopes: ['workers:read'] },
        { kind: 'LABOUR_OFFICE', regionCode: '35.07' },
        { kind: 'MINISTRY' },
      ] as const) {
        const response = await hub.request(caller, mutation, variables as Record<string, unknown>);
        expect(errorCodes(response)).toEqual(['FORBIDDEN']);
      }
      expect(await hub.db.select().from(accessEvents)).toHaveLength(before);
      // The same write by the provider's own client is allowed: the refusal was the rule's.
      const allowed = await hub.request(t.client, mutation, variables as Record<string, unknown>);
      expect(allowed.errors).toEqual([]);
    },
  );
});
