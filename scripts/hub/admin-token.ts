import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The running hub's admin endpoint takes commands from whoever can read this file: the same
 * people who could open its data directory themselves. A new token at every start.
 */
export const adminTokenFile = (dataDir: string): string => join(dataDir, 'secrets', 'admin-token');

export async function issueAdminToken(dataDir: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await mkdir(join(dataDir, 'secrets'), { recursive: true, mode: 0o700 });
  await writeFile(adminTokenFile(dataDir), `${token}\n`, { mode: 0o600 });
  // A file left by an older hub keeps its mode on overwrite.
  await chmod(adminTokenFile(dataDir), 0o600);
  return token;
}

export async function readAdminToken(dataDir: string): Promise<string> {
  return (await readFile(adminTokenFile(dataDir), 'utf8')).trim();
}
