import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_DIST, CONSOLE_CSP } from '../gateway/console.js';
import { readConsoleManifest, registerConsoleDocuments } from '../gateway/console-documents.js';
import { clients, trustedDocuments } from '../gateway/db/schema.js';
import { CONSOLE_CLIENT_ID } from '../gateway/clients.js';
import { CONSOLE_PATHS } from '../shared/console-routes.js';
import { createLogger } from '../shared/logging.js';
import { bearer } from '../shared/testing/graphql-client.js';
import { dataOf, startTestHub, type TestHub } from './helpers/hub.js';

const logger = createLogger('test', 'silent');
const manifest = readConsoleManifest(new URL('trusted-documents.json', CONSOLE_DIST));

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => hub?.close());

const get = (path: string) => fetch(`${hub.gatewayUrl}${path}`);

describe('the console as the gateway serves it', () => {
  it('answers every console path with index.html under a strict Content-Security-Policy', async () => {
    const index = readFileSync(new URL('index.html', CONSOLE_DIST), 'utf8');
    for (const path of ['/', '/callback', '/workers', '/workers/3f1c/access', '/statistics/35.07']) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toMatch(/^text\/html/);
      expect(response.headers.get('content-security-policy'), path).toBe(CONSOLE_CSP);
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      expect(response.headers.get('cache-control'), path).toBe('no-cache');
      expect(await response.text(), path).toBe(index);
    }
    expect(CONSOLE_CSP).toContain("default-src 'self'");
    expect(CONSOLE_CSP).toContain("script-src 'self'");
    expect(CONSOLE_CSP).not.toContain('unsafe-inline');
    expect(CONSOLE_PATHS).toContain('/');
  });

  it('builds a page with no inline script or style and nothing from another origin', () => {
    const index = readFileSync(new URL('index.html', CONSOLE_DIST), 'utf8');
    expect(index).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(index).not.toMatch(/<style|style=/);
    for (const [, url] of index.matchAll(/(?:src|href)="([^"]+)"/g))
      expect(url).toMatch(/^\/console\/assets\//);
  });

  it('serves content-hashed assets cached for a year, and a JSON 404 for paths it does not own', async () => {
    const index = await (await get('/')).text();
    const script = /src="(\/console\/assets\/[^"]+\.js)"/.exec(index)?.[1];
    expect(script).toBeDefined();
    const asset = await get(script ?? '');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await get('/console/assets/nothing-here.js')).status).toBe(404);
    const unknown = await get('/no-such-page');
    expect(unknown.status).toBe(404);
    expect(
      ((await unknown.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code,
    ).toBe('NOT_FOUND');
  });

  it('keeps /graphql for API clients', async () => {
    const office = await hub.client('LABOUR_OFFICE');
    expect(
      dataOf(await office.query<{ workers: { totalCount: number } }>('{ workers { totalCount } }')),
    ).toEqual({
      workers: { totalCount: 0 },
    });
  });
});

describe("the console's operations as trusted documents", () => {
  it('are the console client’s only documents once the gateway has started, and the client is restricted', async () => {
    expect(manifest?.length).toBeGreaterThan(0);
    const rows = await hub.stores.gateway.db
      .select({ hash: trustedDocuments.hash, name: trustedDocuments.name })
      .from(trustedDocuments)
      .where(eq(trustedDocuments.clientId, CONSOLE_CLIENT_ID));
    expect(rows.map((row) => row.hash).sort()).toEqual(manifest?.map((entry) => entry.sha256).sort());
    const [client] = await hub.stores.gateway.db
      .select({ restricted: clients.trustedDocumentsOnly })
      .from(clients)
      .where(eq(clients.clientId, CONSOLE_CLIENT_ID));
    expect(client?.restricted).toBe(true);
  });

  it('run by hash alone, refuse anything else, register idempotently and withdraw stale ones', async () => {
    const office = await hub.client('LABOUR_OFFICE');
    const entries = manifest ?? [];
    const db = hub.stores.gateway.db;
    await db
      .insert(trustedDocuments)
      .values({ clientId: office.clientId, hash: 'f'.repeat(64), document: '{ __typename }' });
    expect(await registerConsoleDocuments(db, entries, logger, { clientId: office.clientId })).toEqual({
      registered: entries.length,
      removed: 1,
    });
    expect(await registerConsoleDocuments(db, entries, logger, { clientId: office.clientId })).toEqual({
      registered: entries.length,
      removed: 0,
    });
    const search = entries.find((entry) => entry.name === 'WorkerSearch');
    const token = await office.token();
    // This client has sent nothing yet, so the gateway reads its (now restricted) policy afresh.
    const send = (body: unknown) =>
      fetch(hub.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...bearer(token) },
        body: JSON.stringify(body),
      });
    const byHash = await send({
      operationName: 'WorkerSearch',
      variables: { first: 5 },
      extensions: { persistedQuery: { version: 1, sha256Hash: search?.sha256 } },
    });
    expect(byHash.status).toBe(200);
    expect(
      ((await byHash.json()) as { data: { workers: { totalCount: number } } }).data.workers.totalCount,
    ).toBe(0);
    const other = await send({ query: '{ workers { totalCount } }' });
    expect(other.status).toBe(403);
  });

  it('do nothing without the client', async () => {
    expect(
      await registerConsoleDocuments(hub.stores.gateway.db, manifest ?? [], logger, {
        clientId: 'no-such-client',
      }),
    ).toBeNull();
  });
});
