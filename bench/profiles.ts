import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProfileSummary } from './report/types.js';

// `--cpu-prof`: every measured window writes a V8 CPU profile of each process that served it
// (<out>/profiles/<workload>.<contender>.<process>/r<round>.cpuprofile, bench/window-profiler.ts).
// The report adds up each folder's self time by package, so that what dominates a process's cost
// on a workload is one table, not a flame graph per process.

/** The parts of a `.cpuprofile` (Chrome DevTools' format) the aggregation reads. */
export interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string };
  }[];
  readonly samples: readonly number[];
  /** Microseconds between a sample and the one before it. */
  readonly timeDeltas: readonly number[];
}

const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));
/** Top-level folders of this project that count as one line each (`subgraphs/<name>/` per subgraph). */
const PROJECT_FOLDERS = new Set(['gateway', 'shared', 'subgraphs', 'bench', 'scripts', 'schema']);
/** Not CPU work: the profiler's own root and the time the thread waited. */
const NOT_WORK = new Set(['(idle)', '(root)']);
/** Below this much self time over a window's rounds a process did not serve the window. */
const IDLE_PROCESS_MS = 50;

function fileOf(url: string): string {
  if (url.startsWith('file://')) {
    try {
      return fileURLToPath(url);
    } catch {
      return url.slice('file://'.length);
    }
  }
  return url;
}

/**
 * The package a call frame belongs to: the last `node_modules/<pkg>` or `node_modules/@scope/pkg`
 * on its path, `node:` modules by area (`node: internal/modules`, `node: undici`), the project's own folders (`gateway/`, `shared/`,
 * `subgraphs/labour/`), or V8's own lines: (garbage collector), (program), (native).
 */
export function packageOf(
  callFrame: { readonly functionName: string; readonly url: string },
  root = PROJECT_ROOT,
): string {
  const { url, functionName } = callFrame;
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) {
    // Node's own modules by area: module loading (start-up) apart from HTTP, streams, undici...
    const dep = /^node:internal\/deps\/([^/]+)/.exec(url)?.[1];
    if (dep) return `node: ${dep}`;
    const area = /^node:(internal\/[^/]+|[^/]+)/.exec(url)?.[1] ?? 'internals';
    return `node: ${area.replace(/\.js$/, '')}`;
  }
  const file = fileOf(url);
  const marker = file.lastIndexOf('node_modules/');
  if (marker >= 0) {
    const parts = file.slice(marker + 'node_modules/'.length).split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1] ?? ''}` : (parts[0] ?? '(unknown)');
  }
  const inProject = relative(root, file);
  if (!inProject.startsWith('..') && !inProject.startsWith('/')) {
    const parts = inProject.split('/');
    const top = parts[0] ?? '';
    if (top === 'subgraphs' && parts.length > 2) return `subgraphs/${parts[1]}/`;
    if (PROJECT_FOLDERS.has(top) && parts.length > 1) return `${top}/`;
  }
  return '(other)';
}

/** Self time in ms by package of one profile, (idle) and (root) left out. */
export function selfTimeByPackage(profile: CpuProfile, root = PROJECT_ROOT): Map<string, number> {
  return selfTimeBy(profile, (callFrame) => packageOf(callFrame, root));
}

/** Self time in ms by function (`name (package)`), the same way. */
export function selfTimeByFunction(profile: CpuProfile, root = PROJECT_ROOT): Map<string, number> {
  return selfTimeBy(profile, (callFrame) => {
    const where = packageOf(callFrame, root);
    if (callFrame.url === '' || NOT_WORK.has(where)) return where;
    return `${callFrame.functionName || '(anonymous)'} (${where})`;
  });
}

function selfTimeBy(
  profile: CpuProfile,
  keyOf: (callFrame: CpuProfile['nodes'][number]['callFrame']) => string,
): Map<string, number> {
  const packages = new Map<number, string>();
  for (const node of profile.nodes) packages.set(node.id, keyOf(node.callFrame));
  const totals = new Map<string, number>();
  // Each sample's node ran for the time until the next sample (V8 records the delta before it).
  profile.samples.forEach((nodeId, index) => {
    const delta = profile.timeDeltas[index + 1] ?? 0;
    const name = packages.get(nodeId) ?? '(unknown)';
    if (NOT_WORK.has(name)) return;
    totals.set(name, (totals.get(name) ?? 0) + delta / 1000);
  });
  return totals;
}

/**
 * One summary per process: its profiles (rounds merged) added up, the largest `top` packages and
 * functions kept. A process with less than `minMs` of work is left out (a subgraph the window's
 * contender never called, like every subgraph while the floor runs).
 */
export function summariseProfiles(
  byProcess: ReadonlyMap<string, readonly CpuProfile[]>,
  top = 15,
  root = PROJECT_ROOT,
  minMs = 0,
): ProfileSummary[] {
  const summaries: ProfileSummary[] = [];
  const added = (profiles: readonly CpuProfile[], by: typeof selfTimeByPackage) => {
    const totals = new Map<string, number>();
    for (const profile of profiles)
      for (const [name, ms] of by(profile, root)) totals.set(name, (totals.get(name) ?? 0) + ms);
    return totals;
  };
  const largest = (totals: Map<string, number>, totalMs: number) =>
    [...totals]
      .sort(([, left], [, right]) => right - left)
      .slice(0, top)
      .map(([name, ms]) => ({
        name,
        selfMs: Math.round(ms),
        share: totalMs > 0 ? Math.round((ms / totalMs) * 1000) / 10 : 0,
      }));
  for (const [process, profiles] of [...byProcess].sort(([left], [right]) => left.localeCompare(right))) {
    const totals = added(profiles, selfTimeByPackage);
    const totalMs = [...totals.values()].reduce((sum, ms) => sum + ms, 0);
    if (totalMs < minMs) continue;
    summaries.push({
      process,
      files: profiles.length,
      totalMs: Math.round(totalMs),
      packages: largest(totals, totalMs),
      functions: largest(added(profiles, selfTimeByFunction), totalMs),
    });
  }
  return summaries;
}

/** Reads every `<dir>/<label>/*.cpuprofile` and summarises them by folder (rounds merged). */
export function readProfiles(dir: string, top = 12): ProfileSummary[] {
  if (!existsSync(dir)) return [];
  const byProcess = new Map<string, CpuProfile[]>();
  for (const label of readdirSync(dir)) {
    const folder = join(dir, label);
    let files: string[];
    try {
      files = readdirSync(folder).filter((name) => name.endsWith('.cpuprofile'));
    } catch {
      continue;
    }
    for (const file of files) {
      try {
        const profile = JSON.parse(readFileSync(join(folder, file), 'utf8')) as CpuProfile;
        byProcess.set(label, [...(byProcess.get(label) ?? []), profile]);
      } catch {
        // a profile cut short by a killed process is left out
      }
    }
  }
  return summariseProfiles(byProcess, top, PROJECT_ROOT, IDLE_PROCESS_MS);
}
