import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scope } from '../../shared/auth/principal.js';
import { SCOPES_BY_KIND } from '../../shared/auth/principal.js';
import { errorCodes } from '../../shared/testing/graphql-client.js';
import { startSubgraph, type SubgraphHarness } from '../../shared/testing/subgraph-harness.js';
import { composeNik, maskNik } from '../../shared/validation/nik.js';
import { accessEvents } from './db/schema.js';
import { createSubgraph } from './server.js';
import {
  insertTestConsent,
  insertTestPlacement,
  insertTestWorker,
  workerInput,
} from './testing/factories.js';

// The probes of issue 9, straight at the labour subgraph with each institution's own token: what
// a rule hides must not be learnable by searching, filtering or registering around it.

let hub: SubgraphHarness;
beforeAll(async () => {
  hub = await startSubgraph(createSubgraph);
});
afterAll(async () => {
  await hub.close();
});

const MALANG = { kind: 'LABOUR_OFFICE', regionCode: '35.07' } as const;
const BATU = { kind: 'LABOUR_OFFICE', regionCode: '35.79' } as const;
const MINISTRY = { kind: 'MINISTRY' } as const;
const ANALYST = {
  kind: 'MINISTRY',
  scopes: SCOPES_BY_KIND.MINISTRY.filter((scope: Scope) => scope !== 'pii:read'),
} as const;
const BY_NIK = 'query($nik: String!) { workerByNik(nik: $nik) { id fullName } }';

/** Every NIK a sweep would try for a woman whose masked NIK and birth year are known. */
function candidates(worker: { nik: string; birthDate: string }, count: number): string[] {
  const year = Number(worker.birthDate.slice(0, 4));
  const found: string[] = [];
  for (let day = 0; found.length < count; day += 1) {
    const date = new Date(Date.UTC(year, 0, 1 + day)).toISOString().slice(0, 10);
    found.push(
      composeNik(
        `${worker.nik.slice(0, 2)}.${worker.nik.slice(2, 4)}.${worker.nik.slice(4, 6)}`,
        date,
        'FEMALE',
        Number(worker.nik.slice(12)),
      ),
    );
  }
  return found;
}

async function eventsFor(workerId: string) {
  return hub.db.select().from(accessEvents).where(eq(accessEvents.workerId, workerId));
}

