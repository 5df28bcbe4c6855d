import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SERVICE_CALL_HEADER, signServiceCall } from '../shared/http/service-call.js';
import type { ServiceKeyRing } from '../shared/keys/service-keys.js';
import { operationAsGateway } from '../shared/testing/gateway-request.js';
import { bearer, errorCodes, postGraphQL, type GraphQLResponse } from '../shared/testing/graphql-client.js';
import { dataOf, startTestHub, type TestClient, type TestHub } from './helpers/hub.js';

// Issue 13, point 2, across the running hub: what the gateway signs for one subgraph, one caller
// and one moment is refused anywhere else, and a service's own calls are signed with its own key.

const QUERY = '{ workers(first: 1) { totalCount } }';

let hub: TestHub;
let ministry: TestClient;
let office: TestClient;
beforeAll(async () => {
  hub = await startTestHub();
  ministry = await hub.client('MINISTRY');
  office = await hub.client('LABOUR_OFFICE');
}, 120_000);
afterAll(async () => {
  await hub.close();
});
afterEach(() => {
  vi.useRealTimers();
});

function expectRefused(response: GraphQLResponse<unknown>, reason: RegExp) {
  expect(response.status).toBe(401);
  expect(errorCodes(response)).toEqual(['INVALID_SIGNATURE']);
  expect(response.errors[0]?.message).toMatch(reason);
}

/** A fetch the gateway signed for labour, as someone on the internal network captured it. */
async function capturedForLabour(ring: ServiceKeyRing = hub.gateway.serviceKeys) {
  const caller = bearer(await ministry.token());
  return operationAsGateway(ring, 'labour', QUERY, {}, caller);
}

describe('a captured gateway fetch, sent again by an insider', () => {
  it('is refused the second time', async () => {
    const headers = await capturedForLabour();
    expect(dataOf(await postGraphQL(hub.subgraphUrls.labour, QUERY, {}, headers))).toMatchObject({
      workers: { totalCount: expect.any(Number) },
    });
    expectRefused(await postGraphQL(hub.subgraphUrls.labour, QUERY, {}, headers), /replay/);
  });

  it('is refused by another subgraph', async () => {
    const headers = await capturedForLabour();
    expectRefused(await postGraphQL(hub.subgraphUrls.ministry, QUERY, {}, headers), /aud/);
  });

  it("is refused with another client's token", async () => {
    const headers = { ...(await capturedForLabour()), ...bearer(await office.token()) };
    expectRefused(await postGraphQL(hub.subgraphUrls.labour, QUERY, {}, headers), /another token/);
  });

  it('is refused with its body altered', async () => {
    const headers = await capturedForLabour();
    const altered = '{ workers(first: 50) { totalCount } }';
    expectRefused(await postGraphQL(hub.subgraphUrls.labour, altered, {}, headers), /body/);
  });

  it('is refused once stale', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() - (hub.config.keys.signedRequestWindowSeconds + 60) * 1000);
    const headers = await capturedForLabour();
    vi.useRealTimers();
    expectRefused(await postGraphQL(hub.subgraphUrls.labour, QUERY, {}, headers), /iat|exp/);
  });

  it('is refused when another service signed it with its own key, as if it were the gateway', async () => {
    const headers = await capturedForLabour(hub.subgraphs.training.serviceKeys);
    expectRefused(await postGraphQL(hub.subgraphUrls.labour, QUERY, {}, headers), /gateway service/);
  });

  it('leaves the gateway itself answering its clients', async () => {
    const response = await ministry.query(QUERY);
    expect(dataOf(response)).toMatchObject({ workers: { totalCount: expect.any(Number) } });
  });
});

describe("a service's own call through the gateway", () => {
  async function serviceCall(ring: ServiceKeyRing, body: string, token: string) {
    const signature = await signServiceCall(
      ring,
      { path: '/graphql', body, authorization: `Bearer ${token}` },
      hub.config.keys.signedRequestWindowSeconds,
    );
    return { 'content-type': 'application/json', ...bearer(token), [SERVICE_CALL_HEADER]: signature };
  }
  const post = async (body: string, headers: Record<string, string>) => {
    const response = await fetch(hub.url, { method: 'POST', headers, body });
    return { status: response.status, ...((await response.json()) as object) } as GraphQLResponse<unknown>;
  };
  const bodyOf = (query: string) => JSON.stringify({ query, variables: {} });

  it("is accepted once, signed with the calling subgraph's own key", async () => {
    const token = await ministry.token();
    const headers = await serviceCall(hub.subgraphs.labour.serviceKeys, bodyOf(QUERY), token);
    const first = await post(bodyOf(QUERY), headers);
    expect(first.status).toBe(200);
    expectRefused(await post(bodyOf(QUERY), headers), /replay/);
  });

  it('is refused with another body, or signed by a service that is not a subgraph', async () => {
    const token = await ministry.token();
    const headers = await serviceCall(hub.subgraphs.labour.serviceKeys, bodyOf(QUERY), token);
    const refused = await post(bodyOf('{ workers(first: 9) { totalCount } }'), headers);
    expect(refused.status).toBe(401);
    expect(errorCodes(refused)).toEqual(['INVALID_SIGNATURE']);
    const byGateway = await serviceCall(hub.gateway.serviceKeys, bodyOf(QUERY), token);
    const notASubgraph = await post(bodyOf(QUERY), byGateway);
    expect(errorCodes(notASubgraph)).toEqual(['INVALID_SIGNATURE']);
    expect(notASubgraph.errors[0]?.message).toMatch(/issuer/);
  });
});
