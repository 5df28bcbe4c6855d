import { and, eq, sql } from 'drizzle-orm';
import { importJWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAccessLogs } from '../shared/audit/verify-all.js';
import { verifyAccessChain } from '../shared/audit/verify.js';
import { CHAIN_HEAD_TYP, chainHeadClaims, WITNESS_PATH } from '../shared/audit/witness-head.js';
import { selectRows, type Database } from '../shared/db/database.js';
import { STORE_NAMES, type StoreName } from '../shared/db/migrations.js';
import { keySealerFor } from '../shared/keys/sealing.js';
import { SERVICE_KEY_ALG, serviceIssuer } from '../shared/keys/service-keys.js';
import { witnessedHeads as gatewayHeads } from '../gateway/db/schema.js';
import { accessEvents } from '../subgraphs/labour/db/schema.js';
import { witnessedHeads as ministryHeads } from '../subgraphs/ministry/db/schema.js';
import { serviceKeys as trainingKeys } from '../subgraphs/training/db/schema.js';
import { startTestHub, type TestHub } from './helpers/hub.js';
import { sampleAccessEvent } from '../shared/testing/access-events.js';

let hub: TestHub;
let databases: Record<StoreName, Database>;
beforeAll(async () => {
  hub = await startTestHub();
  databases = Object.fromEntries(STORE_NAMES.map((name) => [name, hub.stores[name].db])) as Record<
    StoreName,
    Database
  >;
});
afterAll(async () => {
  await hub.close();
});

async function logEvents(count: number): Promise<void> {
  for (let index = 0; index < count; index += 1) {
    await hub.stores.labour.db.insert(accessEvents).values(sampleAccessEvent());
  }
}

const labourLine = (lines: readonly string[]) => lines.find((line) => line.startsWith('labour: '));
const witnessUrl = (base: string) => new URL(WITNESS_PATH, base).toString();
const postHead = (base: string, jwt: string) =>
  fetch(witnessUrl(base), { method: 'POST', headers: { 'content-type': 'text/plain' }, body: jwt });

/** As an administrator of labour's database rewrites it: triggers off, content changed, hashes recomputed. */
async function rewriteLabourChainFrom(position: number): Promise<void> {
  const db = hub.stores.labour.db;
  await db.execute(sql`alter table labour.access_events disable trigger user`);
  await db.execute(
    sql`update labour.access_events set client_id = 'someone-else' where position = ${position}`,
  );
  const [{ last } = { last: 0 }] = await selectRows<{ last: number }>(
    db,
    sql`select max(position)::int as "last" from labour.access_events`,
  );
  for (let at = position; at <= last; at += 1) {
    await db.execute(sql`update labour.access_events e
      set prev_hash = coalesce((select p.hash from labour.access_events p where p.position = ${at} - 1), 'genesis')
      where e.position = ${at}`);
    await db.execute(sql`update labour.access_events e set hash = labour.access_event_digest(e.prev_hash, e)
      where e.position = ${at}`);
  }
  await db.execute(sql`alter table labour.access_events enable trigger user`);
}

