import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../../shared/testing/graphql-client.js';
import { startSubgraph, type SubgraphHarness } from '../../shared/testing/subgraph-harness.js';
import { createSubgraph } from './server.js';
import {
  insertTestCertification,
  insertTestConsentFact,
  insertTestInstitution,
} from './testing/factories.js';

const REVOKE = /* GraphQL */ `
  mutation ($id: ID!, $input: RevokeCertificationInput!) {
    revokeCertification(id: $id, input: $input) {
      id
      number
      revokedOn
      revocationReason
    }
  }
`;
const CERTIFICATIONS = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Worker {
        certifications {
          number
          revokedOn
          revocationReason
        }
      }
    }
  }
`;
const MINISTRY = { kind: 'MINISTRY' } as const;
const REASON = 'The competency test was sat by someone else (LSP decision 12/2025).';

let hub: SubgraphHarness;
beforeAll(async () => {
  hub = await startSubgraph(createSubgraph);
});
afterAll(async () => {
  await hub.close();
});

/** A provider institution and a certificate it issued to a worker who consents to it. */
async function issuedCertificate() {
  const institution = await insertTestInstitution(hub.db);
  const consent = await insertTestConsentFact(hub.db, institution.institutionId);
  const certification = await insertTestCertification(hub.db, institution.provider.id, consent.workerId);
  return { ...institution, workerId: consent.workerId, certification };
}

describe('revokeCertification', () => {
  it('records the withdrawal, which every reader of the certificate then sees', async () => {
    const { client, workerId, certification } = await issuedCertificate();
    const response = await hub.request(client, REVOKE, {
      id: certification.id,
      input: { revokedOn: '2025-06-01', reason: `  ${REASON} ` },
    });
    expect(response.errors).toEqual([]);
    expect(response.data?.['revokeCertification']).toEqual({
      id: certification.id,
      number: certification.number,
      revokedOn: '2025-06-01',
      revocationReason: REASON,
    });
    const read = await hub.request(MINISTRY, CERTIFICATIONS, {
      representations: [{ __typename: 'Worker', id: workerId }],
    });
    expect(read.data).toEqual({
      _entities: [
        {
          certifications: [
            { number: certification.number, revokedOn: '2025-06-01', revocationReason: REASON },
          ],
        },
      ],
    });
  });

  it('refuses a second revocation with CONFLICT: a revocation is final', async () => {
    const { client, certification } = await issuedCertificate();
    const input = { revokedOn: '2025-06-01', reason: REASON };
    expect((await hub.request(client, REVOKE, { id: certification.id, input })).errors).toEqual([]);
    const again = await hub.request(client, REVOKE, {
      id: certification.id,
      input: { ...input, revokedOn: '2025-06-02' },
    });
    expect(errorCodes(again)).toEqual(['CONFLICT']);
  });

  it('refuses a date before the issue date, in the future, or an empty reason, naming the field', async () => {
    const { client, certification } = await issuedCertificate();
    const cases = [
      [{ revokedOn: '2025-04-09', reason: REASON }, 'input.revokedOn'],
      [{ revokedOn: '2999-01-01', reason: REASON }, 'input.revokedOn'],
      [{ revokedOn: '2025-06-01', reason: '   ' }, 'input.reason'],
    ] as const;
    for (const [input, field] of cases) {
      const response = await hub.request(client, REVOKE, { id: certification.id, input });
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(JSON.stringify(response.errors)).toContain(field);
    }
    const read = await hub.request(MINISTRY, CERTIFICATIONS, {
      representations: [{ __typename: 'Worker', id: certification.workerId }],
    });
    expect(read.data).toEqual({
      _entities: [
        { certifications: [{ number: certification.number, revokedOn: null, revocationReason: null }] },
      ],
    });
  });

  it("answers another provider's certificate and an unknown id alike with NOT_FOUND", async () => {
    const { certification } = await issuedCertificate();
    const other = await insertTestInstitution(hub.db);
    const input = { revokedOn: '2025-06-01', reason: REASON };
    for (const id of [certification.id, randomUUID()]) {
      const response = await hub.request(other.client, REVOKE, { id, input });
      expect(errorCodes(response)).toEqual(['NOT_FOUND']);
    }
  });

  it('refuses labour offices, the ministry and universities with FORBIDDEN', async () => {
    const { certification } = await issuedCertificate();
    for (const identity of [
      { kind: 'LABOUR_OFFICE', regionCode: '35.07' },
      MINISTRY,
      { kind: 'UNIVERSITY' },
    ] as const) {
      const response = await hub.request(identity, REVOKE, {
        id: certification.id,
        input: { revokedOn: '2025-06-01', reason: REASON },
      });
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    }
  });
});
