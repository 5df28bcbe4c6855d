import { and, eq } from 'drizzle-orm';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, rolesFor, setAccountStatus, unlockAccount, type Role } from '../gateway/accounts.js';
import { seedGateway, seedPeople } from '../gateway/seed.js';
import { buildWorld } from '../scripts/seed/world.js';
import { CONSOLE_CLIENT_ID, suspendClient, reactivateClient } from '../gateway/clients.js';
import { endAccountSessions } from '../gateway/console-sessions.js';
import { oidcPayloads } from '../gateway/db/schema.js';
import { trustDocument } from '../gateway/trusted-documents.js';
import { loadConfig } from '../shared/config.js';
import { SERVICE_CALL_HEADER } from '../shared/http/service-call.js';
import { bearer, errorCodes, postGraphQL } from '../shared/testing/graphql-client.js';
import {
  CookieJar,
  exchange,
  signInToConsole,
  signOut,
  type ConsoleTokens,
} from '../shared/testing/console-sign-in.js';
import { composeNik } from '../shared/validation/nik.js';
import { accessEvents } from '../subgraphs/labour/db/schema.js';
import { dataOf, startTestHub, type TestClient, type TestHub } from './helpers/hub.js';

// People sign in to the console (issue 10, part 1): the authorization code flow with PKCE against
// the hub's own oidc-provider, personal accounts with roles, lockout, sessions that end.

let hub: TestHub;
let office: TestClient;
let ministryId: string;
let serial = 0;
const PASSWORD = 'a long and private phrase';
const WORKER = 'query ConsoleWorker($id: ID!) { worker(id: $id) { fullName nik } }';
const WORKERS = 'query ConsoleWorkers { workers(first: 5) { totalCount } }';

beforeAll(async () => {
  hub = await startTestHub();
  office = await hub.client('LABOUR_OFFICE', { regionCode: '35.07' });
  ministryId = (await hub.client('MINISTRY')).institutionId;
  // The console may run only its own operations; these stand in for them here.
  for (const document of [WORKER, WORKERS])
    await trustDocument(hub.stores.gateway.db, CONSOLE_CLIENT_ID, document);
}, 180_000);
afterAll(async () => {
  await hub.close();
});

async function person(role: Role, institutionId = office.institutionId) {
  serial += 1;
  const username = `person.${serial}`;
  const { account } = await createAccount(hub.stores.gateway.db, {
    institutionId,
    username,
    displayName: `Test Person ${serial}`,
    role,
    password: PASSWORD,
  });
  return { username, account };
}

async function signedIn(
  role: Role,
  institutionId?: string,
): Promise<{ tokens: ConsoleTokens; accountId: string }> {
  const { username, account } = await person(role, institutionId);
  const attempt = await signInToConsole(hub.gatewayUrl, username, PASSWORD);
  if (!attempt.tokens) throw new Error(`sign-in refused: ${attempt.page?.body.slice(0, 200)}`);
  return { tokens: attempt.tokens, accountId: account.id };
}

const graphql = (token: string, query: string, variables: Record<string, unknown> = {}, headers = {}) =>
  postGraphQL(hub.url, query, variables, { ...bearer(token), ...headers });

