import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway, type GatewayService } from '../../gateway/server.js';
import { restrictToTrustedDocuments, trustDocument } from '../../gateway/trusted-documents.js';
import { bearer, errorCodes, postGraphQL } from '../../shared/testing/graphql-client.js';
import { startTestHub, type TestHub } from '../helpers/hub.js';

// Two replicas of the hub's gateway on one database (README "Scale-out"): the hub's own and a
// second one with a store of its own (its own pool on PostgreSQL), as a second process would have.
// Counted in each replica's memory, the limits below would let through twice as much.

let hub: TestHub;
let second: GatewayService;
/** Each replica's base address, in the order requests alternate between them. */
let replicas: [string, string];
beforeAll(async () => {
  // A university client may make 60 requests a minute, 10 in ten seconds; 3 token requests a minute.
  hub = await startTestHub({ env: { RATE_LIMIT_UNIVERSITY: '60', RATE_LIMIT_TOKEN_REQUESTS: '3' } });
  second = await createGateway({
    store: hub.database.store(),
    config: hub.config,
    subgraphUrls: hub.subgraphUrls,
    keys: hub.gateway.keys,
  });
  replicas = [hub.gatewayUrl, await second.listen(0, hub.config.host)];
});
afterAll(async () => {
  await second.close();
  await hub.close();
});

describe('two gateway replicas on one database', () => {
  it("hold a client's limit between them: requests alternated across both get the burst allowance once", async () => {
    const university = await hub.client('UNIVERSITY');
    const token = await university.token();
    const answers = [];
    for (let index = 0; index < 24; index += 1) {
      const replica = index % 2;
      const response = await postGraphQL(
        `${replicas[replica]}/graphql`,
        '{ universities { id } }',
        {},
        bearer(token),
      );
      answers.push({ replica, response });
    }
    const answered = answers.filter(({ response }) => response.status === 200);
    const limited = answers.filter(({ response }) => response.status === 429);
    // The first ten, five at each replica; every later one refused, at both.
    expect(answered.map(({ replica }) => replica)).toEqual([0, 1, 0, 1, 0, 1, 0, 1, 0, 1]);
    expect(limited).toHaveLength(14);
    expect(new Set(limited.map(({ replica }) => replica))).toEqual(new Set([0, 1]));
    for (const { response } of limited) {
      expect(errorCodes(response)).toEqual(['RATE_LIMITED']);
      const retryAfter = Number(response.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(10);
    }
    // Another client of the same kind has its own budget, at either replica.
    const other = await hub.client('UNIVERSITY');
    const otherToken = await other.token();
    for (const base of replicas) {
      expect(
        (await postGraphQL(`${base}/graphql`, '{ universities { id } }', {}, bearer(otherToken))).status,
      ).toBe(200);
    }
  });

  it('hold the token endpoint limit between them', async () => {
    const ministry = await hub.client('MINISTRY');
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1) {
      const response = await fetch(`${replicas[attempt % 2]}/oauth/token`, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: ministry.clientId,
          client_secret: 'wrong',
        }),
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429, 429]);
  });

  it("both apply a client's trusted documents, registered once in the database", async () => {
    const TRUSTED = 'query Registered { universities { id } }';
    const machine = await hub.client('UNIVERSITY');
    await trustDocument(hub.stores.gateway.db, machine.clientId, TRUSTED, 'Registered');
    await restrictToTrustedDocuments(hub.stores.gateway.db, machine.clientId, true);
    const token = await machine.token();
    for (const base of replicas) {
      expect((await postGraphQL(`${base}/graphql`, TRUSTED, {}, bearer(token))).status).toBe(200);
      const other = await postGraphQL(`${base}/graphql`, '{ universities { name } }', {}, bearer(token));
      expect([other.status, errorCodes(other)]).toEqual([403, ['FORBIDDEN']]);
    }
  });
});
