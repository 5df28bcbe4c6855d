import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entitiesQuery, errorCodes, postGraphQL } from '../../shared/testing/graphql-client.js';
import { startSubgraph, type SubgraphHarness } from '../../shared/testing/subgraph-harness.js';
import { createSubgraph } from './server.js';
import {
  courseInput,
  insertTestCourse,
  insertTestEnrollment,
  insertTestInstitution,
  insertTestProvider,
  providerClient,
  providerInput,
} from './testing/factories.js';

const MINISTRY = { kind: 'MINISTRY' } as const;
const MALANG_OFFICE = { kind: 'LABOUR_OFFICE', regionCode: '35.07' } as const;

const REGISTER = /* GraphQL */ `
  mutation ($input: RegisterTrainingProviderInput!) {
    registerTrainingProvider(input: $input) {
      id
      name
      kind
      accreditation
      accreditationValidUntil
      regionCode
      institution {
        id
      }
    }
  }
`;
const CREATE_COURSE = /* GraphQL */ `
  mutation ($input: CreateCourseInput!) {
    createCourse(input: $input) {
      id
      title
      kind
      language
      hours
      startDate
      endDate
      capacity
      enrolledCount
      provider {
        id
      }
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

describe('registerTrainingProvider', () => {
  it('registers a provider for the caller institution and lists it in its region', async () => {
    const institutionId = randomUUID();
    const input = providerInput({ regionCode: '35.79.01' });
    const response = await hub.request<{ registerTrainingProvider: { id: string } }>(
      providerClient(institutionId),
      REGISTER,
      { input },
    );
    expect(response.errors).toEqual([]);
    expect(response.data?.registerTrainingProvider).toMatchObject({
      name: input.name,
      kind: 'LPK',
      accreditation: 'A',
      accreditationValidUntil: '2029-12-31',
      regionCode: '35.79.01',
      institution: { id: institutionId },
    });
    const id = response.data?.registerTrainingProvider.id;
    const inBatu = await hub.request<{ trainingProviders: { id: string }[] }>(
      MALANG_OFFICE,
      '{ trainingProviders(regionCode: "35.79") { id } }',
    );
    expect(inBatu.data?.trainingProviders.map((provider) => provider.id)).toContain(id);
    const inBlitar = await hub.request<{ trainingProviders: { id: string }[] }>(
      MALANG_OFFICE,
      '{ trainingProviders(regionCode: "35.05") { id } }',
    );
    expect(inBlitar.data?.trainingProviders.map((provider) => provider.id)).not.toContain(id);
  });

  it('refuses an unknown region code and an empty name together, naming both fields', async () => {
    const response = await hub.request(providerClient(randomUUID()), REGISTER, {
      input: providerInput({ regionCode: '35.07.99', name: '   ' }),
    });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    const fields = (response.errors[0]?.extensions?.['issues'] as { field: string }[]).map(
      (issue) => issue.field,
    );
    expect(fields.sort()).toEqual(['input.name', 'input.regionCode']);
  });

  it('refuses an accreditation expiry for a provider that is not accredited', async () => {
    const response = await hub.request(providerClient(randomUUID()), REGISTER, {
      input: providerInput({ accreditation: 'NOT_ACCREDITED' }),
    });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors[0]?.extensions?.['field']).toBe('input.accreditationValidUntil');
  });

  it('refuses institutions other than training providers, and clients without training:write', async () => {
    const ministry = await hub.request(MINISTRY, REGISTER, { input: providerInput() });
    expect(errorCodes(ministry)).toEqual(['FORBIDDEN']);
    const readOnly = await hub.request({ kind: 'TRAINING_PROVIDER', scopes: ['workers:read'] }, REGISTER, {
      input: providerInput(),
    });
    expect(errorCodes(readOnly)).toEqual(['FORBIDDEN']);
  });

  it('refuses a second provider of the same name in one institution', async () => {
    const client = providerClient(randomUUID());
    const input = providerInput();
    await hub.request(client, REGISTER, { input });
    const again = await hub.request(client, REGISTER, { input: { ...input, kind: 'BLK' } });
    expect(errorCodes(again)).toEqual(['CONFLICT']);
  });
});

describe('createCourse', () => {
  it('schedules a course at an own provider and finds it by id and by provider', async () => {
    const institutionId = randomUUID();
    const provider = await insertTestProvider(hub.db, institutionId);
    const created = await hub.request<{ createCourse: { id: string } }>(
      providerClient(institutionId),
      CREATE_COURSE,
      {
        input: courseInput(provider.id),
      },
    );
    expect(created.errors).toEqual([]);
    expect(created.data?.createCourse).toMatchObject({
      kind: 'LANGUAGE',
      language: 'zh',
      hours: 600,
      startDate: '2025-02-03',
      capacity: 30,
      enrolledCount: 0,
      provider: { id: provider.id },
    });
    const id = created.data?.createCourse.id;
    const byProvider = await hub.request(MINISTRY, 'query($id: ID!) { courses(providerId: $id) { id } }', {
      id: provider.id,
    });
    expect(byProvider.data).toEqual({ courses: [{ id }] });
    const byId = await hub.request(
      MINISTRY,
      'query($id: ID!) { course(id: $id) { title provider { name } } }',
      { id },
    );
    expect(byId.data).toEqual({
      course: { title: 'Bahasa Mandarin untuk Caregiver', provider: { name: provider.name } },
    });
  });

  it.each([
    ['endDate', { startDate: '2025-06-01', endDate: '2025-05-01' }],
    ['hours', { hours: 0 }],
    ['hours', { hours: 2001 }],
    ['capacity', { capacity: 1001 }],
    ['language', { language: 'ZH' }],
    ['language', { language: 'xx' }],
    ['language', { language: null }],
    ['title', { title: '' }],
    ['title', { title: 'x'.repeat(201) }],
    ['providerId', { providerId: 'not-a-uuid' }],
  ])('refuses bad input naming input.%s, and writes nothing', async (field, overrides) => {
    const { client, provider } = await insertTestInstitution(hub.db);
    const response = await hub.request(client, CREATE_COURSE, { input: courseInput(provider.id, overrides) });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors[0]?.extensions?.['field']).toBe(`input.${field}`);
    const courses = await hub.request(MINISTRY, 'query($id: ID!) { courses(providerId: $id) { id } }', {
      id: provider.id,
    });
    expect((courses.data?.['courses'] as unknown[]).length).toBe(1);
  });

  it("answers another institution's provider exactly like an unknown one", async () => {
    const other = await insertTestProvider(hub.db);
    const client = providerClient(randomUUID());
    for (const providerId of [other.id, randomUUID()]) {
      const response = await hub.request(client, CREATE_COURSE, { input: courseInput(providerId) });
      expect(errorCodes(response)).toEqual(['NOT_FOUND']);
      expect(response.errors[0]?.message).toBe('TrainingProvider not found.');
    }
  });

  it('refuses a ministry client', async () => {
    const provider = await insertTestProvider(hub.db);
    const response = await hub.request(MINISTRY, CREATE_COURSE, { input: courseInput(provider.id) });
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
  });
});

describe('directory reads', () => {
  it('lists courses starting on or after a date, earliest first', async () => {
    const { provider } = await insertTestInstitution(hub.db, {
      startDate: '2031-01-10',
      endDate: '2031-02-10',
    });
    const later = await insertTestCourse(hub.db, provider.id, {
      startDate: '2031-03-01',
      endDate: '2031-04-01',
    });
    const earlier = await insertTestCourse(hub.db, provider.id, {
      startDate: '2031-02-01',
      endDate: '2031-03-01',
    });
    const response = await hub.request(MINISTRY, '{ courses(startsFrom: "2031-01-15") { id startDate } }');
    expect(response.data).toEqual({
      courses: [
        { id: earlier.id, startDate: '2031-02-01' },
        { id: later.id, startDate: '2031-03-01' },
      ],
    });
  });

  it('refuses a malformed provider id and an unknown region code in list filters', async () => {
    const courses = await hub.request(MINISTRY, '{ courses(providerId: "42") { id } }');
    expect(errorCodes(courses)).toEqual(['BAD_USER_INPUT']);
    expect(courses.errors[0]?.extensions?.['field']).toBe('providerId');
    const providers = await hub.request(MINISTRY, '{ trainingProviders(regionCode: "35.99") { id } }');
    expect(errorCodes(providers)).toEqual(['BAD_USER_INPUT']);
    expect(providers.errors[0]?.extensions?.['field']).toBe('regionCode');
  });

  it('answers null for an unknown or malformed provider or course id', async () => {
    const response = await hub.request(
      MINISTRY,
      `{ a: trainingProvider(id: "${randomUUID()}") { id } b: trainingProvider(id: "x") { id }
         c: course(id: "${randomUUID()}") { id } d: course(id: "1; drop table x") { id } }`,
    );
    expect(response.errors).toEqual([]);
    expect(response.data).toEqual({ a: null, b: null, c: null, d: null });
  });

  it('counts live enrolments for everyone but shows who is enrolled to the own institution only', async () => {
    const { institutionId, course } = await insertTestInstitution(hub.db);
    await insertTestEnrollment(hub.db, course.id, randomUUID());
    await insertTestEnrollment(hub.db, course.id, randomUUID(), { status: 'WITHDRAWN' });
    const query = 'query($id: ID!) { course(id: $id) { enrolledCount enrollments { id } } }';
    const ministry = await hub.request(MINISTRY, query, { id: course.id });
    expect(ministry.data).toEqual({ course: { enrolledCount: 1, enrollments: null } });
    expect(errorCodes(ministry)).toEqual(['FORBIDDEN']);
    const own = await hub.request(providerClient(institutionId), query, { id: course.id });
    expect(own.errors).toEqual([]);
    // Enrolled workers without an active consent stay hidden even from the course's own provider.
    expect(own.data).toEqual({ course: { enrolledCount: 1, enrollments: [] } });
  });

  it('resolves providers and courses as entities, with null for unknown ids', async () => {
    const { provider, course } = await insertTestInstitution(hub.db);
    const providers = await hub.request(
      MINISTRY,
      entitiesQuery('TrainingProvider', 'id name courses { id }'),
      {
        representations: [
          { __typename: 'TrainingProvider', id: randomUUID() },
          { __typename: 'TrainingProvider', id: provider.id },
          { __typename: 'TrainingProvider', id: 'nope' },
        ],
      },
    );
    expect(providers.data).toEqual({
      _entities: [null, { id: provider.id, name: provider.name, courses: [{ id: course.id }] }, null],
    });
    const courses = await hub.request(MALANG_OFFICE, entitiesQuery('Course', 'id hours'), {
      representations: [{ __typename: 'Course', id: course.id }],
    });
    expect(courses.data).toEqual({ _entities: [{ id: course.id, hours: 200 }] });
  });

  it('answers a request without a token with UNAUTHENTICATED', async () => {
    const response = await postGraphQL(hub.url, '{ trainingProviders { id } }');
    expect(response.status).toBe(401);
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });
});
