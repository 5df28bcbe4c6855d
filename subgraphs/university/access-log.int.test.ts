import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAccessChain } from '../../shared/audit/verify.js';
import { entitiesQuery, errorCodes } from '../../shared/testing/graphql-client.js';
import { startSubgraph, type SubgraphHarness } from '../../shared/testing/subgraph-harness.js';
import type { TestIdentity } from '../../shared/testing/tokens.js';
import { accessEvents } from './db/schema.js';
import { createSubgraph } from './server.js';
import {
  insertTestConsentFact,
  insertTestPartner,
  insertTestSession,
  KALIPARE,
  sessionInput,
} from './testing/factories.js';

const MINISTRY = { kind: 'MINISTRY' } as const;
const MALANG_OFFICE = { kind: 'LABOUR_OFFICE', regionCode: '35.07' } as const;
const BLITAR = '35.05.01';

let hub: SubgraphHarness;
beforeAll(async () => {
  hub = await startSubgraph(createSubgraph);
});
afterAll(async () => {
  await hub.close();
});

/** A session of a fresh partner with a Kalipare (35.07) and a Blitar (35.05) participant, both consenting. */
async function loggedSession() {
  const partner = await insertTestPartner(hub.db);
  const [malang, blitar] = [randomUUID(), randomUUID()];
  await insertTestConsentFact(hub.db, malang, partner.institutionId);
  await insertTestConsentFact(hub.db, blitar, partner.institutionId, { workerDistrictCode: BLITAR });
  const session = await insertTestSession(hub.db, partner.program, partner.mentor, [
    { workerId: malang },
    { workerId: blitar, workerDistrictCode: BLITAR },
  ]);
  const client = { kind: 'UNIVERSITY', institutionId: partner.institutionId } as const;
  return { ...partner, session, malang, blitar, client };
}

const eventsOf = (workerId: string) =>
  hub.db
    .select()
    .from(accessEvents)
    .where(eq(accessEvents.workerId, workerId))
    .orderBy(accessEvents.position);

