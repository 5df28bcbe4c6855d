import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccessWorld, type AccessWorld } from '../helpers/access-world.js';
import {
  checkScreen,
  chromiumMissing,
  openBrowser,
  signIn,
  watchedPage,
  type TestBrowser,
  type WatchedPage,
} from '../helpers/browser.js';
import { consolePerson } from '../helpers/console-people.js';
import { startTestHub, type TestHub } from '../helpers/hub.js';

// The auditor: whether each service's hash-chained access log holds, one service's log by
// institution, period and action, and one worker's complete log (found by name, NIK masked); a
// labour office's auditor reads about its own region's workers only.

let hub: TestHub;
let browser: TestBrowser;
let world: AccessWorld;
let ministry: WatchedPage;
let regional: WatchedPage;
let auditor: Awaited<ReturnType<typeof consolePerson>>;

/** Today in WIB, as the date inputs take it. */
const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

beforeAll(async () => {
  if (chromiumMissing) return;
  [hub, browser] = await Promise.all([startTestHub(), openBrowser()]);
  world = await buildAccessWorld(hub);
  auditor = await consolePerson(hub, world.clients.auditor.institutionId, 'AUDITOR', 'Wulan Sari');
  const blitarAuditor = await consolePerson(
    hub,
    world.clients.blitar.institutionId,
    'AUDITOR',
    'Joko Susilo',
  );
  [ministry, regional] = await Promise.all([
    watchedPage(browser, hub.gatewayUrl),
    watchedPage(browser, hub.gatewayUrl),
  ]);
  await signIn(ministry.page, hub.gatewayUrl, auditor.username, auditor.password);
  await signIn(regional.page, hub.gatewayUrl, blitarAuditor.username, blitarAuditor.password);
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

/** The by-service table's rows as [institution, action] pairs. */
async function institutionsAndActions(page: WatchedPage['page']): Promise<[string, string][]> {
  return page.locator('table.audit-table tbody tr').evaluateAll((rows) =>
    rows.map((row) => {
      const cells = row.querySelectorAll('td');
      return [cells[1]?.firstChild?.textContent ?? '', cells[2]?.textContent ?? ''] as [string, string];
    }),
  );
}

describe.skipIf(chromiumMissing)(
  `the auditor's screens ${chromiumMissing ? `(skipped: ${chromiumMissing})` : ''}`,
  () => {
    it("lands on the services' logs: each chain intact, the labour service's events newest first", async () => {
      const { page } = ministry;
      await page.getByRole('heading', { level: 1, name: 'Audit akses data' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/audit');
      expect(await page.getByRole('navigation', { name: 'Menu utama' }).textContent()).toBe('Audit akses');
      const chains = page.locator('.chain-card');
      await expect.poll(() => chains.count()).toBe(4);
      expect(await chains.locator('.badge').allTextContents()).toEqual(['Utuh', 'Utuh', 'Utuh', 'Utuh']);
      await page.getByRole('heading', { level: 3, name: /akses tercatat di layanan Disnaker/ }).waitFor();
      const positions = await page
        .locator('table.audit-table tbody tr td:first-child .sub')
        .evaluateAll((cells) => cells.map((cell) => Number((cell.textContent ?? '').replace(/\D/g, ''))));
      expect(positions.length).toBeGreaterThan(5);
      expect(positions).toEqual([...positions].sort((a, b) => b - a));
      const check = await checkScreen(page, 'auditor-service-log');
      expect(check.accessibility).toEqual([]);
      expect(check.phoneOverflow).toBeLessThanOrEqual(0);
    });

    it("narrows one service's log to an institution, an action and a period", async () => {
      const { page } = ministry;
      await page.getByLabel('Institusi dan sistem').selectOption({ label: 'Disnaker Kabupaten Malang' });
      await page.getByLabel('Tindakan').selectOption('WRITE');
      await page.getByLabel('Dari tanggal').fill(today);
      await page.getByLabel('Sampai tanggal').fill(today);
      await page.getByRole('button', { name: 'Tampilkan' }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get('action')).toBe('WRITE');
      await page.getByRole('heading', { level: 3, name: /akses tercatat/ }).waitFor();
      const rows = await institutionsAndActions(page);
      expect(rows.length).toBeGreaterThan(0);
      expect(
        rows.every(
          ([institution, action]) => institution === 'Disnaker Kabupaten Malang' && action === 'Mengubah',
        ),
      ).toBe(true);

      // A period before anything happened holds nothing.
      await page.getByLabel('Dari tanggal').fill('2020-01-01');
      await page.getByLabel('Sampai tanggal').fill('2020-01-31');
      await page.getByRole('button', { name: 'Tampilkan' }).click();
      await page.getByRole('heading', { level: 3, name: /^0 akses tercatat/ }).waitFor();

      await page.getByLabel('Layanan', { exact: true }).selectOption('ministry');
      await page.getByLabel('Dari tanggal').fill('');
      await page.getByLabel('Sampai tanggal').fill('');
      await page.getByRole('button', { name: 'Tampilkan' }).click();
      // The page answers with the events or with a refusal; a refusal here is the API's fault.
      const results = page.getByRole('heading', { level: 3, name: /akses tercatat di layanan Kementerian/ });
      await results.or(page.getByRole('alert')).first().waitFor();
      expect(await page.getByRole('alert').allTextContents()).toEqual([]);
      expect(await page.locator('table.audit-table').textContent()).toContain('Pengaduan');
    });

    it('finds a worker by name with her NIK masked and reads her complete log across the services', async () => {
      const { page } = ministry;
      await page.getByRole('link', { name: 'Per pekerja' }).click();
      await page.getByRole('heading', { level: 1, name: 'Riwayat akses per pekerja' }).waitFor();
      await page.getByLabel('Nama', { exact: true }).fill('Matrix Worker 901');
      await page.getByRole('button', { name: 'Cari', exact: true }).click();
      await page.getByRole('heading', { level: 2, name: '1 pekerja ditemukan' }).waitFor();
      expect(await page.locator('td.nik').textContent()).toMatch(/^\d{4}\*{8}\d{4}$/);
      const check = await checkScreen(page, 'auditor-worker-search');
      expect(check.accessibility).toEqual([]);

      await page.getByRole('link', { name: 'Matrix Worker 901' }).click();
      await page.getByRole('heading', { level: 1, name: 'Riwayat akses Matrix Worker 901' }).waitFor();
      const text = (await page.locator('table.audit-table').textContent()) ?? '';
      for (const institution of [
        'Disnaker Kabupaten Malang',
        'LPK Consented',
        'Universitas Consented',
        'KP2MI',
      ]) {
        expect(text, institution).toContain(institution);
      }
      await page.getByLabel('Institusi', { exact: true }).selectOption({ label: 'LPK Consented' });
      await page.getByText(/akses tercatat sesuai saringan/).waitFor();
      const rows = await institutionsAndActions(page);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every(([institution]) => institution === 'LPK Consented')).toBe(true);
      await page.getByRole('button', { name: 'Hapus saringan' }).click();
      const logCheck = await checkScreen(page, 'auditor-worker-log');
      expect(logCheck.accessibility).toEqual([]);
      expect(logCheck.phoneOverflow).toBeLessThanOrEqual(0);
    });

    it('finds her own reading of the log in it, under her account', async () => {
      const { page } = ministry;
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Riwayat akses Matrix Worker 901' }).waitFor();
      await page.getByLabel('Institusi', { exact: true }).selectOption({ label: 'KP2MI inspectorate' });
      await page.getByText(/akses tercatat sesuai saringan/).waitFor();
      const actors = await page.locator('table.audit-table tbody td:nth-of-type(6)').allTextContents();
      expect(actors.length).toBeGreaterThan(0);
      expect(actors.every((actor) => actor === auditor.accountId)).toBe(true);
      expect(ministry.offOrigin()).toEqual([]);
      expect(await ministry.cspViolations()).toEqual([]);
    });

    it("limits a labour office's auditor to its own region's workers", async () => {
      const { page } = regional;
      await page.getByRole('heading', { level: 1, name: 'Audit akses data' }).waitFor();
      await page.getByRole('heading', { level: 3, name: /akses tercatat/ }).waitFor();
      const workers = await page
        .locator('table.audit-table tbody a')
        .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
      expect(workers).not.toContain(`/audit/workers/${world.ids.workerId}`);
      const check = await checkScreen(page, 'auditor-labour-office');
      expect(check.accessibility).toEqual([]);

      await page.goto(`${hub.gatewayUrl}/audit/workers/${world.ids.workerId}`);
      await expect
        .poll(() => page.getByRole('alert').textContent())
        .toBe('Data tidak ditemukan, atau tidak termasuk kewenangan institusi Anda.');
      await page.goto(`${hub.gatewayUrl}/cases`);
      await expect
        .poll(() => page.getByRole('alert').textContent())
        .toBe('Anda tidak berwenang melihat atau melakukan ini.');
      expect(regional.offOrigin()).toEqual([]);
    });
  },
);
