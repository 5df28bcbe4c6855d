import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entitiesQuery, errorCodes, postGraphQL } from '../../shared/testing/graphql-client.js';
import { startSubgraph, type SubgraphHarness } from '../../shared/testing/subgraph-harness.js';
import { createSubgraph } from './server.js';
import { insertTestConsentFact, insertTestPartner, insertTestSession } from './testing/factories.js';

const SESSION_FIELDS =
  'id date form topics program { id } mentor { id } participants { id } durationMinutes mode locationCode businessStatus revenueBand needs referrals actionPlan nextSessionDate reMigrationIntent notes';
const SESSION = `query($id: ID!) { mentoringSession(id: $id) { ${SESSION_FIELDS} } }`;
const MALANG_OFFICE = { kind: 'LABOUR_OFFICE', regionCode: '35.07' } as const;
const BLITAR_OFFICE = { kind: 'LABOUR_OFFICE', regionCode: '35.05' } as const;
const BATU_OFFICE = { kind: 'LABOUR_OFFICE', regionCode: '35.79' } as const;

let hub: SubgraphHarness;
beforeAll(async () => {
  hub = await startSubgraph(createSubgraph);
});
afterAll(async () => {
  await hub.close();
});

/** One session with a Kalipare (35.07) worker and a Blitar (35.05) worker, both consenting. */
async function loggedSession() {
  const partner = await insertTestPartner(hub.db);
  const malangWorker = randomUUID();
  const blitarWorker = randomUUID();
  await insertTestConsentFact(hub.db, malangWorker, partner.institutionId);
  await insertTestConsentFact(hub.db, blitarWorker, partner.institutionId, {
    workerDistrictCode: '35.05.01',
  });
  const session = await insertTestSession(hub.db, partner.program, partner.mentor, [
    { workerId: malangWorker },
    { workerId: blitarWorker, workerDistrictCode: '35.05.01' },
  ]);
  const client = { kind: 'UNIVERSITY', institutionId: partner.institutionId } as const;
  return { ...partner, session, malangWorker, blitarWorker, client };
}

const summaryOf = (session: {
  id: string;
  programId: string;
  date: string;
  form: string;
  topics: string[];
}) => ({
  id: session.id,
  date: session.date,
  form: session.form,
  topics: session.topics,
  program: { id: session.programId },
  mentor: null,
  participants: null,
  durationMinutes: null,
  mode: null,
  locationCode: null,
  businessStatus: null,
  revenueBand: null,
  needs: null,
  referrals: null,
  actionPlan: null,
  nextSessionDate: null,
  reMigrationIntent: null,
  notes: null,
});

describe('mentoring session rows and fields', () => {
  it('shows the own university the session in full, participants included', async () => {
    const { session, mentor, client, malangWorker, blitarWorker } = await loggedSession();
    const response = await hub.request<{ mentoringSession: Record<string, unknown> }>(client, SESSION, {
      id: session.id,
    });
    expect(response.data?.mentoringSession).toMatchObject({
      id: session.id,
      mentor: { id: mentor.id },
      durationMinutes: 90,
      mode: 'IN_PERSON',
      revenueBand: 'FROM_1M_TO_5M',
      notes: session.notes,
    });
    expect(response.data?.mentoringSession['participants']).toEqual(
      expect.arrayContaining([{ id: malangWorker }, { id: blitarWorker }]),
    );
  });

  it('shows the ministry and the labour office of a participant only the summary', async () => {
    const { session } = await loggedSession();
    for (const identity of [{ kind: 'MINISTRY' }, MALANG_OFFICE, BLITAR_OFFICE] as const) {
      const response = await hub.request(identity, SESSION, { id: session.id });
      expect(response.errors).toEqual([]);
      expect(response.data).toEqual({ mentoringSession: summaryOf(session) });
    }
  });

  it('hides the session from other universities, training providers and offices of other regions', async () => {
    const { session } = await loggedSession();
    for (const identity of [{ kind: 'UNIVERSITY' }, { kind: 'TRAINING_PROVIDER' }, BATU_OFFICE] as const) {
      expect((await hub.request(identity, SESSION, { id: session.id })).data).toEqual({
        mentoringSession: null,
      });
    }
  });

  it("lists a programme's sessions newest first, only to those who may see them", async () => {
    const { program, mentor, session, client, malangWorker } = await loggedSession();
    const newer = await insertTestSession(hub.db, program, mentor, [{ workerId: malangWorker }], {
      date: '2025-05-01',
    });
    const query = 'query($id: ID!) { mentoringProgram(id: $id) { sessions { id } } }';
    const ids = async (identity: Parameters<SubgraphHarness['request']>[0]) =>
      (
        await hub.request<{ mentoringProgram: { sessions: { id: string }[] } }>(identity, query, {
          id: program.id,
        })
      ).data?.mentoringProgram.sessions.map((row) => row.id);
    expect(await ids(client)).toEqual([newer.id, session.id]);
    expect(await ids({ kind: 'MINISTRY' })).toEqual([newer.id, session.id]);
    expect(await ids(BLITAR_OFFICE)).toEqual([session.id]);
    expect(await ids({ kind: 'UNIVERSITY' })).toEqual([]);
    expect(await ids({ kind: 'TRAINING_PROVIDER' })).toEqual([]);
  });

  it('resolves _entities in the order asked, with null for hidden and malformed ids', async () => {
    const { session } = await loggedSession();
    const other = await loggedSession();
    const response = await hub.request(MALANG_OFFICE, entitiesQuery('MentoringSession', 'id date'), {
      representations: [other.session.id, randomUUID(), 'nope', session.id].map((id) => ({
        __typename: 'MentoringSession',
        id,
      })),
    });
    expect(response.data).toEqual({
      _entities: [
        { id: other.session.id, date: '2025-03-04' },
        null,
        null,
        { id: session.id, date: '2025-03-04' },
      ],
    });
    const hidden = await hub.request(other.client, entitiesQuery('MentoringSession', 'id'), {
      representations: [{ __typename: 'MentoringSession', id: session.id }],
    });
    expect(hidden.data).toEqual({ _entities: [null] });
  });

  it('resolves directory entities for anyone, null for unknown ids', async () => {
    const partner = await loggedSession();
    const response = await hub.request(
      { kind: 'TRAINING_PROVIDER' },
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on University { name } ... on MentoringProgram { title } ... on Mentor { fullName } } }',
      {
        r: [
          { __typename: 'University', id: partner.university.id },
          { __typename: 'MentoringProgram', id: partner.program.id },
          { __typename: 'Mentor', id: partner.mentor.id },
          { __typename: 'Mentor', id: randomUUID() },
        ],
      },
    );
    expect(response.data).toEqual({
      _entities: [
        { name: partner.university.name },
        { title: partner.program.title },
        { fullName: partner.mentor.fullName },
        null,
      ],
    });
  });
});

