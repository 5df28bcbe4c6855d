import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entitiesQuery, errorCodes } from '../../shared/testing/graphql-client.js';
import {
  startSubgraph,
  type GraphCall,
  type SubgraphHarness,
} from '../../shared/testing/subgraph-harness.js';
import { createSubgraph } from './server.js';
import { insertTestWorker } from './testing/factories.js';

const MALANG = { kind: 'LABOUR_OFFICE', regionCode: '35.07' } as const;
const MINISTRY_WITHOUT_PII = { kind: 'MINISTRY', scopes: ['workers:read', 'stats:read'] } as const;

// The directory as the ministry would answer it; labour asks it before it records a grant.
const UNIVERSITY_ID = randomUUID();
const MINISTRY_ID = randomUUID();
const DIRECTORY: Record<string, { name: string; kind: string }> = {
  [UNIVERSITY_ID]: { name: 'Universitas Brawijaya', kind: 'UNIVERSITY' },
  [MINISTRY_ID]: { name: 'Kemenko PM', kind: 'MINISTRY' },
};
function graph(call: GraphCall) {
  if (call.query.includes('GranteeOfConsent'))
    return { data: { institution: DIRECTORY[String(call.variables['id'])] ?? null }, errors: [] };
  throw new Error(`unexpected call through the gateway: ${call.query}`);
}

let hub: SubgraphHarness;
beforeAll(async () => {
  hub = await startSubgraph(createSubgraph, { graph });
});
afterAll(async () => {
  await hub.close();
});

const GRANT = 'mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id } }';

describe('answers people understand', () => {
  it('names the refused field in FORBIDDEN, directly and through _entities', async () => {
    const worker = await insertTestWorker(hub.db);
    const direct = await hub.request(MINISTRY_WITHOUT_PII, 'query($id: ID!) { worker(id: $id) { phone } }', {
      id: worker.id,
    });
    expect(errorCodes(direct)).toEqual(['FORBIDDEN']);
    expect(direct.errors[0]?.message).toBe('You may not read Worker.phone. This needs the pii:read scope.');
    expect(direct.errors[0]?.extensions?.['field']).toBe('Worker.phone');
    const entities = await hub.request(MINISTRY_WITHOUT_PII, entitiesQuery('Worker', 'birthDate'), {
      representations: [{ __typename: 'Worker', id: worker.id }],
    });
    expect(entities.errors[0]?.message).toBe(
      'You may not read Worker.birthDate. This needs the pii:read scope.',
    );
  });

  it('answers an unknown enum value with the valid values when called directly', async () => {
    const response = await hub.request(MALANG, '{ workers(filter: { status: DEPARTD }) { totalCount } }');
    expect(errorCodes(response)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(response.errors[0]?.message).toBe(
      'Value "DEPARTD" is not a WorkerStatus; expected one of PROSPECTIVE, REGISTERED, VERIFIED, DEPARTED, ABROAD, RETURNED, WITHDRAWN, NON_PROCEDURAL.',
    );
  });

  it('says which purpose a grantee can receive when a consent is refused', async () => {
    const worker = await insertTestWorker(hub.db);
    const response = await hub.request(MALANG, GRANT, {
      input: { workerId: worker.id, granteeInstitutionId: UNIVERSITY_ID, purpose: 'TRAINING' },
    });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors[0]?.extensions?.['field']).toBe('input.purpose');
    expect(response.errors[0]?.message).toBe(
      'Invalid input.purpose: Universitas Brawijaya is a university partner, which can receive consent for EMPOWERMENT (mentoring for returnees) only, not TRAINING',
    );
  });

  it('says a statutory institution receives no consent, and an unknown one is no member', async () => {
    const worker = await insertTestWorker(hub.db);
    const statutory = await hub.request(MALANG, GRANT, {
      input: { workerId: worker.id, granteeInstitutionId: MINISTRY_ID, purpose: 'EMPOWERMENT' },
    });
    expect(statutory.errors[0]?.message).toBe(
      'Invalid input.granteeInstitutionId: Kemenko PM is the ministry: it reads workers by statutory task and receives no consent',
    );
    const unknown = await hub.request(MALANG, GRANT, {
      input: { workerId: worker.id, granteeInstitutionId: randomUUID(), purpose: 'TRAINING' },
    });
    expect(unknown.errors[0]?.message).toBe(
      'Invalid input.granteeInstitutionId: names no member institution of the hub',
    );
  });
});
