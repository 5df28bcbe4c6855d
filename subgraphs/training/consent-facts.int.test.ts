import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSENT_DELIVERY_PATH } from '../../shared/consent/delivery.js';
import { DESK, startSubgraph, type SubgraphHarness } from '../../shared/testing/subgraph-harness.js';
import { accessEvents, consentFacts, consentFeed } from './db/schema.js';
import { createSubgraph } from './server.js';
import { insertTestEnrollment, insertTestInstitution, providerClient } from './testing/factories.js';

function fact(granteeInstitutionId: string, overrides: Record<string, unknown> = {}) {
  return {
    consentId: randomUUID(),
    workerId: randomUUID(),
    purpose: 'TRAINING',
    workerDistrictCode: '35.07.11',
    granteeInstitutionId,
    grantedAt: new Date(Date.now() - 60_000).toISOString(),
    expiresAt: null,
    revokedAt: null,
    ...overrides,
  };
}

let hub: SubgraphHarness;
beforeAll(async () => {
  hub = await startSubgraph(createSubgraph);
});
afterAll(async () => {
  await hub.close();
});

async function stored(consentId: string) {
  const [row] = await hub.db.select().from(consentFacts).where(eq(consentFacts.consentId, consentId));
  return row ?? null;
}

/** Whether the provider sees the worker's enrolment in its course right now. */
async function providerSeesEnrollment(institutionId: string, workerId: string): Promise<boolean> {
  const response = await hub.request<{ _entities: [{ enrollments: unknown[] }] }>(
    providerClient(institutionId),
    'query($r: [_Any!]!) { _entities(representations: $r) { ... on Worker { enrollments { id } } } }',
    { r: [{ __typename: 'Worker', id: workerId }] },
  );
  return (response.data?._entities[0].enrollments.length ?? 0) > 0;
}

describe('consent facts delivered by labour', () => {
  it('records a fact, acknowledges it by its number, and logs the write under the desk that recorded it', async () => {
    const { institutionId } = await insertTestInstitution(hub.db);
    const sent = fact(institutionId);
    const answer = await hub.deliverConsentFacts([{ ...sent, seq: 9001 }]);
    expect(answer).toEqual({
      status: 200,
      body: { applied: [9001], unchanged: [], rejected: [], heartbeat: true },
    });
    expect(await stored(sent.consentId)).toMatchObject({
      workerId: sent.workerId,
      revokedAt: null,
      sourceSeq: 9001,
    });
    const events = await hub.db
      .select()
      .from(accessEvents)
      .where(and(eq(accessEvents.entityId, sent.consentId), eq(accessEvents.action, 'WRITE')));
    expect(events).toMatchObject([
      {
        clientId: DESK.clientId,
        institutionId: DESK.institutionId,
        requestId: DESK.requestId,
        entityType: 'ConsentFact',
      },
    ]);
  });

  it('changes nothing when the same delivery comes again, and logs no second write', async () => {
    const { institutionId } = await insertTestInstitution(hub.db);
    const sent = { ...fact(institutionId), seq: 9101 };
    await hub.deliverConsentFacts([sent]);
    const before = await stored(sent.consentId);
    const again = await hub.deliverConsentFacts([sent]);
    expect(again.body).toMatchObject({ applied: [], unchanged: [9101], rejected: [] });
    expect(await stored(sent.consentId)).toEqual(before);
    const writes = await hub.db.select().from(accessEvents).where(eq(accessEvents.entityId, sent.consentId));
    expect(writes).toHaveLength(1);
  });

  it('lets a revocation bind from the very next request, and no older or later grant revive it', async () => {
    const { institutionId, course } = await insertTestInstitution(hub.db);
    const sent = fact(institutionId);
    await hub.deliverConsentFacts([{ ...sent, seq: 9201 }]);
    await insertTestEnrollment(hub.db, course.id, sent.workerId);
    expect(await providerSeesEnrollment(institutionId, sent.workerId)).toBe(true);

    const revokedAt = new Date().toISOString();
    await hub.deliverConsentFacts([{ ...sent, seq: 9202, revokedAt }]);
    expect(await providerSeesEnrollment(institutionId, sent.workerId)).toBe(false);
    // The grant again, late (its old number) and resent as new: the revocation stands.
    const late = await hub.deliverConsentFacts([
      { ...sent, seq: 9201 },
      { ...sent, seq: 9203 },
    ]);
    expect(late.body).toMatchObject({ unchanged: [9201], applied: [9203], rejected: [] });
    expect((await stored(sent.consentId))?.revokedAt?.toISOString()).toBe(revokedAt);
    expect(await providerSeesEnrollment(institutionId, sent.workerId)).toBe(false);
  });

  it('stores a revocation of a consent never seen, for any institution', async () => {
    const sent = fact(randomUUID(), { revokedAt: new Date().toISOString() });
    const answer = await hub.deliverConsentFacts([sent]);
    expect(answer.body).toMatchObject({ rejected: [] });
    expect((await stored(sent.consentId))?.revokedAt).not.toBeNull();
  });

  it('takes a later expiry, and an expired consent shows nothing', async () => {
    const { institutionId, course } = await insertTestInstitution(hub.db);
    const sent = fact(institutionId, { expiresAt: new Date(Date.now() + 86_400_000).toISOString() });
    await hub.deliverConsentFacts([sent]);
    await insertTestEnrollment(hub.db, course.id, sent.workerId);
    expect(await providerSeesEnrollment(institutionId, sent.workerId)).toBe(true);
    await hub.deliverConsentFacts([{ ...sent, expiresAt: new Date(Date.now() - 1000).toISOString() }]);
    expect(await providerSeesEnrollment(institutionId, sent.workerId)).toBe(false);
  });

  it('refuses the same consent id for another worker, takes the rest, and withholds the heartbeat', async () => {
    const { institutionId } = await insertTestInstitution(hub.db);
    const sent = fact(institutionId);
    await hub.deliverConsentFacts([sent]);
    const [feedBefore] = await hub.db.select().from(consentFeed);
    const other = fact(institutionId);
    const answer = await hub.deliverConsentFacts([
      { ...sent, workerId: randomUUID(), seq: 9301 },
      { ...other, seq: 9302 },
    ]);
    expect(answer.body).toMatchObject({
      applied: [9302],
      rejected: [{ seq: 9301, code: 'CONFLICT' }],
      heartbeat: false,
    });
    expect((await stored(sent.consentId))?.workerId).toBe(sent.workerId);
    const [feedAfter] = await hub.db.select().from(consentFeed);
    expect(feedAfter?.asOf).toEqual(feedBefore?.asOf);
  });

  it.each([
    ['workerDistrictCode', { workerDistrictCode: '35.07' }],
    ['workerId', { workerId: 'worker-1' }],
    ['consentId', { consentId: '' }],
    ['revokedAt', { revokedAt: '2020-01-01T00:00:00Z' }],
    ['recordedBy', { recordedBy: { clientId: 'someone' } }],
  ])('names a malformed fact (%s) in its answer and stores nothing of it', async (field, overrides) => {
    const { institutionId } = await insertTestInstitution(hub.db);
    const sent = fact(institutionId, { ...overrides, seq: 9401 });
    const answer = await hub.deliverConsentFacts([sent]);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ applied: [], rejected: [{ seq: 9401, code: 'BAD_USER_INPUT' }] });
    expect(JSON.stringify(answer.body['rejected'])).toContain(field);
  });
});

