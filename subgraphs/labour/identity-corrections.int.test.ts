import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entitiesQuery, errorCodes } from '../../shared/testing/graphql-client.js';
import { startSubgraph, type SubgraphHarness } from '../../shared/testing/subgraph-harness.js';
import { composeNik, maskNik } from '../../shared/validation/nik.js';
import { accessEvents, amendments, workers } from './db/schema.js';
import { createSubgraph } from './server.js';
import { insertTestConsent, insertTestDocument, insertTestWorker } from './testing/factories.js';

const MALANG = { kind: 'LABOUR_OFFICE', regionCode: '35.07', institutionId: randomUUID() } as const;
const BLITAR = { kind: 'LABOUR_OFFICE', regionCode: '35.05' } as const;
const MINISTRY = { kind: 'MINISTRY' } as const;
const MINISTRY_WITHOUT_PII = { kind: 'MINISTRY', scopes: ['workers:read'] } as const;
const TRAINER = { kind: 'TRAINING_PROVIDER', institutionId: randomUUID() } as const;

let hub: SubgraphHarness;
beforeAll(async () => {
  hub = await startSubgraph(createSubgraph);
});
afterAll(async () => {
  await hub.close();
});

const CORRECT = /* GraphQL */ `
  mutation ($id: ID!, $input: CorrectWorkerIdentityInput!) {
    correctWorkerIdentity(workerId: $id, input: $input) {
      nik
      birthDate
      amendments {
        kind
        reason
        changes {
          field
          oldValue
          newValue
        }
        supportingDocument {
          type
        }
        amendedBy {
          id
        }
      }
    }
  }
`;

const AMENDMENTS = `query($id: ID!) { worker(id: $id) { nik amendments { kind changes { field oldValue newValue } } } }`;

/** The woman of the issue: born 1996-03-14, registered with NIK day 14 instead of 54. */
async function mistypedWorker() {
  const serial = 1 + Math.floor(Math.random() * 9000);
  const wrongNik = composeNik('35.07.11', '1996-03-14', 'MALE', serial);
  const rightNik = composeNik('35.07.11', '1996-03-14', 'FEMALE', serial);
  const worker = await insertTestWorker(hub.db, { nik: wrongNik, birthDate: '1996-03-14', sex: 'FEMALE' });
  const ktp = await insertTestDocument(hub.db, worker.id);
  return { worker, ktp, wrongNik, rightNik };
}

async function history(workerId: string) {
  return hub.db.select().from(amendments).where(eq(amendments.workerId, workerId));
}

