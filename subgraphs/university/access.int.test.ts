import { randomUUID } from 'node:crypto';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraphTypeDefs } from '../../shared/schema-files.js';
import { entitiesQuery, errorCodes } from '../../shared/testing/graphql-client.js';
import { fieldsWithoutRule, undeclaredSearches } from '../../shared/testing/permissions.js';
import { startSubgraph, type SubgraphHarness } from '../../shared/testing/subgraph-harness.js';
import { access } from './permissions.js';
import { resolvers } from './resolvers/index.js';
import { createSubgraph } from './server.js';
import { insertTestConsentFact, insertTestPartner, insertTestSession } from './testing/factories.js';

const MINISTRY = { kind: 'MINISTRY' } as const;
const MINISTRY_STATS_ONLY = { kind: 'MINISTRY', scopes: ['stats:read'] } as const;
const MALANG_OFFICE = { kind: 'LABOUR_OFFICE', regionCode: '35.07' } as const;
const SESSION = 'query($id: ID!) { mentoringSession(id: $id) { id date } }';

let hub: SubgraphHarness;
beforeAll(async () => {
  hub = await startSubgraph(createSubgraph);
});
afterAll(async () => {
  await hub.close();
});

/** A session of a fresh partner with one consenting Kalipare worker. */
async function loggedSession() {
  const partner = await insertTestPartner(hub.db);
  const workerId = randomUUID();
  await insertTestConsentFact(hub.db, workerId, partner.institutionId);
  const session = await insertTestSession(hub.db, partner.program, partner.mentor, [{ workerId }]);
  const client = { kind: 'UNIVERSITY', institutionId: partner.institutionId } as const;
  return { ...partner, workerId, session, client };
}

