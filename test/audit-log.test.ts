import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCOPES_BY_KIND } from '../shared/auth/principal.js';
import { errorCodes } from '../shared/testing/graphql-client.js';
import { composeNik } from '../shared/validation/nik.js';
import { accessEvents as labourEvents } from '../subgraphs/labour/db/schema.js';
import { accessEvents as universityEvents } from '../subgraphs/university/db/schema.js';
import { dataOf, startTestHub, type TestClient, type TestHub } from './helpers/hub.js';

// The auditor's view of each service's own access log (issue 10, auditor screen): by institution,
// period and action, paged, and whether each chain still holds.

let hub: TestHub;
let malang: TestClient;
let blitar: TestClient;
let auditor: TestClient;
let serial = 4400;
const SERVICES = ['labour', 'ministry', 'training', 'university'] as const;

const EVENTS = (service: string) => `query($filter: AccessEventFilter, $first: Int, $after: String) {
  ${service}AccessEvents(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    events { at institution { id name } clientId service action entityType entityId workerId fields requestId position }
  } }`;
const STATUS = (service: string) =>
  `{ ${service}AccessLogStatus { service events headPosition headAt intact brokenAt reason checkedAt } }`;

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  events: {
    institution: { id: string };
    action: string;
    workerId: string | null;
    position: number;
    at: string;
  }[];
}

async function register(client: TestClient, village: string): Promise<string> {
  serial += 1;
  return dataOf(
    await client.query<{ registerWorker: { id: string } }>(
      'mutation($input: RegisterWorkerInput!) { registerWorker(input: $input) { id } }',
      {
        input: {
          nik: composeNik(village.slice(0, 8), '1991-01-01', 'FEMALE', serial),
          fullName: `Audit Worker ${serial}`,
          sex: 'FEMALE',
          birthDate: '1991-01-01',
          birthPlace: 'Malang',
          maritalStatus: 'SINGLE',
          education: 'PRIMARY',
          address: 'Jl. Audit 1',
          villageCode: village,
        },
      },
    ),
  ).registerWorker.id;
}

let malangWorker: string;
let blitarWorker: string;
beforeAll(async () => {
  hub = await startTestHub();
  malang = await hub.client('LABOUR_OFFICE', { regionCode: '35.07' });
  blitar = await hub.client('LABOUR_OFFICE', { regionCode: '35.05' });
  auditor = await hub.client('MINISTRY', { scopes: ['workers:read', 'audit:read'] });
  malangWorker = await register(malang, '35.07.13.2001');
  blitarWorker = await register(blitar, '35.05.01.2001');
  // Every service has something in its log: directory writes for training and university.
  dataOf(
    await (
      await hub.client('TRAINING_PROVIDER')
    ).query(
      'mutation { registerTrainingProvider(input: { name: "LPK Audit", kind: LPK, accreditation: B, regionCode: "35.07.13" }) { id } }',
    ),
  );
  dataOf(
    await (
      await hub.client('UNIVERSITY')
    ).query(
      'mutation { registerUniversity(input: { name: "Universitas Audit", regionCode: "35.73.05" }) { id } }',
    ),
  );
  for (let read = 0; read < 3; read += 1) {
    await malang.query('query($id: ID!) { worker(id: $id) { fullName cases { id } enrollments { id } } }', {
      id: malangWorker,
    });
  }
}, 180_000);
afterAll(async () => {
  await hub.close();
});

