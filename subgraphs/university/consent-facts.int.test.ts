import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSubgraph, type SubgraphHarness } from '../../shared/testing/subgraph-harness.js';
import { findConsentFact } from './db/queries/consent-facts.js';
import { consentFeed } from './db/schema.js';
import { createSubgraph } from './server.js';
import { insertTestPartner, insertTestSession, KALIPARE } from './testing/factories.js';

let hub: SubgraphHarness;
beforeAll(async () => {
  hub = await startSubgraph(createSubgraph);
});
afterAll(async () => {
  await hub.close();
});

function fact(granteeInstitutionId: string, overrides: Record<string, unknown> = {}) {
  return {
    consentId: randomUUID(),
    workerId: randomUUID(),
    purpose: 'EMPOWERMENT',
    workerDistrictCode: KALIPARE,
    granteeInstitutionId,
    grantedAt: '2025-03-01T08:00:00+07:00',
    expiresAt: null,
    revokedAt: null,
    ...overrides,
  };
}

/** The participants of a session the university sees now. */
async function participantsSeen(institutionId: string, sessionId: string) {
  const response = await hub.request<{ mentoringSession: { participants: { id: string }[] } }>(
    { kind: 'UNIVERSITY', institutionId },
    'query($id: ID!) { mentoringSession(id: $id) { participants { id } } }',
    { id: sessionId },
  );
  return response.data?.mentoringSession.participants.map((participant) => participant.id);
}

describe('consent facts delivered by labour', () => {
  it('records a grant and acknowledges a repeated delivery as unchanged', async () => {
    const { institutionId } = await insertTestPartner(hub.db);
    const granted = { ...fact(institutionId), seq: 501 };
    expect((await hub.deliverConsentFacts([granted])).body).toEqual({
      applied: [501],
      unchanged: [],
      rejected: [],
      heartbeat: true,
    });
    const before = await findConsentFact(hub.db, granted.consentId);
    expect((await hub.deliverConsentFacts([granted])).body).toMatchObject({ applied: [], unchanged: [501] });
    expect(await findConsentFact(hub.db, granted.consentId)).toEqual(before);
  });

  it('stores the revocation of a consent it never saw, whatever university it names', async () => {
    const revoked = fact(randomUUID(), { revokedAt: '2025-04-01T00:00:00Z' });
    expect((await hub.deliverConsentFacts([revoked])).body).toMatchObject({ rejected: [] });
    expect(await findConsentFact(hub.db, revoked.consentId)).toMatchObject({ workerId: revoked.workerId });
  });

  it('binds a revocation on the very next request, and a late grant does not undo it', async () => {
    const { institutionId, program, mentor } = await insertTestPartner(hub.db);
    const granted = fact(institutionId);
    await hub.deliverConsentFacts([{ ...granted, seq: 601 }]);
    const session = await insertTestSession(hub.db, program, mentor, [{ workerId: granted.workerId }]);
    expect(await participantsSeen(institutionId, session.id)).toEqual([granted.workerId]);
    await hub.deliverConsentFacts([{ ...granted, seq: 602, revokedAt: new Date().toISOString() }]);
    expect(await participantsSeen(institutionId, session.id)).toEqual([]);
    await hub.deliverConsentFacts([{ ...granted, seq: 601 }]);
    expect(await participantsSeen(institutionId, session.id)).toEqual([]);
  });

  it('refuses a fact that would move a known consent to another worker, grantee or purpose', async () => {
    const { institutionId } = await insertTestPartner(hub.db);
    const granted = fact(institutionId);
    await hub.deliverConsentFacts([granted]);
    for (const change of [
      { workerId: randomUUID() },
      { purpose: 'TRAINING' },
      { granteeInstitutionId: randomUUID() },
    ]) {
      const answer = await hub.deliverConsentFacts([{ ...granted, ...change }]);
      expect(answer.body).toMatchObject({ applied: [], rejected: [{ code: 'CONFLICT' }], heartbeat: false });
    }
    expect(await findConsentFact(hub.db, granted.consentId)).toMatchObject({ workerId: granted.workerId });
  });

  it('names malformed facts in its answer, and writes nothing of them', async () => {
    const { institutionId } = await insertTestPartner(hub.db);
    const cases: [Record<string, unknown>, string][] = [
      [{ consentId: 'abc' }, 'consentId'],
      [{ workerDistrictCode: '35.07' }, 'workerDistrictCode'],
      [{ workerDistrictCode: '35.07.99' }, 'workerDistrictCode'],
      [{ expiresAt: '2025-02-01T00:00:00Z' }, 'expiresAt'],
    ];
    for (const [change, field] of cases) {
      const bad = fact(institutionId, change);
      const answer = await hub.deliverConsentFacts([bad]);
      expect(answer.body).toMatchObject({ applied: [], rejected: [{ code: 'BAD_USER_INPUT' }] });
      expect(JSON.stringify(answer.body['rejected'])).toContain(field);
    }
  });
});

describe('consent deliveries from anyone but labour', () => {
  it('refuses a delivery signed by another key or meant for training', async () => {
    const sent = fact(randomUUID(), { revokedAt: new Date().toISOString() });
    const byUniversity = await hub.deliverConsentFacts([sent], { signer: hub.service.serviceKeys });
    const forTraining = await hub.deliverConsentFacts([sent], { audience: 'training' });
    expect([byUniversity.status, forTraining.status]).toEqual([403, 403]);
    expect(byUniversity.body).toMatchObject({ errors: [{ extensions: { code: 'DELIVERY_REFUSED' } }] });
    expect(await findConsentFact(hub.db, sent.consentId)).toBeNull();
  });
});

describe('consent copies without a recent heartbeat', () => {
  it('leave a session’s participants unseen until labour’s next heartbeat', async () => {
    const { institutionId, program, mentor } = await insertTestPartner(hub.db);
    const granted = fact(institutionId);
    await hub.deliverConsentFacts([granted]);
    const session = await insertTestSession(hub.db, program, mentor, [{ workerId: granted.workerId }]);
    await hub.db.update(consentFeed).set({ usableUntil: new Date(Date.now() - 1000) });
    expect(await participantsSeen(institutionId, session.id)).toEqual([]);
    await hub.deliverConsentFacts([]);
    expect(await participantsSeen(institutionId, session.id)).toEqual([granted.workerId]);
  });
});
