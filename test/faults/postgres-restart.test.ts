import { spawn } from 'node:child_process';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeNik } from '../../shared/validation/nik.js';
import {
  graphql,
  SERVICE_NAMES,
  startProcessHub,
  statusOf,
  suiteTitle,
  WITHOUT_POSTGRES,
  type Outcome,
  type ProcessHub,
} from './processes.js';

// A PostgreSQL restart under load, for real: writes and reads run through the gateway while the
// server that every process uses is restarted. HUB_TEST_PG_RESTART is a shell command that
// restarts the server DATABASE_URL names and returns once it accepts connections again (for
// example `pg_ctl -D <data dir> -l <log> -m fast -w restart`). It drops every connection to the
// server, so run it on its own: `.ci/run` runs test/faults one file at a time.

const RESTART = process.env['HUB_TEST_PG_RESTART'];
const MISSING =
  WITHOUT_POSTGRES ??
  (RESTART ? null : 'set HUB_TEST_PG_RESTART to a command that restarts the DATABASE_URL server to run it');

const WRITES = 300;
const WRITERS = 6;
const READERS = 2;
/** Writes acknowledged before the restart starts, so that the load is in full swing. */
const RESTART_AFTER = 60;
/** No request may take longer than this; a hang fails the test. */
const REQUEST_TIMEOUT_MS = 20_000;
/** Codes a request may fail with while the database is away. */
const OUTAGE_CODES = ['SERVICE_UNAVAILABLE'];

const REGISTER = `mutation($input: RegisterWorkerInput!) { registerWorker(input: $input) { id } }`;
const READ = `query($filter: WorkerFilter) { workers(first: 20, filter: $filter) { totalCount edges { node { id fullName status } } } }`;

function runShell(command: string, withinMs: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    // The restarted server inherits no pipe of ours (pg_ctl -l), so `exit` is the end.
    const child = spawn('sh', ['-c', command], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`restart command did not finish within ${withinMs} ms: ${output}`));
    }, withinMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      child.stdout.destroy();
      child.stderr.destroy();
      resolve({ code, output });
    });
  });
}

/** What a failed request came to: its distinct error codes, or how the transport failed. */
function failureKind(outcome: Outcome): string {
  if (outcome.transportError) return `no answer: ${outcome.transportError}`;
  if (outcome.errors.length === 0) return `no data (HTTP ${outcome.status ?? '-'})`;
  return [...new Set(outcome.errors.map((error) => error.extensions?.code ?? 'no code'))].sort().join(' + ');
}