describe('witnessed access logs', () => {
  it('hands each chain head to the ministry and the gateway, and the chains verify against them', async () => {
    await logEvents(6);
    expect(await hub.subgraphs.labour.chainHeads.publish()).toEqual({
      ministry: 'WITNESSED',
      gateway: 'WITNESSED',
    });
    // Not due again until the chain moves (or N events, or the interval, pass).
    expect(await hub.subgraphs.labour.chainHeads.publish()).toEqual({
      ministry: 'NOT_DUE',
      gateway: 'NOT_DUE',
    });
    await logEvents(4);
    expect(await hub.subgraphs.labour.chainHeads.publish({ force: true })).toEqual({
      ministry: 'WITNESSED',
      gateway: 'WITNESSED',
    });
    // The ministry's own head goes to the gateway alone.
    expect(Object.keys(await hub.subgraphs.ministry.chainHeads.publish({ force: true }))).toEqual([
      'gateway',
    ]);

    for (const [db, table] of [
      [hub.stores.ministry.db, ministryHeads],
      [hub.stores.gateway.db, gatewayHeads],
    ] as const) {
      const held = await db.select().from(table).where(eq(table.service, 'labour'));
      expect(held.map((head) => [head.position, head.refusal])).toEqual([
        [6, null],
        [10, null],
      ]);
    }
    const verification = await verifyAccessLogs(databases);
    expect(verification.intact).toBe(true);
    expect(labourLine(verification.lines)).toBe(
      'labour: intact, 10 events; witnessed up to event 10 (4 heads match)',
    );
  });

  it('refuses a head signed with another service’s key, and one for a log it does not witness', async () => {
    // An operator of training holds training's private key and signs a head claiming to be labour's.
    const [row] = await hub.stores.training.db.select().from(trainingKeys).limit(1);
    const jwk = await keySealerFor(hub.config, 'training').unseal(row!.kid, row!.privateKeySealed);
    const trainingKey = await importJWK(jwk, SERVICE_KEY_ALG);
    const forged = await new SignJWT(chainHeadClaims({ position: 10, hash: 'f'.repeat(64) }))
      .setProtectedHeader({
        alg: SERVICE_KEY_ALG,
        kid: hub.subgraphs.labour.serviceKeys.activeKid,
        typ: CHAIN_HEAD_TYP,
      })
      .setIssuer(serviceIssuer('labour'))
      .setAudience('ministry')
      .setIssuedAt()
      .sign(trainingKey);
    const ministry = new URL(hub.subgraphUrls.ministry).origin;
    for (const base of [ministry, hub.gatewayUrl]) {
      const response = await postHead(base, forged);
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN' } }] });
    }
    // The ministry's own head at the ministry: its own DBA could write those, so it keeps none.
    const own = await hub.subgraphs.ministry.serviceKeys.sign(
      chainHeadClaims({ position: 1, hash: 'a'.repeat(64) }),
      {
        typ: CHAIN_HEAD_TYP,
        audience: 'ministry',
      },
    );
    expect((await postHead(ministry, own)).status).toBe(403);
    // A head of labour meant for the gateway is not one for the ministry.
    const elsewhere = await hub.subgraphs.labour.serviceKeys.sign(
      chainHeadClaims({ position: 10, hash: 'b'.repeat(64) }),
      {
        typ: CHAIN_HEAD_TYP,
        audience: 'gateway',
      },
    );
    expect((await postHead(ministry, elsewhere)).status).toBe(403);
    for (const body of ['', 'not a jwt']) {
      const response = await postHead(ministry, body);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
    }
    const held = await hub.stores.ministry.db
      .select()
      .from(ministryHeads)
      .where(eq(ministryHeads.service, 'labour'));
    expect(held.map((head) => head.hash)).not.toContain('f'.repeat(64));
    expect(held.map((head) => head.hash)).not.toContain('b'.repeat(64));
  });

  it('names the first event after the last good witnessed head when a whole chain is rewritten', async () => {
    await logEvents(3); // 13 events; heads witnessed at 6 and 10
    const [seventh] = await hub.stores.labour.db
      .select()
      .from(accessEvents)
      .where(eq(accessEvents.position, 7));
    await rewriteLabourChainFrom(8);

    // Consistent in itself: the chain alone cannot tell.
    expect((await verifyAccessChain(hub.stores.labour.db, 'labour')).broken).toBeNull();

    const verification = await verifyAccessLogs(databases);
    expect(verification.intact).toBe(false);
    expect(labourLine(verification.lines)).toBe(
      `labour: BROKEN at event 7 (${seventh!.id}): the chain was rewritten after event 6: the ministry witnessed event 10 with another hash; 6 events before it hold`,
    );
    for (const name of ['ministry', 'training', 'university'])
      expect(verification.lines.find((line) => line.startsWith(`${name}: `))).toMatch(/: intact, /);

    // The rewritten chain's own head now contradicts what the witnesses hold: refused, kept as evidence.
    const [{ hash } = { hash: '' }] = await hub.stores.labour.db
      .select({ hash: accessEvents.hash })
      .from(accessEvents)
      .where(eq(accessEvents.position, 10));
    const contradicting = await hub.subgraphs.labour.serviceKeys.sign(
      chainHeadClaims({ position: 10, hash }),
      {
        typ: CHAIN_HEAD_TYP,
        audience: 'ministry',
      },
    );
    const response = await postHead(new URL(hub.subgraphUrls.ministry).origin, contradicting);
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'CONFLICT' } }] });
    const again = await verifyAccessLogs(databases);
    expect(again.lines).toContain(
      `labour: WITNESS: labour signed a head for event 10 that the ministry refused: position 10 was witnessed with another hash (${
        (
          await hub.stores.gateway.db
            .select()
            .from(gatewayHeads)
            .where(and(eq(gatewayHeads.service, 'labour'), eq(gatewayHeads.position, 10)))
        )[0]!.hash
      })`,
    );
  });
});
