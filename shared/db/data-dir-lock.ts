import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Who holds an embedded data directory, as its lock file says. */
export interface DataDirHolder {
  readonly pid: number;
  /** The command line of the holder, for the message another process gets. */
  readonly command: string;
  readonly since: string;
  /** Where the holder takes operator commands (`npm run hub`), when it is a running hub. */
  readonly adminUrl?: string;
}

/** Raised when another live process has the embedded data directory open. */
export class DataDirInUseError extends Error {
  constructor(
    readonly directory: string,
    readonly holder: DataDirHolder,
  ) {
    super(
      `The embedded database in ${directory} is in use by process ${holder.pid} (${holder.command}, since ${holder.since}). ` +
        `An embedded database belongs to one process at a time: stop that process first` +
        (holder.adminUrl ? `, or run the command through it with \`npm run hub -- ...\`.` : '.'),
    );
    this.name = 'DataDirInUseError';
  }
}

export interface DataDirLock {
  /** Adds what others should know about the holder (a running hub's admin address). */
  describe(extra: Pick<DataDirHolder, 'adminUrl'>): void;
  release(): void;
}

const lockFileOf = (directory: string) => `${directory}.lock`;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The live holder of a data directory, or null when it is free (a dead holder's lock is stale). */
export function dataDirHolder(directory: string): DataDirHolder | null {
  let holder: DataDirHolder;
  try {
    holder = JSON.parse(readFileSync(lockFileOf(directory), 'utf8')) as DataDirHolder;
  } catch {
    return null;
  }
  return Number.isInteger(holder.pid) && isAlive(holder.pid) ? holder : null;
}

/**
 * Takes the embedded data directory for this process, or refuses with `DataDirInUseError`: two
 * PostgreSQL instances on one directory corrupt it. The lock is a file beside the directory,
 * created exclusively; a lock left by a process that died (kill -9, power cut) is taken over.
 */
export function lockDataDir(directory: string): DataDirLock {
  const file = lockFileOf(directory);
  let holder: DataDirHolder = {
    pid: process.pid,
    command: process.argv
      .slice(1)
      .map((part) => part.split('/').pop())
      .join(' '),
    since: new Date().toISOString(),
  };
  mkdirSync(dirname(file), { recursive: true });
  const write = (flag: 'wx' | 'w') => writeFileSync(file, `${JSON.stringify(holder)}\n`, { flag });
  const refuseIfHeld = (error: unknown) => {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const current = dataDirHolder(directory);
    if (current) throw new DataDirInUseError(directory, current);
  };
  try {
    write('wx');
  } catch (error) {
    refuseIfHeld(error);
    // Stale: taken over. Should another process take it over at the same moment, one of the two
    // creates the file and the other is refused.
    rmSync(file, { force: true });
    try {
      write('wx');
    } catch (raced) {
      refuseIfHeld(raced);
      throw raced;
    }
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    // Only our own lock: a stale-lock takeover by someone else must not be undone.
    if (dataDirHolder(directory)?.pid === process.pid) rmSync(file, { force: true });
  };
  process.on('exit', release);
  return {
    describe: (extra) => {
      holder = { ...holder, ...extra };
      write('w');
    },
    release,
  };
}