describe('field rules', () => {
  it('names a rule for every field of the university schema', () => {
    const schema = buildSubgraphSchema({
      typeDefs: subgraphTypeDefs('university'),
      resolvers: resolvers as GraphQLResolverMap<unknown>,
    });
    expect(fieldsWithoutRule(schema, access.fields)).toEqual([]);
    // Every argument that selects or orders rows says which values it answers for.
    expect(undeclaredSearches(schema, access)).toEqual([]);
  });

  it('opens the directory to any authenticated member, even a client without scopes', async () => {
    const { university, program, mentor } = await insertTestPartner(hub.db);
    const response = await hub.request(
      { kind: 'TRAINING_PROVIDER', scopes: [] },
      'query($u: ID!, $p: ID!) { university(id: $u) { name mentors { id } } mentoringProgram(id: $p) { title } }',
      { u: university.id, p: program.id },
    );
    expect(response.errors).toEqual([]);
    expect(response.data).toEqual({
      university: { name: university.name, mentors: [{ id: mentor.id }] },
      mentoringProgram: { title: program.title },
    });
  });

  it('serves a session to a client with workers:read and refuses it, FORBIDDEN, without', async () => {
    const { session } = await loggedSession();
    const allowed = await hub.request(MINISTRY, SESSION, { id: session.id });
    expect(allowed.data).toEqual({ mentoringSession: { id: session.id, date: session.date } });
    const denied = await hub.request(MINISTRY_STATS_ONLY, SESSION, { id: session.id });
    expect(denied.data).toEqual({ mentoringSession: null });
    expect(errorCodes(denied)).toEqual(['FORBIDDEN']);
  });

  it("lists a programme's sessions only to a client with workers:read", async () => {
    const { program, session, client } = await loggedSession();
    const query = 'query($id: ID!) { mentoringProgram(id: $id) { title sessions { id } } }';
    const allowed = await hub.request(client, query, { id: program.id });
    expect(allowed.data).toEqual({
      mentoringProgram: { title: program.title, sessions: [{ id: session.id }] },
    });
    const denied = await hub.request({ ...client, scopes: ['mentoring:write', 'stats:read'] }, query, {
      id: program.id,
    });
    // `sessions` is a non-null list, so the refusal nulls the programme, as GraphQL requires.
    expect(denied.data).toEqual({ mentoringProgram: null });
    expect(denied.errors.map((error) => [error.extensions?.code, error.path])).toEqual([
      ['FORBIDDEN', ['mentoringProgram', 'sessions']],
    ]);
  });

  it('resolves a session entity only for a client with workers:read', async () => {
    const { session } = await loggedSession();
    const representations = [{ __typename: 'MentoringSession', id: session.id }];
    const query = entitiesQuery('MentoringSession', 'id form');
    const allowed = await hub.request(MALANG_OFFICE, query, { representations });
    expect(allowed.data).toEqual({ _entities: [{ id: session.id, form: session.form }] });
    const denied = await hub.request({ ...MALANG_OFFICE, scopes: ['stats:read'] }, query, {
      representations,
    });
    expect(denied.data).toEqual({ _entities: [null] });
    expect(new Set(errorCodes(denied))).toEqual(new Set(['FORBIDDEN']));
  });

  it("gives a worker's mentoring history to statutory and university clients with workers:read only", async () => {
    const { workerId, session } = await loggedSession();
    const query = entitiesQuery('Worker', 'id mentoringSessions { id }');
    const representations = [{ __typename: 'Worker', id: workerId }];
    const allowed = await hub.request(MALANG_OFFICE, query, { representations });
    expect(allowed.data).toEqual({ _entities: [{ id: workerId, mentoringSessions: [{ id: session.id }] }] });
    for (const identity of [
      { ...MALANG_OFFICE, scopes: ['workers:write', 'stats:read'] },
      { kind: 'TRAINING_PROVIDER' },
    ] as const) {
      const denied = await hub.request(identity, entitiesQuery('Worker', 'mentoringSessions { id }'), {
        representations,
      });
      expect(denied.data).toEqual({ _entities: [{ mentoringSessions: null }] });
      expect(errorCodes(denied)).toEqual(['FORBIDDEN']);
    }
  });

  it('serves statistics with stats:read and refuses them, FORBIDDEN, without', async () => {
    const query = entitiesQuery('RegionStats', 'mentored { value } mentoringSessions { value }');
    const representations = [{ __typename: 'RegionStats', regionCode: '35.07', year: 2001 }];
    const allowed = await hub.request(MINISTRY, query, { representations });
    expect(allowed.data).toEqual({
      _entities: [{ mentored: { value: 0 }, mentoringSessions: { value: 0 } }],
    });
    const denied = await hub.request({ kind: 'MINISTRY', scopes: ['workers:read'] }, query, {
      representations,
    });
    // StatCount fields are non-null, so the refusal nulls the entity.
    expect(denied.data).toEqual({ _entities: [null] });
    expect(new Set(errorCodes(denied))).toEqual(new Set(['FORBIDDEN']));
  });

  it('offers clients no way to send a consent fact: only labour’s signed deliveries carry them', async () => {
    const share =
      'mutation { shareConsentWithUniversities(fact: { consentId: "00000000-0000-4000-8000-000000000001" }) { active } }';
    const response = await hub.request(MALANG_OFFICE, share);
    expect(errorCodes(response)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('refuses mentoring writes to every client but a university with mentoring:write', async () => {
    const { institutionId } = await insertTestPartner(hub.db);
    const register =
      'mutation($input: RegisterUniversityInput!) { registerUniversity(input: $input) { name } }';
    const input = { name: `Universitas Rule ${randomUUID().slice(0, 8)}`, regionCode: '35.07' };
    for (const identity of [
      MINISTRY,
      MALANG_OFFICE,
      { kind: 'UNIVERSITY', institutionId, scopes: ['workers:read', 'stats:read'] },
    ] as const) {
      expect(errorCodes(await hub.request(identity, register, { input }))).toEqual(['FORBIDDEN']);
    }
    const allowed = await hub.request({ kind: 'UNIVERSITY', institutionId }, register, { input });
    expect(allowed.data).toEqual({ registerUniversity: { name: input.name } });
  });
});
