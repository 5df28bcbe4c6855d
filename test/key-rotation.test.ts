import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keySealerFor } from '../shared/keys/sealing.js';
import { rotateServiceKey } from '../shared/keys/service-keys.js';
import { operationAsGateway } from '../shared/testing/gateway-request.js';
import { bearer, postGraphQL } from '../shared/testing/graphql-client.js';
import { dataOf, startTestHub, type TestClient, type TestHub } from './helpers/hub.js';

// Issue 13, point 1: a service's key rotates while the hub runs, and nobody notices. The subgraphs
// hold the gateway's key set from its first request and meet the new key id only afterwards.

const QUERY = '{ workers(first: 1) { totalCount } }';

let hub: TestHub;
let ministry: TestClient;
beforeAll(async () => {
  hub = await startTestHub();
  ministry = await hub.client('MINISTRY');
}, 120_000);
afterAll(async () => {
  await hub.close();
});

describe("rotating the gateway's service key on a running hub", () => {
  it('keeps every subgraph answering, with requests signed by the new key', async () => {
    const before = hub.gateway.serviceKeys.activeKid;
    expect(dataOf(await ministry.query(QUERY))).toMatchObject({
      workers: { totalCount: expect.any(Number) },
    });

    const next = await rotateServiceKey(
      hub.stores.gateway.db,
      'gateway',
      keySealerFor(hub.config, 'gateway'),
    );
    await hub.gateway.serviceKeys.reload();
    expect(hub.gateway.serviceKeys.activeKid).toBe(next);
    expect(next).not.toBe(before);
    // Every subgraph has the old key set cached; each fetches the new one on meeting the new kid.
    const everyone =
      '{ workers(first: 1) { edges { node { id cases { id } enrollments { id } mentoringSessions { date } } } } }';
    const response = await ministry.query(everyone);
    expect(response.errors).toEqual([]);

    // What the old key signs is still accepted while it is published (it signed just before the switch).
    const oldSigned = await operationAsGateway(
      hub.gateway.serviceKeys,
      'labour',
      QUERY,
      {},
      bearer(await ministry.token()),
    );
    expect(dataOf(await postGraphQL(hub.subgraphUrls.labour, QUERY, {}, oldSigned))).toMatchObject({
      workers: { totalCount: expect.any(Number) },
    });
    const published = (await (await fetch(`${hub.gatewayUrl}/.well-known/hub-keys.json`)).json()) as {
      keys: { kid: string; d?: string }[];
    };
    expect(published.keys.map((key) => key.kid)).toEqual(expect.arrayContaining([before, next]));
    expect(published.keys.every((key) => key.d === undefined)).toBe(true);
  });
});