describe('signing in', () => {
  it("gives an officer a token whose subject is her account and whose scopes are her role's", async () => {
    const { tokens, accountId } = await signedIn('LTSA_OFFICER');
    const claims = decodeJwt(tokens.access_token);
    expect(claims).toMatchObject({
      sub: accountId,
      client_id: CONSOLE_CLIENT_ID,
      institution_id: office.institutionId,
    });
    expect(String(claims['scope']).split(' ').sort()).toEqual(
      [
        'audit:read',
        'cases:read',
        'cases:write',
        'pii:read',
        'stats:read',
        'workers:read',
        'workers:write',
      ].sort(),
    );
    const session = await fetch(`${hub.gatewayUrl}/console/session`, {
      headers: bearer(tokens.access_token),
    });
    expect(await session.json()).toMatchObject({
      accountId,
      role: 'LTSA_OFFICER',
      institution: { id: office.institutionId },
    });
    expect(tokens.refresh_token).toBeTruthy();
  });

  it('maps each role to what its work needs: a ministry analyst reads statistics, not workers', async () => {
    const { tokens } = await signedIn('ANALYST', ministryId);
    expect(decodeJwt(tokens.access_token)['scope']).toBe('stats:read');
    expect(errorCodes(await graphql(tokens.access_token, WORKERS))).toEqual(['FORBIDDEN']);
  });

  it('records the person as the acting subject, whatever header the browser sends', async () => {
    const { tokens, accountId } = await signedIn('LTSA_OFFICER');
    serial += 1;
    const worker = dataOf(
      await office.query<{ registerWorker: { id: string } }>(
        'mutation($input: RegisterWorkerInput!) { registerWorker(input: $input) { id } }',
        {
          input: {
            nik: composeNik('35.07.13', '1990-02-02', 'FEMALE', 9000 + serial),
            fullName: `Console Worker ${serial}`,
            sex: 'FEMALE',
            birthDate: '1990-02-02',
            birthPlace: 'Malang',
            maritalStatus: 'SINGLE',
            education: 'PRIMARY',
            address: 'Jl. Konsol 1',
            villageCode: '35.07.13.2001',
          },
        },
      ),
    ).registerWorker;
    const read = await graphql(
      tokens.access_token,
      WORKER,
      { id: worker.id },
      { 'x-acting-subject': 'someone-else' },
    );
    expect(read.errors).toEqual([]);
    const [event] = await hub.stores.labour.db
      .select()
      .from(accessEvents)
      .where(and(eq(accessEvents.workerId, worker.id), eq(accessEvents.clientId, CONSOLE_CLIENT_ID)));
    expect(event).toMatchObject({ clientId: CONSOLE_CLIENT_ID, actingSubject: accountId });
  });

  it('lets the console run only its own operations, whatever a browser claims to be', async () => {
    const { tokens } = await signedIn('LTSA_OFFICER');
    const response = await graphql(tokens.access_token, '{ workers(first: 1) { totalCount } }');
    expect(response.status).toBe(403);
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    // Only a hub service holds a key for its own narrow calls (labour sending consent facts on);
    // a service-call header that does not hold is refused outright.
    const forged = await graphql(
      tokens.access_token,
      '{ workers(first: 1) { totalCount } }',
      {},
      {
        [SERVICE_CALL_HEADER]: `sha256=${'0'.repeat(64)}`,
      },
    );
    expect(forged.status).toBe(401);
    expect(errorCodes(forged)).toEqual(['INVALID_SIGNATURE']);
  });
});

describe('the demo people', () => {
  it('are one person per role and institution kind, and each can sign in with the password the seed printed', async () => {
    const world = buildWorld({ workers: 0 });
    await seedGateway(hub.stores.gateway.db, world);
    const people = await seedPeople(hub.stores.gateway.db, world);
    expect(people.map((person) => `${person.institutionKind} ${person.role}`).sort()).toEqual(
      (['LABOUR_OFFICE', 'MINISTRY', 'TRAINING_PROVIDER', 'UNIVERSITY'] as const)
        .flatMap((kind) => rolesFor(kind).map((role) => `${kind} ${role}`))
        .sort(),
    );
    for (const demo of people) {
      const attempt = await signInToConsole(hub.gatewayUrl, demo.username, demo.password);
      const session = await fetch(`${hub.gatewayUrl}/console/session`, {
        headers: bearer(attempt.tokens?.access_token ?? ''),
      });
      expect(await session.json(), demo.username).toMatchObject({
        role: demo.role,
        institution: { id: demo.institutionId },
      });
    }
  }, 120_000);
});

describe('refusals at sign-in', () => {
  it('answers a wrong password and an unknown username alike, in Indonesian', async () => {
    const { username } = await person('LTSA_OFFICER');
    for (const [name, password] of [
      [username, 'not the password at all'],
      ['nobody.here', PASSWORD],
    ] as const) {
      const attempt = await signInToConsole(hub.gatewayUrl, name, password);
      expect(attempt.tokens).toBeUndefined();
      expect(attempt.page?.status).toBe(401);
      expect(attempt.page?.body).toContain('Nama pengguna atau kata sandi salah.');
    }
  });

  it('locks an account after five failed attempts, refuses even the right password while locked, and unlocks', async () => {
    const { username, account } = await person('LTSA_OFFICER');
    for (let attempt = 0; attempt < 4; attempt += 1)
      await signInToConsole(hub.gatewayUrl, username, 'wrong wrong wrong');
    const fifth = await signInToConsole(hub.gatewayUrl, username, 'wrong wrong wrong');
    expect(fifth.page?.body).toContain('Akun ini dikunci sementara');
    const right = await signInToConsole(hub.gatewayUrl, username, PASSWORD);
    expect(right.tokens).toBeUndefined();
    expect(right.page?.body).toContain('Akun ini dikunci sementara');
    await unlockAccount(hub.stores.gateway.db, account.id);
    expect((await signInToConsole(hub.gatewayUrl, username, PASSWORD)).tokens).toBeDefined();
  });

  it('refuses a code presented with the wrong PKCE verifier', async () => {
    const { username } = await person('LTSA_OFFICER');
    await expect(
      signInToConsole(hub.gatewayUrl, username, PASSWORD, { verifier: 'x'.repeat(43) }),
    ).resolves.toMatchObject({
      tokens: { error: 'invalid_grant' },
    });
  });

  it('refuses an authorization request without PKCE or for a callback the console does not have', async () => {
    const base = {
      client_id: CONSOLE_CLIENT_ID,
      response_type: 'code',
      scope: 'openid',
      resource: 'urn:migran-center:hub',
      state: 's',
    };
    const noPkce = await fetch(
      `${hub.gatewayUrl}/oauth/auth?${new URLSearchParams({ ...base, redirect_uri: `${hub.gatewayUrl}/callback` })}`,
      { redirect: 'manual' },
    );
    expect(new URL(noPkce.headers.get('location') ?? '', hub.gatewayUrl).searchParams.get('error')).toBe(
      'invalid_request',
    );
    const elsewhere = await fetch(
      `${hub.gatewayUrl}/oauth/auth?${new URLSearchParams({
        ...base,
        redirect_uri: 'https://attacker.example/callback',
        code_challenge: 'x'.repeat(43),
        code_challenge_method: 'S256',
      })}`,
      { redirect: 'manual' },
    );
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.headers.get('location')).toBeNull();
  });
});

