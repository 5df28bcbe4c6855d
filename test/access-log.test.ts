import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../shared/testing/graphql-client.js';
import { todayInJakarta } from '../shared/scalars.js';
import { composeNik } from '../shared/validation/nik.js';
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

const ACCESS_LOG = `query($id: ID!, $filter: WorkerAccessLogFilter, $first: Int, $after: String) {
  worker(id: $id) {
    accessLog(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      summary { institution { id } total actions { action count } firstAt lastAt }
      events { at service action entityType fields requestId isReportRead purpose institution { id } }
    }
  }
}`;

interface Event {
  at: string;
  service: string;
  action: string;
  entityType: string;
  fields: string[];
  requestId: string;
  isReportRead: boolean;
  purpose: string | null;
  institution: { id: string };
}
interface Report {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  summary: {
    institution: { id: string };
    total: number;
    actions: { action: string; count: number }[];
    firstAt: string;
    lastAt: string;
  }[];
  events: Event[];
}

async function reportOf(
  who: 'auditor' | 'malang',
  variables: Record<string, unknown>,
  id = world.ids.workerId,
): Promise<Report> {
  return dataOf(
    await world.clients[who].query<{ worker: { accessLog: Report } }>(ACCESS_LOG, { id, ...variables }),
  ).worker.accessLog;
}

let serial = 950;
/** A worker of her own for a test that counts events. */
async function freshWorker(): Promise<string> {
  serial += 1;
  // Not the kecamatan whose statistics this file counts (35.07.11).
  const village = '35.07.13.2001';
  return dataOf(
    await world.clients.malang.query<{ registerWorker: { id: string } }>(
      'mutation($input: RegisterWorkerInput!) { registerWorker(input: $input) { id } }',
      {
        input: {
          nik: composeNik(village.slice(0, 8), '1990-02-03', 'FEMALE', serial),
          fullName: `Report Worker ${serial}`,
          sex: 'FEMALE',
          birthDate: '1990-02-03',
          birthPlace: 'Malang',
          maritalStatus: 'SINGLE',
          education: 'PRIMARY',
          phone: '081200002222',
          address: 'Dusun Laporan 1',
          villageCode: village,
        },
      },
    ),
  ).registerWorker.id;
}