describe('correctWorkerIdentity', () => {
  it('corrects a mistyped NIK on a verified KTP-el and keeps the old one with who and why', async () => {
    const { worker, ktp, wrongNik, rightNik } = await mistypedWorker();
    const response = await hub.request(MALANG, CORRECT, {
      id: worker.id,
      input: { nik: rightNik, reason: 'NIK day typed as 14, KTP-el shows 54', supportingDocumentId: ktp.id },
    });
    expect(response.errors).toEqual([]);
    expect(response.data).toEqual({
      correctWorkerIdentity: {
        nik: rightNik,
        birthDate: '1996-03-14',
        amendments: [
          {
            kind: 'IDENTITY_CORRECTED',
            reason: 'NIK day typed as 14, KTP-el shows 54',
            changes: [{ field: 'nik', oldValue: wrongNik, newValue: rightNik }],
            supportingDocument: { type: 'NATIONAL_ID' },
            amendedBy: { id: MALANG.institutionId },
          },
        ],
      },
    });
    const found = await hub.request(MINISTRY, 'query($nik: String!) { workerByNik(nik: $nik) { id } }', {
      nik: rightNik,
    });
    expect(found.data).toEqual({ workerByNik: { id: worker.id } });
    const events = await hub.db
      .select()
      .from(accessEvents)
      .where(and(eq(accessEvents.entityId, worker.id), eq(accessEvents.action, 'WRITE')));
    expect(events.map((event) => event.fields)).toEqual([['nik']]);
  });

  it('refuses a NIK that disagrees with the birth date and sex, naming nik and what it expected', async () => {
    const { worker, ktp, rightNik } = await mistypedWorker();
    const dayOff = `${rightNik.slice(0, 6)}55${rightNik.slice(8)}`;
    const response = await hub.request(MALANG, CORRECT, {
      id: worker.id,
      input: { fullName: 'Siti Aminah', nik: dayOff, reason: 'x', supportingDocumentId: ktp.id },
    });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors[0]?.extensions?.['field']).toBe('input.nik');
    expect(response.errors[0]?.message).toContain('must be 540396, not 550396');
    expect(await history(worker.id)).toEqual([]);
  });

  it('refuses a correction resting on no proper document, and writes nothing', async () => {
    const { worker, rightNik } = await mistypedWorker();
    const other = await insertTestWorker(hub.db);
    const cases = [
      await insertTestDocument(hub.db, worker.id, { status: 'SUBMITTED' }),
      await insertTestDocument(hub.db, worker.id, { type: 'PASSPORT', number: 'C1234567' }),
      await insertTestDocument(hub.db, other.id),
      { id: randomUUID() },
    ];
    for (const document of cases) {
      const response = await hub.request(MALANG, CORRECT, {
        id: worker.id,
        input: { nik: rightNik, reason: 'Typo', supportingDocumentId: document.id },
      });
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors[0]?.extensions?.['field']).toBe('input.supportingDocumentId');
    }
    const [row] = await hub.db.select().from(workers).where(eq(workers.id, worker.id));
    expect(row?.nik).toBe(worker.nik);
    expect(await history(worker.id)).toEqual([]);
  });

  it('refuses a NIK another worker holds with CONFLICT, a missing reason and a change of nothing', async () => {
    const { worker, ktp, rightNik } = await mistypedWorker();
    await insertTestWorker(hub.db, { nik: rightNik });
    const taken = await hub.request(MALANG, CORRECT, {
      id: worker.id,
      input: { nik: rightNik, reason: 'Typo', supportingDocumentId: ktp.id },
    });
    expect(errorCodes(taken)).toEqual(['CONFLICT']);
    const noReason = await hub.request(MALANG, CORRECT, {
      id: worker.id,
      input: { fullName: 'Siti Aminah', reason: ' ', supportingDocumentId: ktp.id },
    });
    expect(noReason.errors[0]?.extensions?.['field']).toBe('input.reason');
    const same = await hub.request(MALANG, CORRECT, {
      id: worker.id,
      input: { birthDate: '1996-03-14', reason: 'Check', supportingDocumentId: ktp.id },
    });
    expect(same.errors[0]?.extensions?.['field']).toBe('input');
    expect(await history(worker.id)).toEqual([]);
  });

  it('is refused to an office of another region and to the ministry, which do not write worker records', async () => {
    const { worker, ktp, rightNik } = await mistypedWorker();
    const input = { nik: rightNik, reason: 'Typo', supportingDocumentId: ktp.id };
    expect(errorCodes(await hub.request(BLITAR, CORRECT, { id: worker.id, input }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await hub.request(MINISTRY, CORRECT, { id: worker.id, input }))).toEqual(['FORBIDDEN']);
    expect(await history(worker.id)).toEqual([]);
  });
});