describe('sessions', () => {
  it('rotates refresh tokens, and a refresh token used twice ends the session', async () => {
    const { tokens } = await signedIn('LTSA_OFFICER');
    const renewed = (await (
      await exchange(hub.gatewayUrl, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token })
    ).json()) as ConsoleTokens;
    expect(renewed.refresh_token).not.toBe(tokens.refresh_token);
    const replayed = await exchange(hub.gatewayUrl, {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
    });
    expect(((await replayed.json()) as { error: string }).error).toBe('invalid_grant');
    // Reuse is taken for theft: the whole session is gone, the renewed token and its access token too.
    const after = await exchange(hub.gatewayUrl, {
      grant_type: 'refresh_token',
      refresh_token: renewed.refresh_token,
    });
    expect(((await after.json()) as { error: string }).error).toBe('invalid_grant');
    expect(errorCodes(await graphql(renewed.access_token, WORKERS))).toEqual(['UNAUTHENTICATED']);
  });

  it('ends the session at sign-out: no refresh, and its access token is refused at once by the gateway and the subgraphs', async () => {
    const { tokens } = await signedIn('LTSA_OFFICER');
    expect((await graphql(tokens.access_token, WORKERS)).errors).toEqual([]);
    expect((await signOut(hub.gatewayUrl, tokens.refresh_token)).status).toBe(200);
    const refresh = await exchange(hub.gatewayUrl, {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
    });
    expect(((await refresh.json()) as { error: string }).error).toBe('invalid_grant');
    expect(errorCodes(await graphql(tokens.access_token, WORKERS))).toEqual(['UNAUTHENTICATED']);
    const direct = await postGraphQL(
      hub.subgraphUrls.labour,
      '{ workers { totalCount } }',
      {},
      bearer(tokens.access_token),
    );
    expect(errorCodes(direct)).toEqual(['UNAUTHENTICATED']);
  });

  it('asks the same browser for a password again after sign-out (a shared desk)', async () => {
    const { username } = await person('LTSA_OFFICER');
    const jar = new CookieJar();
    const first = await signInToConsole(hub.gatewayUrl, username, PASSWORD, { jar });
    expect((await signOut(hub.gatewayUrl, first.tokens?.refresh_token ?? '')).status).toBe(200);
    // signInToConsole throws 'signed in without being asked for a password' if the session survived.
    const second = await signInToConsole(hub.gatewayUrl, username, 'not the password, to be sure', { jar });
    expect(second.page?.status).toBe(401);
  });

  it('ends when it has been idle too long', async () => {
    const { tokens } = await signedIn('LTSA_OFFICER');
    // Idle beyond the limit: the refresh token has expired (its lifetime is refreshTokenSeconds).
    await hub.stores.gateway.db
      .update(oidcPayloads)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(oidcPayloads.model, 'RefreshToken'));
    const refresh = await exchange(hub.gatewayUrl, {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
    });
    expect(((await refresh.json()) as { error: string }).error).toBe('invalid_grant');
  });

  it('ends every session of an account that is disabled, at once', async () => {
    const { tokens, accountId } = await signedIn('LTSA_OFFICER');
    await setAccountStatus(hub.stores.gateway.db, accountId, 'DISABLED');
    expect(await endAccountSessions(hub.stores.gateway.db, accountId, loadConfig({}))).toBe(1);
    expect(errorCodes(await graphql(tokens.access_token, WORKERS))).toEqual(['UNAUTHENTICATED']);
    const refresh = await exchange(hub.gatewayUrl, {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
    });
    expect(((await refresh.json()) as { error: string }).error).toBe('invalid_grant');
  });

  it('stops working for everyone when the console client is suspended (the kill switch)', async () => {
    const { tokens } = await signedIn('LTSA_OFFICER');
    await suspendClient(hub.stores.gateway.db, CONSOLE_CLIENT_ID);
    try {
      expect(errorCodes(await graphql(tokens.access_token, WORKERS))).toEqual(['UNAUTHENTICATED']);
    } finally {
      await reactivateClient(hub.stores.gateway.db, CONSOLE_CLIENT_ID);
    }
  });
});

