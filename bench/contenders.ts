import { join } from 'node:path';
import { freePort } from '../shared/testing/ports.js';
import type { HubStack } from './hub-stack.js';
import { launch, ROOT, tail, waitUntilAnswering, type BenchProcess } from './processes.js';
import type { GatewayName } from './report/types.js';

export interface ContenderContext {
  readonly stack: HubStack;
  readonly logDir: string;
  /** The workload this process serves (the floor runs that workload's statements). */
  readonly workload: string;
  readonly label: string;
  /** Node flags by label (an inspector under `--cpu-prof`). */
  readonly nodeArgs?: (label: string) => readonly string[];
}

const PEER_ENTRY: Readonly<Record<Exclude<GatewayName, 'hub'>, string>> = {
  'apollo-stock': 'bench/gateways/apollo-stock.ts',
  'hive-js': 'bench/gateways/hive.ts',
  'hive-rust': 'bench/gateways/hive.ts',
  floor: 'bench/floor.ts',
};

/**
 * Starts one gateway to measure, as a fresh process (so that its peak memory belongs to one
 * workload), on the stack's supergraph and subgraphs. Rejects with the process's last log line
 * when it cannot start (the Rust planner says why it cannot run here).
 */
export async function startContender(gateway: GatewayName, context: ContenderContext): Promise<BenchProcess> {
  const port = await freePort();
  if (gateway === 'hub') return context.stack.startHubGateway(context.label, port);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HOME: process.env['HOME'],
    NODE_ENV: 'production',
    APOLLO_TELEMETRY_DISABLED: '1',
    BENCH_GATEWAY_PORT: String(port),
    BENCH_SUPERGRAPH_PATH: join(ROOT, 'schema/supergraph.graphql'),
    BENCH_SUBGRAPH_URLS: JSON.stringify(context.stack.subgraphUrls),
    ...(gateway === 'hive-js' || gateway === 'hive-rust'
      ? { BENCH_HIVE_PLANNER: gateway === 'hive-js' ? 'js' : 'rust' }
      : {}),
    ...(gateway === 'floor'
      ? { BENCH_FLOOR_WORKLOAD: context.workload, DATABASE_URL: context.stack.databaseUrl }
      : {}),
  };
  const service = launch({
    label: context.label,
    entry: PEER_ENTRY[gateway],
    port,
    env,
    logDir: context.logDir,
    nodeArgs: context.nodeArgs?.(context.label) ?? [],
  });
  try {
    await waitUntilAnswering(service, '/health');
  } catch (error) {
    await service.stop();
    const lastLine =
      tail(service.log(), 1) || (error instanceof Error ? error.message.split('\n')[0] : String(error));
    throw new Error(lastLine ?? 'did not start');
  }
  return service;
}
