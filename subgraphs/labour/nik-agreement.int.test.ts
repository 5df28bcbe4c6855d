import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../../shared/testing/graphql-client.js';
import { startSubgraph, type SubgraphHarness } from '../../shared/testing/subgraph-harness.js';
import { composeNik } from '../../shared/validation/nik.js';
import { accessEvents, workers } from './db/schema.js';
import { createSubgraph } from './server.js';
import { insertTestWorker, workerInput } from './testing/factories.js';

const MALANG = { kind: 'LABOUR_OFFICE', regionCode: '35.07' } as const;
// A provincial office may move a worker between regencies of East Java.
const EAST_JAVA = { kind: 'LABOUR_OFFICE', regionCode: '35' } as const;

const REGISTER = 'mutation($input: RegisterWorkerInput!) { registerWorker(input: $input) { id nik } }';
const UPDATE =
  'mutation($id: ID!, $input: UpdateWorkerInput!) { updateWorker(id: $id, input: $input) { id birthDate districtCode } }';

let hub: SubgraphHarness;
beforeAll(async () => {
  hub = await startSubgraph(createSubgraph);
});
afterAll(async () => {
  await hub.close();
});

async function workerCount(): Promise<number> {
  return (await hub.db.select({ id: workers.id }).from(workers)).length;
}

async function writeEventFields(workerId: string): Promise<string[][]> {
  const events = await hub.db
    .select({ fields: accessEvents.fields })
    .from(accessEvents)
    .where(and(eq(accessEvents.workerId, workerId), eq(accessEvents.action, 'WRITE')));
  return events.map((event) => event.fields);
}

describe('registerWorker checks that the NIK agrees with the person', () => {
  it("refuses a woman's NIK with the man's day, naming nik and the digits expected, and writes nothing", async () => {
    const input = workerInput({
      sex: 'FEMALE',
      birthDate: '1996-03-14',
      nik: composeNik('35.07.11', '1996-03-14', 'MALE', 12),
    });
    const before = await workerCount();
    const response = await hub.request(MALANG, REGISTER, { input });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors[0]?.extensions?.['field']).toBe('input.nik');
    expect(response.errors[0]?.message).toBe(
      "Invalid input.nik: for a woman born 14 March 1996 the NIK's digits 7-12 must be 540396, not 140396",
    );
    expect(await workerCount()).toBe(before);
  });

  it('refuses a NIK of another regency unless the officer states it was issued elsewhere', async () => {
    const input = workerInput({
      sex: 'MALE',
      birthDate: '1990-08-17',
      nik: composeNik('35.05.02', '1990-08-17', 'MALE', 3),
    });
    const refused = await hub.request(MALANG, REGISTER, { input });
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors[0]?.extensions?.['field']).toBe('input.nik');
    expect(refused.errors[0]?.message).toContain('set nikIssuedElsewhere: true');

    const accepted = await hub.request<{ registerWorker: { id: string; nik: string } }>(MALANG, REGISTER, {
      input: { ...input, nikIssuedElsewhere: true },
    });
    expect(accepted.errors).toEqual([]);
    expect(accepted.data?.registerWorker.nik).toBe(input.nik);
    // The statement is on record with the write, for whoever later asks why the regencies differ.
    const [fields] = await writeEventFields(accepted.data!.registerWorker.id);
    expect(fields).toContain('nikIssuedElsewhere');
  });
});

describe('updateWorker checks the record it would leave', () => {
  it('refuses to change a recorded birth date, pointing to correctWorkerIdentity', async () => {
    const worker = await insertTestWorker(hub.db, { sex: 'FEMALE', birthDate: '1996-03-14' });
    const response = await hub.request(MALANG, UPDATE, { id: worker.id, input: { birthDate: '1996-03-15' } });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors[0]?.extensions?.['field']).toBe('input.birthDate');
    expect(response.errors[0]?.message).toContain('correctWorkerIdentity');
  });

  it('accepts changes that leave the NIK in agreement', async () => {
    const worker = await insertTestWorker(hub.db);
    const response = await hub.request(MALANG, UPDATE, {
      id: worker.id,
      input: { villageCode: '35.07.13.1010', address: 'Jl. Kawi 3, Kepanjen' },
    });
    expect(response.errors).toEqual([]);
    expect(response.data).toEqual({
      updateWorker: { id: worker.id, birthDate: worker.birthDate, districtCode: '35.07.13' },
    });
  });

  it('refuses a move to another regency without the statement and records it when given', async () => {
    const worker = await insertTestWorker(hub.db);
    const move = { villageCode: '35.05.02.2001' };
    const refused = await hub.request(EAST_JAVA, UPDATE, { id: worker.id, input: move });
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors[0]?.extensions?.['field']).toBe('input.villageCode');
    expect(refused.errors[0]?.message).toContain("the NIK's digits 1-4 must be 3505, not 3507");

    const moved = await hub.request(EAST_JAVA, UPDATE, {
      id: worker.id,
      input: { ...move, nikIssuedElsewhere: true },
    });
    expect(moved.errors).toEqual([]);
    expect(await writeEventFields(worker.id)).toEqual([['nikIssuedElsewhere', 'villageCode']]);

    // Once on record, a further move within the new regency needs no second statement.
    const again = await hub.request(EAST_JAVA, UPDATE, {
      id: worker.id,
      input: { villageCode: '35.05.03.1004' },
    });
    expect(again.errors).toEqual([]);
  });

  it('does not take the statement alone as a change', async () => {
    const worker = await insertTestWorker(hub.db);
    const response = await hub.request(MALANG, UPDATE, {
      id: worker.id,
      input: { nikIssuedElsewhere: true },
    });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors[0]?.message).toBe('Invalid input: must change at least one field');
  });
});
