import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DemoCredentials, DemoPerson } from '../../gateway/seed.js';
import { freePorts } from '../../shared/testing/ports.js';

async function waitFor(url: string, attempts = 240): Promise<void> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} never became ready`);
}

/** `npm start` as a person runs it, with its output: the logs tests read every line it wrote. */
export interface HubProcess {
  readonly base: string;
  readonly dataDir: string;
  /** Where each subgraph listens, for requests that go around the gateway. */
  readonly subgraphBases: Readonly<Record<'labour' | 'ministry' | 'training' | 'university', string>>;
  demoClients(): Promise<DemoCredentials[]>;
  demoPeople(): Promise<DemoPerson[]>;
  /** Stops the hub (SIGTERM, as an operator would) and resolves to everything it wrote. */
  stop(): Promise<string>;
  /** Deletes its data directory; call once the test has read what it needs from it. */
  remove(): Promise<void>;
}

/**
 * The embedded hub in a child process of its own, on free ports and a fresh data directory, at
 * `LOG_LEVEL=trace` with a small demo world; resolves once the gateway is ready.
 */
export async function startHubProcess(env: Readonly<Record<string, string>> = {}): Promise<HubProcess> {
  const dataDir = await mkdtemp(join(tmpdir(), 'migran-hub-process-'));
  const [gateway, labour, ministry, training, university] = await freePorts(5);
  // Node with tsx's loader, not `npx tsx`: SIGTERM must reach the hub itself, or it outlives the test.
  const hub = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: '',
      NODE_ENV: 'development',
      LOG_LEVEL: 'trace',
      HUB_DATA_DIR: dataDir,
      SEED_WORKERS: '40',
      GATEWAY_PORT: String(gateway),
      LABOUR_PORT: String(labour),
      MINISTRY_PORT: String(ministry),
      TRAINING_PORT: String(training),
      UNIVERSITY_PORT: String(university),
      TOKEN_ISSUER: `http://127.0.0.1:${gateway}`,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  hub.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  hub.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => hub.once('exit', resolve));
  const base = `http://127.0.0.1:${gateway}`;
  const stop = async () => {
    hub.kill('SIGTERM');
    await exited;
    return output;
  };
  try {
    await waitFor(`${base}/ready`);
  } catch (error) {
    await stop();
    throw error;
  }
  const readJson = async <T>(file: string) => JSON.parse(await readFile(join(dataDir, file), 'utf8')) as T;
  return {
    base,
    dataDir,
    subgraphBases: {
      labour: `http://127.0.0.1:${labour}`,
      ministry: `http://127.0.0.1:${ministry}`,
      training: `http://127.0.0.1:${training}`,
      university: `http://127.0.0.1:${university}`,
    },
    demoClients: () => readJson<DemoCredentials[]>('demo-clients.json'),
    demoPeople: () => readJson<DemoPerson[]>('demo-people.json'),
    stop,
    remove: () => rm(dataDir, { recursive: true, force: true }),
  };
}

/** The JSON lines of a hub's output (pino), leaving out the start banner. */
export function jsonLines(output: string): string[] {
  return output.split('\n').filter((line) => line.startsWith('{'));
}

/** The token endpoint asked for a client-credentials token, as a client system asks it. */
export function requestClientToken(base: string, clientId: string, clientSecret: string): Promise<Response> {
  return fetch(`${base}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
    }),
  });
}

/** An access token of a demo client. */
export async function clientToken(base: string, client: DemoCredentials): Promise<string> {
  const response = await requestClientToken(base, client.clientId, client.clientSecret);
  if (!response.ok) throw new Error(`token endpoint answered ${response.status} for ${client.clientId}`);
  return ((await response.json()) as { access_token: string }).access_token;
}
