import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCOPES_BY_KIND } from '../shared/auth/principal.js';
import { errorCodes } from '../shared/testing/graphql-client.js';
import { composeNik, maskNik } from '../shared/validation/nik.js';
import { dataOf, startTestHub, type TestClient, type TestHub } from './helpers/hub.js';

// Issue 9 through the gateway, as the outside probe ran it: a masked NIK swept by search, a filter
// on placements a partner may not read, a duplicate registration from another region.

let hub: TestHub;
let malang: TestClient;
let batu: TestClient;
let provider: TestClient;
let campus: TestClient;
let analyst: TestClient;
let caseOfficer: TestClient;
let serial = 8200;

beforeAll(async () => {
  hub = await startTestHub();
  [malang, batu, provider, campus, analyst, caseOfficer] = await Promise.all([
    hub.client('LABOUR_OFFICE', { regionCode: '35.07' }),
    hub.client('LABOUR_OFFICE', { regionCode: '35.79' }),
    hub.client('TRAINING_PROVIDER'),
    hub.client('UNIVERSITY'),
    hub.client('MINISTRY', { scopes: SCOPES_BY_KIND.MINISTRY.filter((scope) => scope !== 'pii:read') }),
    hub.client('MINISTRY'),
  ]);
  // Grantees receive consent facts only once they run a provider or a university in the hub.
  dataOf(
    await provider.query(
      'mutation { registerTrainingProvider(input: { name: "LPK Sapu", kind: LPK, accreditation: B, regionCode: "35.07.13" }) { id } }',
    ),
  );
  dataOf(
    await campus.query(
      'mutation { registerUniversity(input: { name: "Universitas Sapu", regionCode: "35.73.05" }) { id } }',
    ),
  );
}, 180_000);
afterAll(async () => {
  await hub.close();
});

function registration(birthDate = '1994-08-17') {
  serial += 1;
  return {
    nik: composeNik('35.07.13', birthDate, 'FEMALE', serial),
    fullName: `Sweep Worker ${serial}`,
    sex: 'FEMALE',
    birthDate,
    birthPlace: 'Malang',
    maritalStatus: 'SINGLE',
    education: 'PRIMARY',
    address: 'Jl. Sapu 1',
    villageCode: '35.07.13.2001',
  };
}

/** A worker of Kepanjen who consented to share with the provider (TRAINING) and the campus (EMPOWERMENT). */
async function consentingWorker() {
  const input = registration();
  const { id } = dataOf(
    await malang.query<{ registerWorker: { id: string } }>(
      'mutation($input: RegisterWorkerInput!) { registerWorker(input: $input) { id } }',
      { input },
    ),
  ).registerWorker;
  for (const [grantee, purpose] of [
    [provider, 'TRAINING'],
    [campus, 'EMPOWERMENT'],
  ] as const) {
    dataOf(
      await malang.query(
        `mutation($w: ID!, $g: ID!) { grantConsent(input: { workerId: $w, granteeInstitutionId: $g, purpose: ${purpose} }) { id } }`,
        { w: id, g: grantee.institutionId },
      ),
    );
  }
  return { id, nik: input.nik };
}

