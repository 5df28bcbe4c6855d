import { setTimeout as sleep } from 'node:timers/promises';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsentGranteeService } from '../shared/consent/delivery.js';
import { bearer, postGraphQL } from '../shared/testing/graphql-client.js';
import { composeNik } from '../shared/validation/nik.js';
import { consentOutbox, consents } from '../subgraphs/labour/db/schema.js';
import { isLabourService } from '../subgraphs/labour/server.js';
import * as training from '../subgraphs/training/db/schema.js';
import * as university from '../subgraphs/university/db/schema.js';
import { dataOf, startTestHub, type TestClient, type TestHub } from './helpers/hub.js';

// Labour's consent outbox across real services: grantees killed mid-grant and mid-revocation, and
// a grantee that hears nothing from labour stops using its copies once its (small) bound passes.

const BOUND_SECONDS = 2;
let hub: TestHub;
let office: TestClient;
let trainer: TestClient;
let courseId: string;
let serial = 0;

beforeAll(async () => {
  hub = await startTestHub({
    env: {
      CONSENT_COPY_MAX_AGE_SECONDS: String(BOUND_SECONDS),
      CONSENT_DELIVERY_INTERVAL_MS: '250',
      CONSENT_DELIVERY_TIMEOUT_MS: '1000',
    },
  });
  [office, trainer] = await Promise.all([
    hub.client('LABOUR_OFFICE', { regionCode: '35.07', name: 'Disnaker Kabupaten Malang' }),
    hub.client('TRAINING_PROVIDER', { name: 'LPK Outbox Kepanjen' }),
  ]);
  const provider = dataOf(
    await trainer.query<{ registerTrainingProvider: { id: string } }>(
      `mutation { registerTrainingProvider(input: { name: "LPK Outbox Kepanjen", kind: LPK, accreditation: B, regionCode: "35.07.13" }) { id } }`,
    ),
  ).registerTrainingProvider;
  courseId = dataOf(
    await trainer.query<{ createCourse: { id: string } }>(
      `mutation($p: ID!) { createCourse(input: { providerId: $p, title: "Housekeeping", kind: SKILL, skill: "Housekeeping", hours: 300, startDate: "2025-02-01", endDate: "2025-04-30", capacity: 20 }) { id } }`,
      { p: provider.id },
    ),
  ).createCourse.id;
});
afterAll(async () => {
  await hub?.close();
});

async function registerWorker(): Promise<string> {
  serial += 1;
  const response = await office.query<{ registerWorker: { id: string } }>(
    `mutation($input: RegisterWorkerInput!) { registerWorker(input: $input) { id } }`,
    {
      input: {
        nik: composeNik('35.07.11', '1990-03-03', 'FEMALE', 700 + serial),
        fullName: `Outbox Worker ${serial}`,
        sex: 'FEMALE',
        birthDate: '1990-03-03',
        birthPlace: 'Malang',
        maritalStatus: 'SINGLE',
        education: 'PRIMARY',
        address: 'Jl. Kotak Keluar 1',
        villageCode: '35.07.11.2008',
      },
    },
  );
  return dataOf(response).registerWorker.id;
}

const grant = (workerId: string) =>
  office.query<{ grantConsent: { id: string } }>(
    `mutation($w: ID!, $g: ID!) { grantConsent(input: { workerId: $w, granteeInstitutionId: $g, purpose: TRAINING }) { id } }`,
    { w: workerId, g: trainer.institutionId },
  );
const revoke = (consentId: string) =>
  office.query(`mutation($id: ID!) { revokeConsent(id: $id) { id } }`, { id: consentId });

async function labourRecord(consentId: string) {
  const [row] = await hub.stores.labour.db.select().from(consents).where(eq(consents.id, consentId));
  return row;
}
async function copyAt(service: ConsentGranteeService, consentId: string) {
  const table = service === 'training' ? training.consentFacts : university.consentFacts;
  const [row] = await hub.stores[service].db.select().from(table).where(eq(table.consentId, consentId));
  return row;
}
async function pendingFor(service: ConsentGranteeService, consentId: string) {
  const rows = await hub.stores.labour.db
    .select({ seq: consentOutbox.seq, deliveredAt: consentOutbox.deliveredAt })
    .from(consentOutbox)
    .where(eq(consentOutbox.consentId, consentId));
  const all = await hub.stores.labour.db
    .select()
    .from(consentOutbox)
    .where(eq(consentOutbox.granteeService, service));
  return all.filter((row) => row.deliveredAt === null && rows.some((mine) => mine.seq === row.seq)).length;
}
/** Labour delivers its outbox now (the loop would, within its backoff). */
async function deliverNow() {
  const labour = hub.subgraphs.labour;
  if (!isLabourService(labour)) throw new Error('the labour service has no consent delivery');
  await labour.consentDelivery.deliverNow();
}
/** What labour recorded and what each grantee holds: the same consent, the same revocation. */
async function expectAgreement(consentId: string) {
  const record = await labourRecord(consentId);
  for (const service of ['training', 'university'] as const) {
    const copy = await copyAt(service, consentId);
    expect(copy, `${service}'s copy`).toMatchObject({
      workerId: record?.workerId,
      granteeInstitutionId: record?.granteeInstitutionId,
      purpose: record?.purpose,
      revokedAt: record?.revokedAt ?? null,
    });
    expect(await pendingFor(service, consentId)).toBe(0);
  }
}
/** Whether the training subgraph itself, asked directly, shows the trainer the worker's enrolment. */
async function trainingShowsEnrollment(workerId: string): Promise<boolean> {
  const response = await postGraphQL<{ _entities: [{ enrollments: unknown[] } | null] }>(
    hub.subgraphUrls.training,
    'query($r: [_Any!]!) { _entities(representations: $r) { ... on Worker { enrollments { id } } } }',
    { r: [{ __typename: 'Worker', id: workerId }] },
    bearer(await trainer.token()),
  );
  return (response.data?._entities[0]?.enrollments.length ?? 0) > 0;
}

