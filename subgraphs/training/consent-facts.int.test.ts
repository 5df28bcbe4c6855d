import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../../shared/testing/graphql-client.js';
import { startSubgraph, type SubgraphHarness } from '../../shared/testing/subgraph-harness.js';
import { consentFacts } from './db/schema.js';
import { createSubgraph } from './server.js';
import { insertTestEnrollment, insertTestInstitution, providerClient } from './testing/factories.js';

const MALANG_OFFICE = { kind: 'LABOUR_OFFICE', regionCode: '35.07' } as const;
const BLITAR_OFFICE = { kind: 'LABOUR_OFFICE', regionCode: '35.05' } as const;

const SHARE = /* GraphQL */ `
  mutation ($fact: ConsentFactInput!) {
    shareConsentWithTraining(fact: $fact) {
      consentId
      workerId
      purpose
      granteeInstitutionId
      active
    }
  }
`;

type ShareResult = { shareConsentWithTraining: { active: boolean } };

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

/** Sends a fact as the labour subgraph does: through the officer's token, with its attestation. */
function share<TData = Record<string, unknown>>(
  identity: Parameters<SubgraphHarness['request']>[0],
  sent: Record<string, unknown>,
) {
  return hub.request<TData>(identity, SHARE, { fact: hub.attestConsentFact(sent) });
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

describe('shareConsentWithTraining', () => {
  it('records a TRAINING consent for a provider institution and reports it active', async () => {
    const { institutionId } = await insertTestInstitution(hub.db);
    const sent = fact(institutionId);
    const response = await share(MALANG_OFFICE, sent);
    expect(response.errors).toEqual([]);
    expect(response.data).toEqual({
      shareConsentWithTraining: {
        consentId: sent.consentId,
        workerId: sent.workerId,
        purpose: 'TRAINING',
        granteeInstitutionId: institutionId,
        active: true,
      },
    });
    expect(hub.graphCalls).toEqual([]);
  });

  it('is idempotent, and a revocation binds from the very next request', async () => {
    const { institutionId, course } = await insertTestInstitution(hub.db);
    const sent = fact(institutionId);
    await share(MALANG_OFFICE, sent);
    const again = await share<ShareResult>(MALANG_OFFICE, sent);
    expect(again.data?.shareConsentWithTraining.active).toBe(true);
    await insertTestEnrollment(hub.db, course.id, sent.workerId);
    expect(await providerSeesEnrollment(institutionId, sent.workerId)).toBe(true);

    const revoked = await share<ShareResult>(MALANG_OFFICE, { ...sent, revokedAt: new Date().toISOString() });
    expect(revoked.data?.shareConsentWithTraining.active).toBe(false);
    expect(await providerSeesEnrollment(institutionId, sent.workerId)).toBe(false);
  });

  it('never lets a late grant revive a revoked consent', async () => {
    const { institutionId } = await insertTestInstitution(hub.db);
    const sent = fact(institutionId);
    await share(MALANG_OFFICE, { ...sent, revokedAt: new Date().toISOString() });
    const late = await share<ShareResult>(MALANG_OFFICE, sent);
    expect(late.errors).toEqual([]);
    expect(late.data?.shareConsentWithTraining.active).toBe(false);
  });

  it('stores a revocation of a consent never seen, even for an institution that runs no provider', async () => {
    const response = await share<ShareResult>(
      MALANG_OFFICE,
      fact(randomUUID(), { revokedAt: new Date().toISOString() }),
    );
    expect(response.errors).toEqual([]);
    expect(response.data?.shareConsentWithTraining.active).toBe(false);
  });

  it('replaces the expiry, and reports an expired consent inactive', async () => {
    const { institutionId } = await insertTestInstitution(hub.db);
    const sent = fact(institutionId, { expiresAt: new Date(Date.now() + 86_400_000).toISOString() });
    const granted = await share<ShareResult>(MALANG_OFFICE, sent);
    expect(granted.data?.shareConsentWithTraining.active).toBe(true);
    const expired = await share<ShareResult>(MALANG_OFFICE, {
      ...sent,
      expiresAt: new Date(Date.now() - 1000).toISOString(),
    });
    expect(expired.data?.shareConsentWithTraining.active).toBe(false);
  });

  it('refuses a TRAINING grant to an institution that runs no training provider here', async () => {
    const response = await share(MALANG_OFFICE, fact(randomUUID()));
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors[0]?.extensions?.['field']).toBe('fact.granteeInstitutionId');
  });

  it('records EMPOWERMENT consents for universities, which see certifications under them', async () => {
    const response = await share<ShareResult>(MALANG_OFFICE, fact(randomUUID(), { purpose: 'EMPOWERMENT' }));
    expect(response.errors).toEqual([]);
    expect(response.data?.shareConsentWithTraining.active).toBe(true);
  });

  it('refuses the same consent id for another worker', async () => {
    const { institutionId } = await insertTestInstitution(hub.db);
    const sent = fact(institutionId);
    await share(MALANG_OFFICE, sent);
    const other = await share(MALANG_OFFICE, { ...sent, workerId: randomUUID() });
    expect(errorCodes(other)).toEqual(['CONFLICT']);
  });

  it.each([
    ['workerDistrictCode', { workerDistrictCode: '35.07' }],
    ['workerDistrictCode', { workerDistrictCode: '35.07.99' }],
    ['workerId', { workerId: 'worker-1' }],
    ['consentId', { consentId: '' }],
    ['revokedAt', { revokedAt: '2020-01-01T00:00:00Z' }],
    ['grantedAt', { grantedAt: '2199-01-01T00:00:00Z' }],
  ])('refuses a malformed fact naming fact.%s', async (field, overrides) => {
    const { institutionId } = await insertTestInstitution(hub.db);
    const response = await share(MALANG_OFFICE, fact(institutionId, overrides));
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors[0]?.extensions?.['field']).toBe(`fact.${field}`);
  });

  it('refuses a labour office of another region, a client without workers:write, and other institutions', async () => {
    const { institutionId } = await insertTestInstitution(hub.db);
    const sent = fact(institutionId);
    const callers = [
      BLITAR_OFFICE,
      { kind: 'LABOUR_OFFICE', regionCode: '35.07', scopes: ['workers:read'] },
      { kind: 'MINISTRY' },
      providerClient(institutionId),
    ] as const;
    for (const caller of callers) {
      const response = await share(caller, sent);
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    }
    const stored = await hub.db.select().from(consentFacts).where(eq(consentFacts.consentId, sent.consentId));
    expect(stored).toEqual([]);
  });
});

describe('shareConsentWithTraining from anyone but the labour subgraph', () => {
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
    expect(
      await hub.db.select().from(consentFacts).where(eq(consentFacts.consentId, sent.consentId)),
    ).toEqual([]);
  });
});