describe('the masked NIK sweep', () => {
  it('recovers nothing: a provider sees the masked NIK, and every candidate it asks about is refused', async () => {
    const worker = await consentingWorker();
    const seen = dataOf(
      await provider.query<{ worker: { nik: string } }>('query($id: ID!) { worker(id: $id) { nik } }', {
        id: worker.id,
      }),
    );
    expect(seen.worker.nik).toBe(maskNik(worker.nik));
    // 15 candidates a request, around the true birth date: the probe's 19 requests found it.
    for (let day = 10; day < 25; day += 15) {
      const aliases = Array.from({ length: 15 }, (_, index) => {
        const date = `1994-08-${String(Math.min(day + index, 31)).padStart(2, '0')}`;
        return `n${index}: workerByNik(nik: "${composeNik('35.07.13', date, 'FEMALE', Number(worker.nik.slice(12)))}") { id }`;
      }).join(' ');
      const response = await provider.query(`{ ${aliases} }`);
      expect(Object.values(response.data ?? {}).every((answer) => answer === null)).toBe(true);
      expect(new Set(errorCodes(response))).toEqual(new Set(['FORBIDDEN']));
      expect(JSON.stringify(response)).not.toContain(worker.id);
    }
  });

  it.each([
    ['a training provider', () => provider],
    ['a university', () => campus],
    ['a ministry client without pii:read', () => analyst],
  ])('refuses workerByNik to %s whatever the NIK, hit or miss', async (_name, client) => {
    const worker = await consentingWorker();
    for (const nik of [worker.nik, composeNik('35.07.13', '1970-01-01', 'MALE', 1)]) {
      const response = await client().query('query($nik: String!) { workerByNik(nik: $nik) { id } }', {
        nik,
      });
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
      expect(response.errors[0]?.extensions?.['argument']).toBe('nik');
    }
  });

  it('lets the labour office of the region and a ministry client with pii:read look a NIK up, and logs it', async () => {
    const worker = await consentingWorker();
    for (const client of [malang, caseOfficer]) {
      const found = await client.query<{ workerByNik: { id: string } }>(
        'query($nik: String!) { workerByNik(nik: $nik) { id } }',
        { nik: worker.nik },
      );
      expect(dataOf(found).workerByNik.id).toBe(worker.id);
    }
    const log = dataOf(
      await malang.query<{
        worker: { accessLog: { events: { action: string; entityType: string; entityId: string }[] } };
      }>(
        'query($id: ID!) { worker(id: $id) { accessLog(first: 100) { events { action entityType entityId } } } }',
        {
          id: worker.id,
        },
      ),
    ).worker.accessLog.events;
    const lookups = log.filter((event) => event.action === 'LOOKUP');
    expect(lookups).toHaveLength(2);
    expect(
      lookups.every((event) => event.entityType === 'NikLookup' && !event.entityId.includes(worker.nik)),
    ).toBe(true);
  });
});

describe('filters on what the caller may not read', () => {
  it('refuses a provider and a university the destination filter, naming it; the region office and the ministry may use it', async () => {
    await consentingWorker();
    const query = '{ workers(filter: { destinationCountry: "MY" }) { totalCount } }';
    for (const client of [provider, campus]) {
      const response = await client.query(query);
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
      expect(response.errors[0]?.message).toContain('filter.destinationCountry');
    }
    for (const client of [malang, caseOfficer]) expect((await client.query(query)).errors).toEqual([]);
  });
});

describe('a registration that collides with another region', () => {
  it('answers CONFLICT with nothing about the worker, and her own office sees who tried', async () => {
    const worker = await consentingWorker();
    // The same person, moved to Batu: her NIK keeps the regency that issued it.
    const input = {
      ...registration(),
      nik: worker.nik,
      villageCode: '35.79.01.1001',
      nikIssuedElsewhere: true,
    };
    const response = await batu.query(
      'mutation($input: RegisterWorkerInput!) { registerWorker(input: $input) { id fullName } }',
      { input },
    );
    expect(errorCodes(response)).toEqual(['CONFLICT']);
    expect(JSON.stringify(response)).not.toContain(worker.id);
    expect(JSON.stringify(response)).not.toContain('35.07');
    const log = dataOf(
      await malang.query<{
        worker: {
          accessLog: { events: { action: string; institution: { id: string }; fields: string[] }[] };
        };
      }>(
        'query($id: ID!) { worker(id: $id) { accessLog(first: 100) { events { action institution { id } fields } } } }',
        { id: worker.id },
      ),
    ).worker.accessLog.events;
    expect(log.filter((event) => event.action === 'REFUSED')).toEqual([
      { action: 'REFUSED', institution: { id: batu.institutionId }, fields: ['nik'] },
    ]);
  });
});