describe('a NIK is no key for those who may not read it whole', () => {
  it('refuses workerByNik with FORBIDDEN to a training provider, a university and a ministry client without pii:read, before any lookup', async () => {
    const worker = await insertTestWorker(hub.db);
    const provider = randomUUID();
    await insertTestConsent(hub.db, worker.id, provider, { purpose: 'TRAINING' });
    const callers = [
      { kind: 'TRAINING_PROVIDER', institutionId: provider } as const,
      { kind: 'UNIVERSITY' } as const,
      ANALYST,
    ];
    for (const caller of callers) {
      // The worker's own NIK, an unknown one and one that is not even 16 digits: one answer.
      for (const nik of [worker.nik, composeNik('35.07.11', '1990-01-01', 'FEMALE', 4321), 'x']) {
        const before = hub.statements();
        const response = await hub.request(caller, BY_NIK, { nik });
        expect(errorCodes(response), `${caller.kind} ${nik}`).toEqual(['FORBIDDEN']);
        expect(response.data?.['workerByNik'] ?? null).toBeNull();
        expect(response.errors[0]?.extensions?.['argument']).toBe('nik');
        expect(hub.statements() - before, 'no SQL ran for a refused lookup').toBe(0);
      }
    }
  });

  it('leaves a provider that sees a masked NIK nothing to sweep with: 1,000 candidates in one request are refused', async () => {
    const worker = await insertTestWorker(hub.db);
    const provider = randomUUID();
    await insertTestConsent(hub.db, worker.id, provider, { purpose: 'TRAINING' });
    const identity = { kind: 'TRAINING_PROVIDER', institutionId: provider } as const;
    const seen = await hub.request<{ worker: { nik: string } }>(
      identity,
      'query($id: ID!) { worker(id: $id) { nik } }',
      {
        id: worker.id,
      },
    );
    expect(seen.data?.worker.nik).toBe(maskNik(worker.nik));
    const sweep = candidates(worker, 1000);
    expect(sweep).toContain(worker.nik);
    const aliases = sweep.map((nik, index) => `n${index}: workerByNik(nik: "${nik}") { id }`).join(' ');
    const response = await hub.request(identity, `{ ${aliases} }`);
    // Refused outright (the token or alias limit at this port) or field by field: never an answer.
    expect(Object.values(response.data ?? {}).every((answer) => answer === null)).toBe(true);
    expect(new Set(errorCodes(response)).size).toBe(1);
    expect(errorCodes(response)[0]).toMatch(/^(FORBIDDEN|GRAPHQL_VALIDATION_FAILED|GRAPHQL_PARSE_FAILED)$/);
    expect(JSON.stringify(response)).not.toContain(worker.id);
  });

  it('records every allowed lookup, hit or miss, as a LOOKUP event holding only a keyed hash of the NIK', async () => {
    const worker = await insertTestWorker(hub.db);
    const unknown = composeNik('35.07.11', '1991-02-03', 'FEMALE', 777);
    const hit = await hub.request<{ workerByNik: { id: string } | null }>(MALANG, BY_NIK, {
      nik: worker.nik,
    });
    expect(hit.data?.workerByNik?.id).toBe(worker.id);
    const miss = await hub.request<{ workerByNik: null }>(MINISTRY, BY_NIK, { nik: unknown });
    expect(miss.errors).toEqual([]);
    expect(miss.data?.workerByNik).toBeNull();

    const lookups = await hub.db.select().from(accessEvents).where(eq(accessEvents.action, 'LOOKUP'));
    const hitEvent = lookups.find((event) => event.workerId === worker.id);
    expect(hitEvent).toMatchObject({
      entityType: 'NikLookup',
      fields: ['nik'],
      institutionKind: 'LABOUR_OFFICE',
    });
    expect(hitEvent?.entityId).toMatch(/^hmac-sha256:[0-9a-f]{64}$/);
    const missEvents = lookups.filter(
      (event) => event.workerId === null && event.institutionKind === 'MINISTRY',
    );
    expect(missEvents).toHaveLength(1);
    expect(missEvents[0]?.entityId).toMatch(/^hmac-sha256:[0-9a-f]{64}$/);
    expect(missEvents[0]?.entityId).not.toBe(hitEvent?.entityId);
    // The NIK itself is in no column of any event.
    const everything = JSON.stringify(await hub.db.select().from(accessEvents));
    expect(everything).not.toContain(worker.nik);
    expect(everything).not.toContain(unknown);
    // The same NIK asked again gets the same pseudonym, so an auditor can follow a sweep.
    await hub.request(MALANG, BY_NIK, { nik: worker.nik });
    const again = await hub.db
      .select()
      .from(accessEvents)
      .where(and(eq(accessEvents.action, 'LOOKUP'), eq(accessEvents.workerId, worker.id)));
    expect(new Set(again.map((event) => event.entityId)).size).toBe(1);
    expect(again).toHaveLength(2);
  });

  it('counts lookups by outcome in /metrics', async () => {
    const counted = async () => {
      const text = await (await fetch(`${hub.baseUrl}/metrics`)).text();
      const value = (outcome: string) =>
        Number(
          new RegExp(`hub_key_lookups_total\\{[^}]*outcome="${outcome}"[^}]*\\} (\\d+)`).exec(text)?.[1] ?? 0,
        );
      return { hit: value('hit'), miss: value('miss') };
    };
    const before = await counted();
    const worker = await insertTestWorker(hub.db);
    await hub.request(MALANG, BY_NIK, { nik: worker.nik });
    await hub.request(MALANG, BY_NIK, { nik: composeNik('35.07.11', '1992-03-04', 'FEMALE', 55) });
    expect(await counted()).toEqual({ hit: before.hit + 1, miss: before.miss + 1 });
  });
});

