import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const directories: string[] = [];
afterAll(async () => {
  await Promise.all(directories.map((directory) => rm(directory, { recursive: true, force: true })));
});

/** `npm run hub -- keys ...` as an operator runs it, against an embedded data directory. */
async function keysCli(dataDir: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'scripts/hub.ts', 'keys', ...args], {
      env: { ...process.env, HUB_DATA_DIR: dataDir, DATABASE_URL: '' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

describe('npm run hub -- keys', () => {
  it('rotates a service key with the new one published first, and exports the public keys to pin', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'migran-keys-'));
    directories.push(dataDir);

    const rotated = await keysCli(dataDir, 'rotate', 'labour', '--publish-first', '60');
    expect(rotated.code).toBe(0);
    const [, newKid, signingKid, published] =
      /new key (\S+), signing from 60 s[\s\S]*signing with (\S+); published (.+)/.exec(rotated.stdout) ?? [];
    expect(newKid).toBeDefined();
    // The old key signs for another minute; both are published.
    expect(signingKid).not.toBe(newKid);
    expect(published?.split(', ').sort()).toEqual([newKid, signingKid].sort());

    const exported = await keysCli(dataDir, 'export-public', 'all');
    expect(exported.code).toBe(0);
    const pins = JSON.parse(exported.stdout) as Record<string, { keys: { kid: string; d?: string }[] }>;
    expect(Object.keys(pins).sort()).toEqual(['gateway', 'labour', 'ministry', 'training', 'university']);
    expect(pins['labour']?.keys.map((key) => key.kid).sort()).toEqual([newKid, signingKid].sort());
    expect(Object.values(pins).every((set) => set.keys.every((key) => key.d === undefined))).toBe(true);
  }, 120_000);

  it('refuses an unknown service or a bad option with its usage and exit code 2', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'migran-keys-'));
    directories.push(dataDir);
    const unknown = await keysCli(dataDir, 'rotate', 'mallory');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      'npm run hub -- keys rotate <labour|ministry|training|university|gateway|all>',
    );
    const badOption = await keysCli(dataDir, 'rotate', 'labour', '--publish-first', 'soon');
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain('publish-first: Invalid input: expected number');
  }, 60_000);
});