describe('Worker.mentoringSessions', () => {
  const HISTORY = entitiesQuery('Worker', 'id mentoringSessions { id notes program { id } }');
  const historyOf = (identity: Parameters<SubgraphHarness['request']>[0], workerIds: string[]) =>
    hub.request<{
      _entities: ({ id: string; mentoringSessions: { id: string; notes: string | null }[] | null } | null)[];
    }>(identity, HISTORY, { representations: workerIds.map((id) => ({ __typename: 'Worker', id })) });

  it("gives a university its own programmes' sessions while the worker's consent is in force", async () => {
    const first = await loggedSession();
    const second = await loggedSession();
    await insertTestConsentFact(hub.db, first.malangWorker, second.institutionId);
    await insertTestSession(hub.db, second.program, second.mentor, [{ workerId: first.malangWorker }]);
    const response = await historyOf(first.client, [first.malangWorker, second.malangWorker]);
    expect(response.data?._entities).toEqual([
      {
        id: first.malangWorker,
        mentoringSessions: [
          { id: first.session.id, notes: first.session.notes, program: { id: first.program.id } },
        ],
      },
      { id: second.malangWorker, mentoringSessions: [] },
    ]);
  });

  it('gives a university an empty history once the consent is revoked or expired', async () => {
    const { program, mentor, institutionId, client } = await loggedSession();
    const [revoked, expired] = [randomUUID(), randomUUID()];
    await insertTestConsentFact(hub.db, revoked, institutionId, { revokedAt: new Date() });
    await insertTestConsentFact(hub.db, expired, institutionId, { expiresAt: new Date(Date.now() - 1000) });
    await insertTestSession(hub.db, program, mentor, [{ workerId: revoked }, { workerId: expired }]);
    const response = await historyOf(client, [revoked, expired]);
    expect(response.data?._entities).toEqual([
      { id: revoked, mentoringSessions: [] },
      { id: expired, mentoringSessions: [] },
    ]);
  });

  it('gives the ministry every summary and a labour office those of its own residents', async () => {
    const { session, malangWorker, blitarWorker } = await loggedSession();
    const ministry = await historyOf({ kind: 'MINISTRY' }, [malangWorker, blitarWorker]);
    expect(ministry.data?._entities.map((worker) => worker?.mentoringSessions)).toEqual([
      [{ id: session.id, notes: null, program: { id: session.programId } }],
      [{ id: session.id, notes: null, program: { id: session.programId } }],
    ]);
    const malang = await historyOf(MALANG_OFFICE, [malangWorker, blitarWorker]);
    expect(malang.data?._entities.map((worker) => worker?.mentoringSessions?.map((row) => row.id))).toEqual([
      [session.id],
      [],
    ]);
  });

  it('refuses training providers with FORBIDDEN on the field, keeping the worker', async () => {
    const { malangWorker } = await loggedSession();
    const response = await historyOf({ kind: 'TRAINING_PROVIDER' }, [malangWorker]);
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(response.data?._entities).toEqual([{ id: malangWorker, mentoringSessions: null }]);
  });
});

describe('authentication', () => {
  it('answers _entities without a token with UNAUTHENTICATED and HTTP 401', async () => {
    const response = await postGraphQL(hub.url, entitiesQuery('MentoringSession', 'notes'), {
      representations: [{ __typename: 'MentoringSession', id: randomUUID() }],
    });
    expect(response.status).toBe(401);
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });
});
