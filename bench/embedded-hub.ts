import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SUBGRAPH_NAMES } from '../shared/config.js';
import { freePorts } from '../shared/testing/ports.js';
import type { DemoCredentials } from '../gateway/seed.js';
import { ask } from './compare.js';
import { runLoad } from './load.js';
import { launch, treeResidentMb, waitUntilAnswering } from './processes.js';
import { kecamatanList } from './workloads/index.js';

const START_WITHIN_MS = 600_000;

/**
 * `npm start` as a newcomer runs it (embedded PostgreSQL, demo world), measured as a whole: the
 * peak resident memory of its process tree while a labour office lists 100 workers under load.
 */
export async function measureEmbeddedHub(options: {
  readonly seconds: number;
  readonly connections: number;
  readonly logDir: string;
}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'migran-bench-embedded-'));
  const ports = await freePorts(SUBGRAPH_NAMES.length + 1);
  const gatewayPort = ports[0] as number;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HOME: process.env['HOME'],
    LOG_LEVEL: 'warn',
    APOLLO_TELEMETRY_DISABLED: '1',
    HUB_DATA_DIR: dataDir,
    GATEWAY_PORT: String(gatewayPort),
    TOKEN_ISSUER: `http://127.0.0.1:${gatewayPort}`,
    ...Object.fromEntries(
      SUBGRAPH_NAMES.map((name, index) => [`${name.toUpperCase()}_PORT`, String(ports[index + 1])]),
    ),
    // Counted but never refused under the benchmark's load.
    RATE_LIMIT_LABOUR_OFFICE: '1000000',
  };
  const hub = launch({
    label: 'embedded-hub',
    entry: 'scripts/start.ts',
    port: gatewayPort,
    env,
    logDir: options.logDir,
  });
  try {
    await waitUntilAnswering(hub, '/ready', START_WITHIN_MS);
    const demo = JSON.parse(readFileSync(join(dataDir, 'demo-clients.json'), 'utf8')) as DemoCredentials[];
    const office = demo.find((client) => client.institutionKind === 'LABOUR_OFFICE' && client.regionCode);
    if (!office?.regionCode) throw new Error('the demo world has no labour office client');
    const tokenResponse = await fetch(`${hub.baseUrl}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: office.clientId,
        client_secret: office.clientSecret,
      }),
    });
    const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
    const workload = kecamatanList(100);
    const body = JSON.stringify({
      query: workload.query,
      variables: { regionCode: office.regionCode, first: 100 },
    });
    const check = await ask(`${hub.baseUrl}/graphql`, { authorization: `Bearer ${token}` }, body);
    if (check.status !== 200 || check.errors.length > 0) {
      throw new Error(`the embedded hub answered with errors: ${JSON.stringify(check.errors).slice(0, 300)}`);
    }
    let peakMb = treeResidentMb(hub.pid);
    const sampler = setInterval(() => {
      peakMb = Math.max(peakMb, treeResidentMb(hub.pid));
    }, 250);
    try {
      const figures = await runLoad({
        url: `${hub.baseUrl}/graphql`,
        headers: { authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query: workload.query,
          variables: { regionCode: office.regionCode, first: 100 },
        }),
        connections: options.connections,
        seconds: options.seconds,
        freshIdempotencyKey: false,
      });
      peakMb = Math.max(peakMb, treeResidentMb(hub.pid));
      return {
        peakMb,
        rps: figures.rps,
        workload: `(b) shape on the demo world (${office.regionCode}, first: 100; ${Math.min(options.connections, 4)} connections, p50 ${figures.p50Ms} ms)`,
      };
    } finally {
      clearInterval(sampler);
    }
  } finally {
    await hub.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
