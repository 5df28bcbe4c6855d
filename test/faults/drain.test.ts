import { connect } from 'node:net';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeNik } from '../../shared/validation/nik.js';
import {
  dataOf,
  graphql,
  startProcessHub,
  suiteTitle,
  WITHOUT_POSTGRES,
  type Outcome,
  type ProcessHub,
  type ServiceProcess,
} from './processes.js';

// Graceful shutdown in the production shape. Requests are held in flight the way a long
// transaction holds them in production: a session locks the labour subgraph's workers table (as a
// migration would), so every request that reads a worker waits inside the labour process. SIGTERM
// then arrives while they wait; they must still be answered in full once the lock goes.

const IN_FLIGHT = 6;

/** Whether a new TCP connection to the port is refused. */
function refusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

async function eventually(condition: () => Promise<boolean>, what: string, withinMs = 20_000): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting until ${what}`);
}

describe.skipIf(WITHOUT_POSTGRES !== null)(
  suiteTitle('graceful shutdown on SIGTERM', WITHOUT_POSTGRES),
  () => {
    let hub: ProcessHub;
    let sql: postgres.Sql;
    let ministryToken: string;
    const workerIds: string[] = [];

    beforeAll(async () => {
      hub = await startProcessHub();
      sql = postgres(hub.databaseUrl, { max: 2, onnotice: () => {} });
      const [office, ministry] = await Promise.all([
        hub.client('LABOUR_OFFICE', { regionCode: '35.07' }),
        hub.client('MINISTRY'),
      ]);
      const officeToken = await office.token();
      ministryToken = await ministry.token();
      for (let serial = 1; serial <= IN_FLIGHT; serial += 1) {
        const registered = dataOf(
          await graphql<{ registerWorker: { id: string } }>(
            hub.graphqlUrl,
            officeToken,
            `
              mutation ($input: RegisterWorkerInput!) {
                registerWorker(input: $input) {
                  id
                }
              }
            `,
            {
              input: {
                nik: composeNik('35.07.13', '1993-11-02', 'FEMALE', serial),
                fullName: `Dewi Antrian ${serial}`,
                sex: 'FEMALE',
                birthDate: '1993-11-02',
                birthPlace: 'Malang',
                maritalStatus: 'SINGLE',
                education: 'SENIOR_SECONDARY',
                address: 'Jl. Raya Kepanjen No. 9',
                villageCode: '35.07.13.2001',
              },
            },
          ),
        );
        workerIds.push(registered.registerWorker.id);
      }
    });
    afterAll(async () => {
      await sql?.end({ timeout: 5 });
      await hub?.close();
    });

    /** Labour's connections waiting for the lock: one per request held in flight. */
    async function labourWaitingOnLock(): Promise<number> {
      const [row] = await sql<{ waiting: number }[]>`
        select count(*)::int as waiting from pg_stat_activity
        where datname = current_database() and application_name = 'migran-hub-labour'
          and wait_event_type = 'Lock'`;
      return row?.waiting ?? 0;
    }

    /**
     * Holds IN_FLIGHT worker reads inside the labour subgraph, sends SIGTERM to `target` while they
     * wait, checks it stops taking connections but keeps running, then lets the reads finish.
     */
    async function drain(target: ServiceProcess) {
      const lock = await sql.reserve();
      let responses: Outcome<{ worker: { id: string; fullName: string } | null }>[] = [];
      let refused = false;
      let aliveWhileDraining = false;
      try {
        await lock`begin`;
        await lock`lock table labour.workers in access exclusive mode`;
        const pending = Promise.all(
          workerIds.map((id) =>
            graphql<{ worker: { id: string; fullName: string } | null }>(
              hub.graphqlUrl,
              ministryToken,
              `
                query ($id: ID!) {
                  worker(id: $id) {
                    id
                    fullName
                    status
                  }
                }
              `,
              { id },
            ),
          ),
        );
        await eventually(async () => (await labourWaitingOnLock()) === IN_FLIGHT, 'the reads wait in labour');

        target.signal('SIGTERM');
        await eventually(() => refusesConnections(target.port), `${target.name} refuses new connections`);
        refused = true;
        // Still draining: the held requests have not been answered, so the process must not be gone.
        aliveWhileDraining = target.alive && (await labourWaitingOnLock()) === IN_FLIGHT;
        await lock`commit`;
        responses = await pending;
      } finally {
        lock.release();
      }
      return { responses, refused, aliveWhileDraining, exit: await target.exited };
    }

    it('a subgraph answers the requests in flight, refuses new connections and exits 0', async () => {
      const { responses, refused, aliveWhileDraining, exit } = await drain(hub.services.labour);
      expect(refused).toBe(true);
      expect(aliveWhileDraining).toBe(true);
      expect(responses.map((response) => response.errors)).toEqual(workerIds.map(() => []));
      expect(responses.map((response) => response.data?.worker?.id)).toEqual(workerIds);
      expect(exit).toEqual({ code: 0, signal: null });
    });

    it('while the subgraph is gone, the gateway answers new requests with SERVICE_UNAVAILABLE naming it', async () => {
      const answer = await graphql(
        hub.graphqlUrl,
        ministryToken,
        `
          query ($id: ID!) {
            worker(id: $id) {
              id
            }
          }
        `,
        {
          id: workerIds[0],
        },
      );
      expect(answer.status).toBe(200);
      expect(answer.data).toEqual({ worker: null });
      expect(answer.errors.map((error) => error.extensions)).toEqual([
        { code: 'SERVICE_UNAVAILABLE', serviceName: 'labour' },
      ]);
      await hub.services.labour.start();
      const again = await graphql(
        hub.graphqlUrl,
        ministryToken,
        `
          query ($id: ID!) {
            worker(id: $id) {
              id
            }
          }
        `,
        {
          id: workerIds[0],
        },
      );
      expect(again.errors).toEqual([]);
      expect(again.data).toEqual({ worker: { id: workerIds[0] } });
    });

    it('the gateway answers the requests in flight, refuses new connections and exits 0', async () => {
      const { responses, refused, aliveWhileDraining, exit } = await drain(hub.services.gateway);
      expect(refused).toBe(true);
      expect(aliveWhileDraining).toBe(true);
      expect(responses.map((response) => response.errors)).toEqual(workerIds.map(() => []));
      expect(responses.map((response) => response.data?.worker?.id)).toEqual(workerIds);
      expect(exit).toEqual({ code: 0, signal: null });
      // The subgraphs outlive their gateway (and serve the next one).
      expect(hub.services.labour.alive).toBe(true);
    });
  },
);