describe.skipIf(MISSING !== null)(suiteTitle('a PostgreSQL restart under load', MISSING), () => {
  let hub: ProcessHub;
  let officeToken: string;
  let ministryToken: string;

  beforeAll(async () => {
    hub = await startProcessHub();
    const [office, ministry] = await Promise.all([
      hub.client('LABOUR_OFFICE', { regionCode: '35.07' }),
      hub.client('MINISTRY'),
    ]);
    [officeToken, ministryToken] = await Promise.all([office.token(), ministry.token()]);
  });
  afterAll(async () => {
    await hub?.close();
  });

  it('is survived: requests fail cleanly, every process stays up and recovers, no acknowledged write is lost', async () => {
    const acknowledged: string[] = [];
    const failures = new Map<string, number>();
    const samples = new Map<string, string>();
    const fail = (operation: 'write' | 'read', outcome: Outcome) => {
      const key = `${operation}: ${failureKind(outcome)}`;
      failures.set(key, (failures.get(key) ?? 0) + 1);
      if (!samples.has(key)) samples.set(key, JSON.stringify(outcome.errors[0] ?? outcome.transportError));
    };
    let sent = 0;
    let reads = 0;
    let readsOk = 0;
    let writesDone = false;
    let restarted: { code: number | null; output: string } | undefined;
    let sentWhenRestartBegan = 0;
    let sentWhenRestartEnded = 0;
    let restart: Promise<void> | undefined;

    const writer = async () => {
      while (sent < WRITES) {
        const serial = (sent += 1);
        const outcome = await graphql<{ registerWorker: { id: string } }>(
          hub.graphqlUrl,
          officeToken,
          REGISTER,
          {
            input: {
              nik: composeNik('35.07.13', '1992-07-21', 'FEMALE', serial),
              fullName: `Beban Restart ${String(serial).padStart(3, '0')}`,
              sex: 'FEMALE',
              birthDate: '1992-07-21',
              birthPlace: 'Malang',
              maritalStatus: 'MARRIED',
              education: 'JUNIOR_SECONDARY',
              address: 'Jl. Raya Kepanjen No. 11',
              villageCode: '35.07.13.2001',
            },
          },
          REQUEST_TIMEOUT_MS,
        );
        const id = outcome.data?.registerWorker?.id;
        if (outcome.errors.length === 0 && id) acknowledged.push(id);
        else fail('write', outcome);
        if (acknowledged.length >= RESTART_AFTER && !restart) {
          sentWhenRestartBegan = sent;
          restart = runShell(RESTART ?? '', 60_000).then((result) => {
            restarted = result;
            sentWhenRestartEnded = sent;
          });
        }
      }
    };
    const reader = async () => {
      while (!writesDone) {
        const outcome = await graphql(
          hub.graphqlUrl,
          ministryToken,
          READ,
          { filter: { nameContains: 'Beban Restart' } },
          REQUEST_TIMEOUT_MS,
        );
        reads += 1;
        if (outcome.errors.length === 0 && outcome.data) readsOk += 1;
        else fail('read', outcome);
      }
    };

    const readers = Array.from({ length: READERS }, reader);
    await Promise.all(Array.from({ length: WRITERS }, writer));
    await restart;
    writesDone = true;
    await Promise.all(readers);

    const summary = {
      writesSent: sent,
      writesAcknowledged: acknowledged.length,
      reads,
      readsOk,
      failuresByCode: Object.fromEntries(failures),
      sampleErrors: Object.fromEntries(samples),
      sentWhileRestarting: sentWhenRestartEnded - sentWhenRestartBegan,
    };
    console.info('PostgreSQL restart under load:', JSON.stringify(summary));

    // The restart happened, and happened under load.
    expect(restarted?.code, restarted?.output).toBe(0);
    expect(summary.sentWhileRestarting).toBeGreaterThan(0);
    expect(sent).toBe(WRITES);
    // Every request either succeeded or failed with a GraphQL error with a stable outage code.
    const kinds = [...failures.keys()].map((key) => key.replace(/^(write|read): /, ''));
    expect(kinds.filter((kind) => !OUTAGE_CODES.includes(kind))).toEqual([]);

    // No process crashed or exited, and the hub reports ready again by itself.
    for (const name of SERVICE_NAMES) expect(hub.services[name].alive, `${name} is alive`).toBe(true);
    const deadline = Date.now() + 30_000;
    while ((await statusOf(`${hub.gatewayUrl}/ready`)) !== 200 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(await statusOf(`${hub.gatewayUrl}/ready`)).toBe(200);

    // Every acknowledged write is there: through the gateway, and row by row in the database.
    const listed = new Set<string>();
    let after: string | null = null;
    do {
      const page: Outcome<{
        workers: {
          edges: { node: { id: string } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      }> = await graphql(
        hub.graphqlUrl,
        ministryToken,
        `
          query ($after: String) {
            workers(first: 50, after: $after, filter: { nameContains: "Beban Restart" }) {
              edges {
                node {
                  id
                }
              }
              pageInfo {
                hasNextPage
                endCursor
              }
            }
          }
        `,
        { after },
      );
      expect(page.errors).toEqual([]);
      for (const edge of page.data?.workers.edges ?? []) listed.add(edge.node.id);
      after = page.data?.workers.pageInfo.hasNextPage ? page.data.workers.pageInfo.endCursor : null;
    } while (after);
    expect(acknowledged.filter((id) => !listed.has(id))).toEqual([]);

    const sql = postgres(hub.databaseUrl, { max: 1, onnotice: () => {} });
    try {
      const [found] = await sql<{ rows: number }[]>`
          select count(*)::int as rows from labour.workers where id = any(${acknowledged}::uuid[])`;
      const [all] = await sql<{ rows: number }[]>`
          select count(*)::int as rows from labour.workers where full_name like 'Beban Restart %'`;
      console.info(
        'rows:',
        JSON.stringify({
          acknowledgedFound: found?.rows,
          workersWritten: all?.rows,
          listedByGateway: listed.size,
        }),
      );
      expect(found?.rows).toBe(acknowledged.length);
      // A write may commit and still fail to be acknowledged (its answer was lost), never the reverse.
      expect(all?.rows).toBeGreaterThanOrEqual(acknowledged.length);
      expect(all?.rows).toBeLessThanOrEqual(WRITES);
    } finally {
      await sql.end({ timeout: 5 });
    }
  }, 150_000);
});
