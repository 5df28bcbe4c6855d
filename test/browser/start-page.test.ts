import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../helpers/hub.js';
import {
  checkScreen,
  chromiumMissing,
  openBrowser,
  watchedPage,
  type TestBrowser,
} from '../helpers/browser.js';

// The console before anyone signs in: the start page, the language switch, the start of the
// authorization code flow with PKCE, callbacks that must be refused, and nothing off the origin.

let hub: TestHub;
let browser: TestBrowser;
beforeAll(async () => {
  if (chromiumMissing) return;
  [hub, browser] = await Promise.all([startTestHub(), openBrowser()]);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

describe.skipIf(chromiumMissing)(
  `the console's start page ${chromiumMissing ? `(skipped: ${chromiumMissing})` : ''}`,
  () => {
    it('is the console in Bahasa Indonesia, accessible on a desktop and a phone, and loads nothing from elsewhere', async () => {
      const watched = await watchedPage(browser, hub.gatewayUrl);
      const { page } = watched;
      await page.goto(`${hub.gatewayUrl}/`);
      await expect.poll(() => page.getByRole('button', { name: 'Masuk' }).isVisible()).toBe(true);
      expect(await page.locator('html').getAttribute('lang')).toBe('id');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Konsol Migran Center');
      const check = await checkScreen(page, 'start-page');
      expect(check.accessibility).toEqual([]);
      expect(check.phoneOverflow).toBeLessThanOrEqual(0);
      expect(watched.offOrigin()).toEqual([]);
      expect(await watched.cspViolations()).toEqual([]);
      await page.close();
    });

    it('switches to English and remembers it across a reload, then back', async () => {
      const watched = await watchedPage(browser, hub.gatewayUrl);
      const { page } = watched;
      await page.goto(`${hub.gatewayUrl}/workers`);
      await page.getByRole('button', { name: /English/ }).click();
      await expect.poll(() => page.getByRole('button', { name: 'Sign in' }).isVisible()).toBe(true);
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await page.reload();
      await expect.poll(() => page.getByRole('button', { name: 'Sign in' }).isVisible()).toBe(true);
      const check = await checkScreen(page, 'start-page-en');
      expect(check.accessibility).toEqual([]);
      await page.getByRole('button', { name: /Bahasa Indonesia/ }).click();
      await expect.poll(() => page.getByRole('button', { name: 'Masuk' }).isVisible()).toBe(true);
      expect(watched.offOrigin()).toEqual([]);
      await page.close();
    });

    it('starts the authorization code flow with PKCE (S256) for the hub-console client', async () => {
      const watched = await watchedPage(browser, hub.gatewayUrl);
      const { page } = watched;
      await page.goto(`${hub.gatewayUrl}/workers?status=REGISTERED`);
      const [request] = await Promise.all([
        page.waitForRequest((candidate) => candidate.url().includes('/oauth/auth?')),
        page.getByRole('button', { name: 'Masuk' }).click(),
      ]);
      const url = new URL(request.url());
      expect(url.origin).toBe(hub.gatewayUrl);
      expect(Object.fromEntries(url.searchParams)).toMatchObject({
        client_id: 'hub-console',
        response_type: 'code',
        redirect_uri: `${hub.gatewayUrl}/callback`,
        scope: 'openid offline_access',
        resource: 'urn:migran-center:hub',
        code_challenge_method: 'S256',
        ui_locales: 'id',
        prompt: 'login',
      });
      expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(url.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
      // The verifier stays in the tab; only its S256 challenge travelled.
      const stored = await page.evaluate(() => sessionStorage.getItem('hub-console.pending-sign-in'));
      const pending = JSON.parse(stored ?? '{}') as { verifier: string; state: string; returnTo: string };
      expect(pending).toMatchObject({
        state: url.searchParams.get('state'),
        returnTo: '/workers?status=REGISTERED',
      });
      expect(url.searchParams.get('code_challenge')).toBe(
        createHash('sha256').update(pending.verifier).digest('base64url'),
      );
      expect(request.url()).not.toContain(pending.verifier);
      await page.close();
    });

    it('refuses a callback it did not start, and says why in the catalogue’s words', async () => {
      const watched = await watchedPage(browser, hub.gatewayUrl);
      const { page } = watched;
      await page.goto(`${hub.gatewayUrl}/callback?code=forged&state=forged`);
      await expect
        .poll(() => page.getByRole('alert').textContent())
        .toContain('Tautan masuk ini tidak berlaku lagi');
      expect(new URL(page.url()).pathname).toBe('/');
      await page.goto(`${hub.gatewayUrl}/callback?error=access_denied&error_description=cancelled`);
      await expect.poll(() => page.getByRole('alert').textContent()).toBe('Proses masuk dibatalkan.');
      expect(watched.offOrigin()).toEqual([]);
      await page.close();
    });
  },
);
