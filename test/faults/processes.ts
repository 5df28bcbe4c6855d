import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { inject } from 'vitest';
import { SCOPES_BY_KIND, type InstitutionKind, type Scope } from '../../shared/auth/principal.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../../shared/config.js';
import { postgresStore, type Store } from '../../shared/db/database.js';
import { databaseUrl } from '../../shared/testing/database.js';
import { freePorts } from '../../shared/testing/ports.js';
import { registerClient, registerInstitution } from '../../gateway/clients.js';
import { institutions as directory } from '../../subgraphs/ministry/db/schema.js';

// The hub in its production shape for fault tests: the gateway and each subgraph as its own OS
// process, on free loopback ports, over a fresh database on the real PostgreSQL server that
// DATABASE_URL names. Processes can be stopped (SIGTERM to drain, SIGKILL to crash) and started
// again on the same port; everything is killed when the test file ends, whatever happened.

/** Why the process fault tests cannot run here (they need a real server), or null when they can. */
export const WITHOUT_POSTGRES = process.env['DATABASE_URL']
  ? null
  : 'set DATABASE_URL to a PostgreSQL server to run the fault tests';

/** A suite title that says why the suite was skipped, when it is. */
export function suiteTitle(title: string, missing: string | null): string {
  return missing ? `${title} (skipped: ${missing})` : title;
}

export type ServiceName = SubgraphName | 'gateway';
export const SERVICE_NAMES: readonly ServiceName[] = [...SUBGRAPH_NAMES, 'gateway'];

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ENTRY: Readonly<Record<ServiceName, string>> = {
  gateway: 'gateway/main.ts',
  labour: 'subgraphs/labour/main.ts',
  ministry: 'subgraphs/ministry/main.ts',
  training: 'subgraphs/training/main.ts',
  university: 'subgraphs/university/main.ts',
};
const READY_WITHIN_MS = 90_000;

/** How a process ended: its exit code, or the signal that killed it. */
export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface ServiceProcess {
  readonly name: ServiceName;
  /** `http://127.0.0.1:<port>`; the same across restarts. */
  readonly baseUrl: string;
  readonly port: number;
  readonly pid: number | undefined;
  /** Still running (started and not yet exited). */
  readonly alive: boolean;
  /** Resolves when the current run of the process exits. */
  readonly exited: Promise<Exit>;
  /** Sends a signal and waits for the process to exit. */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<Exit>;
  /** Sends a signal without waiting (the caller watches `exited`). */
  signal(signal: 'SIGTERM' | 'SIGKILL'): void;
  /** Starts the process again on the same port and waits until `/ready` answers 200. */
  start(): Promise<void>;
  /** Its log so far (warnings and errors), for failure messages. */
  log(): string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Status of `GET <baseUrl><path>`, or null when nothing answers. */
export async function statusOf(url: string, timeoutMs = 2_000): Promise<number | null> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return null;
  }
}

/** Polls `/ready` until it answers 200 (bounded), failing early when the process dies. */
export async function waitUntilReady(service: ServiceProcess, withinMs = READY_WITHIN_MS): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (!service.alive) throw new Error(`${service.name} exited while starting:\n${service.log()}`);
    if ((await statusOf(`${service.baseUrl}/ready`)) === 200) return;
    await sleep(200);
  }
  throw new Error(`${service.name} was not ready within ${withinMs} ms:\n${service.log()}`);
}

const running = new Set<ChildProcess>();
// Last line of defence: a worker that dies without running afterAll takes its processes with it.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

