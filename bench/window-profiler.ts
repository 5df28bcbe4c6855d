import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { BenchProcess } from './processes.js';
import type { CpuProfile } from './profiles.js';

// `--cpu-prof` profiles each measured process over the measured window only, through its
// inspector (`--inspect=127.0.0.1:0`, the DevTools protocol's Profiler domain): a profile from
// start to exit (node's own --cpu-prof) is half module loading and covers every workload the
// process served, so it cannot say what dominates one request.

/** Node flags for a process the benchmark may profile: an inspector on a free loopback port. */
export const PROFILED_NODE_ARGS = ['--inspect=127.0.0.1:0'] as const;

const SAMPLING_INTERVAL_US = 500;

interface Inspector {
  call(method: string, params?: object): Promise<Record<string, unknown>>;
  close(): void;
}

async function connect(url: string): Promise<Inspector> {
  const socket = new WebSocket(url, { perMessageDeflate: false });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let nextId = 1;
  const pending = new Map<
    number,
    { resolve: (value: Record<string, unknown>) => void; reject: (error: Error) => void }
  >();
  socket.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString()) as {
      id?: number;
      result?: Record<string, unknown>;
      error?: { message: string };
    };
    const waiter = message.id === undefined ? undefined : pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id as number);
    if (message.error) waiter.reject(new Error(message.error.message));
    else waiter.resolve(message.result ?? {});
  });
  socket.once('close', () => {
    for (const waiter of pending.values()) waiter.reject(new Error('inspector closed'));
    pending.clear();
  });
  return {
    call: (method, params = {}) =>
      new Promise((resolve, reject) => {
        const id = nextId;
        nextId += 1;
        pending.set(id, { resolve, reject });
        socket.send(JSON.stringify({ id, method, params }));
      }),
    close: () => socket.close(),
  };
}

export interface ProfiledProcess {
  /** What the profile is filed under: `<window>.<name>/`, e.g. `b-kecamatan-list.hub.labour/`. */
  readonly name: string;
  readonly service: BenchProcess;
}

/**
 * Starts a CPU profile in each process that has an inspector; `stop` ends them and writes each to
 * `<dir>/<window>.<name>/<file>.cpuprofile`. A process without one (or whose inspector does not
 * answer) is skipped: profiling must never be why a measurement fails.
 */
export async function startWindowProfiles(
  processes: readonly ProfiledProcess[],
  dir: string,
  window: string,
  file: string,
): Promise<{ stop(): Promise<void> }> {
  const running: { name: string; inspector: Inspector }[] = [];
  for (const { name, service } of processes) {
    const url = service.inspectorUrl();
    if (!url) continue;
    try {
      const inspector = await connect(url);
      await inspector.call('Profiler.enable');
      await inspector.call('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
      await inspector.call('Profiler.start');
      running.push({ name, inspector });
    } catch {
      // not profiled this window
    }
  }
  return {
    async stop() {
      for (const { name, inspector } of running) {
        try {
          const { profile } = (await inspector.call('Profiler.stop')) as { profile: CpuProfile };
          const folder = join(dir, `${window}.${name}`);
          mkdirSync(folder, { recursive: true });
          writeFileSync(join(folder, `${file}.cpuprofile`), JSON.stringify(profile));
        } catch {
          // the process ended meanwhile
        } finally {
          inspector.close();
        }
      }
    },
  };
}