describe('Worker.amendments', () => {
  async function correctedWorker() {
    const { worker, ktp, wrongNik, rightNik } = await mistypedWorker();
    const response = await hub.request(MALANG, CORRECT, {
      id: worker.id,
      input: { nik: rightNik, reason: 'NIK day typed wrong', supportingDocumentId: ktp.id },
    });
    expect(response.errors).toEqual([]);
    const birth = await insertTestDocument(hub.db, worker.id, { type: 'BIRTH_CERTIFICATE' });
    const birthPlace = await hub.request(MALANG, CORRECT, {
      id: worker.id,
      input: { birthPlace: 'Blitar', reason: 'As on the birth certificate', supportingDocumentId: birth.id },
    });
    expect(birthPlace.errors).toEqual([]);
    return { worker, wrongNik, rightNik };
  }

  it('shows the ministry without pii:read the NIK change masked and no birth place change at all', async () => {
    const { worker, wrongNik, rightNik } = await correctedWorker();
    const response = await hub.request(MINISTRY_WITHOUT_PII, AMENDMENTS, { id: worker.id });
    expect(response.data).toEqual({
      worker: {
        nik: maskNik(rightNik),
        amendments: [
          {
            kind: 'IDENTITY_CORRECTED',
            changes: [{ field: 'nik', oldValue: maskNik(wrongNik), newValue: maskNik(rightNik) }],
          },
        ],
      },
    });
    const full = await hub.request<{ worker: { amendments: unknown[] } }>(MINISTRY, AMENDMENTS, {
      id: worker.id,
    });
    expect(full.data?.worker.amendments).toHaveLength(2);
  });

  it('shows a training provider with consent the masked NIK change but not why or on which document', async () => {
    const { worker, wrongNik, rightNik } = await correctedWorker();
    await insertTestConsent(hub.db, worker.id, TRAINER.institutionId);
    const response = await hub.request(TRAINER, AMENDMENTS, { id: worker.id });
    expect(response.data?.['worker']).toEqual({
      nik: maskNik(rightNik),
      amendments: [
        {
          kind: 'IDENTITY_CORRECTED',
          changes: [{ field: 'nik', oldValue: maskNik(wrongNik), newValue: maskNik(rightNik) }],
        },
      ],
    });
    const reason = await hub.request(
      TRAINER,
      'query($id: ID!) { worker(id: $id) { amendments { reason } } }',
      {
        id: worker.id,
      },
    );
    expect(errorCodes(reason)).toContain('FORBIDDEN');
  });

  it('gives nothing to callers who may not see the worker, by id or through _entities', async () => {
    const { worker } = await correctedWorker();
    const stranger = { kind: 'TRAINING_PROVIDER', institutionId: randomUUID() } as const;
    expect((await hub.request(stranger, AMENDMENTS, { id: worker.id })).data).toEqual({ worker: null });
    expect((await hub.request(BLITAR, AMENDMENTS, { id: worker.id })).data).toEqual({ worker: null });
    const entities = await hub.request(stranger, entitiesQuery('Worker', 'amendments { kind }'), {
      representations: [{ __typename: 'Worker', id: worker.id }],
    });
    expect(entities.data).toEqual({ _entities: [null] });
  });
});

describe('updateWorker keeps what it replaces', () => {
  const UPDATE = `mutation($id: ID!, $input: UpdateWorkerInput!) {
    updateWorker(id: $id, input: $input) { phone amendments { kind reason changes { field oldValue newValue } } }
  }`;

  it('records a WORKER_UPDATED amendment with the old and new values and the optional reason', async () => {
    const worker = await insertTestWorker(hub.db, { phone: '081200000001' });
    const response = await hub.request(MALANG, UPDATE, {
      id: worker.id,
      input: { phone: '081200000002', birthPlace: worker.birthPlace, reason: 'nomor HP baru' },
    });
    expect(response.errors).toEqual([]);
    expect(response.data?.['updateWorker']).toEqual({
      phone: '081200000002',
      amendments: [
        {
          kind: 'WORKER_UPDATED',
          reason: 'nomor HP baru',
          changes: [{ field: 'phone', oldValue: '081200000001', newValue: '081200000002' }],
        },
      ],
    });
  });

  it('refuses to change a recorded name, and writes nothing', async () => {
    const worker = await insertTestWorker(hub.db);
    const response = await hub.request(MALANG, UPDATE, {
      id: worker.id,
      input: { fullName: 'Nama Lain', phone: '081200000003' },
    });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors[0]?.extensions?.['field']).toBe('input.fullName');
    const [stored] = await hub.db.select().from(workers).where(eq(workers.id, worker.id));
    expect(stored?.fullName).toBe(worker.fullName);
    expect(await hub.db.select().from(amendments).where(eq(amendments.workerId, worker.id))).toEqual([]);
  });
});
