import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoCredentials } from '../gateway/seed.js';
import { bearer, errorCodes, postGraphQL } from '../shared/testing/graphql-client.js';
import { clientToken, requestClientToken, startHubProcess, type HubProcess } from './helpers/hub-process.js';

const run = promisify(execFile);

interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `npm run hub -- ...` as an operator runs it beside the running hub, on its data directory. */
async function hubCli(dataDir: string, ...args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/hub.ts', ...args], {
      env: { ...process.env, HUB_DATA_DIR: dataDir, DATABASE_URL: '', NODE_ENV: 'development' },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

const WORKERS = 'query Workers { workers(first: 3) { edges { node { id nik fullName } } } }';

let hub: HubProcess;
let clients: DemoCredentials[];
let hubOutput = '';
const clientNamed = (id: string) => clients.find((client) => client.clientId === id)!;

beforeAll(async () => {
  hub = await startHubProcess();
  clients = await hub.demoClients();
}, 240_000);

afterAll(async () => {
  if (hub) {
    hubOutput += await hub.stop();
    await hub.remove();
  }
});

describe('npm run hub against a running embedded hub', () => {
  it('explains every command with --help, and refuses bad input with the command’s help and no stack trace', async () => {
    const help = await hubCli(hub.dataDir, '--help');
    expect(help.code).toBe(0);
    for (const command of [
      'clients suspend',
      'clients rotate-secret',
      'workers export',
      'audit verify',
      'keys rotate',
    ])
      expect(help.stdout).toContain(command);
    const one = await hubCli(hub.dataDir, 'workers', 'export', '--help');
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('--reference <value>');

    const badNik = await hubCli(
      hub.dataDir,
      'workers',
      'export',
      '--nik',
      '12345',
      '--institution',
      'x',
      '--reference',
      'ref',
    );
    expect(badNik.code).toBe(2);
    expect(badNik.stderr).toContain('nik: must be exactly 16 digits');
    expect(badNik.stderr).toContain('institution:');
    expect(badNik.stderr).not.toMatch(/\n\s+at /);
    const unknownOption = await hubCli(hub.dataDir, 'clients', 'list', '--everything');
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stderr).toContain("Unknown option '--everything'");
    const unknownClient = await hubCli(hub.dataDir, 'clients', 'suspend', 'no-such-client');
    expect(unknownClient.code).toBe(1);
    expect(unknownClient.stderr).toContain('There is no client no-such-client');
  }, 120_000);

  it('lists institutions with the ids other commands take, carried out by the running hub', async () => {
    const listed = await hubCli(hub.dataDir, 'institutions', 'list');
    expect(listed.code).toBe(0);
    const malang = clientNamed('disnaker-malang-ltsa');
    expect(listed.stdout).toMatch(new RegExp(`${malang.institutionId}\\s+LABOUR_OFFICE\\s+35\\.07`));
    const clientList = await hubCli(hub.dataDir, 'clients', 'list');
    expect(clientList.stdout).toMatch(
      new RegExp(`disnaker-malang-ltsa\\s+ACTIVE\\s+LABOUR_OFFICE\\s+${malang.institutionId}`),
    );
  }, 60_000);

  it('checks the statistics rollups of the demo world against its rows, carried out by the running hub', async () => {
    const checked = await hubCli(hub.dataDir, 'stats', 'check');
    expect(checked.stderr).not.toContain('Error');
    expect(checked.code).toBe(0);
    for (const subgraph of ['labour', 'ministry', 'training', 'university'])
      expect(checked.stdout).toMatch(
        new RegExp(`${subgraph}: [1-9]\\d* cells checked, all equal to the rows`),
      );
  }, 120_000);

  it('refuses a second process on the data directory in use, with a message that says why', async () => {
    const second = await run(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      env: { ...process.env, HUB_DATA_DIR: hub.dataDir, DATABASE_URL: '', GATEWAY_PORT: '0' },
    }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(
      `The embedded database in ${join(hub.dataDir, 'pglite')} is in use by process`,
    );
    expect(second.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('takes commands only with the admin token', async () => {
    const lock = JSON.parse(await readFile(`${join(hub.dataDir, 'pglite')}.lock`, 'utf8')) as {
      adminUrl: string;
    };
    const body = JSON.stringify({ group: 'clients', name: 'list', input: {}, operator: 'operator:mallory' });
    const anonymous = await fetch(`${lock.adminUrl}/commands`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(anonymous.status).toBe(401);
    const forged = await fetch(`${lock.adminUrl}/commands`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer guessed' },
      body,
    });
    expect(forged.status).toBe(401);
    const token = (await readFile(join(hub.dataDir, 'secrets', 'admin-token'), 'utf8')).trim();
    const malformed = await fetch(`${lock.adminUrl}/commands`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: '{"group": ',
    });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: { code: string } }).error.code).toBe('BAD_REQUEST');
  });

  it('suspends a client so that its very next request is refused, at the gateway and at a subgraph', async () => {
    const batu = clientNamed('disnaker-batu');
    const token = await clientToken(hub.base, batu);
    const before = await postGraphQL(`${hub.base}/graphql`, WORKERS, {}, bearer(token));
    expect(before.errors).toEqual([]);

    const suspended = await hubCli(hub.dataDir, 'clients', 'suspend', batu.clientId);
    expect(suspended.code).toBe(0);
    expect(suspended.stdout).toContain(`${batu.clientId} suspended`);
    // No waiting: the hub re-read its revocation lists before the command answered.
    const atGateway = await postGraphQL(`${hub.base}/graphql`, WORKERS, {}, bearer(token));
    expect(atGateway.status).toBe(401);
    expect(errorCodes(atGateway)).toEqual(['UNAUTHENTICATED']);
    const atLabour = await postGraphQL(
      `${hub.subgraphBases.labour}/graphql`,
      '{ _service { sdl } }',
      {},
      bearer(token),
    );
    expect(atLabour.status).toBe(401);
    expect((await requestClientToken(hub.base, batu.clientId, batu.clientSecret)).status).toBe(401);

    const again = await hubCli(hub.dataDir, 'clients', 'suspend', batu.clientId);
    expect(again.stdout).toContain('is suspended already');
    expect((await hubCli(hub.dataDir, 'clients', 'reactivate', batu.clientId)).code).toBe(0);
    expect(
      (await postGraphQL(`${hub.base}/graphql`, WORKERS, {}, bearer(await clientToken(hub.base, batu))))
        .errors,
    ).toEqual([]);
  }, 90_000);

  it('rotates a client secret: the old one stops working, the new one works', async () => {
    const blitar = clientNamed('disnaker-blitar');
    const rotated = await hubCli(hub.dataDir, 'clients', 'rotate-secret', blitar.clientId);
    expect(rotated.code).toBe(0);
    const secret = /client_secret (\S+)/.exec(rotated.stdout)?.[1];
    expect(secret).toBeDefined();
    expect((await requestClientToken(hub.base, blitar.clientId, blitar.clientSecret)).status).toBe(401);
    expect((await requestClientToken(hub.base, blitar.clientId, secret!)).status).toBe(200);
  }, 60_000);

  it('exports one worker’s complete record from all four institutions with her access history, logging the export', async () => {
    const malang = clientNamed('disnaker-malang-ltsa');
    const page = await postGraphQL<{ workers: { edges: { node: { id: string; nik: string } }[] } }>(
      `${hub.base}/graphql`,
      WORKERS,
      {},
      bearer(await clientToken(hub.base, malang)),
    );
    const worker = page.data!.workers.edges[0]!.node;
    const exported = await hubCli(
      hub.dataDir,
      'workers',
      'export',
      '--nik',
      worker.nik,
      '--institution',
      malang.institutionId,
      '--reference',
      'B/17/LTSA/XII/2026',
    );
    expect(exported.code).toBe(0);
    const record = JSON.parse(exported.stdout) as {
      workerId: string;
      records: Record<
        'labour' | 'ministry' | 'training' | 'university',
        Record<string, Record<string, unknown>[]>
      >;
      accessHistory: {
        service: string;
        action: string;
        purpose: string | null;
        institution: { id: string };
        fields: string[];
      }[];
    };
    expect(record.workerId).toBe(worker.id);
    expect(Object.keys(record.records).sort()).toEqual(['labour', 'ministry', 'training', 'university']);
    expect(record.records.labour['workers']).toEqual([
      expect.objectContaining({ id: worker.id, nik: worker.nik }),
    ]);
    // Every table about a worker is there, also those that hold her rows only through another.
    expect(Object.keys(record.records.labour)).toEqual(
      expect.arrayContaining(['workers', 'placements', 'documents', 'consents', 'amendments']),
    );
    expect(Object.keys(record.records.ministry)).toEqual(expect.arrayContaining(['cases', 'case_notes']));
    expect(Object.keys(record.records.training)).toEqual(
      expect.arrayContaining(['enrollments', 'certifications']),
    );
    expect(Object.keys(record.records.university)).toContain('session_participants');
    for (const rows of Object.values(record.records).flatMap((tables) => Object.values(tables)))
      for (const row of rows) if ('workerId' in row) expect(row['workerId']).toBe(worker.id);
    // Who read her record through the gateway a moment ago, and this export, in every subgraph.
    expect(record.accessHistory).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          service: 'labour',
          action: 'READ',
          institution: { id: malang.institutionId },
        }),
      ]),
    );
    const exports = record.accessHistory.filter((event) => event.purpose === 'DATA_SUBJECT_ACCESS');
    expect(exports.map((event) => event.service).sort()).toEqual([
      'labour',
      'ministry',
      'training',
      'university',
    ]);

    // The exports are links of each chain like any other access.
    const verified = await hubCli(hub.dataDir, 'audit', 'verify');
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/labour: intact, \d+ events/);
  }, 120_000);

  it('works on the data directory by itself once the hub has stopped', async () => {
    hubOutput += await hub.stop();
    // The hub logged each command it carried out, by name and operator, never its input.
    expect(hubOutput).toMatch(/"command":"clients suspend","operator":"operator:[^"]+","outcome":"ok"/);
    expect(hubOutput).not.toContain('B/17/LTSA/XII/2026');
    const listed = await hubCli(hub.dataDir, 'clients', 'list');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('disnaker-malang-ltsa');
    expect(listed.stdout).toMatch(/disnaker-batu\s+ACTIVE/);
  }, 60_000);
});
