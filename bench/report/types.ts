/** The gateways measured side by side, in the order the report lists them. */
export const GATEWAY_NAMES = ['hub', 'apollo-stock', 'hive-js', 'hive-rust', 'floor'] as const;
export type GatewayName = (typeof GATEWAY_NAMES)[number];

/** CPU milliseconds per request of each process of a measured window (bench/cpu.ts). */
export interface CpuFigures {
  /** The gateway process (for the floor: its minimal SQL client). */
  readonly gatewayMs: number | null;
  /** Each subgraph process by name. */
  readonly subgraphMs: Readonly<Record<string, number | null>>;
  readonly subgraphsMs: number | null;
  /** Every PostgreSQL process: backends, helpers, and backends that ended in the window. */
  readonly postgresMs: number | null;
  /** PostgreSQL by line: `postgres backend labour`, `postgres walwriter`, ... */
  readonly postgresLines: Readonly<Record<string, number>>;
  readonly totalMs: number | null;
}

/** What one round measured of one workload through one gateway. */
export interface RoundFigures {
  readonly round: number;
  /** Requests answered. */
  readonly requests: number;
  /** Requests sent (all answered by the servers once the run settled; CPU is divided by these). */
  readonly sent: number;
  readonly rps: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly errors: number;
  readonly non2xx: number;
  readonly sqlPerRequest: number | null;
  readonly peakMemoryMb: number | null;
  /** Null when nothing was answered or /proc could not be read. */
  readonly cpu: CpuFigures | null;
}

/** The smallest and largest value of a figure over the rounds that answered. */
export type Range = readonly [min: number, max: number];

/** One workload through one gateway at one data size, over every round. */
export interface GatewayRun {
  readonly workload: string;
  readonly gateway: GatewayName;
  readonly workers: number;
  readonly connections: number;
  /**
   * `measured`: at least one round was answered (figures are medians of those rounds);
   * `no answer`: no round got a single answer within its measured seconds; `not measured` carries
   * the reason (a planner that cannot run here, a failed start, the hub's own answer failing).
   */
  readonly status: 'measured' | 'no answer' | 'not measured';
  readonly reason?: string;
  /** Seconds each measured round lasted, for `no answer within N s`. */
  readonly seconds?: number;
  /** Rounds measured, and of them how many got no answer at all. */
  readonly rounds?: number;
  readonly roundsWithoutAnswer?: number;
  /** Medians over the answered rounds. */
  readonly requests: number;
  readonly rps: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  /** Summed over the rounds. */
  readonly errors: number;
  readonly non2xx: number;
  /** SQL statements the subgraphs (or the floor) issued per request sent. */
  readonly sqlPerRequest: number | null;
  /** Highest `VmHWM` of the gateway process over the rounds (a fresh process per round and workload). */
  readonly peakMemoryMb: number | null;
  /** Medians of each CPU figure over the answered rounds. */
  readonly cpu?: CpuFigures | null;
  /** Min and max over the answered rounds: `rps`, `p50Ms`, `gatewayMs`, `subgraphsMs`, `postgresMs`, `totalMs`. */
  readonly range?: Readonly<Record<string, Range>>;
  readonly perRound?: readonly RoundFigures[];
  /** Whether the answer equals the hub's (reads only; null when not compared). */
  readonly sameDataAsHub: boolean | null;
  readonly difference?: string;
  /** Set when the difference is what peer router mode withholds by design (README "Peer router mode"). */
  readonly peerRouterLimit?: string;
}

/** Cost of a workload at one data size at one connection: p50, CPU and SQL per request (medians of the rounds). */
export interface GrowthPoint {
  readonly workload: string;
  readonly workers: number;
  readonly p50Ms: number;
  readonly sqlPerRequest: number | null;
  /** Total CPU ms per request (gateway + subgraphs + PostgreSQL). */
  readonly cpuMs?: number | null;
  readonly cpu?: CpuFigures | null;
  readonly range?: Readonly<Record<string, Range>>;
  readonly rounds?: number;
  /** Set when no round got an answer within its seconds. */
  readonly noAnswerWithinSeconds?: number;
  /** Set when the hub could not answer the workload at this size (then nothing was measured). */
  readonly failure?: string;
}

/** Self time of one process's CPU profile(s), by package. */
export interface ProfileSummary {
  /** `<workload>.<contender>.<process>` (`b-kecamatan-list.hub.labour`), rounds merged. */
  readonly process: string;
  readonly files: number;
  /** Self time of everything but (idle), in ms. */
  readonly totalMs: number;
  /** The largest packages first. */
  readonly packages: readonly ProfileLine[];
  /** The largest functions first (`name (package)`). */
  readonly functions?: readonly ProfileLine[];
}

export interface ProfileLine {
  readonly name: string;
  readonly selfMs: number;
  readonly share: number;
}

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGb: number;
  readonly os: string;
  readonly node: string;
  readonly postgres: string;
  readonly date: string;
}

export interface Parameters {
  readonly sizes: readonly number[];
  /** The data size the side-by-side comparison ran at. */
  readonly mainWorkers: number;
  readonly connections: number;
  readonly warmupSeconds: number;
  readonly seconds: number;
  readonly growthConnections: number;
  /** Interleaved rounds: every contender once per workload in round 1, then round 2, ... */
  readonly rounds?: number;
  readonly quick: boolean;
  readonly notes: readonly string[];
}

export interface BenchResults {
  readonly machine: Machine;
  readonly parameters: Parameters;
  readonly results: readonly GatewayRun[];
  readonly growth: readonly GrowthPoint[];
  /** Workload (b) on the hub with the access log on and off: req/s and total CPU ms per request. */
  readonly accessLog: {
    readonly onRps: number;
    readonly offRps: number;
    readonly onCpuMs?: number | null;
    readonly offCpuMs?: number | null;
  } | null;
  /** Workload (b) with first: 10 and first: 100 on the hub. */
  readonly batching: { readonly first10SqlPerRequest: number; readonly first100SqlPerRequest: number } | null;
  /** `npm start` (embedded PostgreSQL) under a short load. */
  readonly embeddedHub: { readonly peakMb: number; readonly rps: number; readonly workload: string } | null;
  /** `--cpu-prof`: self time by package per process. */
  readonly profiles?: readonly ProfileSummary[];
}

export interface Target {
  readonly name: string;
  /** The measured value; null when it could not be measured in this run. */
  readonly value: number | null;
  readonly goal: string;
  readonly met: boolean;
  /** How far off a missed target is, or why it was not measured. */
  readonly note: string;
}
