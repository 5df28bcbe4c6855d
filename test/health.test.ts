import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from './helpers/hub.js';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub.close();
});

async function get(path: string) {
  const response = await fetch(`${hub.gatewayUrl}${path}`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('gateway health, readiness and metrics', () => {
  it('is alive, and ready while its store and all four subgraphs are', async () => {
    expect(await get('/health')).toEqual({ status: 200, body: { status: 'ok', service: 'gateway' } });
    const ready = await get('/ready');
    expect(ready.status).toBe(200);
    expect(ready.body['subgraphs']).toEqual({
      labour: 'ready',
      ministry: 'ready',
      training: 'ready',
      university: 'ready',
    });
  });

  it('serves Prometheus metrics without payloads', async () => {
    const response = await fetch(`${hub.gatewayUrl}/metrics`);
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(text).toContain('hub_http_requests_total');
    expect(text).toContain('process_cpu_seconds_total');
  });

  it('reports not ready, naming the subgraph, when one institution service is down', async () => {
    await hub.subgraphs.training.close();
    const ready = await get('/ready');
    expect(ready.status).toBe(503);
    expect(ready.body['subgraphs']).toMatchObject({ training: 'unavailable', labour: 'ready' });
    expect((await get('/health')).status).toBe(200);
  });
});
