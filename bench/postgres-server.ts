import { execFile } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../shared/testing/ports.js';

const run = promisify(execFile);
const PG_BIN = '/usr/lib/postgresql/15/bin';

/** A PostgreSQL server the benchmark uses: one the caller named, or a throwaway one it started. */
export interface BenchPostgres {
  /** `postgres://user@host:port/postgres`: the server's admin URL. */
  readonly serverUrl: string;
  /** Whether this run started the server (and so stops it). */
  readonly throwaway: boolean;
  readonly version: string;
  stop(): Promise<void>;
}

/** `postgres://…/<database>` on the same server as `serverUrl`. */
export function databaseOn(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function serverVersion(): Promise<string> {
  const { stdout } = await run(join(PG_BIN, 'postgres'), ['--version']);
  return stdout.trim();
}

/**
 * The server named by `BENCH_DATABASE_URL`, or else a throwaway PostgreSQL 15 on a free loopback
 * port with a temporary data directory, run as the `postgres` user when we are root (the server
 * refuses root), tuned like CI's (no fsync: the benchmark measures the hub, not the disk).
 */
export async function benchPostgres(givenUrl: string | undefined): Promise<BenchPostgres> {
  const version = await serverVersion().catch(() => 'PostgreSQL (version unknown)');
  if (givenUrl) return { serverUrl: givenUrl, throwaway: false, version, stop: async () => {} };

  const workDir = mkdtempSync(join(tmpdir(), 'migran-bench-pg-'));
  const dataDir = join(workDir, 'data');
  const asRoot = process.getuid?.() === 0;
  const asPostgres = (binary: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', join(PG_BIN, binary), ...args])
      : run(join(PG_BIN, binary), args);
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(workDir, Number(stdout.trim()), Number(gid.trim()));
  }
  const port = await freePort();
  await asPostgres('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${workDir} -c fsync=off -c max_connections=300 -c shared_buffers=1GB`;
  await asPostgres('pg_ctl', [
    '-D',
    dataDir,
    '-l',
    join(workDir, 'postgres.log'),
    '-w',
    '-o',
    options,
    'start',
  ]);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await asPostgres('pg_ctl', ['-D', dataDir, '-m', 'fast', 'stop']).catch(() => undefined);
    rmSync(workDir, { recursive: true, force: true });
  };
  return { serverUrl: `postgres://postgres@127.0.0.1:${port}/postgres`, throwaway: true, version, stop };
}