function serviceProcess(name: ServiceName, port: number, env: NodeJS.ProcessEnv, logPath: string) {
  let child: ChildProcess | undefined;
  let exited: Promise<Exit> = Promise.resolve({ code: null, signal: null });
  let alive = false;

  const launch = () => {
    const logFd = openSync(logPath, 'a');
    // One OS process per service: node with tsx's loader, so that a signal sent to this pid
    // reaches the service itself (the `npx tsx` wrapper of the image would relay it).
    const started = spawn(process.execPath, ['--import', 'tsx', ENTRY[name]], {
      cwd: ROOT,
      env,
      stdio: ['ignore', logFd, logFd],
    });
    closeSync(logFd);
    child = started;
    alive = true;
    running.add(started);
    exited = new Promise<Exit>((resolve) => {
      started.once('exit', (code, signal) => {
        alive = false;
        running.delete(started);
        resolve({ code, signal });
      });
    });
  };

  const service: ServiceProcess = {
    name,
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    get pid() {
      return child?.pid;
    },
    get alive() {
      return alive;
    },
    get exited() {
      return exited;
    },
    signal(signal) {
      if (alive) child?.kill(signal);
    },
    async stop(signal = 'SIGTERM') {
      service.signal(signal);
      return exited;
    },
    async start() {
      if (alive) throw new Error(`${name} is already running`);
      launch();
      await waitUntilReady(service);
    },
    log: () => readFileSync(logPath, 'utf8'),
  };
  return { service, launch };
}

export interface HubClient {
  readonly institutionId: string;
  readonly clientId: string;
  /** A fresh access token from the gateway's `POST /oauth/token`. */
  token(): Promise<string>;
}

export interface ClientOptions {
  readonly regionCode?: string;
  readonly scopes?: readonly Scope[];
  readonly name?: string;
}

/**
 * Starts the five processes over a fresh copy of the migrated template database, and waits until
 * every one of them is ready. Needs DATABASE_URL (the global setup's PostgreSQL template).
 */
