import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPLORER_CSP, EXPLORER_DIST, installExplorer } from '../gateway/explorer.js';
import { loadConfig } from '../shared/config.js';
import { createHttpService } from '../shared/http/service.js';
import { createLogger } from '../shared/logging.js';
import { startTestHub, type TestHub } from './helpers/hub.js';

// The bundled explorer (GraphiQL from npm) as the gateway serves it: its own CSP, nothing from
// another origin in what it ships, browsers at /graphql sent to it, and off in production.

const logger = createLogger('test', 'silent');

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => hub?.close());

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${hub.gatewayUrl}${path}`, { headers, redirect: 'manual' });

/**
 * Hosts named in the built files that are only text, never fetched: XML namespaces, and links
 * in error messages and comments (React's error decoder, CodeMirror's and GraphiQL's docs).
 */
const TEXT_ONLY_HOSTS = new Set([
  'www.w3.org',
  'react.dev',
  'yarnpkg.com',
  'github.com',
  'en.wikipedia.org',
  'commonmark.org',
  'codemirror.net',
]);

function builtFiles(): { name: string; text: string }[] {
  const assets = new URL('assets/', EXPLORER_DIST);
  return [
    { name: 'index.html', text: readFileSync(new URL('index.html', EXPLORER_DIST), 'utf8') },
    ...readdirSync(assets)
      .filter((name) => /\.(js|css)$/.test(name))
      .map((name) => ({ name, text: readFileSync(new URL(name, assets), 'utf8') })),
  ];
}

describe('the explorer as the gateway serves it', () => {
  it('is served at /explorer under a policy that names no other origin', async () => {
    const response = await get('/explorer');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toBe(EXPLORER_CSP);
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(await response.text()).toContain('<div id="explorer"></div>');
    expect(EXPLORER_CSP).not.toMatch(/https?:|\*|unsafe-inline|unsafe-eval/);
    expect(EXPLORER_CSP).toContain("script-src 'self'");
    expect(EXPLORER_CSP).toContain("connect-src 'self'");
  });

  it('ships only its own files: every script and stylesheet of the page is under /explorer/assets/', async () => {
    const index = await (await get('/explorer')).text();
    expect(index).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(index).not.toMatch(/<style|style=/);
    const urls = [...index.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1] ?? '');
    expect(urls.length).toBeGreaterThanOrEqual(2);
    for (const url of urls) {
      expect(url).toMatch(/^\/explorer\/assets\//);
      expect((await get(url)).status, url).toBe(200);
    }
  });

  it('names no host in its HTML, JavaScript or CSS that a browser would fetch from', () => {
    const files = builtFiles();
    expect(files.some((file) => file.name.endsWith('.js'))).toBe(true);
    const foreign = new Set<string>();
    for (const { name, text } of files) {
      for (const [, host] of text.matchAll(/https?:\/\/([a-z0-9.-]+)/gi))
        if (!TEXT_ONLY_HOSTS.has(host?.toLowerCase() ?? '')) foreign.add(`${name}: ${host}`);
      if (name.endsWith('.css')) {
        // Fonts and images come inside the stylesheet (data: URLs), never from a font service.
        expect(text, name).not.toMatch(/@import/);
        for (const [, target] of text.matchAll(/url\(\s*['"]?([^'")]+)/g))
          expect(target?.startsWith('data:') || target?.startsWith('/explorer/assets/'), target).toBe(true);
      }
    }
    expect([...foreign]).toEqual([]);
  });

  it('sends a browser opening /graphql to the explorer, and keeps /graphql for API clients', async () => {
    const page = await get('/graphql', { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/explorer');
    // Apollo's CDN-loaded Sandbox is gone, whatever the browser asks for.
    const plain = await get('/graphql', { accept: 'application/json' });
    expect(plain.status).not.toBe(303);
    expect(await plain.text()).not.toMatch(/apollographql|embeddable-sandbox/);
    const office = await hub.client('LABOUR_OFFICE');
    // An API client whose accept list happens to name HTML still gets its answer.
    const answer = await fetch(hub.url, {
      method: 'POST',
      headers: {
        accept: 'text/html, application/json',
        'content-type': 'application/json',
        authorization: `Bearer ${await office.token()}`,
      },
      body: JSON.stringify({ query: '{ workers { totalCount } }' }),
    });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ data: { workers: { totalCount: 0 } } });
  });
});

describe("the explorer's token request", () => {
  it('is answered from the gateway’s own origin and refused from any other', async () => {
    const office = await hub.client('LABOUR_OFFICE');
    const tokenFrom = (origin: string) =>
      fetch(`${hub.gatewayUrl}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: office.clientId,
          client_secret: office.clientSecret,
        }),
      });
    const own = await tokenFrom(hub.gatewayUrl);
    expect(own.status).toBe(200);
    expect(((await own.json()) as { access_token?: string }).access_token).toMatch(/^ey/);
    const foreign = await tokenFrom('https://elsewhere.example');
    expect(foreign.status).toBe(400);
    expect(((await foreign.json()) as { error?: string }).error).toBe('invalid_request');
  });
});

describe('the explorer switch', () => {
  it('is on outside production and off in production unless EXPLORER_ENABLED=true', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).explorer.enabled).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).explorer.enabled).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development', EXPLORER_ENABLED: 'false' }).explorer.enabled).toBe(false);
    const production = {
      NODE_ENV: 'production',
      SEED_DEMO_DATA: 'false',
      TOKEN_ISSUER: 'https://hub.example.go.id',
    } as const;
    expect(loadConfig(production).explorer.enabled).toBe(false);
    expect(loadConfig({ ...production, EXPLORER_ENABLED: 'true' }).explorer.enabled).toBe(true);
  });

  it('refuses a value that is not a yes or no, naming the setting', () => {
    expect(() => loadConfig({ EXPLORER_ENABLED: 'sometimes' })).toThrow(/EXPLORER_ENABLED/);
  });

  it('leaves /explorer and its assets a JSON 404 when off', async () => {
    const app = createHttpService({
      name: 'gateway',
      logger,
      bodyLimit: 1024,
      readiness: () => Promise.resolve({ ready: true }),
    });
    expect(await installExplorer(app, { enabled: false, logger })).toBe(false);
    const index = await (await get('/explorer')).text();
    const script = /src="(\/explorer\/assets\/[^"]+\.js)"/.exec(index)?.[1] ?? '';
    for (const path of ['/explorer', '/explorer/', script]) {
      const response = await app.inject({ method: 'GET', url: path, headers: { accept: 'text/html' } });
      expect(response.statusCode, path).toBe(404);
      const body = response.json<{ errors: { extensions: { code: string } }[] }>();
      expect(body.errors[0]?.extensions.code).toBe('NOT_FOUND');
    }
    await app.close();
  });
});
