import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../../shared/testing/graphql-client.js';
import { startSubgraph, type SubgraphHarness } from '../../shared/testing/subgraph-harness.js';
import { findConsentFact } from './db/queries/consent-facts.js';
import { createSubgraph } from './server.js';
import { insertTestPartner, insertTestSession, KALIPARE } from './testing/factories.js';

const SHARE = /* GraphQL */ `
  mutation ($fact: ConsentFactInput!) {
    shareConsentWithUniversities(fact: $fact) {
      consentId
      workerId
      purpose
      granteeInstitutionId
      active
    }
  }
`;
const MALANG_OFFICE = { kind: 'LABOUR_OFFICE', regionCode: '35.07' } as const;

let hub: SubgraphHarness;
beforeAll(async () => {
  hub = await startSubgraph(createSubgraph);
});
afterAll(async () => {
  await hub.close();
});

/** Sends a fact as the labour subgraph does: through the officer's token, with its attestation. */
function share<TData = Record<string, unknown>>(
  identity: Parameters<SubgraphHarness['request']>[0],
  sent: Record<string, unknown>,
) {
  return hub.request<TData>(identity, SHARE, { fact: hub.attestConsentFact(sent) });
}

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

describe('shareConsentWithUniversities', () => {
  it('records an EMPOWERMENT grant for a registered university as active, idempotently', async () => {
    const { institutionId } = await insertTestPartner(hub.db);
    const granted = fact(institutionId);
    const first = await share(MALANG_OFFICE, granted);
    expect(first.errors).toEqual([]);
    expect(first.data).toEqual({
      shareConsentWithUniversities: {
        consentId: granted.consentId,
        workerId: granted.workerId,
        purpose: 'EMPOWERMENT',
        granteeInstitutionId: institutionId,
        active: true,
      },
    });
    const again = await share(MALANG_OFFICE, granted);
    expect(again.data).toEqual(first.data);
  });

  it('records TRAINING facts without asking for a university', async () => {
    const response = await share(MALANG_OFFICE, fact(randomUUID(), { purpose: 'TRAINING' }));
    expect(response.data).toMatchObject({
      shareConsentWithUniversities: { purpose: 'TRAINING', active: true },
    });
  });

  it('refuses an EMPOWERMENT grant to an institution without a university here', async () => {
    const granted = fact(randomUUID());
    const response = await share(MALANG_OFFICE, granted);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors[0]?.extensions?.['field']).toBe('fact.granteeInstitutionId');
    expect(await findConsentFact(hub.db, granted.consentId)).toBeNull();
  });

  it('replaces expiry and revocation dates, and keeps a revocation final against a replayed grant', async () => {
    const { institutionId } = await insertTestPartner(hub.db);
    const granted = fact(institutionId);
    await share(MALANG_OFFICE, granted);
    const expired = await share(MALANG_OFFICE, { ...granted, expiresAt: '2025-03-02T00:00:00Z' });
    expect(expired.data).toMatchObject({ shareConsentWithUniversities: { active: false } });
    const extended = await share(MALANG_OFFICE, { ...granted, expiresAt: '2099-01-01T00:00:00Z' });
    expect(extended.data).toMatchObject({ shareConsentWithUniversities: { active: true } });
    const revoked = await share(MALANG_OFFICE, { ...granted, revokedAt: '2025-04-01T00:00:00Z' });
    expect(revoked.data).toMatchObject({ shareConsentWithUniversities: { active: false } });
    const replayed = await share(MALANG_OFFICE, granted);
    expect(replayed.data).toMatchObject({ shareConsentWithUniversities: { active: false } });
    expect((await findConsentFact(hub.db, granted.consentId))?.revokedAt?.toISOString()).toBe(
      '2025-04-01T00:00:00.000Z',
    );
  });

  it('stores the revocation of a consent it never saw, whatever university it names', async () => {
    const revoked = fact(randomUUID(), { revokedAt: '2025-04-01T00:00:00Z' });
    const response = await share(MALANG_OFFICE, revoked);
    expect(response.data).toMatchObject({
      shareConsentWithUniversities: { consentId: revoked.consentId, active: false },
    });
    expect(await findConsentFact(hub.db, revoked.consentId)).toMatchObject({ workerId: revoked.workerId });
  });

  it('binds a revocation on the very next request: the worker disappears from the session', async () => {
    const { institutionId, program, mentor } = await insertTestPartner(hub.db);
    const granted = fact(institutionId);
    await share(MALANG_OFFICE, granted);
    const session = await insertTestSession(hub.db, program, mentor, [{ workerId: granted.workerId }]);
    const query = 'query($id: ID!) { mentoringSession(id: $id) { participants { id } } }';
    const identity = { kind: 'UNIVERSITY', institutionId } as const;
    const before = await hub.request(identity, query, { id: session.id });
    expect(before.data).toEqual({ mentoringSession: { participants: [{ id: granted.workerId }] } });
    await share(MALANG_OFFICE, { ...granted, revokedAt: new Date().toISOString() });
    const after = await hub.request(identity, query, { id: session.id });
    expect(after.data).toEqual({ mentoringSession: { participants: [] } });
  });

  it('refuses everyone but the labour office of the worker region', async () => {
    const { institutionId } = await insertTestPartner(hub.db);
    const granted = fact(institutionId);
    const refusals = [
      { kind: 'LABOUR_OFFICE', regionCode: '35.05' },
      { kind: 'LABOUR_OFFICE', regionCode: '35.07', scopes: ['workers:read'] },
      { kind: 'MINISTRY' },
      { kind: 'UNIVERSITY', institutionId },
    ] as const;
    for (const identity of refusals) {
      expect(errorCodes(await share(identity, granted))).toEqual(['FORBIDDEN']);
    }
    expect(await findConsentFact(hub.db, granted.consentId)).toBeNull();
  });

  it('refuses a fact that would move a known consent to another worker, grantee or purpose', async () => {
    const { institutionId } = await insertTestPartner(hub.db);
    const granted = fact(institutionId);
    await share(MALANG_OFFICE, granted);
    for (const change of [
      { workerId: randomUUID() },
      { purpose: 'TRAINING' },
      { granteeInstitutionId: randomUUID() },
    ]) {
      expect(errorCodes(await share(MALANG_OFFICE, { ...granted, ...change }))).toEqual(['CONFLICT']);
    }
  });

  it('refuses malformed facts naming the field, and writes nothing', async () => {
    const { institutionId } = await insertTestPartner(hub.db);
    const cases: [Record<string, unknown>, string][] = [
      [{ consentId: 'abc' }, 'fact.consentId'],
      [{ workerDistrictCode: '35.07' }, 'fact.workerDistrictCode'],
      [{ workerDistrictCode: '35.07.99' }, 'fact.workerDistrictCode'],
      [{ expiresAt: '2025-02-01T00:00:00Z' }, 'fact.expiresAt'],
    ];
    for (const [change, field] of cases) {
      const bad = fact(institutionId, change);
      const response = await share(MALANG_OFFICE, bad);
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors[0]?.extensions?.['field']).toBe(field);
    }
  });
});

describe('shareConsentWithUniversities from anyone but the labour subgraph', () => {
  it('refuses a fact without a valid attestation, so a client cannot name a worker of another region', async () => {
    // A labour office calling the mutation itself can claim a kecamatan of its own region for any
    // worker; only the labour subgraph's attestation vouches for the worker and where she lives.
    const sent = fact(randomUUID(), { revokedAt: new Date().toISOString() });
    const forged = await hub.request(MALANG_OFFICE, SHARE, { fact: { ...sent, attestation: 'v1.forged' } });
    expect(errorCodes(forged)).toEqual(['FORBIDDEN']);
    const attested = hub.attestConsentFact(sent);
    const altered = await hub.request(MALANG_OFFICE, SHARE, {
      fact: { ...attested, workerId: randomUUID() },
    });
    expect(errorCodes(altered)).toEqual(['FORBIDDEN']);
    expect(await findConsentFact(hub.db, sent.consentId)).toBeNull();
  });
});
