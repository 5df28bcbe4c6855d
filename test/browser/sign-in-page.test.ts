import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkScreen,
  chromiumMissing,
  openBrowser,
  watchedPage,
  type TestBrowser,
} from '../helpers/browser.js';
import { consolePerson, TEST_PASSWORD } from '../helpers/console-people.js';
import { startTestHub, type TestHub } from '../helpers/hub.js';

// The gateway's own sign-in page, in a real browser: accessible, in Bahasa Indonesia with an
// English switch, a wrong password answered in plain words, and an account locked after five
// failed attempts (the right password refused while it is locked).

let hub: TestHub;
let browser: TestBrowser;
let officeId: string;
beforeAll(async () => {
  if (chromiumMissing) return;
  [hub, browser] = await Promise.all([startTestHub(), openBrowser()]);
  officeId = (await hub.client('LABOUR_OFFICE', { regionCode: '35.07' })).institutionId;
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

async function openSignIn() {
  const watched = await watchedPage(browser, hub.gatewayUrl);
  await watched.page.goto(`${hub.gatewayUrl}/`);
  await watched.page.getByRole('button', { name: 'Masuk' }).click();
  await expect.poll(() => watched.page.locator('input[name=username]').isVisible()).toBe(true);
  return watched;
}

async function attempt(watched: Awaited<ReturnType<typeof openSignIn>>, username: string, password: string) {
  await watched.page.getByLabel('Nama pengguna').fill(username);
  await watched.page.getByLabel('Kata sandi').fill(password);
  await watched.page.getByRole('button', { name: 'Masuk' }).click();
  await watched.page.waitForLoadState('domcontentloaded');
}

describe.skipIf(chromiumMissing)(
  `the sign-in page ${chromiumMissing ? `(skipped: ${chromiumMissing})` : ''}`,
  () => {
    it('is accessible in Bahasa Indonesia on a desktop and a phone, switches to English, and loads nothing from elsewhere', async () => {
      const watched = await openSignIn();
      const { page } = watched;
      expect(await page.locator('html').getAttribute('lang')).toBe('id');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Masuk ke Migran Center');
      const check = await checkScreen(page, 'sign-in');
      expect(check.accessibility).toEqual([]);
      expect(check.phoneOverflow).toBeLessThanOrEqual(0);
      await page.getByRole('link', { name: 'English' }).click();
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).textContent())
        .toBe('Sign in to the Migran Center');
      expect((await checkScreen(page, 'sign-in-en')).accessibility).toEqual([]);
      expect(watched.offOrigin()).toEqual([]);
      await page.close();
    });

    it('answers a wrong password in plain words, tied to the fields', async () => {
      const { username } = await consolePerson(hub, officeId, 'LTSA_OFFICER', 'Sri Wahyuni');
      const watched = await openSignIn();
      await attempt(watched, username, 'this is not her password');
      const problem = watched.page.getByRole('alert');
      expect(await problem.textContent()).toBe('Nama pengguna atau kata sandi salah.');
      expect(await watched.page.getByLabel('Kata sandi').getAttribute('aria-describedby')).toBe('problem');
      expect(await watched.page.getByLabel('Nama pengguna').inputValue()).toBe(username);
      expect((await checkScreen(watched.page, 'sign-in-refused')).accessibility).toEqual([]);
      await watched.page.close();
    });

    it('locks the account after five failed attempts and refuses even the right password while it is locked', async () => {
      const { username } = await consolePerson(hub, officeId, 'LTSA_OFFICER', 'Tri Handayani');
      const watched = await openSignIn();
      for (let failure = 0; failure < 5; failure += 1) await attempt(watched, username, 'guessing, guessing');
      expect(await watched.page.getByRole('alert').textContent()).toMatch(/^Akun ini dikunci sementara/);
      await attempt(watched, username, TEST_PASSWORD);
      expect(await watched.page.getByRole('alert').textContent()).toMatch(/^Akun ini dikunci sementara/);
      expect(new URL(watched.page.url()).pathname).toMatch(/^\/interaction\//);
      expect((await checkScreen(watched.page, 'sign-in-locked')).accessibility).toEqual([]);
      expect(watched.offOrigin()).toEqual([]);
      await watched.page.close();
    });
  },
);
