import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInJakarta } from '../../shared/scalars.js';
import { errorCodes } from '../../shared/testing/graphql-client.js';
import { startSubgraph, type SubgraphHarness } from '../../shared/testing/subgraph-harness.js';
import { consentFacts } from './db/schema.js';
import { createSubgraph } from './server.js';
import { insertTestConsentFact, insertTestEnrollment, insertTestInstitution } from './testing/factories.js';

const ENROLL = /* GraphQL */ `
  mutation ($courseId: ID!, $workerId: ID!) {
    enrollWorker(courseId: $courseId, workerId: $workerId) {
      id
      status
      enrolledAt
      worker {
        id
      }
      course {
        id
        enrolledCount
      }
    }
  }
`;
const UPDATE = /* GraphQL */ `
  mutation ($id: ID!, $input: UpdateEnrollmentInput!) {
    updateEnrollment(id: $id, input: $input) {
      id
      status
      attendancePercent
      score
      completedOn
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

/** A provider institution with a course and a worker who consented to it. */
async function consentingTrainee(capacity = 25) {
  const institution = await insertTestInstitution(hub.db, { capacity });
  const consent = await insertTestConsentFact(hub.db, institution.institutionId, {
    workerDistrictCode: '35.07.13',
  });
  return { ...institution, workerId: consent.workerId, consent };
}

describe('enrollWorker', () => {
  it('enrols a consenting worker, keeping the district from the consent for the statistics', async () => {
    const { client, course, workerId } = await consentingTrainee();
    const response = await hub.request<{ enrollWorker: { id: string } }>(client, ENROLL, {
      courseId: course.id,
      workerId,
    });
    expect(response.errors).toEqual([]);
    expect(response.data?.enrollWorker).toMatchObject({
      status: 'ENROLLED',
      worker: { id: workerId },
      course: { id: course.id, enrolledCount: 1 },
    });
    const stats = await hub.request(
      { kind: 'MINISTRY' },
      `{ _entities(representations: [{ __typename: "RegionStats", regionCode: "35.07.13", year: ${Number(todayInJakarta().slice(0, 4))} }]) { ... on RegionStats { enrolled { value } } } }`,
    );
    expect(stats.data).toEqual({ _entities: [{ enrolled: { value: 1 } }] });
  });

  it('answers a worker without an active TRAINING consent exactly like an unknown worker', async () => {
    const { client, course, institutionId } = await insertTestInstitution(hub.db);
    const revoked = await insertTestConsentFact(hub.db, institutionId, { revokedAt: new Date() });
    const expired = await insertTestConsentFact(hub.db, institutionId, {
      expiresAt: new Date(Date.now() - 1000),
    });
    const empowerment = await insertTestConsentFact(hub.db, institutionId, { purpose: 'EMPOWERMENT' });
    const elsewhere = await insertTestConsentFact(hub.db, randomUUID());
    for (const workerId of [revoked, expired, empowerment, elsewhere]
      .map((fact) => fact.workerId)
      .concat(randomUUID())) {
      const response = await hub.request(client, ENROLL, { courseId: course.id, workerId });
      expect(errorCodes(response)).toEqual(['NOT_FOUND']);
      expect(response.errors[0]?.message).toBe('Worker not found.');
    }
  });

  it("refuses another institution's course, saying it belongs to another provider", async () => {
    const { client, institutionId } = await consentingTrainee();
    const other = await insertTestInstitution(hub.db);
    const consent = await insertTestConsentFact(hub.db, institutionId);
    const response = await hub.request(client, ENROLL, {
      courseId: other.course.id,
      workerId: consent.workerId,
    });
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(response.errors[0]?.message).toBe(
      'This course belongs to another training provider; your institution enrols and certifies only in its own courses.',
    );
  });

  it('refuses malformed ids naming the argument', async () => {
    const { client, course, workerId } = await consentingTrainee();
    const badCourse = await hub.request(client, ENROLL, { courseId: 'c-1', workerId });
    expect(badCourse.errors[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'courseId' });
    const badWorker = await hub.request(client, ENROLL, { courseId: course.id, workerId: '123' });
    expect(badWorker.errors[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'workerId' });
  });

  it('refuses a second live enrolment, and a full course, with CONFLICT', async () => {
    const { client, course, workerId, institutionId } = await consentingTrainee(1);
    await hub.request(client, ENROLL, { courseId: course.id, workerId });
    const twice = await hub.request(client, ENROLL, { courseId: course.id, workerId });
    expect(errorCodes(twice)).toEqual(['CONFLICT']);
    const next = await insertTestConsentFact(hub.db, institutionId);
    const full = await hub.request(client, ENROLL, { courseId: course.id, workerId: next.workerId });
    expect(errorCodes(full)).toEqual(['CONFLICT']);
    expect(full.errors[0]?.message).toMatch(/full/);
  });

  it('keeps capacity when several registrars enrol at the same moment', async () => {
    const { client, course, institutionId } = await consentingTrainee(2);
    const consents = await Promise.all(
      Array.from({ length: 5 }, () => insertTestConsentFact(hub.db, institutionId)),
    );
    const responses = await Promise.all(
      consents.map(({ workerId }) => hub.request(client, ENROLL, { courseId: course.id, workerId })),
    );
    const codes = responses.map((response) => errorCodes(response)[0] ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'OK', 'OK']);
  });

  it('lets a withdrawn worker enrol again', async () => {
    const { client, course, workerId } = await consentingTrainee();
    await insertTestEnrollment(hub.db, course.id, workerId, { status: 'WITHDRAWN' });
    const response = await hub.request(client, ENROLL, { courseId: course.id, workerId });
    expect(response.errors).toEqual([]);
  });

  it('refuses other kinds of institution and clients without training:write', async () => {
    const { course, workerId, institutionId } = await consentingTrainee();
    const ministry = await hub.request({ kind: 'MINISTRY' }, ENROLL, { courseId: course.id, workerId });
    expect(errorCodes(ministry)).toEqual(['FORBIDDEN']);
    const readOnly = await hub.request(
      { kind: 'TRAINING_PROVIDER', institutionId, scopes: ['workers:read'] },
      ENROLL,
      { courseId: course.id, workerId },
    );
    expect(errorCodes(readOnly)).toEqual(['FORBIDDEN']);
  });
});

describe('updateEnrollment', () => {
  async function enrolled(status: 'ENROLLED' | 'IN_PROGRESS' | 'COMPLETED' | 'WITHDRAWN' = 'ENROLLED') {
    const trainee = await consentingTrainee();
    const enrollment = await insertTestEnrollment(hub.db, trainee.course.id, trainee.workerId, {
      status,
      ...(status === 'COMPLETED' ? { completedOn: '2025-03-28' } : {}),
    });
    return { ...trainee, enrollment };
  }

  it('records progress and then completion', async () => {
    const { client, enrollment } = await enrolled();
    const progress = await hub.request(client, UPDATE, {
      id: enrollment.id,
      input: { status: 'IN_PROGRESS', attendancePercent: 80 },
    });
    expect(progress.data).toEqual({
      updateEnrollment: {
        id: enrollment.id,
        status: 'IN_PROGRESS',
        attendancePercent: 80,
        score: null,
        completedOn: null,
      },
    });
    const done = await hub.request(client, UPDATE, {
      id: enrollment.id,
      input: { status: 'COMPLETED', score: 87, completedOn: '2025-03-28' },
    });
    expect(done.data).toEqual({
      updateEnrollment: {
        id: enrollment.id,
        status: 'COMPLETED',
        attendancePercent: 80,
        score: 87,
        completedOn: '2025-03-28',
      },
    });
    const corrected = await hub.request(client, UPDATE, { id: enrollment.id, input: { score: 88 } });
    expect(corrected.data).toMatchObject({
      updateEnrollment: { status: 'COMPLETED', score: 88, completedOn: '2025-03-28' },
    });
  });

  it.each([
    ['input.attendancePercent', { attendancePercent: 101 }],
    ['input.score', { score: -1 }],
    ['input.completedOn', { status: 'COMPLETED' }],
    ['input.completedOn', { status: 'COMPLETED', completedOn: '2024-12-31' }],
    ['input.completedOn', { status: 'COMPLETED', completedOn: '2199-01-01' }],
    ['input.completedOn', { status: 'IN_PROGRESS', completedOn: '2025-03-01' }],
    ['input.status', { status: null }],
    ['input', {}],
  ])('refuses bad input naming %s, and changes nothing', async (field, input) => {
    const { client, enrollment } = await enrolled();
    const response = await hub.request(client, UPDATE, { id: enrollment.id, input });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors[0]?.extensions?.['field']).toBe(field);
    const unchanged = await hub.request(client, UPDATE, { id: enrollment.id, input: { status: 'ENROLLED' } });
    expect(unchanged.data).toMatchObject({
      updateEnrollment: { status: 'ENROLLED', attendancePercent: null, score: null },
    });
  });

  it.each([
    ['COMPLETED', 'IN_PROGRESS'],
    ['COMPLETED', 'WITHDRAWN'],
    ['IN_PROGRESS', 'ENROLLED'],
    ['WITHDRAWN', 'IN_PROGRESS'],
  ] as const)('refuses to move an enrolment from %s to %s', async (from, to) => {
    const { client, enrollment } = await enrolled(from);
    const response = await hub.request(client, UPDATE, { id: enrollment.id, input: { status: to } });
    expect(errorCodes(response)).toEqual(['CONFLICT']);
  });

  it("answers another institution's enrolment, and one whose consent was revoked, as not found", async () => {
    const { enrollment, consent, client } = await enrolled();
    const stranger = await hub.request({ kind: 'TRAINING_PROVIDER' }, UPDATE, {
      id: enrollment.id,
      input: { score: 1 },
    });
    expect(errorCodes(stranger)).toEqual(['NOT_FOUND']);
    expect(stranger.errors[0]?.message).toBe('Enrollment not found.');
    await hub.db
      .update(consentFacts)
      .set({ revokedAt: new Date() })
      .where(eq(consentFacts.consentId, consent.consentId));
    const revoked = await hub.request(client, UPDATE, { id: enrollment.id, input: { score: 1 } });
    expect(errorCodes(revoked)).toEqual(['NOT_FOUND']);
    expect(revoked.errors[0]?.message).toBe('Enrollment not found.');
  });

  it('refuses a malformed enrolment id naming the argument', async () => {
    const { client } = await enrolled();
    const response = await hub.request(client, UPDATE, { id: 'e-1', input: { score: 1 } });
    expect(response.errors[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });
});
