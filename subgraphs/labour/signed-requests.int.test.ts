import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { bearer, errorCodes, postGraphQL } from '../../shared/testing/graphql-client.js';
import { operationAsGateway, signedAsGateway } from '../../shared/testing/gateway-request.js';
import { startSubgraph, type SubgraphHarness } from '../../shared/testing/subgraph-harness.js';
import { createSubgraph } from './server.js';

// Issue 13, point 2: the gateway's signature on a fetch is good for that one request, to this
// subgraph, for this caller, once and shortly. Every variation of a captured request is refused.

const MINISTRY = { kind: 'MINISTRY' } as const;
const BLITAR_OFFICE = { kind: 'LABOUR_OFFICE', regionCode: '35.05' } as const;
const QUERY = '{ workers(first: 1) { totalCount } }';

let hub: SubgraphHarness;
beforeAll(async () => {
  hub = await startSubgraph(createSubgraph);
});
afterAll(async () => {
  await hub.close();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A request as the gateway sends it to labour, captured: its headers and body as they went. */
async function captured(query = QUERY, extra: Record<string, string> = {}) {
  const headers = { ...bearer(await hub.token(MINISTRY)), ...extra };
  return { query, headers: await operationAsGateway(hub.peerKeys.gateway, 'labour', query, {}, headers) };
}

const send = (query: string, headers: Record<string, string>) => postGraphQL(hub.url, query, {}, headers);

function expectRefused(response: Awaited<ReturnType<typeof send>>, reason: RegExp) {
  expect(response.status).toBe(401);
  expect(errorCodes(response)).toEqual(['INVALID_SIGNATURE']);
  expect(response.errors[0]?.message).toMatch(reason);
  expect(response.data ?? null).toBeNull();
}

describe("the gateway's signed requests", () => {
  it('are answered once, and a replay of the same request is refused', async () => {
    const request = await captured();
    const first = await send(request.query, request.headers);
    expect(first.status).toBe(200);
    expect(first.errors).toEqual([]);
    expectRefused(await send(request.query, request.headers), /replay/);
  });

  it('are refused when meant for another subgraph', async () => {
    const headers = await operationAsGateway(
      hub.peerKeys.gateway,
      'training',
      QUERY,
      {},
      {
        ...bearer(await hub.token(MINISTRY)),
      },
    );
    expectRefused(await send(QUERY, headers), /aud/);
  });

  it("are refused with another client's token", async () => {
    const request = await captured();
    const other = { ...request.headers, ...bearer(await hub.token(BLITAR_OFFICE)) };
    expectRefused(await send(request.query, other), /another token/);
  });

  it('are refused with another body', async () => {
    const request = await captured();
    expectRefused(await send('{ workers(first: 2) { totalCount } }', request.headers), /body/);
  });

  it('are refused at another path or with a vouched header changed', async () => {
    const token = bearer(await hub.token(MINISTRY));
    const body = JSON.stringify({ query: QUERY, variables: {} });
    const elsewhere = await signedAsGateway(hub.peerKeys.gateway, {
      audience: 'labour',
      body,
      headers: token,
      path: '/graphql?batch=1',
    });
    expectRefused(await send(QUERY, elsewhere), /path/);
    const request = await captured(QUERY, { 'x-purpose': 'Case follow-up' });
    expectRefused(await send(QUERY, { ...request.headers, 'x-purpose': 'Something else' }), /headers/);
  });

  it('are refused once older than the window', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() - 120_000);
    const request = await captured();
    vi.useRealTimers();
    expectRefused(await send(request.query, request.headers), /iat|exp/);
  });

  it("are refused when signed with another service's key", async () => {
    const headers = await operationAsGateway(
      hub.peerKeys.labour,
      'labour',
      QUERY,
      {},
      {
        ...bearer(await hub.token(MINISTRY)),
      },
    );
    expectRefused(await send(QUERY, headers), /gateway service/);
  });

  it('are refused when the signature is not one at all', async () => {
    const request = await captured();
    const garbled = { ...request.headers, 'x-hub-gateway-signature': 'sha256=deadbeef' };
    expectRefused(await send(request.query, garbled), /gateway service/);
  });

  it('leave a request without any signature to the direct limits, answered as any caller', async () => {
    const response = await send(QUERY, bearer(await hub.token(MINISTRY)));
    expect(response.status).toBe(200);
    expect(response.errors).toEqual([]);
  });
});
