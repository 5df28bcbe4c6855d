import { announce, exitOnStartFailure, stopOnSignal } from './signal.js';

/** Hive Gateway (MIT) as a peer in the benchmark; `BENCH_HIVE_PLANNER=js|rust` picks the query planner. */
const name = `hive-${process.env['BENCH_HIVE_PLANNER'] ?? 'js'}`;
const stop = stopOnSignal();

async function main(): Promise<void> {
  // Loaded after the signal handler: Hive Gateway takes seconds to import on a busy machine.
  const { z } = await import('zod');
  const { readPeerGatewayEnvironment } = await import('./environment.js');
  const { startHiveGateway } = await import('./hive-runtime.js');
  const planner = z.enum(['js', 'rust']).parse(process.env['BENCH_HIVE_PLANNER'] ?? 'js');
  const { port, supergraphSdl } = readPeerGatewayEnvironment();
  const gateway = await startHiveGateway({ supergraphSdl, planner, port });
  stop.onStop(() => gateway.stop());
  announce(name, port);
}

main().catch((error: unknown) => exitOnStartFailure(name, error));