export async function startProcessHub() {
  const template = inject('testDatabase');
  if (template.kind !== 'postgres') throw new Error('Process tests need DATABASE_URL (a PostgreSQL server).');
  const databaseName = `migran_faults_${randomBytes(6).toString('hex')}`;
  const admin = postgres(template.adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${databaseName} template ${template.templateName}`);
  const url = databaseUrl(template.adminUrl, databaseName);
  // The test's own view of the data: registering clients, and counting rows behind the gateway.
  const store: Store = postgresStore({ url, poolSize: 2, applicationName: 'migran-hub-fault-test' });

  const free = await freePorts(SERVICE_NAMES.length);
  const ports = Object.fromEntries(SERVICE_NAMES.map((name, index) => [name, free[index]])) as Record<
    ServiceName,
    number
  >;
  const gatewayUrl = `http://127.0.0.1:${ports.gateway}`;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HOME: process.env['HOME'],
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    APOLLO_TELEMETRY_DISABLED: '1',
    HOST: '127.0.0.1',
    DATABASE_URL: url,
    DATABASE_POOL_SIZE: '10',
    GATEWAY_PORT: String(ports.gateway),
    GATEWAY_URL: gatewayUrl,
    TOKEN_ISSUER: gatewayUrl,
    REVOCATION_MAX_AGE_MS: '1000',
    SEED_DEMO_DATA: 'false',
    // Fault tests put load on the hub to exercise outages, not the per-client rate limits.
    RATE_LIMIT_LABOUR_OFFICE: '1000000',
    RATE_LIMIT_MINISTRY: '1000000',
    RATE_LIMIT_TRAINING_PROVIDER: '1000000',
    RATE_LIMIT_UNIVERSITY: '1000000',
  };
  for (const name of SUBGRAPH_NAMES) {
    env[`${name.toUpperCase()}_PORT`] = String(ports[name]);
    env[`${name.toUpperCase()}_URL`] = `http://127.0.0.1:${ports[name]}/graphql`;
  }

  const logDir = mkdtempSync(join(tmpdir(), 'migran-faults-'));
  const launched = SERVICE_NAMES.map((name) =>
    serviceProcess(name, ports[name], env, join(logDir, `${name}.log`)),
  );
  const services = Object.fromEntries(launched.map(({ service }) => [service.name, service])) as Record<
    ServiceName,
    ServiceProcess
  >;

  async function close(): Promise<void> {
    await Promise.all(Object.values(services).map((service) => service.stop('SIGKILL')));
    await store.close();
    await admin.unsafe(`drop database if exists ${databaseName} with (force)`);
    await admin.end();
    rmSync(logDir, { recursive: true, force: true });
  }

  try {
    for (const { launch } of launched) launch();
    await Promise.all(Object.values(services).map((service) => waitUntilReady(service)));
  } catch (error) {
    await close();
    throw error;
  }

  async function client(kind: InstitutionKind, options: ClientOptions = {}): Promise<HubClient> {
    const regionCode = kind === 'LABOUR_OFFICE' ? (options.regionCode ?? '35.07') : null;
    const name = options.name ?? `Fault test ${kind.toLowerCase()} ${randomUUID().slice(0, 8)}`;
    const institution = await registerInstitution(store.db, { name, kind, regionCode });
    // The ministry's public directory lists every member institution too.
    await store.db.insert(directory).values({ id: institution.id, name, kind, regionCode });
    const credentials = await registerClient(store.db, {
      institutionId: institution.id,
      label: 'fault test client',
      scopes: options.scopes ?? SCOPES_BY_KIND[kind],
    });
    return {
      institutionId: institution.id,
      clientId: credentials.clientId,
      token: async () => {
        const response = await fetch(`${gatewayUrl}/oauth/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            grant_type: 'client_credentials',
            client_id: credentials.clientId,
            client_secret: credentials.clientSecret,
          }),
        });
        const body = (await response.json()) as { access_token?: string; error?: string };
        if (!body.access_token) throw new Error(`token request failed: ${body.error ?? response.status}`);
        return body.access_token;
      },
    };
  }

  return {
    gatewayUrl,
    graphqlUrl: `${gatewayUrl}/graphql`,
    /** The hub's own database on the server (for direct checks behind the gateway). */
    databaseUrl: url,
    services,
    store,
    logDir,
    client,
    close,
  };
}

export type ProcessHub = Awaited<ReturnType<typeof startProcessHub>>;

/** What one GraphQL request over HTTP came to. */
export interface Outcome<TData = Record<string, unknown>> {
  /** HTTP status, or null when no response came (refused, reset, timed out). */
  readonly status: number | null;
  readonly data: TData | null;
  readonly errors: readonly {
    readonly message: string;
    readonly path?: readonly (string | number)[];
    readonly extensions?: { readonly code?: string; readonly [key: string]: unknown };
  }[];
  /** Set when no GraphQL response came: `TIMEOUT`, `ECONNREFUSED`, ... */
  readonly transportError: string | null;
}

/** Posts one operation with a bounded wait; never throws. */
export async function graphql<TData = Record<string, unknown>>(
  url: string,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
  timeoutMs = 30_000,
): Promise<Outcome<TData>> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    return { status: null, data: null, errors: [], transportError: transportCode(error) };
  }
  try {
    const body = JSON.parse(text) as { data?: TData | null; errors?: Outcome['errors'] };
    return {
      status: response.status,
      data: body.data ?? null,
      errors: body.errors ?? [],
      transportError: null,
    };
  } catch {
    return {
      status: response.status,
      data: null,
      errors: [],
      transportError: `NON_JSON ${text.slice(0, 80)}`,
    };
  }
}

function transportCode(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return 'TIMEOUT';
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
  return cause?.code ?? (error instanceof Error ? error.message : String(error));
}

/** The data of a response without errors; otherwise fails with what came back. */
export function dataOf<TData>(outcome: Outcome<TData>): TData {
  if (outcome.errors.length > 0 || !outcome.data) {
    throw new Error(`request failed: ${JSON.stringify({ ...outcome, data: undefined }, null, 2)}`);
  }
  return outcome.data;
}