describe('consent with a grantee killed', () => {
  it('mid-grant: the officer’s grant stands, and training takes it once it is back', async () => {
    const workerId = await registerWorker();
    await hub.stopSubgraph('training');
    let consentId: string;
    try {
      consentId = dataOf(await grant(workerId)).grantConsent.id;
      expect(await copyAt('university', consentId)).toMatchObject({ revokedAt: null });
      expect(await copyAt('training', consentId)).toBeUndefined();
      expect(await pendingFor('training', consentId)).toBe(1);
    } finally {
      await hub.startSubgraph('training');
    }
    await deliverNow();
    await expectAgreement(consentId);
    const enrolled = await trainer.query(
      `mutation($c: ID!, $w: ID!) { enrollWorker(courseId: $c, workerId: $w) { id } }`,
      { c: courseId, w: workerId },
    );
    expect(enrolled.errors).toEqual([]);
  });

  it('mid-revocation: training stops using its copy within the bound, and takes the revocation when labour reaches it', async () => {
    const workerId = await registerWorker();
    const consentId = dataOf(await grant(workerId)).grantConsent.id;
    dataOf(
      await trainer.query(`mutation($c: ID!, $w: ID!) { enrollWorker(courseId: $c, workerId: $w) { id } }`, {
        c: courseId,
        w: workerId,
      }),
    );
    expect(await trainingShowsEnrollment(workerId)).toBe(true);

    await hub.stopSubgraph('training');
    expect((await revoke(consentId)).errors).toEqual([]);
    expect((await labourRecord(consentId))?.revokedAt).not.toBeNull();
    expect((await copyAt('university', consentId))?.revokedAt).not.toBeNull();
    // Labour goes down too, so nobody can tell training; training comes back holding a stale copy.
    await hub.stopSubgraph('labour');
    await hub.startSubgraph('training');
    try {
      expect((await copyAt('training', consentId))?.revokedAt).toBeNull();
      const [feed] = await hub.stores.training.db.select().from(training.consentFeed);
      const untilBoundPassed = (feed?.usableUntil.getTime() ?? 0) - Date.now() + 100;
      if (untilBoundPassed > 0) await sleep(untilBoundPassed);
      // Its copy still says "granted", but it is older than the bound: training does not use it.
      expect((await copyAt('training', consentId))?.revokedAt).toBeNull();
      expect(await trainingShowsEnrollment(workerId)).toBe(false);
    } finally {
      await hub.startSubgraph('labour');
    }
    await deliverNow();
    await expectAgreement(consentId);
    expect(await trainingShowsEnrollment(workerId)).toBe(false);
  });
});

describe('consent delivery', () => {
  it('changes nothing when labour delivers the same facts again (a lost acknowledgement)', async () => {
    const workerId = await registerWorker();
    const consentId = dataOf(await grant(workerId)).grantConsent.id;
    await expectAgreement(consentId);
    const before = await copyAt('training', consentId);
    const writesBefore = await hub.stores.training.db
      .select()
      .from(training.accessEvents)
      .where(eq(training.accessEvents.entityId, consentId));
    await hub.stores.labour.db
      .update(consentOutbox)
      .set({ deliveredAt: null })
      .where(eq(consentOutbox.consentId, consentId));
    await deliverNow();
    expect(await copyAt('training', consentId)).toEqual(before);
    const writesAfter = await hub.stores.training.db
      .select()
      .from(training.accessEvents)
      .where(eq(training.accessEvents.entityId, consentId));
    expect(writesAfter).toHaveLength(writesBefore.length);
    await expectAgreement(consentId);
  });

  it('leaves no grantee copy of a grant whose write at labour fails', async () => {
    const workerId = await registerWorker();
    // Labour's own write fails (a constraint this test adds), after the directory said yes.
    await hub.stores.labour.db.execute(
      sql.raw(`alter table labour.consents add constraint refuse_worker check (worker_id <> '${workerId}')`),
    );
    try {
      const response = await grant(workerId);
      expect(response.errors.map((error) => error.extensions?.['code'])).toEqual(['INTERNAL_SERVER_ERROR']);
    } finally {
      await hub.stores.labour.db.execute(
        sql.raw('alter table labour.consents drop constraint refuse_worker'),
      );
    }
    await deliverNow();
    expect(await hub.stores.labour.db.select().from(consents).where(eq(consents.workerId, workerId))).toEqual(
      [],
    );
    for (const table of [training.consentFacts, university.consentFacts]) {
      const store = table === training.consentFacts ? hub.stores.training : hub.stores.university;
      expect(await store.db.select().from(table).where(eq(table.workerId, workerId))).toEqual([]);
    }
  });
});