describe('consent deliveries from anyone but labour', () => {
  it('refuses a delivery signed by any other key, even the training service’s own', async () => {
    const sent = fact(randomUUID());
    for (const signer of [hub.service.serviceKeys, hub.peerKeys.gateway]) {
      const forged = await hub.deliverConsentFacts([sent], { signer });
      expect(forged.status).toBe(403);
      expect(forged.body).toMatchObject({ errors: [{ extensions: { code: 'DELIVERY_REFUSED' } }] });
    }
    expect(await stored(sent.consentId)).toBeNull();
  });

  it('refuses labour’s delivery meant for another service or for another purpose', async () => {
    const sent = fact(randomUUID());
    const elsewhere = await hub.deliverConsentFacts([sent], { audience: 'university' });
    const otherKind = await hub.deliverConsentFacts([sent], { typ: 'hub-request+jwt' });
    expect([elsewhere.status, otherKind.status]).toEqual([403, 403]);
    expect(await stored(sent.consentId)).toBeNull();
  });

  it('answers a malformed body with BAD_REQUEST and garbage with DELIVERY_REFUSED', async () => {
    const post = (body: unknown) =>
      fetch(`${hub.baseUrl}${CONSENT_DELIVERY_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then(async (response) => ({ status: response.status, body: (await response.json()) as unknown }));
    expect(await post({})).toMatchObject({
      status: 400,
      body: { errors: [{ extensions: { code: 'BAD_REQUEST' } }] },
    });
    expect(await post({ delivery: 'not.a.jwt' })).toMatchObject({
      status: 403,
      body: { errors: [{ extensions: { code: 'DELIVERY_REFUSED' } }] },
    });
  });
});

describe('consent copies without a recent heartbeat', () => {
  it('are not used once labour’s last heartbeat is older than the bound, and count again after the next', async () => {
    const { institutionId, course } = await insertTestInstitution(hub.db);
    const sent = fact(institutionId);
    await hub.deliverConsentFacts([sent]);
    await insertTestEnrollment(hub.db, course.id, sent.workerId);
    expect(await providerSeesEnrollment(institutionId, sent.workerId)).toBe(true);

    // The bound has passed without a heartbeat (labour has a revocation it cannot deliver, say).
    await hub.db.update(consentFeed).set({ usableUntil: new Date(Date.now() - 1000) });
    expect(await providerSeesEnrollment(institutionId, sent.workerId)).toBe(false);
    // A delivery that is not complete is no heartbeat.
    await hub.deliverConsentFacts([], { complete: false });
    expect(await providerSeesEnrollment(institutionId, sent.workerId)).toBe(false);
    await hub.deliverConsentFacts([]);
    expect(await providerSeesEnrollment(institutionId, sent.workerId)).toBe(true);
  });
});