describe('the access log', () => {
  it('records a session read once per participant per request, naming the fields disclosed', async () => {
    const { session, program, malang, blitar } = await loggedSession();
    // The same session reached twice in one request, and notes that a summary viewer gets as null.
    await hub.request(
      MINISTRY,
      'query($s: ID!, $p: ID!) { mentoringSession(id: $s) { id date notes } mentoringProgram(id: $p) { sessions { id form } } }',
      { s: session.id, p: program.id },
    );
    for (const [workerId, district] of [
      [malang, KALIPARE],
      [blitar, BLITAR],
    ] as const) {
      expect(await eventsOf(workerId)).toEqual([
        expect.objectContaining({
          action: 'READ',
          subgraph: 'university',
          institutionKind: 'MINISTRY',
          entityType: 'MentoringSession',
          entityId: `${session.id}:${workerId}`,
          workerDistrictCode: district,
          fields: ['date', 'form', 'id'],
        }),
      ]);
    }
  });

  it('does not count a session field refused to the caller as read', async () => {
    const { session, malang } = await loggedSession();
    const refused = await hub.request(
      { ...MALANG_OFFICE, scopes: ['stats:read'] },
      entitiesQuery('MentoringSession', 'id date'),
      { representations: [{ __typename: 'MentoringSession', id: session.id }] },
    );
    expect(new Set(errorCodes(refused))).toEqual(new Set(['FORBIDDEN']));
    expect(await eventsOf(malang)).toEqual([]);
  });

  it("records the own university's full read, and each participant named, with the district snapshot", async () => {
    const { session, malang, client } = await loggedSession();
    await hub.request(client, 'query($id: ID!) { mentoringSession(id: $id) { notes participants { id } } }', {
      id: session.id,
    });
    const events = await eventsOf(malang);
    expect(events.map((event) => [event.entityType, event.fields, event.workerDistrictCode]).sort()).toEqual([
      ['MentoringSession', ['notes', 'participants'], KALIPARE],
      ['Worker', ['id'], KALIPARE],
    ]);
  });

  it("records a worker's mentoring history read through _entities, and nothing for a hidden session", async () => {
    const { session, malang, blitar } = await loggedSession();
    await hub.request(MALANG_OFFICE, entitiesQuery('Worker', 'mentoringSessions { id }'), {
      representations: [malang, blitar].map((id) => ({ __typename: 'Worker', id })),
    });
    expect((await eventsOf(malang)).map((event) => [event.entityType, event.entityId, event.fields])).toEqual(
      expect.arrayContaining([
        ['Worker', malang, ['mentoringSessions']],
        ['MentoringSession', `${session.id}:${malang}`, ['id']],
      ]),
    );
    const before = await eventsOf(blitar);
    await hub.request({ kind: 'TRAINING_PROVIDER' }, 'query($id: ID!) { mentoringSession(id: $id) { id } }', {
      id: session.id,
    });
    expect(await eventsOf(blitar)).toHaveLength(before.length);
  });

  it('records a logged session as one write per participant, and nothing for a refused one', async () => {
    const { program, mentor, malang, blitar, client } = await loggedSession();
    const log = 'mutation($input: LogMentoringSessionInput!) { logMentoringSession(input: $input) { id } }';
    const stranger = randomUUID();
    const refused = await hub.request(client, log, {
      input: sessionInput(program.id, mentor.id, [malang, stranger]),
    });
    expect(errorCodes(refused)).toEqual(['NOT_FOUND']);
    expect(await eventsOf(malang)).toEqual([]);
    const logged = await hub.request<{ logMentoringSession: { id: string } }>(client, log, {
      input: sessionInput(program.id, mentor.id, [malang, blitar]),
    });
    const id = logged.data!.logMentoringSession.id;
    for (const [workerId, district] of [
      [malang, KALIPARE],
      [blitar, BLITAR],
    ] as const) {
      const writes = (await eventsOf(workerId)).filter((event) => event.action === 'WRITE');
      expect(writes).toEqual([
        expect.objectContaining({
          entityType: 'MentoringSession',
          entityId: `${id}:${workerId}`,
          workerDistrictCode: district,
          fields: expect.arrayContaining(['participantIds', 'notes', 'revenueBand']),
        }),
      ]);
    }
  });

  it('records a delivered consent fact as a write about the worker, and nothing for a forged one', async () => {
    const { institutionId } = await insertTestPartner(hub.db);
    const fact = {
      consentId: randomUUID(),
      workerId: randomUUID(),
      purpose: 'EMPOWERMENT',
      workerDistrictCode: KALIPARE,
      granteeInstitutionId: institutionId,
      grantedAt: '2025-03-01T08:00:00+07:00',
      expiresAt: null,
      revokedAt: null,
    };
    expect((await hub.deliverConsentFacts([fact], { signer: hub.service.serviceKeys })).status).toBe(403);
    expect(await eventsOf(fact.workerId)).toEqual([]);
    await hub.deliverConsentFacts([fact]);
    const events = await eventsOf(fact.workerId);
    expect(
      events.map((event) => [event.action, event.entityType, event.entityId, event.workerDistrictCode]),
    ).toEqual([['WRITE', 'ConsentFact', fact.consentId, KALIPARE]]);
  });

  it('records directory writes with no worker, in the same transaction as the write', async () => {
    const institutionId = randomUUID();
    const register =
      'mutation($input: RegisterUniversityInput!) { registerUniversity(input: $input) { id } }';
    const input = { name: `Universitas Log ${randomUUID().slice(0, 8)}`, regionCode: '35.07' };
    const response = await hub.request<{ registerUniversity: { id: string } }>(
      { kind: 'UNIVERSITY', institutionId },
      register,
      { input },
    );
    const id = response.data!.registerUniversity.id;
    const events = await hub.db.select().from(accessEvents).where(eq(accessEvents.entityId, id));
    expect(events).toEqual([
      expect.objectContaining({
        action: 'WRITE',
        entityType: 'University',
        workerId: null,
        fields: ['name', 'regionCode'],
      }),
    ]);
    const before = await hub.db.select({ id: accessEvents.id }).from(accessEvents);
    await hub.request({ kind: 'UNIVERSITY', institutionId }, register, { input });
    expect(await hub.db.select({ id: accessEvents.id }).from(accessEvents)).toHaveLength(before.length);
  });

  it('is append-only and holds as a hash chain', async () => {
    await hub.request(MINISTRY, 'query($id: ID!) { mentoringSession(id: $id) { id } }', {
      id: (await loggedSession()).session.id,
    });
    await expect(
      hub.db.execute(sql`update university.access_events set purpose = 'edited'`),
    ).rejects.toThrow();
    await expect(hub.db.execute(sql`delete from university.access_events`)).rejects.toThrow();
    const chain = await verifyAccessChain(hub.db, 'university');
    expect(chain.broken).toBeNull();
    expect(chain.checked).toBeGreaterThan(0);
  });
});

