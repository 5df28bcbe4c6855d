import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeNik } from '../shared/validation/nik.js';
import { errorCodes } from '../shared/testing/graphql-client.js';
import { startTestHub, type TestClient, type TestHub } from './helpers/hub.js';

let hub: TestHub;
let office: TestClient;

beforeAll(async () => {
  hub = await startTestHub();
  office = await hub.client('LABOUR_OFFICE', { regionCode: '35.07' });
});
afterAll(async () => {
  await hub.close();
});

const REGISTER = `mutation($input: RegisterWorkerInput!) { registerWorker(input: $input) { id } }`;
const valid = () => ({
  nik: composeNik('35.07.11', '1990-01-20', 'FEMALE', 77),
  fullName: 'Dewi Input',
  sex: 'FEMALE',
  birthDate: '1990-01-20',
  birthPlace: 'Malang',
  maritalStatus: 'SINGLE',
  education: 'PRIMARY',
  address: 'Jl. Raya 1',
  villageCode: '35.07.11.2008',
});

async function workerCount(): Promise<number> {
  const response = await office.query<{ workers: { totalCount: number } }>('{ workers { totalCount } }');
  return response.data?.workers.totalCount ?? -1;
}

describe('bad input through the gateway', () => {
  it.each([
    ['a NIK that is not 16 digits', { nik: '35071160019' }, 'input.nik'],
    ['a NIK with an impossible birth date part', { nik: '3507117213900077' }, 'input.nik'],
    ['a NIK whose region part is not a known region', { nik: '3507996001900077' }, 'input.nik'],
    ['an unknown village code', { villageCode: '35.07.11.2999' }, 'input.villageCode'],
    ['a malformed village code', { villageCode: '3507112008' }, 'input.villageCode'],
    ['an empty name', { fullName: '   ' }, 'input.fullName'],
    ['an oversized address', { address: 'x'.repeat(5000) }, 'input.address'],
    ['a worker younger than 18', { birthDate: '2015-01-01' }, 'input.birthDate'],
  ])('refuses %s with BAD_USER_INPUT naming the field, and writes nothing', async (_title, change, field) => {
    const before = await workerCount();
    const response = await office.query(REGISTER, { input: { ...valid(), ...change } });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors[0]?.extensions?.['field']).toBe(field);
    expect(JSON.stringify(response.errors)).not.toMatch(/stack|at .*\.ts|SELECT|INSERT/i);
    expect(await workerCount()).toBe(before);
  });

  it('refuses an unknown enum value and an impossible date before any subgraph writes', async () => {
    for (const change of [{ sex: 'OTHER' }, { birthDate: '1990-02-30' }]) {
      const response = await office.query(REGISTER, { input: { ...valid(), ...change } });
      expect(errorCodes(response)[0]).toBe('BAD_USER_INPUT');
    }
  });

  it('reports dates out of order on the later field', async () => {
    const response = await office.query(
      `mutation($input: CreatePlacementInput!) { createPlacement(input: $input) { id } }`,
      {
        input: {
          workerId: '00000000-0000-4000-8000-000000000000',
          scheme: 'GOVERNMENT',
          destinationCountry: 'KR',
          occupation: 'FACTORY_OPERATOR',
          sector: 'MANUFACTURING',
          plannedDepartureDate: '2026-05-01',
          expectedReturnDate: '2026-01-01',
        },
      },
    );
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors[0]?.extensions?.['field']).toBe('input.expectedReturnDate');
  });

  it('answers malformed JSON with 400 and a stable code, not a stack trace', async () => {
    const token = await office.token();
    const response = await fetch(hub.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: '{"query": "{ workers { totalCount } }"',
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('BAD_REQUEST');
    expect(JSON.stringify(body)).not.toMatch(/at .*\.(ts|js)/);
  });
});

describe('answers people understand, through the gateway', () => {
  it('refuses a NIK that disagrees with the stated birth date and sex, saying what it expected', async () => {
    const before = await workerCount();
    const response = await office.query(REGISTER, {
      input: { ...valid(), nik: composeNik('35.07.11', '1990-01-20', 'MALE', 78) },
    });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors[0]?.extensions?.['field']).toBe('input.nik');
    expect(response.errors[0]?.message).toBe(
      "Invalid input.nik: for a woman born 20 January 1990 the NIK's digits 7-12 must be 600190, not 200190",
    );
    expect(await workerCount()).toBe(before);
  });

  it('answers an unknown enum value, literal or variable, with the valid values', async () => {
    const literal = await office.query('{ workers(filter: { status: DEPARTD }) { totalCount } }');
    expect(errorCodes(literal)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(literal.errors[0]?.message).toBe(
      'Value "DEPARTD" is not a WorkerStatus; expected one of PROSPECTIVE, REGISTERED, VERIFIED, DEPARTED, ABROAD, RETURNED, WITHDRAWN, NON_PROCEDURAL.',
    );
    const variable = await office.query(REGISTER, { input: { ...valid(), sex: 'OTHER' } });
    expect(errorCodes(variable)).toEqual(['BAD_USER_INPUT']);
    expect(variable.errors[0]?.message).toContain(
      'Value "OTHER" is not a Sex; expected one of FEMALE, MALE.',
    );
  });

  it('names the refused field in FORBIDDEN', async () => {
    const registered = await office.query<{ registerWorker: { id: string } }>(REGISTER, {
      input: { ...valid(), nik: composeNik('35.07.11', '1990-01-20', 'FEMALE', 79) },
    });
    const analyst = await hub.client('MINISTRY', { scopes: ['workers:read', 'stats:read'] });
    const response = await analyst.query('query($id: ID!) { worker(id: $id) { fullName phone } }', {
      id: registered.data?.registerWorker.id,
    });
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(response.errors[0]?.message).toBe('You may not read Worker.phone. This needs the pii:read scope.');
  });
});
