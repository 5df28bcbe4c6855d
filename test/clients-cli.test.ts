import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { clients, trustedDocuments } from '../gateway/db/schema.js';
import { documentHash } from '../gateway/trusted-documents.js';
import { embeddedStore, openEmbeddedPostgres } from '../shared/db/database.js';

const run = promisify(execFile);
const directories: string[] = [];
afterAll(async () => {
  await Promise.all(directories.map((directory) => rm(directory, { recursive: true, force: true })));
});

/** `npm run hub -- ...` as an operator runs it, against an embedded data directory no hub has open. */
async function clientsCli(
  dataDir: string,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'scripts/hub.ts', ...args], {
      env: { ...process.env, HUB_DATA_DIR: dataDir, DATABASE_URL: '', GATEWAY_DATABASE_URL: '' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

describe('npm run hub: institutions, clients and trusted documents', () => {
  it('registers a client, refuses an invalid trusted document, trusts a valid one and restricts the client', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'migran-clients-'));
    directories.push(dataDir);

    const institution = await clientsCli(
      dataDir,
      'institutions',
      'add',
      '--name',
      'LPK Maju Bersama',
      '--kind',
      'TRAINING_PROVIDER',
    );
    expect(institution.code).toBe(0);
    const institutionId = /institution (\S+) registered/.exec(institution.stdout)?.[1];
    expect(institutionId).toBeDefined();

    const client = await clientsCli(
      dataDir,
      'clients',
      'add',
      '--institution',
      institutionId!,
      '--label',
      'Enrollment sync',
      '--scopes',
      'training:write',
    );
    expect(client.code).toBe(0);
    const clientId = /client_id\s+(\S+)/.exec(client.stdout)?.[1];
    expect(clientId).toBeDefined();

    const excessive = await clientsCli(
      dataDir,
      'clients',
      'add',
      '--institution',
      institutionId!,
      '--label',
      'Too curious',
      '--scopes',
      'workers:read,pii:read',
    );
    expect(excessive.code).toBe(1);
    expect(excessive.stderr).toContain('A TRAINING_PROVIDER client may not hold pii:read');
    expect(excessive.stderr).not.toContain('    at ');

    const typo = join(dataDir, 'typo.graphql');
    await writeFile(typo, 'query Courses { courses { id titel } }');
    const refused = await clientsCli(dataDir, 'documents', 'trust', clientId!, '--file', typo);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Cannot query field "titel" on type "Course"');

    const valid = join(dataDir, 'courses.graphql');
    const document = 'query Courses { courses { id title } }';
    await writeFile(valid, document);
    const trusted = await clientsCli(
      dataDir,
      'documents',
      'trust',
      clientId!,
      '--file',
      valid,
      '--name',
      'Courses',
    );
    expect(trusted.code).toBe(0);
    expect(trusted.stdout).toContain(documentHash(document));

    expect((await clientsCli(dataDir, 'documents', 'restrict', clientId!)).code).toBe(0);
    const unknown = await clientsCli(dataDir, 'documents', 'restrict', 'no-such-client');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('There is no client no-such-client');

    const pglite = await openEmbeddedPostgres(join(dataDir, 'pglite'));
    try {
      const { db } = embeddedStore(pglite);
      const [row] = await db.select().from(clients).where(eq(clients.clientId, clientId!));
      expect(row?.trustedDocumentsOnly).toBe(true);
      const documents = await db
        .select({ name: trustedDocuments.name, document: trustedDocuments.document })
        .from(trustedDocuments)
        .where(eq(trustedDocuments.clientId, clientId!));
      expect(documents).toEqual([{ name: 'Courses', document }]);
    } finally {
      await pglite.close();
    }
  }, 300_000);
});
