import { announce, exitOnStartFailure, stopOnSignal } from './signal.js';

/** Stock @apollo/gateway as a peer in the benchmark (see apollo-stock-gateway.ts). */
const stop = stopOnSignal();

async function main(): Promise<void> {
  // Loaded after the signal handler: @apollo/gateway takes seconds to import on a busy machine.
  const { readPeerGatewayEnvironment } = await import('./environment.js');
  const { startApolloStockGateway } = await import('./apollo-stock-gateway.js');
  const { port, supergraphSdl } = readPeerGatewayEnvironment();
  const gateway = await startApolloStockGateway({ supergraphSdl, port });
  stop.onStop(() => gateway.stop());
  announce('apollo-stock', port);
}

main().catch((error: unknown) => exitOnStartFailure('apollo-stock', error));
