import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../shared/testing/graphql-client.js';
import { todayInJakarta } from '../shared/scalars.js';
import { buildAccessWorld, type AccessWorld } from './helpers/access-world.js';
import { dataOf, startTestHub, type TestHub } from './helpers/hub.js';

let hub: TestHub;
let world: AccessWorld;
beforeAll(async () => {
  hub = await startTestHub();
  world = await buildAccessWorld(hub);
}, 180_000);
afterAll(async () => {
  await hub.close();
});

const ACCESS_LOG = `query($id: ID!) { worker(id: $id) { accessLog { at service action entityType fields institution { id } } } }`;

describe('the access log across four institutions', () => {
  it('answers "who accessed this worker\'s data" in one query, from all four services, in time order', async () => {
    const { accessLog } = dataOf(
      await world.clients.auditor.query<{
        worker: { accessLog: { at: string; service: string; action: string; institution: { id: string } }[] };
      }>(ACCESS_LOG, { id: world.ids.workerId }),
    ).worker;
    expect(new Set(accessLog.map((event) => event.service))).toEqual(
      new Set(['labour', 'ministry', 'training', 'university']),
    );
    const times = accessLog.map((event) => Date.parse(event.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(
      accessLog.some(
        (event) => event.action === 'WRITE' && event.institution.id === world.clients.trainer.institutionId,
      ),
    ).toBe(true);
  });

  it('serves it to the labour office of the worker region too, and to nobody else', async () => {
    expect(dataOf(await world.clients.malang.query(ACCESS_LOG, { id: world.ids.workerId }))).toMatchObject({
      worker: { accessLog: expect.any(Array) },
    });
    for (const who of ['caseOfficer', 'analyst', 'trainer', 'campus'] as const) {
      const response = await world.clients[who].query(ACCESS_LOG, { id: world.ids.workerId });
      expect(errorCodes(response), who).toContain('FORBIDDEN');
    }
    const blitar = await world.clients.blitar.query<{ worker: unknown }>(ACCESS_LOG, {
      id: world.ids.workerId,
    });
    expect(blitar.data?.worker ?? null).toBeNull();
  });

  it('records the reading of a worker by an institution, with its purpose, before answering', async () => {
    const token = await world.clients.analyst.token();
    await fetch(hub.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'x-purpose': 'Quarterly review',
      },
      body: JSON.stringify({
        query: 'query($id: ID!) { worker(id: $id) { fullName documents { type } } }',
        variables: { id: world.ids.workerId },
      }),
    });
    const { accessLog } = dataOf(
      await world.clients.auditor.query<{
        worker: {
          accessLog: { service: string; entityType: string; fields: string[]; institution: { id: string } }[];
        };
      }>(ACCESS_LOG, { id: world.ids.workerId }),
    ).worker;
    const analystReads = accessLog.filter(
      (event) => event.institution.id === world.clients.analyst.institutionId,
    );
    expect(analystReads.map((event) => [event.entityType, event.fields])).toEqual(
      expect.arrayContaining([
        ['Worker', expect.arrayContaining(['documents', 'fullName'])],
        ['Document', ['type']],
      ]),
    );
  });
});

describe('statistics: small cells suppressed for those not entitled to exact figures', () => {
  const STATS = `query($y: Int!) { regionStats(parentCode: "35.07", year: $y) { regionCode registered { value suppressed } } }`;
  const cellOf = async (who: 'malang' | 'analyst' | 'trainer' | 'campus' | 'blitar') => {
    const { regionStats } = dataOf(
      await world.clients[who].query<{
        regionStats: { regionCode: string; registered: { value: number | null; suppressed: boolean } }[];
      }>(STATS, { y: Number(todayInJakarta().slice(0, 4)) }),
    );
    return regionStats.find((cell) => cell.regionCode === '35.07.11')?.registered;
  };

  it.each([
    ['malang', { value: 1, suppressed: false }],
    ['analyst', { value: 1, suppressed: false }],
    ['trainer', { value: null, suppressed: true }],
    ['campus', { value: null, suppressed: true }],
    ['blitar', { value: null, suppressed: true }],
  ] as const)('%s reads a cell of one registration as %j', async (who, expected) => {
    expect(await cellOf(who)).toEqual(expected);
  });

  it('refuses the cross-region view without stats:read', async () => {
    const response = await world.clients.caseOfficer.query(STATS, { y: 2026 });
    expect(errorCodes(response)).toContain('FORBIDDEN');
  });
});

describe('consent', () => {
  it('stops a training provider seeing the worker, anywhere, on the request after the consent is revoked', async () => {
    const read = `query($id: ID!) { worker(id: $id) { fullName certifications { scheme } } }`;
    expect(
      dataOf(
        await world.clients.trainer.query<{ worker: { fullName: string } }>(read, { id: world.ids.workerId }),
      ).worker.fullName,
    ).toBe('Matrix Worker 901');
    dataOf(
      await world.clients.malang.query(`mutation($id: ID!) { revokeConsent(id: $id) { active } }`, {
        id: world.ids.trainingConsentId,
      }),
    );
    expect(
      (await world.clients.trainer.query<{ worker: unknown }>(read, { id: world.ids.workerId })).data,
    ).toEqual({ worker: null });
    const enrol = await world.clients.trainer.query(
      `mutation($c: ID!, $w: ID!) { enrollWorker(courseId: $c, workerId: $w) { id } }`,
      { c: world.ids.courseId, w: world.ids.workerId },
    );
    expect(errorCodes(enrol)).toEqual(['NOT_FOUND']);
  });
});
