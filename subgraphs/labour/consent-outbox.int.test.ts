import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../../shared/testing/graphql-client.js';
import {
  startSubgraph,
  type GraphCall,
  type SubgraphHarness,
} from '../../shared/testing/subgraph-harness.js';
import { consentOutbox, consents } from './db/schema.js';
import { createSubgraph } from './server.js';
import { insertTestWorker } from './testing/factories.js';

const MALANG = { kind: 'LABOUR_OFFICE', regionCode: '35.07' } as const;
const PROVIDER_ID = randomUUID();
let directoryDown = false;

// The ministry's directory as labour asks it before a grant; no grantee subgraph listens here.
function graph(call: GraphCall) {
  if (directoryDown) throw new Error('connect ECONNREFUSED');
  if (!call.query.includes('GranteeOfConsent')) throw new Error(`unexpected call: ${call.query}`);
  const known = call.variables['id'] === PROVIDER_ID;
  return {
    data: { institution: known ? { name: 'LPK Outbox', kind: 'TRAINING_PROVIDER' } : null },
    errors: [],
  };
}

let hub: SubgraphHarness;
beforeAll(async () => {
  hub = await startSubgraph(createSubgraph, { graph });
});
afterAll(async () => {
  await hub.close();
});

const GRANT = 'mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id revokedAt } }';
const REVOKE = 'mutation($id: ID!) { revokeConsent(id: $id) { id revokedAt } }';

async function grant(workerId: string) {
  return hub.request<{ grantConsent: { id: string } }>(MALANG, GRANT, {
    input: { workerId, granteeInstitutionId: PROVIDER_ID, purpose: 'TRAINING' },
  });
}

const outboxOf = (consentId: string) =>
  hub.db
    .select()
    .from(consentOutbox)
    .where(eq(consentOutbox.consentId, consentId))
    .orderBy(consentOutbox.seq);

describe('the consent outbox', () => {
  it('records a grant with one entry per grantee service, and answers although no grantee can be reached', async () => {
    const worker = await insertTestWorker(hub.db);
    const response = await grant(worker.id);
    expect(response.errors).toEqual([]);
    const consentId = response.data?.grantConsent.id ?? '';
    const entries = await outboxOf(consentId);
    expect(entries.map((entry) => [entry.granteeService, entry.deliveredAt])).toEqual([
      ['training', null],
      ['university', null],
    ]);
    expect(entries[0]?.fact).toMatchObject({
      consentId,
      workerId: worker.id,
      purpose: 'TRAINING',
      workerDistrictCode: worker.districtCode,
      granteeInstitutionId: PROVIDER_ID,
      revokedAt: null,
      recordedBy: { institutionKind: 'LABOUR_OFFICE', regionCode: '35.07' },
    });
    // The attempt at once failed (no grantee listens) and is noted for the retries.
    expect(entries.every((entry) => entry.attempts >= 1 && entry.lastError !== null)).toBe(true);
  });

  it('records a revocation with its own entries, numbered after the grant', async () => {
    const worker = await insertTestWorker(hub.db);
    const consentId = (await grant(worker.id)).data?.grantConsent.id ?? '';
    const revoked = await hub.request(MALANG, REVOKE, { id: consentId });
    expect(revoked.errors).toEqual([]);
    const entries = await outboxOf(consentId);
    expect(entries).toHaveLength(4);
    const [grantEntry, , revocationEntry] = entries;
    expect(revocationEntry?.fact.revokedAt).not.toBeNull();
    expect(Number(revocationEntry?.seq)).toBeGreaterThan(Number(grantEntry?.seq));
  });

  it('refuses a grant with SERVICE_UNAVAILABLE and writes nothing while the directory cannot be asked', async () => {
    const worker = await insertTestWorker(hub.db);
    directoryDown = true;
    try {
      const response = await grant(worker.id);
      expect(errorCodes(response)).toEqual(['SERVICE_UNAVAILABLE']);
    } finally {
      directoryDown = false;
    }
    expect(await hub.db.select().from(consents).where(eq(consents.workerId, worker.id))).toEqual([]);
  });
});
