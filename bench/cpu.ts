import { execFileSync } from 'node:child_process';
import postgres from 'postgres';
import { readdirSync, readFileSync } from 'node:fs';

// CPU time per process from /proc/<pid>/stat, sampled before and after a measured window, so that
// a run reports what each request cost (gateway, each subgraph, PostgreSQL), not only how fast.

/** Clock ticks per second of /proc/<pid>/stat's times (`getconf CLK_TCK`; 100 on Linux). */
export const CLOCK_TICKS = (() => {
  try {
    const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    return Number.isFinite(ticks) && ticks > 0 ? ticks : 100;
  } catch {
    return 100;
  }
})();

/** The fields of /proc/<pid>/stat the benchmark needs. */
export interface ProcStat {
  readonly pid: number;
  readonly command: string;
  readonly parentPid: number;
  /** utime + stime of the process itself, in clock ticks. */
  readonly ticks: number;
  /** cutime + cstime: children it has waited for (a postmaster's exited backends), in clock ticks. */
  readonly childTicks: number;
}

/**
 * Parses one /proc/<pid>/stat line. The command sits in parentheses and may itself hold spaces or
 * parentheses, so the fields are counted from the last `)`: state is field 3, ppid 4, utime 14,
 * stime 15, cutime 16, cstime 17 (proc(5)).
 */
export function parseProcStat(line: string): ProcStat {
  const open = line.indexOf('(');
  const close = line.lastIndexOf(')');
  if (open < 0 || close < open) throw new Error(`not a /proc/<pid>/stat line: ${line.slice(0, 80)}`);
  const rest = line
    .slice(close + 2)
    .trim()
    .split(/\s+/);
  // rest[0] is field 3 (state), so field n is rest[n - 3].
  const field = (n: number) => {
    const value = Number(rest[n - 3]);
    if (!Number.isFinite(value)) throw new Error(`/proc/<pid>/stat has no field ${n}: ${line.slice(0, 80)}`);
    return value;
  };
  return {
    pid: Number(line.slice(0, open).trim()),
    command: line.slice(open + 1, close),
    parentPid: field(4),
    ticks: field(14) + field(15),
    childTicks: field(16) + field(17),
  };
}

export function readProcStat(pid: number): ProcStat | null {
  try {
    return parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return null;
  }
}

/** Pids of the direct children of `parentPid` (a postmaster's backends and helpers). */
export function childrenOf(parentPid: number): number[] {
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return [];
  }
  return names
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => readProcStat(pid)?.parentPid === parentPid);
}

/** What a PostgreSQL child process is, from its title (`postgres: walwriter`, `postgres: user db host(port) idle`). */
export function postgresRole(commandLine: string): string {
  const title = commandLine.replace(/^postgres:\s*/, '');
  const helper =
    /^(checkpointer|background writer|walwriter|autovacuum launcher|autovacuum worker|logical replication launcher|stats collector|archiver|startup|walsender|walreceiver)/.exec(
      title,
    );
  return helper ? (helper[1] as string) : 'backend';
}

function commandLineOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0+/g, ' ').trim();
  } catch {
    return '';
  }
}

/** The processes of one measured window: node services by label, and PostgreSQL's postmaster. */
export interface CpuTargets {
  /** `gateway`, `labour`, ... → pid. */
  readonly services: Readonly<Record<string, number>>;
  /** The postmaster (parent of every backend), or null when PostgreSQL is not on this machine's /proc. */
  readonly postmasterPid: number | null;
  /** Who opened each backend of the measured database, and which backends serve other databases. */
  readonly backendOwners?: () => Promise<BackendOwners>;
}

/** Read from pg_stat_activity at each sample. */
export interface BackendOwners {
  /** Backend pid → pg_stat_activity.application_name, for backends of the measured database. */
  readonly names: ReadonlyMap<number, string>;
  /** Backends (and autovacuum workers) of other databases of the same server: not this run's cost. */
  readonly otherDatabases: ReadonlySet<number>;
}

const NO_OWNERS: BackendOwners = { names: new Map(), otherDatabases: new Set() };

/** One sample of every process of a window, in clock ticks. */
export interface CpuSample {
  readonly services: Readonly<Record<string, number | null>>;
  /** The postmaster's own ticks plus those of its exited children. */
  readonly postmaster: number | null;
  /** Live PostgreSQL children: pid → { line they count under, ticks }. */
  readonly postgresChildren: ReadonlyMap<number, { readonly line: string; readonly ticks: number }>;
}

/** PostgreSQL lines: backends by the service that opened them, helpers by their role. */
function postgresLine(pid: number, names: ReadonlyMap<number, string>): string {
  const role = postgresRole(commandLineOf(pid));
  if (role !== 'backend') return `postgres ${role}`;
  const name = names.get(pid);
  return name ? `postgres backend ${name.replace(/^migran-(hub-)?/, '')}` : 'postgres backend (other)';
}

