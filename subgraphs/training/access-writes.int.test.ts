import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../../shared/testing/graphql-client.js';
import { startSubgraph, type SubgraphHarness } from '../../shared/testing/subgraph-harness.js';
import type { TestIdentity } from '../../shared/testing/tokens.js';
import { accessEvents } from './db/schema.js';
import { createSubgraph } from './server.js';
import {
  courseInput,
  insertTestConsentFact,
  insertTestInstitution,
  providerClient,
  providerInput,
} from './testing/factories.js';

// Every write is an access event (DESIGN section 4, accountability), recorded in the transaction
// of the write itself, with the worker and her kecamatan when the write is about a worker.

let hub: SubgraphHarness;
beforeAll(async () => {
  hub = await startSubgraph(createSubgraph);
});
afterAll(async () => {
  await hub.close();
});

/** Runs an operation that must succeed, and returns its data. */
async function ask<T>(identity: TestIdentity, query: string, variables: Record<string, unknown>) {
  const response = await hub.request<T>(identity, query, variables);
  expect(response.errors).toEqual([]);
  return response.data!;
}

const countEvents = async () => (await hub.db.select().from(accessEvents)).length;

describe('writes', () => {
  it('records every write as an event, in the transaction of the write', async () => {
    const institutionId = randomUUID();
    const client = providerClient(institutionId);
    const { registerTrainingProvider: provider } = await ask<{ registerTrainingProvider: { id: string } }>(
      client,
      'mutation($i: RegisterTrainingProviderInput!) { registerTrainingProvider(input: $i) { id } }',
      { i: providerInput() },
    );
    const { createCourse: course } = await ask<{ createCourse: { id: string } }>(
      client,
      'mutation($i: CreateCourseInput!) { createCourse(input: $i) { id } }',
      { i: courseInput(provider.id) },
    );
    const consent = {
      consentId: randomUUID(),
      workerId: randomUUID(),
      purpose: 'TRAINING',
      workerDistrictCode: '35.07.11',
      granteeInstitutionId: institutionId,
      grantedAt: new Date(Date.now() - 60_000).toISOString(),
      expiresAt: null,
      revokedAt: null,
    };
    expect((await hub.deliverConsentFacts([consent])).body).toMatchObject({ rejected: [] });
    const { enrollWorker: enrollment } = await ask<{ enrollWorker: { id: string } }>(
      client,
      'mutation($c: ID!, $w: ID!) { enrollWorker(courseId: $c, workerId: $w) { id } }',
      { c: course.id, w: consent.workerId },
    );
    await ask(
      client,
      'mutation($id: ID!) { updateEnrollment(id: $id, input: { attendancePercent: 90 }) { id } }',
      {
        id: enrollment.id,
      },
    );
    const { issueCertification: certification } = await ask<{ issueCertification: { id: string } }>(
      client,
      'mutation($w: ID!) { issueCertification(input: { workerId: $w, scheme: "Cook", issuer: "LSP", number: "C-1", issuedOn: "2025-04-10" }) { id } }',
      { w: consent.workerId },
    );

    const writes = (
      await hub.db
        .select()
        .from(accessEvents)
        .where(eq(accessEvents.action, 'WRITE'))
        .orderBy(asc(accessEvents.position))
    ).filter((event) => event.institutionId === institutionId || event.workerId === consent.workerId);
    expect(
      writes.map((event) => [
        event.action,
        event.entityType,
        event.entityId,
        event.fields,
        event.workerId,
        event.workerDistrictCode,
      ]),
    ).toEqual([
      [
        'WRITE',
        'TrainingProvider',
        provider.id,
        ['accreditation', 'accreditationValidUntil', 'kind', 'name', 'regionCode'],
        null,
        null,
      ],
      ['WRITE', 'Course', course.id, Object.keys(courseInput(provider.id)).sort(), null, null],
      ['WRITE', 'ConsentFact', consent.consentId, Object.keys(consent).sort(), consent.workerId, '35.07.11'],
      ['WRITE', 'Enrollment', enrollment.id, ['courseId', 'workerId'], consent.workerId, '35.07.11'],
      [
        'WRITE',
        'Enrollment',
        enrollment.id,
        ['attendancePercent', 'completedOn', 'status'],
        consent.workerId,
        '35.07.11',
      ],
      [
        'WRITE',
        'Certification',
        certification.id,
        ['issuedOn', 'issuer', 'number', 'scheme', 'workerId'],
        consent.workerId,
        '35.07.11',
      ],
    ]);
  });

  it('records nothing for a refused or failed write', async () => {
    const { client, institutionId } = await insertTestInstitution(hub.db);
    const { workerId } = await insertTestConsentFact(hub.db, institutionId);
    const number = `C-${randomUUID()}`;
    const issue = (identity: TestIdentity, workerId: string) =>
      hub.request(
        identity,
        'mutation($w: ID!, $n: String!) { issueCertification(input: { workerId: $w, scheme: "Cook", issuer: "LSP", number: $n, issuedOn: "2025-04-10" }) { id } }',
        { w: workerId, n: number },
      );
    expect(errorCodes(await issue(client, workerId))).toEqual([]);
    const before = await countEvents();
    expect(errorCodes(await issue(client, workerId))).toEqual(['CONFLICT']);
    expect(errorCodes(await issue(client, randomUUID()))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await issue({ kind: 'UNIVERSITY' }, workerId))).toEqual(['FORBIDDEN']);
    const fact = {
      consentId: randomUUID(),
      workerId,
      purpose: 'EMPOWERMENT',
      workerDistrictCode: '35.07.13',
      granteeInstitutionId: randomUUID(),
      grantedAt: new Date().toISOString(),
      expiresAt: null,
      revokedAt: null,
    };
    // A consent delivery not signed by labour is refused before anything is written or logged.
    const forged = await hub.deliverConsentFacts([fact], { signer: hub.service.serviceKeys });
    expect(forged.status).toBe(403);
    expect(await countEvents()).toBe(before);
  });
});
