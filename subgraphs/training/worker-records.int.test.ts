import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entitiesQuery, errorCodes } from '../../shared/testing/graphql-client.js';
import { startSubgraph, type SubgraphHarness } from '../../shared/testing/subgraph-harness.js';
import { createSubgraph } from './server.js';
import {
  insertTestCertification,
  insertTestConsentFact,
  insertTestEnrollment,
  insertTestInstitution,
  universityClient,
} from './testing/factories.js';

const MINISTRY = { kind: 'MINISTRY' } as const;
const MALANG_OFFICE = { kind: 'LABOUR_OFFICE', regionCode: '35.07' } as const;
const BLITAR_OFFICE = { kind: 'LABOUR_OFFICE', regionCode: '35.05' } as const;
const WORKER_RECORDS = entitiesQuery('Worker', 'id enrollments { id } certifications { id }');

let hub: SubgraphHarness;
beforeAll(async () => {
  hub = await startSubgraph(createSubgraph);
});
afterAll(async () => {
  await hub.close();
});

/**
 * A worker of Kalipare (35.07.11) who consented to training at institution A only, yet has
 * records at A and at B (B's consent has lapsed), and a university that may or may not hold an
 * EMPOWERMENT consent.
 */
async function workerWithRecordsAtTwoInstitutions() {
  const a = await insertTestInstitution(hub.db);
  const b = await insertTestInstitution(hub.db);
  const consent = await insertTestConsentFact(hub.db, a.institutionId);
  const workerId = consent.workerId;
  await insertTestConsentFact(hub.db, b.institutionId, { workerId, revokedAt: new Date() });
  const enrolledAtA = await insertTestEnrollment(hub.db, a.course.id, workerId);
  const enrolledAtB = await insertTestEnrollment(hub.db, b.course.id, workerId);
  const certifiedByA = await insertTestCertification(hub.db, a.provider.id, workerId, {
    issuedOn: '2025-04-01',
  });
  const certifiedByB = await insertTestCertification(hub.db, b.provider.id, workerId, {
    issuedOn: '2025-05-01',
  });
  return { a, b, workerId, enrolledAtA, enrolledAtB, certifiedByA, certifiedByB };
}

async function recordsSeenBy(identity: Parameters<SubgraphHarness['request']>[0], workerId: string) {
  const response = await hub.request<{ _entities: unknown[] }>(identity, WORKER_RECORDS, {
    representations: [{ __typename: 'Worker', id: workerId }],
  });
  return { records: response.data?._entities[0], codes: errorCodes(response) };
}

describe('Worker.enrollments and Worker.certifications', () => {
  it('shows the ministry and the labour office of the region everything, newest first', async () => {
    const w = await workerWithRecordsAtTwoInstitutions();
    const expected = {
      id: w.workerId,
      enrollments: [{ id: w.enrolledAtB.id }, { id: w.enrolledAtA.id }],
      certifications: [{ id: w.certifiedByB.id }, { id: w.certifiedByA.id }],
    };
    expect(await recordsSeenBy(MINISTRY, w.workerId)).toEqual({ records: expected, codes: [] });
    expect(await recordsSeenBy(MALANG_OFFICE, w.workerId)).toEqual({ records: expected, codes: [] });
    expect(await recordsSeenBy(BLITAR_OFFICE, w.workerId)).toEqual({
      records: { id: w.workerId, enrollments: [], certifications: [] },
      codes: [],
    });
  });

  it("shows a training provider its own records only, and only while the worker's consent is active", async () => {
    const w = await workerWithRecordsAtTwoInstitutions();
    expect(await recordsSeenBy(w.a.client, w.workerId)).toEqual({
      records: {
        id: w.workerId,
        enrollments: [{ id: w.enrolledAtA.id }],
        certifications: [{ id: w.certifiedByA.id }],
      },
      codes: [],
    });
    expect(await recordsSeenBy(w.b.client, w.workerId)).toEqual({
      records: { id: w.workerId, enrollments: [], certifications: [] },
      codes: [],
    });
  });

  it('refuses universities enrolments, and shows certifications only under an active EMPOWERMENT consent', async () => {
    const w = await workerWithRecordsAtTwoInstitutions();
    const universityId = randomUUID();
    const without = await recordsSeenBy(universityClient(universityId), w.workerId);
    expect(without).toEqual({
      records: { id: w.workerId, enrollments: null, certifications: [] },
      codes: ['FORBIDDEN'],
    });
    await insertTestConsentFact(hub.db, universityId, { workerId: w.workerId, purpose: 'EMPOWERMENT' });
    const withConsent = await recordsSeenBy(universityClient(universityId), w.workerId);
    expect(withConsent.records).toEqual({
      id: w.workerId,
      enrollments: null,
      certifications: [{ id: w.certifiedByB.id }, { id: w.certifiedByA.id }],
    });
  });

  it('resolves a malformed worker id to null', async () => {
    const response = await hub.request(MINISTRY, WORKER_RECORDS, {
      representations: [{ __typename: 'Worker', id: 'x' }],
    });
    expect(response.data).toEqual({ _entities: [null] });
  });
});

describe('Enrollment and Certification entities', () => {
  it('resolve by id under the same rules, null when hidden', async () => {
    const w = await workerWithRecordsAtTwoInstitutions();
    const enrollments = (identity: Parameters<SubgraphHarness['request']>[0]) =>
      hub.request(identity, entitiesQuery('Enrollment', 'id status worker { id } course { id }'), {
        representations: [w.enrolledAtA, w.enrolledAtB, { id: randomUUID() }, { id: 'bad' }].map(
          ({ id }) => ({
            __typename: 'Enrollment',
            id,
          }),
        ),
      });
    const seenByA = await enrollments(w.a.client);
    expect(seenByA.data).toEqual({
      _entities: [
        {
          id: w.enrolledAtA.id,
          status: 'ENROLLED',
          worker: { id: w.workerId },
          course: { id: w.a.course.id },
        },
        null,
        null,
        null,
      ],
    });
    expect((await enrollments(universityClient(randomUUID()))).data).toEqual({
      _entities: [null, null, null, null],
    });
    expect((await enrollments(BLITAR_OFFICE)).data).toEqual({ _entities: [null, null, null, null] });

    const certificationQuery = entitiesQuery('Certification', 'id issuer course { id }');
    const representations = [w.certifiedByA, w.certifiedByB].map(({ id }) => ({
      __typename: 'Certification',
      id,
    }));
    const seenByB = await hub.request(w.b.client, certificationQuery, { representations });
    expect(seenByB.data).toEqual({ _entities: [null, null] });
    const seenByMinistry = await hub.request(MINISTRY, certificationQuery, { representations });
    expect(seenByMinistry.data).toEqual({
      _entities: [
        { id: w.certifiedByA.id, issuer: w.certifiedByA.issuer, course: null },
        { id: w.certifiedByB.id, issuer: w.certifiedByB.issuer, course: null },
      ],
    });
  });
});
