import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../helpers/hub.js';
import {
  chromiumMissing,
  openBrowser,
  SCREENS_DIR,
  watchedPage,
  type TestBrowser,
} from '../helpers/browser.js';

// The explorer offline, as on a closed government network: every request to a host other than
// the hub's is refused by the browser itself, and the explorer still gets a token and an answer.

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
  `the explorer offline ${chromiumMissing ? `(skipped: ${chromiumMissing})` : ''}`,
  () => {
    it('gets a token with a client’s credentials and runs a query with nothing from off the machine', async () => {
      const office = await hub.client('LABOUR_OFFICE');
      const watched = await watchedPage(browser, hub.gatewayUrl);
      const { page } = watched;
      const blocked: string[] = [];
      await page.route('**/*', async (route) => {
        const url = new URL(route.request().url());
        if (url.hostname === '127.0.0.1' || url.protocol === 'data:') return route.continue();
        blocked.push(url.href);
        return route.abort('internetdisconnected');
      });

      // A browser at the API's address lands on the explorer.
      await page.goto(`${hub.gatewayUrl}/graphql`);
      expect(new URL(page.url()).pathname).toBe('/explorer');
      await page.getByRole('button', { name: 'Get token' }).waitFor();
      expect(await page.getByRole('status').textContent()).toMatch(/No token/);

      await page.getByLabel('Client id').fill(office.clientId);
      await page.getByLabel('Client secret').fill('not the secret');
      await page.getByRole('button', { name: 'Get token' }).click();
      await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/invalid_client/);

      await page.getByLabel('Client secret').fill(office.clientSecret);
      await page.getByRole('button', { name: 'Get token' }).click();
      await expect
        .poll(() => page.getByRole('status').textContent())
        .toMatch(/Token from client credentials/);
      expect(await page.getByLabel('Client secret').inputValue()).toBe('');

      // The editor opens on `{ workers(first: 1) { totalCount } }`; run it.
      expect(await page.locator('.graphiql-query-editor').innerText()).toMatch(/workers\(first: 1\)/);
      await page.locator('.graphiql-execute-button').click();
      await expect
        .poll(() => page.locator('.graphiql-response').innerText(), { timeout: 15_000 })
        .toMatch(/"totalCount": 0/);

      // The token is this tab's only: sessionStorage, never localStorage.
      const storage = await page.evaluate(() => ({
        local: JSON.stringify({ ...localStorage }),
        session: JSON.stringify({ ...sessionStorage }),
      }));
      const token = await page.evaluate(
        () => (JSON.parse(sessionStorage.getItem('hub-explorer-token') ?? '{}') as { value?: string }).value,
      );
      expect(token).toMatch(/^ey/);
      expect(storage.local).not.toContain(token);
      expect(storage.session).toContain(token);

      await mkdir(SCREENS_DIR, { recursive: true });
      await page.screenshot({ path: join(SCREENS_DIR, 'explorer-desktop.png') });
      expect(blocked).toEqual([]);
      expect(watched.offOrigin()).toEqual([]);
      expect(await watched.cspViolations()).toEqual([]);
      await page.close();
    });

    it('takes a pasted token and sends it in the Authorization header', async () => {
      const office = await hub.client('LABOUR_OFFICE');
      const watched = await watchedPage(browser, hub.gatewayUrl);
      const { page } = watched;
      await page.goto(`${hub.gatewayUrl}/explorer`);
      await page.getByLabel('or paste a token').fill(`Bearer ${await office.token()}`);
      await page.getByRole('button', { name: 'Use token' }).click();
      await expect.poll(() => page.getByRole('status').textContent()).toMatch(/Pasted token/);
      const [request] = await Promise.all([
        page.waitForRequest(
          (candidate) =>
            candidate.url().endsWith('/graphql') && (candidate.postData() ?? '').includes('workers'),
        ),
        page.locator('.graphiql-execute-button').click(),
      ]);
      expect(request.headers()['authorization']).toMatch(/^Bearer ey/);
      await expect
        .poll(() => page.locator('.graphiql-response').innerText(), { timeout: 15_000 })
        .toMatch(/"totalCount": 0/);
      expect(watched.offOrigin()).toEqual([]);
      await page.close();
    });
  },
);