describe('the access log across four institutions', () => {
  it('answers "who accessed this worker\'s data" in one query, from all four services, newest first', async () => {
    const { events } = await reportOf('auditor', { first: 100 });
    expect(new Set(events.map((event) => event.service))).toEqual(
      new Set(['labour', 'ministry', 'training', 'university']),
    );
    const times = events.map((event) => Date.parse(event.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(
      events.some(
        (event) => event.action === 'WRITE' && event.institution.id === world.clients.trainer.institutionId,
      ),
    ).toBe(true);
  });

  it('serves it to the labour office of the worker region too, and to nobody else, filters or not', async () => {
    expect((await reportOf('malang', {})).totalCount).toBeGreaterThan(0);
    for (const who of ['caseOfficer', 'analyst', 'trainer', 'campus'] as const) {
      for (const filter of [undefined, { services: ['training'] }]) {
        const response = await world.clients[who].query(ACCESS_LOG, { id: world.ids.workerId, filter });
        expect(errorCodes(response), who).toContain('FORBIDDEN');
        expect(JSON.stringify(response.data)).not.toContain('"events"');
      }
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
    const { events } = await reportOf('auditor', {
      filter: { institutionIds: [world.clients.analyst.institutionId], purpose: 'quarterly' },
    });
    expect(events.map((event) => [event.entityType, event.fields, event.purpose])).toEqual(
      expect.arrayContaining([
        ['Worker', expect.arrayContaining(['documents', 'fullName']), 'Quarterly review'],
        ['Document', ['type'], 'Quarterly review'],
      ]),
    );
  });
});

describe('the access report', () => {
  it('logs a read of the report as one event per service, marked, and leaves it out on request', async () => {
    const id = await freshWorker();
    const before = await reportOf('malang', { first: 100 }, id);
    expect(before.events.filter((event) => event.isReportRead)).toEqual([]);
    const after = await reportOf('malang', { first: 100 }, id);
    const reads = after.events.filter((event) => event.isReportRead);
    expect(reads.map((event) => event.service).sort()).toEqual([
      'labour',
      'ministry',
      'training',
      'university',
    ]);
    expect(new Set(reads.map((event) => event.requestId)).size).toBe(1);
    expect(after.totalCount).toBe(before.totalCount + 4);
    const hidden = await reportOf('malang', { first: 100, filter: { excludeReportReads: true } }, id);
    expect(hidden.totalCount).toBe(before.totalCount);
    expect(hidden.events.some((event) => event.isReportRead)).toBe(false);
  });

  it('pages newest first by cursor without repeats or gaps while its own reads add events', async () => {
    const filter = { excludeReportReads: true };
    const whole = await reportOf('auditor', { first: 100, filter });
    expect(whole.totalCount).toBeGreaterThan(3);
    const walked: Event[] = [];
    let after: string | null = null;
    for (let page = 0; page < 50; page += 1) {
      const report: Report = await reportOf('auditor', { first: 3, after, filter });
      expect(report.events.length).toBeLessThanOrEqual(3);
      walked.push(...report.events);
      if (!report.pageInfo.hasNextPage) break;
      after = report.pageInfo.endCursor;
    }
    expect(walked).toEqual(whole.events);
  });

  it('filters by institution, service, action and Jakarta day, and summarises the filtered set', async () => {
    const trainer = world.clients.trainer.institutionId;
    const byTrainer = await reportOf('auditor', { first: 100, filter: { institutionIds: [trainer] } });
    expect(byTrainer.events.every((event) => event.institution.id === trainer)).toBe(true);
    expect(byTrainer.summary).toEqual([
      expect.objectContaining({ institution: { id: trainer }, total: byTrainer.totalCount }),
    ]);
    const writes = await reportOf('auditor', {
      first: 100,
      filter: { services: ['training'], actions: ['WRITE'] },
    });
    expect(writes.totalCount).toBeGreaterThan(0);
    expect(writes.events.every((event) => event.service === 'training' && event.action === 'WRITE')).toBe(
      true,
    );
    const summed = writes.summary.flatMap((row) => row.actions).reduce((sum, row) => sum + row.count, 0);
    expect(summed).toBe(writes.totalCount);
    const today = todayInJakarta();
    const all = await reportOf('auditor', { filter: { excludeReportReads: true } });
    const todays = await reportOf('auditor', {
      filter: { excludeReportReads: true, fromDate: today, toDate: today },
    });
    expect(todays.totalCount).toBe(all.totalCount);
    const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect((await reportOf('auditor', { filter: { toDate: yesterday } })).totalCount).toBe(0);
  });

  it.each([
    [{ first: 0 }, 'first'],
    [{ first: 101 }, 'first'],
    [{ after: 'bm90LWEtY3Vyc29y' }, 'after'],
    [{ filter: { institutionIds: ['kemnaker'] } }, 'filter.institutionIds'],
    [{ filter: { services: ['payroll'] } }, 'filter.services'],
    [{ filter: { fromDate: '2026-12-02', toDate: '2026-12-01' } }, 'filter.toDate'],
    [{ filter: { from: '2026-12-02T00:00:00+07:00', to: '2026-12-01T00:00:00+07:00' } }, 'filter.to'],
    [{ filter: { fromDate: '2026-12-01', from: '2026-12-01T00:00:00+07:00' } }, 'filter.from'],
  ])('refuses %j with BAD_USER_INPUT naming %s', async (variables, field) => {
    const response = await world.clients.auditor.query(ACCESS_LOG, { id: world.ids.workerId, ...variables });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors[0]?.extensions?.['field']).toBe(field);
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
