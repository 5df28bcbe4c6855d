import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAccounts } from '../../gateway/accounts.js';
import {
  checkScreen,
  chromiumMissing,
  openBrowser,
  signIn,
  watchedPage,
  type TestBrowser,
  type WatchedPage,
} from '../helpers/browser.js';
import { consolePerson, TEST_PASSWORD } from '../helpers/console-people.js';
import { startTestHub, type TestHub } from '../helpers/hub.js';

// The institution administrator: the accounts of their own institution, a new account whose
// generated password is shown once, disable (her session ends at once), enable, unlock after a
// lockout, reset; the accounts of another institution are not there even when asked for by id,
// and nobody but an administrator has the screen.

let hub: TestHub;
let browser: TestBrowser;
let admin: WatchedPage;
let malangId: string;
let officer: Awaited<ReturnType<typeof consolePerson>>;
let blitarPerson: Awaited<ReturnType<typeof consolePerson>>;
let blitarAdmin: Awaited<ReturnType<typeof consolePerson>>;
let issuedPassword = '';

beforeAll(async () => {
  if (chromiumMissing) return;
  [hub, browser] = await Promise.all([startTestHub(), openBrowser()]);
  const [malang, blitar] = await Promise.all([
    hub.client('LABOUR_OFFICE', { regionCode: '35.07', name: 'Disnaker Kabupaten Malang' }),
    hub.client('LABOUR_OFFICE', { regionCode: '35.05', name: 'Disnaker Kabupaten Blitar' }),
  ]);
  malangId = malang.institutionId;
  const malangAdmin = await consolePerson(hub, malangId, 'INSTITUTION_ADMIN', 'Hendra Gunawan');
  officer = await consolePerson(hub, malangId, 'LTSA_OFFICER', 'Sri Wahyuni');
  blitarPerson = await consolePerson(hub, blitar.institutionId, 'LTSA_OFFICER', 'Bambang Wijaya');
  blitarAdmin = await consolePerson(hub, blitar.institutionId, 'INSTITUTION_ADMIN', 'Yuni Astuti');
  admin = await watchedPage(browser, hub.gatewayUrl);
  await signIn(admin.page, hub.gatewayUrl, malangAdmin.username, malangAdmin.password);
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

/** The row of one account in the administrator's table. */
function row(page: WatchedPage['page'], username: string) {
  return page.locator(`table.account-table tbody tr[data-username="${username}"]`);
}

/**
 * Signs in on a fresh page of its own, as the person would; whether the console let her in (or
 * the sign-in page refused her). The page stays open for what the test does next.
 */
async function trySignIn(
  username: string,
  password: string,
): Promise<{ signedIn: boolean; watched: WatchedPage }> {
  const watched = await watchedPage(browser, hub.gatewayUrl);
  const { page } = watched;
  await page.goto(`${hub.gatewayUrl}/`);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.locator('input[name=username]').fill(username);
  await page.locator('input[name=password]').fill(password);
  await page.locator('form button[type=submit]').click();
  const signOut = page.getByRole('button', { name: 'Keluar' });
  // Whichever comes first; the other wait ends with the page (and must not reject unheard).
  const settle = (wait: Promise<void>) => wait.catch(() => undefined);
  await Promise.race([settle(signOut.waitFor()), settle(page.locator('p.problem[role=alert]').waitFor())]);
  return { signedIn: await signOut.isVisible(), watched };
}

/** Whether the person can sign in; the page is closed again. */
async function canSignIn(username: string, password: string): Promise<boolean> {
  const { signedIn, watched } = await trySignIn(username, password);
  await watched.page.close();
  return signedIn;
}

describe.skipIf(chromiumMissing)(
  `the institution administrator's accounts ${chromiumMissing ? `(skipped: ${chromiumMissing})` : ''}`,
  () => {
    it("lists her own institution's accounts, and only those", async () => {
      const { page } = admin;
      await page
        .getByRole('heading', { level: 1, name: 'Akun pengguna Disnaker Kabupaten Malang' })
        .waitFor();
      expect(new URL(page.url()).pathname).toBe('/accounts');
      expect(await page.getByRole('navigation', { name: 'Menu utama' }).textContent()).toBe('Akun pengguna');
      await page.getByRole('heading', { level: 2, name: '2 akun' }).waitFor();
      expect(await row(page, officer.username).textContent()).toContain('Sri Wahyuni');
      expect(await row(page, officer.username).textContent()).toContain('Petugas LTSA');
      expect(await page.locator('table.account-table').textContent()).not.toContain('Bambang Wijaya');
      // Her own row cannot disable her.
      const own = page.locator('table.account-table tbody tr').filter({ hasText: 'Anda' });
      expect(await own.getByRole('button', { name: /^Nonaktifkan/ }).count()).toBe(0);
      // Only the roles a labour office has.
      expect(await page.getByLabel('Peran').locator('option').allTextContents()).toEqual([
        'Pilih peran',
        'Petugas LTSA',
        'Analis',
        'Auditor',
        'Administrator institusi',
      ]);
      const check = await checkScreen(page, 'admin-accounts');
      expect(check.accessibility).toEqual([]);
      expect(check.phoneOverflow).toBeLessThanOrEqual(0);
    });

    it('explains a refused username beside the field: one that cannot be, and one that is taken', async () => {
      const { page } = admin;
      await page.getByLabel('Nama pengguna').fill('x');
      await page.getByLabel('Nama lengkap').fill('Dewi Anggraini');
      await page.getByLabel('Peran').selectOption('ANALYST');
      await page.getByRole('button', { name: 'Buat akun' }).click();
      await expect
        .poll(() => page.locator('#account-username-problem').textContent())
        .toBe('Invalid username: is 3 to 64 letters, digits, dots, dashes or underscores');
      expect(await page.getByLabel('Nama pengguna').getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByRole('alert').textContent()).toBe('Periksa kembali isian yang ditandai.');

      await page.getByLabel('Nama pengguna').fill(blitarPerson.username);
      await page.getByRole('button', { name: 'Buat akun' }).click();
      await expect
        .poll(() => page.locator('#account-username-problem').textContent())
        .toBe('This username is taken.');
      expect(await page.getByRole('alert').textContent()).toBe(
        'Permintaan ini bertentangan dengan data yang sudah ada.',
      );
    });

    it('creates an account and shows its generated password once, with the instruction to hand it over in person', async () => {
      const { page } = admin;
      await page.getByLabel('Nama pengguna').fill('dewi.anggraini');
      await page.getByRole('button', { name: 'Buat akun' }).click();
      const panel = page.getByRole('region', { name: 'Akun dewi.anggraini dibuat' });
      await panel.waitFor();
      issuedPassword = ((await panel.locator('.issued-password-value').textContent()) ?? '').trim();
      expect(issuedPassword.length).toBeGreaterThanOrEqual(12);
      expect(await panel.textContent()).toContain('Serahkan kata sandi ini langsung kepada pemilik akun');
      expect(await panel.textContent()).toContain('hanya ditampilkan sekali');
      // No copy button: the password is read out or written down, never pasted into a chat.
      expect(await panel.getByRole('button').allTextContents()).toEqual(['Sudah saya catat, tutup']);
      expect(await page.evaluate(() => document.activeElement?.className)).toBe('issued-password');
      await page.getByRole('heading', { level: 2, name: '3 akun' }).waitFor();
      expect(await row(page, 'dewi.anggraini').textContent()).toContain('Analis');
      const check = await checkScreen(page, 'admin-password-issued');
      expect(check.accessibility).toEqual([]);
      expect(check.phoneOverflow).toBeLessThanOrEqual(0);
      await panel.getByRole('button', { name: 'Sudah saya catat, tutup' }).click();
      expect(await page.locator('.issued-password').count()).toBe(0);
      expect(await page.getByRole('main').textContent()).not.toContain(issuedPassword);
    });

    it('disables the new account, which ends her session at once, and enables it again', async () => {
      const { signedIn, watched: dewi } = await trySignIn('dewi.anggraini', issuedPassword);
      expect(signedIn).toBe(true);
      await dewi.page.getByRole('heading', { level: 1, name: /^Indonesia, / }).waitFor();

      const { page } = admin;
      await row(page, 'dewi.anggraini').getByRole('button', { name: 'Nonaktifkan Dewi Anggraini' }).click();
      await page.getByRole('status').filter({ hasText: 'Akun Dewi Anggraini dinonaktifkan' }).waitFor();
      await expect
        .poll(() => row(page, 'dewi.anggraini').locator('.badge').first().textContent())
        .toBe('Nonaktif');

      // Her next request is refused and the console asks her to sign in again.
      await dewi.page.getByLabel('Sampai tahun').selectOption('2024');
      await dewi.page.getByRole('button', { name: 'Masuk' }).waitFor();
      await dewi.page.getByText('Sesi Anda telah berakhir. Silakan masuk kembali.').first().waitFor();
      await dewi.page.close();
      expect(await canSignIn('dewi.anggraini', issuedPassword)).toBe(false);

      await row(page, 'dewi.anggraini').getByRole('button', { name: 'Aktifkan Dewi Anggraini' }).click();
      await page.getByRole('status').filter({ hasText: 'Akun Dewi Anggraini aktif kembali.' }).waitFor();
      expect(await canSignIn('dewi.anggraini', issuedPassword)).toBe(true);
    }, 120_000);

    // Each sign-in is a whole browser round through the authorization server (about 2 s on a busy
    // machine), and these two tests sign in five to seven times each.
    it('unlocks an account locked by five failed sign-ins', async () => {
      for (let failure = 0; failure < 5; failure += 1) {
        expect(await canSignIn(officer.username, 'guessing, guessing')).toBe(false);
      }
      const { page } = admin;
      await page.reload();
      await expect.poll(() => row(page, officer.username).textContent()).toContain('Terkunci');
      expect(await canSignIn(officer.username, TEST_PASSWORD)).toBe(false);
      await row(page, officer.username).getByRole('button', { name: 'Buka kunci Sri Wahyuni' }).click();
      await page.getByRole('status').filter({ hasText: 'Akun Sri Wahyuni tidak terkunci lagi.' }).waitFor();
      await expect.poll(() => row(page, officer.username).textContent()).not.toContain('Terkunci');
      expect(await canSignIn(officer.username, TEST_PASSWORD)).toBe(true);
    }, 120_000);

    it('resets a password: the new one is shown once and the old one stops working', async () => {
      const { page } = admin;
      await row(page, officer.username)
        .getByRole('button', { name: 'Atur ulang kata sandi Sri Wahyuni' })
        .click();
      const panel = page.getByRole('region', { name: `Kata sandi baru untuk ${officer.username}` });
      await panel.waitFor();
      const fresh = ((await panel.locator('.issued-password-value').textContent()) ?? '').trim();
      expect(fresh).not.toBe(TEST_PASSWORD);
      expect(await canSignIn(officer.username, TEST_PASSWORD)).toBe(false);
      expect(await canSignIn(officer.username, fresh)).toBe(true);
      await panel.getByRole('button', { name: 'Sudah saya catat, tutup' }).click();
    }, 120_000);

    it("cannot act on another institution's account, even by its id: the gateway answers as for none", async () => {
      const { page } = admin;
      // As a tampered page would: the request for one of her own accounts is sent for Blitar's.
      const blitarId = blitarPerson.accountId;
      await page.route(`**/console/accounts/${officer.accountId}/disable`, (route) =>
        route.continue({ url: `${hub.gatewayUrl}/console/accounts/${blitarId}/disable` }),
      );
      await row(page, officer.username).getByRole('button', { name: 'Nonaktifkan Sri Wahyuni' }).click();
      await expect
        .poll(() => page.getByRole('alert').textContent())
        .toBe('Data tidak ditemukan, atau tidak termasuk kewenangan institusi Anda.');
      await page.unroute(`**/console/accounts/${officer.accountId}/disable`);
      const blitar = (await listAccounts(hub.stores.gateway.db)).find(
        ({ account }) => account.id === blitarId,
      );
      expect(blitar?.account.status).toBe('ACTIVE');
      expect(await row(page, officer.username).locator('.badge').first().textContent()).toBe('Aktif');
      expect(admin.offOrigin()).toEqual([]);
      expect(await admin.cspViolations()).toEqual([]);
    });

    it("shows Blitar's administrator Blitar's accounts only", async () => {
      const { signedIn, watched: other } = await trySignIn(blitarAdmin.username, blitarAdmin.password);
      expect(signedIn).toBe(true);
      await other.page.getByRole('heading', { level: 2, name: '2 akun' }).waitFor();
      const table = (await other.page.locator('table.account-table').textContent()) ?? '';
      expect(table).toContain('Bambang Wijaya');
      expect(table).not.toContain('Sri Wahyuni');
      expect(table).not.toContain('Dewi Anggraini');
      await other.page.close();
    });

    it('is no screen for anyone else: an analyst gets the refusal, and so does her request to the gateway', async () => {
      const analyst = await consolePerson(hub, malangId, 'ANALYST', 'Agus Santoso');
      const { watched } = await trySignIn(analyst.username, analyst.password);
      await watched.page.goto(`${hub.gatewayUrl}/accounts`);
      await expect
        .poll(() => watched.page.getByRole('alert').textContent())
        .toBe('Anda tidak berwenang melihat atau melakukan ini.');
      const answer = await watched.page.evaluate(async () => {
        const tokens = JSON.parse(sessionStorage.getItem('hub-console.tokens') ?? '{}') as {
          accessToken?: string;
        };
        const response = await fetch('/console/accounts', {
          headers: { authorization: `Bearer ${tokens.accessToken ?? ''}` },
        });
        return { status: response.status, body: (await response.json()) as unknown };
      });
      expect(answer).toEqual({
        status: 403,
        body: {
          errors: [
            {
              message: "Only your institution's administrator manages accounts.",
              extensions: { code: 'FORBIDDEN' },
            },
          ],
        },
      });
      expect(watched.offOrigin()).toEqual([]);
      await watched.page.close();
    });
  },
);
