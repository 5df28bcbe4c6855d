/** The gateways measured side by side, in the order the report lists them. */
export const GATEWAY_NAMES = ['hub', 'apollo-stock', 'hive-js', 'hive-rust', 'floor'] as const;
export type GatewayName = (typeof GATEWAY_NAMES)[number];

/** One workload through one gateway at one data size. */
export interface GatewayRun {
  readonly workload: string;
  readonly gateway: GatewayName;
  readonly workers: number;
  readonly connections: number;
  /** `not measured` carries the reason (a planner that cannot run here, a failed start). */
  readonly status: 'measured' | 'not measured';
  readonly reason?: string;
  readonly requests: number;
  readonly rps: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly errors: number;
  readonly non2xx: number;
  /** SQL statements the four subgraphs issued per request during the measured run. */
  readonly sqlPerRequest: number | null;
  /** `VmHWM` of the gateway process (a fresh process per workload). */
  readonly peakMemoryMb: number | null;
  /** Whether the answer equals the hub's (reads only; null when not compared). */
  readonly sameDataAsHub: boolean | null;
  readonly difference?: string;
}

/** Cost of a workload at one data size: p50 at one connection, and SQL statements per request. */
export interface GrowthPoint {
  readonly workload: string;
  readonly workers: number;
  readonly p50Ms: number;
  readonly sqlPerRequest: number | null;
  /** Set when the hub could not answer the workload at this size (then nothing was measured). */
  readonly failure?: string;
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
  readonly quick: boolean;
  readonly notes: readonly string[];
}

export interface BenchResults {
  readonly machine: Machine;
  readonly parameters: Parameters;
  readonly results: readonly GatewayRun[];
  readonly growth: readonly GrowthPoint[];
  /** Workload (b) on the hub with the access log on and off. */
  readonly accessLog: { readonly onRps: number; readonly offRps: number } | null;
  /** Workload (b) with first: 10 and first: 100 on the hub. */
  readonly batching: { readonly first10SqlPerRequest: number; readonly first100SqlPerRequest: number } | null;
  /** `npm start` (embedded PostgreSQL) under a short load. */
  readonly embeddedHub: { readonly peakMb: number; readonly rps: number; readonly workload: string } | null;
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
