import type { HubConfig, SubgraphName } from '../shared/config.js';
import type { Store } from '../shared/db/database.js';

async function probe(url: string, timeoutMs: number): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

/** Where a subgraph answers its readiness probe, next to its GraphQL endpoint. */
export function readinessUrl(graphqlUrl: string): string {
  return new URL('ready', graphqlUrl.replace(/\/graphql\/?$/, '/')).toString();
}

/**
 * Ready when the gateway's own store answers and every subgraph reports ready. The details name
 * each subgraph, so an operator sees which institution's service is down.
 */
export function gatewayReadiness(
  config: HubConfig,
  store: Store,
  subgraphUrls: Record<SubgraphName, string>,
) {
  return async () => {
    const [storeReady, ...subgraphs] = await Promise.all([
      store.ping().then(
        () => true,
        () => false,
      ),
      ...Object.entries(subgraphUrls).map(
        async ([name, url]) => [name, await probe(readinessUrl(url), 2_000)] as const,
      ),
    ]);
    const details = Object.fromEntries(
      subgraphs.map(([name, ready]) => [name, ready ? 'ready' : 'unavailable']),
    );
    void config;
    return {
      ready: storeReady && subgraphs.every(([, ready]) => ready),
      details: { store: storeReady ? 'ready' : 'unavailable', subgraphs: details },
    };
  };
}
