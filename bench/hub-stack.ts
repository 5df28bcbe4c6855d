import { randomBytes } from 'node:crypto';
import { SCOPES_BY_KIND, type InstitutionKind } from '../shared/auth/principal.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../shared/config.js';
import { postgresStore } from '../shared/db/database.js';
import { freePorts } from '../shared/testing/ports.js';
import { registerClient } from '../gateway/clients.js';
import { openPostgresProbe, type CpuTargets } from './cpu.js';
import { launch, waitUntilAnswering, type BenchProcess } from './processes.js';

const SUBGRAPH_ENTRY = (name: SubgraphName) => `subgraphs/${name}/main.ts`;
/** The same subgraph without its log of reads; production refuses it (see that file). */
const SUBGRAPH_WITHOUT_READ_LOG = 'bench/subgraph-without-read-log.ts';

/** The public issuer a production hub must name (https, not loopback); nothing is fetched from it. */
export const BENCH_TOKEN_ISSUER = 'https://hub.bench.invalid';

export interface HubStackOptions {
  readonly databaseUrl: string;
  readonly logDir: string;
  /**
   * `on` in production shape; `off` to measure what the log of reads costs: the subgraphs then run
   * from the benchmark's own entry point, outside production, which alone may turn it off.
   */
  readonly accessLog: 'on' | 'off';
  /** One label per stack, so that logs of several stacks in one run stay apart. */
  readonly label: string;
  /**
   * Node flags for a measured process by its log label (an inspector under `--cpu-prof`, see
   * bench/window-profiler.ts): measured hub gateways and the subgraphs, never the issuer.
   */
  readonly nodeArgs?: (label: string) => readonly string[];
}

/**
 * The four subgraphs as their own processes in production shape, plus one hub gateway that issues
 * tokens and publishes the keys subgraphs verify them with (it stays up while peers are measured).
 * Gateways to measure are started next to it on the same supergraph and subgraphs.
 */
/**
 * The subgraphs' limits for requests the gateway did not sign, raised for the benchmark: peer
 * routers cannot sign (README "Peer router mode"), so each of their fetches, `_entities` for many
 * entities at once, meets the direct limits a single client request would. The hub's gateway
 * still checks each whole operation against the defaults, so the workloads stay within them.
 */
const PEER_ROUTER_LIMITS: NodeJS.ProcessEnv = {
  LIMIT_BODY_BYTES: '10485760',
  LIMIT_MAX_DEPTH: '50',
  LIMIT_MAX_ALIASES: '500',
  LIMIT_MAX_TOKENS: '100000',
  LIMIT_MAX_FIELDS: '100000',
  LIMIT_MAX_COST: '1000000',
};