describe('account administration in the console', () => {
  const call = (token: string, path: string, body?: unknown) =>
    fetch(`${hub.gatewayUrl}/console/accounts${path}`, {
      method: body === undefined && path === '' ? 'GET' : 'POST',
      headers: { ...bearer(token), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it("lets an institution's administrator create, list, disable and reset its own people", async () => {
    const { tokens } = await signedIn('INSTITUTION_ADMIN');
    const created = await call(tokens.access_token, '', {
      username: `new.officer.${serial}`,
      displayName: 'Rini Officer',
      role: 'LTSA_OFFICER',
    });
    expect(created.status).toBe(201);
    const { id, username, password } = (await created.json()) as {
      id: string;
      username: string;
      password: string;
    };
    const signedInNow = await signInToConsole(hub.gatewayUrl, username, password);
    expect(signedInNow.tokens).toBeDefined();
    const list = (await (await call(tokens.access_token, '')).json()) as {
      accounts: { id: string }[];
      roles: string[];
    };
    expect(list.accounts.map((account) => account.id)).toContain(id);
    expect(list.roles).toContain('LTSA_OFFICER');
    expect((await call(tokens.access_token, `/${id}/disable`, {})).status).toBe(200);
    expect(errorCodes(await graphql(signedInNow.tokens?.access_token ?? '', WORKERS))).toEqual([
      'UNAUTHENTICATED',
    ]);
    expect((await signInToConsole(hub.gatewayUrl, username, password)).tokens).toBeUndefined();
    await call(tokens.access_token, `/${id}/enable`, {});
    const reset = (await (await call(tokens.access_token, `/${id}/reset-password`, {})).json()) as {
      password: string;
    };
    expect((await signInToConsole(hub.gatewayUrl, username, reset.password)).tokens).toBeDefined();
  });

  it('refuses everyone else, and never reaches another institution or a role it does not have', async () => {
    const officer = await signedIn('LTSA_OFFICER');
    expect((await call(officer.tokens.access_token, '')).status).toBe(403);
    const admin = await signedIn('INSTITUTION_ADMIN');
    const wrongRole = await call(admin.tokens.access_token, '', {
      username: `case.${serial}`,
      displayName: 'Case Officer',
      role: 'CASE_OFFICER',
    });
    expect(wrongRole.status).toBe(400);
    expect(
      ((await wrongRole.json()) as { errors: { extensions: { field: string } }[] }).errors[0]?.extensions
        .field,
    ).toBe('role');
    const elsewhere = await person('CASE_OFFICER', ministryId);
    expect((await call(admin.tokens.access_token, `/${elsewhere.account.id}/disable`, {})).status).toBe(404);
    const machine = await office.token();
    expect((await call(machine, '')).status).toBe(403);
  });
});

describe('names behind account ids', () => {
  it('tells people who read access logs who acted, and nobody else', async () => {
    const officer = await signedIn('LTSA_OFFICER');
    const someone = await person('CASE_OFFICER', ministryId);
    const lookup = (token: string, ids: string) =>
      fetch(`${hub.gatewayUrl}/console/people?ids=${ids}`, { headers: bearer(token) });
    const answer = await lookup(
      officer.tokens.access_token,
      `${someone.account.id},not-an-id,${officer.accountId}`,
    );
    expect(answer.status).toBe(200);
    const { people } = (await answer.json()) as { people: { accountId: string; displayName: string }[] };
    expect(people.map((entry) => entry.accountId).sort()).toEqual(
      [someone.account.id, officer.accountId].sort(),
    );
    expect(people.find((entry) => entry.accountId === someone.account.id)?.displayName).toBe(
      someone.account.displayName,
    );
    const analyst = await signedIn('ANALYST', ministryId);
    expect((await lookup(analyst.tokens.access_token, someone.account.id)).status).toBe(403);
    expect((await lookup(await office.token(), someone.account.id)).status).toBe(403);
  });
});