describe("each service's access log, for auditors", () => {
  it('lists a ministry auditor every event of every service, newest first, paged to the end', async () => {
    for (const service of SERVICES) {
      const first = dataOf(await auditor.query<Record<string, Page>>(EVENTS(service), { first: 2 }))[
        `${service}AccessEvents`
      ]!;
      expect(first.totalCount, service).toBeGreaterThan(0);
      let seen = first.events.length;
      let cursor = first.pageInfo.endCursor;
      const positions = first.events.map((event) => event.position);
      while (cursor && seen < first.totalCount) {
        const next = dataOf(
          await auditor.query<Record<string, Page>>(EVENTS(service), { first: 2, after: cursor }),
        )[`${service}AccessEvents`]!;
        positions.push(...next.events.map((event) => event.position));
        seen += next.events.length;
        cursor = next.pageInfo.hasNextPage ? next.pageInfo.endCursor : null;
      }
      expect(seen, service).toBe(first.totalCount);
      expect(positions, service).toEqual([...positions].sort((a, b) => b - a));
    }
  });

  it('filters by institution, period and action', async () => {
    const all = dataOf(await auditor.query<Record<string, Page>>(EVENTS('labour'), { first: 100 }))[
      'labourAccessEvents'
    ]!;
    const byBlitar = dataOf(
      await auditor.query<Record<string, Page>>(EVENTS('labour'), {
        first: 100,
        filter: { institutionId: blitar.institutionId },
      }),
    )['labourAccessEvents']!;
    expect(byBlitar.totalCount).toBeGreaterThan(0);
    expect(byBlitar.events.every((event) => event.institution.id === blitar.institutionId)).toBe(true);
    const writes = dataOf(
      await auditor.query<Record<string, Page>>(EVENTS('labour'), {
        first: 100,
        filter: { action: 'WRITE' },
      }),
    )['labourAccessEvents']!;
    expect(writes.events.every((event) => event.action === 'WRITE')).toBe(true);
    expect(writes.totalCount).toBeLessThan(all.totalCount);
    const future = dataOf(
      await auditor.query<Record<string, Page>>(EVENTS('labour'), {
        filter: { from: new Date(Date.now() + 3_600_000).toISOString() },
      }),
    )['labourAccessEvents']!;
    expect(future.totalCount).toBe(0);
    const backwards = await auditor.query(EVENTS('labour'), {
      filter: { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' },
    });
    expect(errorCodes(backwards)).toEqual(['BAD_USER_INPUT']);
  });

  it("shows a labour office only the events about its own region's workers", async () => {
    const page = dataOf(await blitar.query<Record<string, Page>>(EVENTS('labour'), { first: 100 }))[
      'labourAccessEvents'
    ]!;
    const workers = new Set(page.events.map((event) => event.workerId));
    expect(workers.has(blitarWorker)).toBe(true);
    expect(workers.has(malangWorker)).toBe(false);
  });

  it('refuses training providers, universities and clients without audit:read', async () => {
    const callers = [
      await hub.client('TRAINING_PROVIDER'),
      await hub.client('UNIVERSITY'),
      await hub.client('MINISTRY', {
        scopes: SCOPES_BY_KIND.MINISTRY.filter((scope) => scope !== 'audit:read'),
      }),
    ];
    for (const caller of callers) {
      for (const service of SERVICES) {
        expect(errorCodes(await caller.query(EVENTS(service))), service).toEqual(['FORBIDDEN']);
        expect(errorCodes(await caller.query(STATUS(service))), service).toEqual(['FORBIDDEN']);
      }
    }
  });

  it('records reading the log as an access to the workers it shows', async () => {
    await auditor.query(EVENTS('labour'), { first: 100 });
    const [event] = await hub.stores.labour.db
      .select()
      .from(labourEvents)
      .where(
        and(
          eq(labourEvents.entityType, 'AccessLog'),
          eq(labourEvents.workerId, malangWorker),
          eq(labourEvents.institutionId, auditor.institutionId),
        ),
      );
    expect(event).toMatchObject({ action: 'READ', entityId: malangWorker });
  });
});

describe('chain status', () => {
  it('says every chain holds, then names the first event someone changed behind the triggers', async () => {
    // Tampered before any status was asked: the status is recomputed at most once a minute.
    const db = hub.stores.university.db;
    expect((await db.select().from(universityEvents)).length).toBeGreaterThan(0);
    for (const service of ['labour', 'ministry', 'training'] as const) {
      const status = dataOf(await auditor.query<Record<string, Record<string, unknown>>>(STATUS(service)))[
        `${service}AccessLogStatus`
      ];
      expect(status, service).toMatchObject({ service, intact: true, brokenAt: null });
      expect(status?.['events'], service).toBe(status?.['headPosition']);
    }
    await db.execute(sql`alter table university.access_events disable trigger access_events_no_update`);
    await db.execute(sql`update university.access_events set fields = array['forged'] where position = 1`);
    await db.execute(sql`alter table university.access_events enable trigger access_events_no_update`);
    const broken = dataOf(await auditor.query<Record<string, Record<string, unknown>>>(STATUS('university')))[
      'universityAccessLogStatus'
    ];
    expect(broken).toMatchObject({ service: 'university', intact: false, brokenAt: 1 });
    expect(String(broken?.['reason'])).toContain('does not match its hash');
  });
});
