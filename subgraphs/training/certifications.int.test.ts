import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../../shared/testing/graphql-client.js';
import { startSubgraph, type SubgraphHarness } from '../../shared/testing/subgraph-harness.js';
import { certifications } from './db/schema.js';
import { createSubgraph } from './server.js';
import {
  insertTestConsentFact,
  insertTestEnrollment,
  insertTestInstitution,
  insertTestProvider,
  providerClient,
} from './testing/factories.js';

const ISSUE = /* GraphQL */ `
  mutation ($input: IssueCertificationInput!) {
    issueCertification(input: $input) {
      id
      scheme
      issuer
      number
      issuedOn
      validUntil
      worker {
        id
      }
      course {
        id
      }
    }
  }
`;

let hub: SubgraphHarness;
beforeAll(async () => {
  hub = await startSubgraph(createSubgraph);
});
afterAll(async () => {
  await hub.close();
});

function certificationInput(workerId: string, overrides: Record<string, unknown> = {}) {
  return {
    workerId,
    scheme: 'Housekeeping (Hong Kong)',
    issuer: 'LSP Pekerja Domestik Lintas Benua',
    number: `No. ${randomUUID().slice(0, 8)} 2025`,
    issuedOn: '2025-04-10',
    validUntil: '2028-04-09',
    ...overrides,
  };
}

async function consentingTrainee() {
  const institution = await insertTestInstitution(hub.db);
  const consent = await insertTestConsentFact(hub.db, institution.institutionId);
  return { ...institution, workerId: consent.workerId };
}

describe('issueCertification', () => {
  it("issues a certificate for an enrolled worker's course, booked to that course's provider", async () => {
    const { client, course, workerId } = await consentingTrainee();
    await insertTestEnrollment(hub.db, course.id, workerId, {
      status: 'COMPLETED',
      completedOn: '2025-03-28',
    });
    const input = certificationInput(workerId, { courseId: course.id });
    const response = await hub.request(client, ISSUE, { input });
    expect(response.errors).toEqual([]);
    expect(response.data?.['issueCertification']).toMatchObject({
      scheme: input.scheme,
      number: input.number,
      issuedOn: '2025-04-10',
      validUntil: '2028-04-09',
      worker: { id: workerId },
      course: { id: course.id },
    });
  });

  it("books a certificate without a course to the institution's first provider", async () => {
    const { client, workerId, provider, institutionId } = await consentingTrainee();
    await insertTestProvider(hub.db, institutionId);
    const response = await hub.request<{ issueCertification: { id: string; course: null } }>(client, ISSUE, {
      input: certificationInput(workerId, { validUntil: null }),
    });
    expect(response.errors).toEqual([]);
    expect(response.data?.issueCertification.course).toBeNull();
    const stored = await hub.request<{ _entities: { id: string }[] }>(
      { kind: 'MINISTRY' },
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Worker { certifications { id } } } }',
      { r: [{ __typename: 'Worker', id: workerId }] },
    );
    expect(stored.data).toEqual({
      _entities: [{ certifications: [{ id: response.data?.issueCertification.id }] }],
    });
    const [row] = await hub.db
      .select({ providerId: certifications.providerId })
      .from(certifications)
      .where(eq(certifications.workerId, workerId));
    expect(row).toEqual({ providerId: provider.id });
  });

  it('refuses a certificate number the issuer has already used', async () => {
    const { client, workerId } = await consentingTrainee();
    const input = certificationInput(workerId);
    await hub.request(client, ISSUE, { input });
    const again = await hub.request(client, ISSUE, {
      input: { ...input, number: `  ${input.number.replace(/ /g, '  ')} ` },
    });
    expect(errorCodes(again)).toEqual(['CONFLICT']);
  });

  it.each([
    ['validUntil', { validUntil: '2025-04-09' }],
    ['issuedOn', { issuedOn: '2199-01-01', validUntil: null }],
    ['number', { number: '' }],
    ['issuer', { issuer: 'x'.repeat(201) }],
    ['scheme', { scheme: 'Care\u0000giver' }],
    ['courseId', { courseId: 'course-7' }],
    ['workerId', { workerId: 'w' }],
  ])('refuses bad input naming input.%s', async (field, overrides) => {
    const { client, workerId } = await consentingTrainee();
    const response = await hub.request(client, ISSUE, { input: certificationInput(workerId, overrides) });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors[0]?.extensions?.['field']).toBe(`input.${field}`);
  });

  it('refuses a course the worker is not enrolled in', async () => {
    const { client, workerId, course } = await consentingTrainee();
    const response = await hub.request(client, ISSUE, {
      input: certificationInput(workerId, { courseId: course.id }),
    });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors[0]?.extensions?.['field']).toBe('input.courseId');
  });

  it("refuses another institution's course, saying it belongs to another provider", async () => {
    const { client, workerId } = await consentingTrainee();
    const other = await insertTestInstitution(hub.db);
    await insertTestEnrollment(hub.db, other.course.id, workerId);
    const response = await hub.request(client, ISSUE, {
      input: certificationInput(workerId, { courseId: other.course.id }),
    });
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(response.errors[0]?.message).toBe(
      'This course belongs to another training provider; your institution enrols and certifies only in its own courses.',
    );
  });

  it('answers a worker without an active TRAINING consent as not found', async () => {
    const { client, institutionId } = await insertTestInstitution(hub.db);
    const revoked = await insertTestConsentFact(hub.db, institutionId, { revokedAt: new Date() });
    for (const workerId of [revoked.workerId, randomUUID()]) {
      const response = await hub.request(client, ISSUE, { input: certificationInput(workerId) });
      expect(errorCodes(response)).toEqual(['NOT_FOUND']);
      expect(response.errors[0]?.message).toBe('Worker not found.');
    }
  });

  it('refuses universities and the ministry', async () => {
    const { workerId } = await consentingTrainee();
    for (const caller of [{ kind: 'UNIVERSITY' }, { kind: 'MINISTRY' }] as const) {
      const response = await hub.request(caller, ISSUE, { input: certificationInput(workerId) });
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    }
  });

  it('refuses a provider institution without any registered provider', async () => {
    const institutionId = randomUUID();
    // A TRAINING consent can only be shared with an institution that runs a provider; this one is
    // left over from a provider that has since been removed by hand.
    const consent = await insertTestConsentFact(hub.db, institutionId);
    const response = await hub.request(providerClient(institutionId), ISSUE, {
      input: certificationInput(consent.workerId),
    });
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
  });
});