export async function startHubStack(options: HubStackOptions) {
  const ports = await freePorts(SUBGRAPH_NAMES.length + 1);
  const issuerPort = ports[SUBGRAPH_NAMES.length] as number;
  const issuerUrl = `http://127.0.0.1:${issuerPort}`;
  const subgraphUrls = Object.fromEntries(
    SUBGRAPH_NAMES.map((name, index) => [name, `http://127.0.0.1:${ports[index]}/graphql`]),
  ) as Record<SubgraphName, string>;

  const env = (overrides: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
    PATH: process.env['PATH'],
    HOME: process.env['HOME'],
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    APOLLO_TELEMETRY_DISABLED: '1',
    HOST: '127.0.0.1',
    DATABASE_URL: options.databaseUrl,
    DATABASE_POOL_SIZE: '10',
    GATEWAY_URL: issuerUrl,
    TOKEN_ISSUER: BENCH_TOKEN_ISSUER,
    // One token serves a whole measured run; the default 10 minutes could lapse mid-run at 1M.
    TOKEN_TTL_SECONDS: '3600',
    SEED_DEMO_DATA: 'false',
    // Labour refuses to start in production without its own key for looked-up NIKs.
    NIK_PSEUDONYM_KEY: randomBytes(32).toString('base64url'),
    // Every service seals its keys under its own KEK. The bench's stores are throwaway, but the
    // log-off leg reopens keys the log-on leg sealed on the same database (and a reused
    // BENCH_DATABASE_URL keeps them across runs), so the KEKs are fixed, not random per stack.
    ...Object.fromEntries(
      [...SUBGRAPH_NAMES, 'gateway'].map((name) => [
        `${name.toUpperCase()}_KEY_ENCRYPTION_KEY`,
        `migran-hub-benchmark-only-kek-for-${name}`,
      ]),
    ),
    // Rate limits stay on (each request is counted) but far above the load: one million a minute.
    RATE_LIMIT_LABOUR_OFFICE: '1000000',
    RATE_LIMIT_MINISTRY: '1000000',
    RATE_LIMIT_TRAINING_PROVIDER: '1000000',
    RATE_LIMIT_UNIVERSITY: '1000000',
    ...Object.fromEntries(
      SUBGRAPH_NAMES.flatMap((name, index) => [
        [`${name.toUpperCase()}_PORT`, String(ports[index])],
        [`${name.toUpperCase()}_URL`, subgraphUrls[name]],
      ]),
    ),
    ...overrides,
  });

  const subgraphs: BenchProcess[] = [];
  let issuer: BenchProcess | undefined;
  const started: BenchProcess[] = [];
  const probe = await openPostgresProbe(options.databaseUrl);
  // Stopped in the order their background deliveries flow, so that none drains while the one it
  // delivers to is already gone (it would retry until killed at the end of its grace): measured gateways, labour (consent facts to training and university), training
  // and university (chain heads to the ministry), the ministry, then the issuer (every chain head).
  const stopOrder = (service: BenchProcess) => {
    if (service === issuer) return 4;
    const name = SUBGRAPH_NAMES.find((subgraph) => subgraphs[SUBGRAPH_NAMES.indexOf(subgraph)] === service);
    if (name === undefined) return 0;
    return name === 'labour' ? 1 : name === 'ministry' ? 3 : 2;
  };
  const stop = async () => {
    for (const step of [0, 1, 2, 3, 4])
      await Promise.all(
        started.filter((service) => stopOrder(service) === step).map((service) => service.stop()),
      );
    await probe.close();
  };

  /** A hub gateway process on its own port; `subgraphUrls` overrides where it sends plans. */
  async function startHubGateway(
    label: string,
    port: number,
    urls: Partial<Record<SubgraphName, string>> = {},
  ) {
    const overrides: NodeJS.ProcessEnv = { GATEWAY_PORT: String(port) };
    for (const [name, url] of Object.entries(urls)) overrides[`${name.toUpperCase()}_URL`] = url;
    const fullLabel = `${options.label}-${label}`;
    const gateway = launch({
      label: fullLabel,
      entry: 'gateway/main.ts',
      port,
      env: env(overrides),
      logDir: options.logDir,
      ...(label === 'issuer' ? {} : { nodeArgs: options.nodeArgs?.(fullLabel) ?? [] }),
    });
    started.push(gateway);
    await waitUntilAnswering(gateway, '/health');
    return gateway;
  }

  try {
    // The issuer first: subgraphs fetch its keys; it migrates the gateway's schema.
    issuer = await startHubGateway('issuer', issuerPort);
    for (const [index, name] of SUBGRAPH_NAMES.entries()) {
      const readLogOff = options.accessLog === 'off';
      const label = `${options.label}-${name}`;
      const service = launch({
        label,
        nodeArgs: options.nodeArgs?.(label) ?? [],
        entry: readLogOff ? SUBGRAPH_WITHOUT_READ_LOG : SUBGRAPH_ENTRY(name),
        port: ports[index] as number,
        env: readLogOff
          ? env({ ...PEER_ROUTER_LIMITS, NODE_ENV: 'test', BENCH_SUBGRAPH: name })
          : env(PEER_ROUTER_LIMITS),
        logDir: options.logDir,
      });
      subgraphs.push(service);
      started.push(service);
    }
    await Promise.all(subgraphs.map((service) => waitUntilAnswering(service, '/ready')));
    await waitUntilAnswering(issuer, '/ready');
  } catch (error) {
    await stop();
    throw error;
  }
  const issuerProcess = issuer;

  const subgraphPids = Object.fromEntries(
    SUBGRAPH_NAMES.map((name, index) => [name, (subgraphs[index] as BenchProcess).pid]),
  ) as Record<SubgraphName, number>;

  return {
    issuerUrl,
    subgraphUrls,
    /** The subgraph processes by name (profiled with the gateway under `--cpu-prof`). */
    subgraphProcesses: Object.fromEntries(
      SUBGRAPH_NAMES.map((name, index) => [name, subgraphs[index] as BenchProcess]),
    ) as Record<SubgraphName, BenchProcess>,
    databaseUrl: options.databaseUrl,
    /** The processes whose CPU a measured window of `gatewayPid` counts: it, each subgraph, PostgreSQL. */
    cpuTargets: (gatewayPid: number): CpuTargets => ({
      services: { gateway: gatewayPid, ...subgraphPids },
      postmasterPid: probe.postmasterPid,
      backendOwners: probe.backendOwners,
    }),
    startHubGateway,
    /** Stops a measured gateway (the hub's or a peer's, which this stack did not start). */
    stopProcess: async (service: BenchProcess) => {
      await service.stop();
      // A peer is not in `started`: splice(-1, 1) would drop the last subgraph from the stop list,
      // which then outlived the stack (SIGKILLed at exit, so no profile) and ran during later legs.
      const index = started.indexOf(service);
      if (index >= 0) started.splice(index, 1);
    },
    /** SQL statements the four subgraphs have issued so far (their `hub_db_statements_total`). */
    statements: async () => {
      let total = 0;
      for (const name of SUBGRAPH_NAMES)
        total += await statementsOf(subgraphUrls[name].replace(/\/graphql$/, ''));
      return total;
    },
    /** A fresh token for a client of the institution (from the issuer's `POST /oauth/token`). */
    token: (credentials: BenchCredentials) => tokenFrom(issuerProcess.baseUrl, credentials),
    stop,
  };
}

export type HubStack = Awaited<ReturnType<typeof startHubStack>>;

export async function statementsOf(baseUrl: string): Promise<number> {
  const response = await fetch(`${baseUrl}/metrics`);
  const text = await response.text();
  const match = /^hub_db_statements_total(?:\{[^}]*\})?\s+(\d+(?:\.\d+)?(?:e\+?\d+)?)$/m.exec(text);
  if (!match) throw new Error(`${baseUrl}/metrics has no hub_db_statements_total`);
  return Number(match[1]);
}

export interface BenchCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
}

/** Registers one bench client of an existing institution with every scope its kind may hold. */
export async function registerBenchClient(
  databaseUrl: string,
  institutionId: string,
  kind: InstitutionKind,
): Promise<BenchCredentials> {
  const store = postgresStore({ url: databaseUrl, poolSize: 1, applicationName: 'migran-bench-clients' });
  try {
    return await registerClient(store.db, {
      institutionId,
      label: 'benchmark client',
      scopes: SCOPES_BY_KIND[kind],
    });
  } finally {
    await store.close();
  }
}

async function tokenFrom(gatewayUrl: string, credentials: BenchCredentials): Promise<string> {
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
}
