import { createRequire } from 'node:module';
import { base64url, decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startApolloStockGateway,
  type RunningPeerGateway,
} from '../../bench/gateways/apollo-stock-gateway.js';
import { withSubgraphUrls } from '../../bench/gateways/environment.js';
import { suspendClient } from '../../gateway/clients.js';
import { readSupergraphSdl } from '../../shared/schema-files.js';
import {
  bearer,
  errorCodes,
  postGraphQL,
  type GraphQLResponse,
} from '../../shared/testing/graphql-client.js';
import { buildAccessWorld, type AccessWorld, type Who } from '../helpers/access-world.js';
import { startTestHub, type TestHub } from '../helpers/hub.js';

// The scale-out path (README "Scale-out"): replicas of an existing Federation 2 router in front of
// the hub's subgraphs, on the committed supergraph, forwarding only the caller's token. The rules
// live in the subgraphs, so a slice of the access matrix must hold through such a router just as
// through the hub's own gateway. A peer router cannot hold the gateway's key (README "Peer router
// mode"): the subgraphs take its fetches as direct ones, so it loses what depends on a fact it
// relays (a labour office's view of cases and of other services' access logs, the other
// services' events in `accessLog`), and that fails closed, never open.

let hub: TestHub;
let world: AccessWorld;
let supergraphSdl: string;
beforeAll(async () => {
  hub = await startTestHub();
  world = await buildAccessWorld(hub);
  supergraphSdl = withSubgraphUrls(readSupergraphSdl(), hub.subgraphUrls);
}, 180_000);
afterAll(async () => {
  await hub.close();
});

// One token per client for the whole file: the hub's token endpoint is not what is under test.
const tokens = new Map<Who, Promise<string>>();
function tokenOf(who: Who): Promise<string> {
  let token = tokens.get(who);
  if (!token) {
    token = world.clients[who].token();
    tokens.set(who, token);
  }
  return token;
}

// Hive Gateway is not a dependency of the hub: it lives in the benchmark's own package
// (bench/package.json, installed by `npm run bench` or `node scripts/ensure-deps.mjs --bench`, as
// CI does). Without it its cases are skipped, and its module is loaded only when they run.
const fromBenchGateways = createRequire(new URL('../../bench/gateways/', import.meta.url));
function installed(name: string): boolean {
  try {
    fromBenchGateways.resolve(name);
    return true;
  } catch {
    return false;
  }
}

type Start = () => Promise<RunningPeerGateway>;
interface Router {
  readonly name: string;
  readonly start: Start;
  /** False when the router's package is not installed: its cases are then skipped. */
  readonly installed: boolean;
  /**
   * Whether the router passes on the errors of the fetches that gather `@requires` facts. Stock
   * @apollo/gateway does; Hive Gateway drops them and leaves the facts out. Either way the facts
   * a subgraph refused never reach the client.
   */
  readonly reportsRefusedRequires: boolean;
}
const ROUTERS: readonly Router[] = [
  {
    name: 'stock @apollo/gateway',
    start: () => startApolloStockGateway({ supergraphSdl, port: 0 }),
    installed: true,
    reportsRefusedRequires: true,
  },
  {
    name: 'Hive Gateway',
    start: async () => {
      const { startHiveGateway } = await import('../../bench/gateways/hive-runtime.js');
      return startHiveGateway({ supergraphSdl, planner: 'js', port: 0 });
    },
    installed: installed('@graphql-hive/gateway'),
    reportsRefusedRequires: false,
  },
];

const WORKER = `query($id: ID!) { worker(id: $id) { fullName nik birthDate phone cases { category } enrollments { status } mentoringSessions { notes } } }`;
type WorkerAnswer = { worker: Record<string, unknown> | null };

function forbiddenAt(response: GraphQLResponse<unknown>, field: string): boolean {
  return response.errors.some(
    (error) => error.extensions?.code === 'FORBIDDEN' && error.path?.includes(field),
  );
}

