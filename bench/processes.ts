import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Every service the benchmark measures is its own OS process (node with tsx's loader, so that the
// pid we watch for memory and signal is the service itself, not a wrapper).

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
const READY_WITHIN_MS = 120_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface BenchProcess {
  readonly label: string;
  readonly pid: number;
  readonly baseUrl: string;
  /** Resolves with the exit code (null when killed by a signal) once the process has ended. */
  readonly exited: Promise<number | null>;
  alive(): boolean;
  /** The process's log so far. */
  log(): string;
  /** Its inspector's DevTools URL when started with `--inspect` (node prints it to stderr). */
  inspectorUrl(): string | null;
  /** SIGTERM, then SIGKILL after a grace period; resolves once it has exited. */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
// Whatever happens to the runner, no service it started outlives it.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export interface LaunchOptions {
  readonly label: string;
  /** Entry file relative to the repository root. */
  readonly entry: string;
  readonly port: number;
  readonly env: NodeJS.ProcessEnv;
  readonly logDir: string;
  readonly nodeArgs?: readonly string[];
}

export function launch(options: LaunchOptions): BenchProcess {
  const logPath = join(options.logDir, `${options.label}.log`);
  const logFd = openSync(logPath, 'a');
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', options.entry], {
    cwd: ROOT,
    env: options.env,
    stdio: ['ignore', logFd, logFd],
  });
  closeSync(logFd);
  running.add(child);
  let alive = true;
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      alive = false;
      running.delete(child);
      resolve(code);
    });
  });
  return {
    label: options.label,
    pid: child.pid ?? -1,
    baseUrl: `http://127.0.0.1:${options.port}`,
    exited,
    alive: () => alive,
    log: () => readFileSync(logPath, 'utf8'),
    inspectorUrl: () => /Debugger listening on (ws:\/\/\S+)/.exec(readFileSync(logPath, 'utf8'))?.[1] ?? null,
    async stop() {
      if (!alive) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

/** Polls a URL until it answers with a status below 500 (bounded); fails early when the process dies. */
export async function waitUntilAnswering(
  service: BenchProcess,
  path: string,
  withinMs = READY_WITHIN_MS,
): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (!service.alive()) throw new Error(`${service.label} exited while starting:\n${tail(service.log())}`);
    try {
      const response = await fetch(`${service.baseUrl}${path}`, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`${service.label} did not answer within ${withinMs} ms:\n${tail(service.log())}`);
}

export function tail(text: string, lines = 20): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/** Peak resident memory (`VmHWM`) of a process in MB, or null when it cannot be read. */
export function peakMemoryMb(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** Current resident memory (`VmRSS`) in MB of a process and all its descendants. */
export function treeResidentMb(rootPid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirProc()) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), entry]);
    } catch {
      // the process ended meanwhile
    }
  }
  let totalKb = 0;
  const pending = [rootPid];
  while (pending.length > 0) {
    const pid = pending.pop() as number;
    try {
      const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      totalKb += match ? Number(match[1]) : 0;
    } catch {
      // ended meanwhile
    }
    pending.push(...(children.get(pid) ?? []));
  }
  return Math.round(totalKb / 1024);
}

function readdirProc(): number[] {
  try {
    return readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .map(Number);
  } catch {
    return [];
  }
}