describe('filters answer only for fields the caller may read', () => {
  const BY_DESTINATION =
    '{ workers(filter: { destinationCountry: "MY" }) { totalCount edges { node { id } } } }';

  it('refuses a provider and a university a filter on placements, naming the filter, even for their own consenting workers', async () => {
    const worker = await insertTestWorker(hub.db);
    await insertTestPlacement(hub.db, worker.id, { destinationCountry: 'MY' });
    for (const [kind, purpose] of [
      ['TRAINING_PROVIDER', 'TRAINING'],
      ['UNIVERSITY', 'EMPOWERMENT'],
    ] as const) {
      const institutionId = randomUUID();
      await insertTestConsent(hub.db, worker.id, institutionId, { purpose });
      const before = hub.statements();
      const response = await hub.request({ kind, institutionId }, BY_DESTINATION);
      expect(errorCodes(response), kind).toEqual(['FORBIDDEN']);
      expect(response.errors[0]?.extensions?.['argument']).toBe('filter.destinationCountry');
      expect(response.errors[0]?.message).toContain('filter.destinationCountry');
      expect(response.data ?? null).toBeNull();
      expect(hub.statements() - before).toBe(0);
      // The filters on what they may read still work.
      const byName = await hub.request<{ workers: { totalCount: number } }>(
        { kind, institutionId },
        'query($name: String!) { workers(filter: { nameContains: $name }) { totalCount } }',
        { name: worker.fullName },
      );
      expect(byName.data?.workers.totalCount).toBe(1);
    }
  });

  it('lets the labour office of the region and the ministry filter by destination', async () => {
    const worker = await insertTestWorker(hub.db, { villageCode: '35.07.13.2001', districtCode: '35.07.13' });
    await insertTestPlacement(hub.db, worker.id, { destinationCountry: 'BN' });
    for (const caller of [MALANG, MINISTRY]) {
      const response = await hub.request<{ workers: { edges: { node: { id: string } }[] } }>(
        caller,
        '{ workers(first: 100, filter: { destinationCountry: "BN" }) { edges { node { id } } } }',
      );
      expect(response.errors).toEqual([]);
      expect(response.data?.workers.edges.map((edge) => edge.node.id)).toContain(worker.id);
    }
  });
});

describe('a duplicate registration', () => {
  it("tells another region's office only that the NIK is registered, and puts the attempt in the worker's log", async () => {
    const worker = await insertTestWorker(hub.db, { villageCode: '35.07.13.2001', districtCode: '35.07.13' });
    const response = await hub.request(
      BATU,
      'mutation($input: RegisterWorkerInput!) { registerWorker(input: $input) { id } }',
      {
        // The same person, moved to Batu: her NIK keeps the regency that issued it.
        input: workerInput({
          nik: worker.nik,
          birthDate: worker.birthDate,
          sex: worker.sex,
          villageCode: '35.79.01.1001',
          nikIssuedElsewhere: true,
        }),
      },
    );
    expect(errorCodes(response)).toEqual(['CONFLICT']);
    expect(response.errors[0]?.message).toBe('A worker with this NIK is already registered with the hub.');
    const answer = JSON.stringify({ data: response.data, errors: response.errors });
    for (const secret of [worker.id, worker.fullName, worker.districtCode, worker.villageCode, '35.07'])
      expect(answer).not.toContain(secret);
    const events = await eventsFor(worker.id);
    expect(events).toEqual([
      expect.objectContaining({
        action: 'REFUSED',
        entityType: 'Worker',
        fields: ['nik'],
        institutionKind: 'LABOUR_OFFICE',
      }),
    ]);
  });
});

describe('the worker list', () => {
  it('records a READ event for every worker a page shows, with the fields it showed', async () => {
    const district = '35.07.16';
    const shown = [
      await insertTestWorker(hub.db, { villageCode: '35.07.16.2001', districtCode: district }),
      await insertTestWorker(hub.db, { villageCode: '35.07.16.2001', districtCode: district }),
    ];
    const response = await hub.request<{ workers: { edges: { node: { id: string } }[] } }>(
      MALANG,
      '{ workers(first: 100, filter: { regionCode: "35.07.16" }) { edges { node { id fullName } } } }',
    );
    expect(response.data?.workers.edges.map((edge) => edge.node.id).sort()).toEqual(
      shown.map((w) => w.id).sort(),
    );
    for (const worker of shown) {
      expect(await eventsFor(worker.id)).toEqual([
        expect.objectContaining({ action: 'READ', entityType: 'Worker', fields: ['fullName', 'id'] }),
      ]);
    }
  });
});

describe('moving a worker', () => {
  it("refuses to move a worker of the office's region into another region's village, and changes nothing", async () => {
    const worker = await insertTestWorker(hub.db, { villageCode: '35.07.13.2001', districtCode: '35.07.13' });
    const response = await hub.request(
      MALANG,
      'mutation($id: ID!) { updateWorker(id: $id, input: { villageCode: "35.79.01.1001", address: "Jl. Batu 1" }) { id } }',
      { id: worker.id },
    );
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    const after = await hub.request<{ worker: { villageCode: string; address: string } }>(
      MALANG,
      'query($id: ID!) { worker(id: $id) { villageCode address } }',
      { id: worker.id },
    );
    expect(after.data?.worker).toEqual({ villageCode: worker.villageCode, address: worker.address });
  });
});