describe('Worker.universityAccessEvents', () => {
  const LOG = entitiesQuery(
    'Worker',
    'universityAccessEvents { service action entityType entityId fields institution { id } }',
  );
  /** As the gateway sends it (signed), unless `direct`: then the kecamatan is only the caller's claim. */
  const logOf = (identity: TestIdentity, id: string, districtCode?: string, direct = false) =>
    (direct ? hub.request.bind(hub) : hub.requestAsGateway.bind(hub))<{
      _entities: { universityAccessEvents: { entityId: string }[] | null }[];
    }>(identity, LOG, {
      representations: [{ __typename: 'Worker', id, ...(districtCode ? { districtCode } : {}) }],
    });

  it("gives the worker's events, oldest first, to a ministry auditor and to the labour office of her region", async () => {
    const { session, malang, client } = await loggedSession();
    await hub.request(client, 'query($id: ID!) { mentoringSession(id: $id) { notes } }', { id: session.id });
    for (const identity of [MINISTRY, MALANG_OFFICE]) {
      const response = await logOf(identity, malang, KALIPARE);
      expect(response.errors).toEqual([]);
      expect(response.data?._entities[0]?.universityAccessEvents?.[0]).toEqual({
        service: 'university',
        action: 'READ',
        entityType: 'MentoringSession',
        entityId: `${session.id}:${malang}`,
        fields: ['notes'],
        institution: { id: client.institutionId },
      });
    }
    // The ministry's right does not depend on the worker's region, so a direct request will do;
    // the district it claims there is not written into the log as if it were labour's.
    expect((await logOf(MINISTRY, malang, BLITAR, true)).errors).toEqual([]);
    const workerReads = (await eventsOf(malang)).filter((event) => event.entityType === 'Worker');
    expect(workerReads.map((event) => event.workerDistrictCode)).toEqual([KALIPARE, KALIPARE, null]);
  });

  it('refuses the log without audit:read, to offices outside her region or unsure of it, and to universities', async () => {
    const { malang, client } = await loggedSession();
    const refusals: [TestIdentity, string | undefined, boolean][] = [
      [{ kind: 'MINISTRY', scopes: ['workers:read'] }, KALIPARE, false],
      [{ kind: 'LABOUR_OFFICE', regionCode: '35.05' }, KALIPARE, false],
      [MALANG_OFFICE, undefined, false],
      // A direct caller's own claim that the worker lives in its region proves nothing.
      [MALANG_OFFICE, KALIPARE, true],
      [client, KALIPARE, false],
    ];
    for (const [identity, districtCode, direct] of refusals) {
      const response = await logOf(identity, malang, districtCode, direct);
      expect(response.data?._entities).toEqual([{ universityAccessEvents: null }]);
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    }
  });
});
