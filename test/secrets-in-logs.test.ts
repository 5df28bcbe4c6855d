import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exchange, signInToConsole } from '../shared/testing/console-sign-in.js';
import { pgSchema } from 'drizzle-orm/pg-core';
import { signingKeys } from '../gateway/db/schema.js';
import { embeddedStore, openEmbeddedPostgres } from '../shared/db/database.js';
import { STORE_NAMES } from '../shared/db/migrations.js';
import { KeySealer } from '../shared/keys/sealing.js';
import { serviceKeysTable } from '../shared/keys/table.js';
import { jsonLines, startHubProcess, type HubProcess } from './helpers/hub-process.js';

let hub: HubProcess | undefined;
afterAll(async () => {
  await hub?.remove();
});

/** The private members of every key the hub made, unsealed with the KEKs the test gave it. */
async function privateKeyMaterial(dataDir: string, keks: Record<string, string>): Promise<string[]> {
  const client = await openEmbeddedPostgres(join(dataDir, 'pglite'));
  try {
    const store = embeddedStore(client);
    const material: string[] = [];
    for (const name of STORE_NAMES) {
      const sealer = KeySealer.fromSecret(name, keks[name]!);
      const rows = await store.db.select().from(serviceKeysTable(pgSchema(name)));
      const sealed = rows.map((row) => [row.kid, row.privateKeySealed] as const);
      if (name === 'gateway') {
        const tokenKeys = await store.db.select().from(signingKeys);
        sealed.push(...tokenKeys.map((row) => [row.kid, row.privateKeySealed ?? ''] as const));
      }
      for (const [kid, blob] of sealed) {
        // EC and OKP private keys have one private member, `d`.
        const { d } = await sealer.unseal(kid, blob);
        if (d) material.push(d);
      }
    }
    // One Ed25519 key per service and the gateway's token key at least.
    expect(material.length).toBeGreaterThanOrEqual(STORE_NAMES.length + 1);
    return material;
  } finally {
    await client.close();
  }
}

describe('logs', () => {
  it("never carry a client secret, a person's password, an access or refresh token, a key-encryption key or a private key, even at trace level", async () => {
    const keks = Object.fromEntries(STORE_NAMES.map((name) => [name, randomBytes(32).toString('hex')]));
    hub = await startHubProcess(
      Object.fromEntries(
        STORE_NAMES.map((name) => [`${name.toUpperCase()}_KEY_ENCRYPTION_KEY`, keks[name]!]),
      ),
    );
    const { base, dataDir } = hub;
    const refreshTokens: string[] = [];
    let output = '';
    try {
      const credentials = await hub.demoClients();
      const officer = credentials.find((client) => client.clientId === 'kp2mi-case-officer')!;
      const tokenRequest = (secret: string) =>
        fetch(`${base}/oauth/token`, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            authorization: `Basic ${Buffer.from(`${officer.clientId}:${secret}`).toString('base64')}`,
          },
          body: 'grant_type=client_credentials',
        });
      const wrongSecret = `wrong-${randomBytes(12).toString('hex')}`;
      expect((await tokenRequest(wrongSecret)).status).toBe(401);
      // The secret in the form body too, as some clients send it.
      await fetch(`${base}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `grant_type=client_credentials&client_id=${officer.clientId}&client_secret=${officer.clientSecret}`,
      });
      const { access_token: token } = (await (await tokenRequest(officer.clientSecret)).json()) as {
        access_token: string;
      };
      expect(token).toMatch(/^ey/);
      const graphql = (authorization: string, query: string) =>
        fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization },
          body: JSON.stringify({ query }),
        });
      expect((await graphql(`Bearer ${token}`, '{ cases(first: 2) { edges { node { id } } } }')).status).toBe(
        200,
      );
      // A failing request is logged with more detail than a good one.
      await graphql(`Bearer ${token}`, '{ workers(first: -1) { edges { node { nik } } } }');
      await graphql(`Bearer ${token}x`, '{ __typename }');
      await graphql(`Bearer ${token}`, '{ broken');
      // A GET request carries its operation and variables in the URL: none of it reaches a log.
      const query = encodeURIComponent('query($nik: String!) { workerByNik(nik: $nik) { id } }');
      const variables = encodeURIComponent(JSON.stringify({ nik: '3507119912990001' }));
      await fetch(`${base}/graphql?query=${query}&variables=${variables}`, {
        headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' },
      });
      // A person signing in to the console: a wrong password, the right one, a refresh.
      const people = await hub.demoPeople();
      const person = people.find((candidate) => candidate.role === 'LTSA_OFFICER')!;
      await signInToConsole(base, person.username, 'a-wrong-password-123');
      const signedIn = await signInToConsole(base, person.username, person.password);
      expect(signedIn.tokens?.refresh_token).toBeTruthy();
      refreshTokens.push(signedIn.tokens!.refresh_token);
      const renewed = (await (
        await exchange(base, { grant_type: 'refresh_token', refresh_token: signedIn.tokens!.refresh_token })
      ).json()) as { refresh_token: string };
      refreshTokens.push(renewed.refresh_token);
    } finally {
      output = await hub.stop();
    }

    const logLines = jsonLines(output);
    const completed = logLines.filter((line) => line.includes('"request completed"'));
    expect(completed.some((line) => line.includes('"path":"/oauth/token"'))).toBe(true);
    expect(completed.some((line) => line.includes('"path":"/graphql"'))).toBe(true);
    const credentials = await hub.demoClients();
    const people = await hub.demoPeople();
    const secrets = [
      ...Object.values(keks),
      ...(await privateKeyMaterial(dataDir, keks)),
      ...credentials.map((client) => client.clientSecret),
      ...people.map((person) => person.password),
      'a-wrong-password-123',
      ...refreshTokens,
    ];
    for (const line of logLines) {
      for (const secret of secrets) expect(line).not.toContain(secret);
      // No JWT (three base64url parts, the first an encoded JSON header).
      expect(line).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/);
      expect(line).not.toMatch(/wrong-[0-9a-f]{24}/);
      expect(line).not.toContain('3507119912990001');
    }
  }, 240_000);
});