export async function sampleCpu(targets: CpuTargets): Promise<CpuSample> {
  const owners = (await targets.backendOwners?.().catch(() => undefined)) ?? NO_OWNERS;
  const services: Record<string, number | null> = {};
  for (const [label, pid] of Object.entries(targets.services))
    services[label] = readProcStat(pid)?.ticks ?? null;
  const postgresChildren = new Map<number, { line: string; ticks: number }>();
  let postmaster: number | null = null;
  if (targets.postmasterPid !== null) {
    const stat = readProcStat(targets.postmasterPid);
    if (stat) {
      postmaster = stat.ticks + stat.childTicks;
      for (const pid of childrenOf(targets.postmasterPid)) {
        if (owners.otherDatabases.has(pid)) continue;
        const child = readProcStat(pid);
        if (child) postgresChildren.set(pid, { line: postgresLine(pid, owners.names), ticks: child.ticks });
      }
    }
  }
  return { services, postmaster, postgresChildren };
}

/** CPU milliseconds per request of each process line, and the sums the report compares. */
export interface CpuPerRequest {
  /** The gateway (or the floor's client) process. */
  readonly gatewayMs: number | null;
  /** Each subgraph process. */
  readonly subgraphMs: Readonly<Record<string, number | null>>;
  readonly subgraphsMs: number | null;
  /** Every PostgreSQL process together (backends, helpers, and backends that ended in the window). */
  readonly postgresMs: number | null;
  /** The PostgreSQL lines: backends per service, walwriter, autovacuum, ... */
  readonly postgresLines: Readonly<Record<string, number>>;
  readonly totalMs: number | null;
}

const perRequest = (ticks: number, requests: number) =>
  Math.round(((ticks * 1000) / CLOCK_TICKS / requests) * 100) / 100;

/**
 * The difference of two samples divided by requests. A PostgreSQL child that ended in the window
 * is not lost: its time moved into the postmaster's cutime/cstime, which the postmaster line counts.
 */
export function cpuPerRequest(
  before: CpuSample,
  after: CpuSample,
  requests: number,
  gatewayLabel = 'gateway',
): CpuPerRequest | null {
  if (requests <= 0) return null;
  const serviceMs = (label: string) => {
    const start = before.services[label];
    const end = after.services[label];
    return start === null || start === undefined || end === null || end === undefined
      ? null
      : perRequest(end - start, requests);
  };
  const subgraphMs: Record<string, number | null> = {};
  for (const label of Object.keys(after.services))
    if (label !== gatewayLabel) subgraphMs[label] = serviceMs(label);
  const subgraphValues = Object.values(subgraphMs);
  const subgraphsMs = subgraphValues.every((value) => value !== null)
    ? Math.round(subgraphValues.reduce((sum: number, value) => sum + value, 0) * 100) / 100
    : null;

  let postgresMs: number | null = null;
  const lineTicks = new Map<string, number>();
  if (before.postmaster !== null && after.postmaster !== null) {
    lineTicks.set('postgres postmaster + ended backends', after.postmaster - before.postmaster);
    for (const [pid, child] of after.postgresChildren) {
      const start = before.postgresChildren.get(pid)?.ticks ?? 0;
      lineTicks.set(child.line, (lineTicks.get(child.line) ?? 0) + child.ticks - start);
    }
    // A child alive before and gone after: what it used before the window must not count.
    for (const [pid, child] of before.postgresChildren)
      if (!after.postgresChildren.has(pid))
        lineTicks.set(
          'postgres postmaster + ended backends',
          (lineTicks.get('postgres postmaster + ended backends') ?? 0) - child.ticks,
        );
    const ticks = [...lineTicks.values()].reduce((sum, value) => sum + value, 0);
    postgresMs = perRequest(ticks, requests);
  }
  const postgresLines: Record<string, number> = {};
  for (const [line, ticks] of [...lineTicks].sort(([left], [right]) => left.localeCompare(right)))
    if (ticks !== 0) postgresLines[line] = perRequest(ticks, requests);
  const gatewayMs = serviceMs(gatewayLabel);
  const parts = [gatewayMs, subgraphsMs, postgresMs];
  return {
    gatewayMs,
    subgraphMs,
    subgraphsMs,
    postgresMs,
    postgresLines,
    totalMs: parts.every((value) => value !== null)
      ? Math.round(parts.reduce((sum: number, value) => sum + value, 0) * 100) / 100
      : null,
  };
}

/**
 * What the benchmark asks PostgreSQL for its CPU lines: the postmaster (the parent of this
 * connection's backend, when the server runs on this machine) and who opened each backend.
 */
export async function openPostgresProbe(databaseUrl: string) {
  const sql = postgres(databaseUrl, {
    max: 1,
    onnotice: () => {},
    connection: { application_name: 'migran-bench-probe' },
  });
  let postmasterPid: number | null = null;
  try {
    const [row] = await sql<{ pid: number }[]>`select pg_backend_pid() as pid`;
    const parent = row ? readProcStat(row.pid)?.parentPid : undefined;
    postmasterPid = parent && readProcStat(parent) ? parent : null;
  } catch {
    postmasterPid = null;
  }
  return {
    postmasterPid,
    backendOwners: async (): Promise<BackendOwners> => {
      const rows = await sql<{ pid: number; name: string; own: boolean }[]>`
        select pid, application_name as name, datname = current_database() as own
        from pg_stat_activity where datname is not null`;
      return {
        names: new Map(rows.filter((row) => row.own && row.name !== '').map((row) => [row.pid, row.name])),
        otherDatabases: new Set(rows.filter((row) => !row.own).map((row) => row.pid)),
      };
    },
    close: () => sql.end({ timeout: 5 }),
  };
}

export type PostgresProbe = Awaited<ReturnType<typeof openPostgresProbe>>;