describe.each(ROUTERS)(
  'behind $name, in peer router mode',
  ({ start, installed, reportsRefusedRequires }) => {
    if (!installed) {
      it.skip('needs the benchmark package (node scripts/ensure-deps.mjs --bench)', () => {});
      return;
    }
    let router: RunningPeerGateway;
    beforeAll(async () => {
      router = await start();
    });
    afterAll(async () => {
      await router?.stop();
    });

    const ask = async <T = WorkerAnswer>(who: Who, query = WORKER, id = world.ids.workerId) =>
      postGraphQL<T>(router.url, query, { id }, bearer(await tokenOf(who)));

    it("gives a labour office its own region's worker, but no cases on a kecamatan the router relays", async () => {
      const response = await ask('malang');
      expect(response.data?.worker).toMatchObject({
        fullName: 'Matrix Worker 901',
        nik: expect.stringMatching(/^3507\d{12}$/),
        phone: '081200001111',
        cases: null,
        enrollments: [{ status: 'COMPLETED' }],
        mentoringSessions: [{ notes: null }],
      });
    });

    it('hides a worker of another region from a labour office, as if she did not exist', async () => {
      const response = await ask('blitar');
      expect(response.data?.worker).toBeNull();
      expect(response.errors).toEqual([]);
      const own = await ask('blitar', WORKER, world.ids.blitarWorkerId);
      expect(own.data?.worker).toMatchObject({ fullName: 'Matrix Worker 902' });
    });

    it('gives the ministry case officer the NIK and cases, the analyst neither', async () => {
      const officer = await ask('caseOfficer');
      expect(officer.data?.worker).toMatchObject({
        nik: expect.stringMatching(/^3507\d{12}$/),
        cases: [{ category: 'UNPAID_WAGES' }],
      });
      const analyst = await ask('analyst');
      expect(analyst.data?.worker).toMatchObject({
        nik: expect.stringMatching(/^3507\*{8}\d{4}$/),
        birthDate: null,
        cases: null,
      });
      expect(forbiddenAt(analyst, 'birthDate') && forbiddenAt(analyst, 'cases')).toBe(true);
    });

    it('refuses PII and cases to a consented training provider, and the worker to one without consent', async () => {
      const trainer = await ask('trainer');
      expect(trainer.data?.worker).toMatchObject({
        fullName: 'Matrix Worker 901',
        nik: expect.stringMatching(/^3507\*{8}\d{4}$/),
        phone: null,
        cases: null,
        enrollments: [{ status: 'COMPLETED' }],
      });
      expect(forbiddenAt(trainer, 'phone') && forbiddenAt(trainer, 'cases')).toBe(true);
      expect((await ask('otherTrainer')).data?.worker).toBeNull();
    });

    it('gives a consented university its own sessions in full, and no worker to one without consent', async () => {
      const campus = await ask('campus');
      expect(campus.data?.worker).toMatchObject({
        mentoringSessions: [{ notes: 'Private note of the mentor.' }],
      });
      expect(forbiddenAt(campus, 'cases')).toBe(true);
      expect((await ask('otherCampus')).data?.worker).toBeNull();
    });

    it('offers callers no _entities, whose direct answer obeys the consent rule', async () => {
      const request = {
        query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Worker { fullName nik } } }`,
        variables: { r: [{ __typename: 'Worker', id: world.ids.workerId }] },
      };
      const headers = bearer(await tokenOf('otherTrainer'));
      const viaRouter = await postGraphQL(router.url, request.query, request.variables, headers);
      expect(viaRouter.data ?? null).toBeNull();
      expect(new Set(errorCodes(viaRouter))).toEqual(new Set(['GRAPHQL_VALIDATION_FAILED']));
      // What the router itself would get for this caller: the same null as for a worker that does not exist.
      const direct = await postGraphQL(hub.subgraphUrls.labour, request.query, request.variables, headers);
      expect(direct.data).toEqual({ _entities: [null] });
    });

    it('has the subgraphs refuse a token with raised scopes and a token that is not one', async () => {
      const genuine = await tokenOf('analyst');
      const [header, , signature] = genuine.split('.') as [string, string, string];
      const raised = base64url.encode(
        JSON.stringify({ ...decodeJwt(genuine), scope: 'workers:read pii:read cases:read' }),
      );
      for (const token of [`${header}.${raised}.${signature}`, 'not-a-token']) {
        const response = await postGraphQL<WorkerAnswer>(
          router.url,
          WORKER,
          { id: world.ids.workerId },
          bearer(token),
        );
        expect(response.data?.worker ?? null).toBeNull();
        expect(errorCodes(response)).toContain('UNAUTHENTICATED');
        expect(JSON.stringify(response)).not.toMatch(/Matrix Worker|3507\d{12}/);
      }
    });

    it("shows a labour office none of the other services' access logs, failing closed", async () => {
      const response = await ask<{ worker: { accessLog: { events: { service: string }[] } | null } | null }>(
        'malang',
        `query($id: ID!) { worker(id: $id) { accessLog(first: 100) { events { service } } } }`,
      );
      const services = new Set(response.data?.worker?.accessLog?.events.map((event) => event.service));
      // The other services' events are refused, never shown on an unverified kecamatan.
      expect(errorCodes(response)).toEqual(
        reportsRefusedRequires ? ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'] : [],
      );
      expect([...services]).toEqual(['labour']);
      const auditor = await ask<{ worker: { accessLog: { events: { service: string }[] } } | null }>(
        'auditor',
        `query($id: ID!) { worker(id: $id) { accessLog(first: 100) { events { service } } } }`,
      );
      // Labour merges other services' events only from the gateway's signed requests: an unsigned
      // representation could carry forged ones. Behind a peer router the log is labour's own.
      expect(new Set(auditor.data?.worker?.accessLog.events.map((event) => event.service))).toEqual(
        new Set(['labour']),
      );
    });
  },
);

describe('a suspended client behind a stock router', () => {
  it('is refused by the subgraphs themselves on the next request', async () => {
    const router = await startApolloStockGateway({ supergraphSdl, port: 0 });
    try {
      const client = await hub.client('MINISTRY');
      const token = await client.token();
      const before = await postGraphQL(router.url, '{ workers { totalCount } }', {}, bearer(token));
      expect(before.errors).toEqual([]);
      await suspendClient(hub.stores.gateway.db, client.clientId);
      const after = await postGraphQL(router.url, '{ workers { totalCount } }', {}, bearer(token));
      expect(after.data ?? null).toBeNull();
      expect(errorCodes(after)).toContain('UNAUTHENTICATED');
    } finally {
      await router.stop();
    }
  });
});
