import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { composeNik } from '../../shared/validation/nik.js';
import { buildAccessWorld, type AccessWorld } from '../helpers/access-world.js';
import {
  checkScreen,
  chromiumMissing,
  openBrowser,
  SCREENS_DIR,
  signIn,
  watchedPage,
  type TestBrowser,
  type WatchedPage,
} from '../helpers/browser.js';
import { consolePerson } from '../helpers/console-people.js';
import { startTestHub, type TestHub } from '../helpers/hub.js';

// The LTSA officer at the desk: finds a worker by name and NIK, reads her record as all four
// institutions know it, prints her access report; a worker of another region is not there.

let hub: TestHub;
let browser: TestBrowser;
let world: AccessWorld;
let watched: WatchedPage;
let officer: Awaited<ReturnType<typeof consolePerson>>;
const NIK = composeNik('35.07.11', '1987-04-12', 'FEMALE', 901);

beforeAll(async () => {
  if (chromiumMissing) return;
  [hub, browser] = await Promise.all([startTestHub(), openBrowser()]);
  world = await buildAccessWorld(hub);
  officer = await consolePerson(hub, world.clients.malang.institutionId, 'LTSA_OFFICER', 'Sri Wahyuni');
  watched = await watchedPage(browser, hub.gatewayUrl);
  await signIn(watched.page, hub.gatewayUrl, officer.username, officer.password);
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

describe.skipIf(chromiumMissing)(
  `the LTSA officer's screens ${chromiumMissing ? `(skipped: ${chromiumMissing})` : ''}`,
  () => {
    it('lands on the worker search with her name, role and institution in the header', async () => {
      const { page } = watched;
      await page.getByRole('heading', { name: 'Cari pekerja' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/workers');
      const banner = await page.getByRole('banner').textContent();
      expect(banner).toContain('Sri Wahyuni');
      expect(banner).toContain('Petugas LTSA');
      expect(banner).toContain('Disnaker Kabupaten Malang');
      const menu = page.getByRole('navigation', { name: 'Menu utama' });
      expect(await menu.getByRole('link').allTextContents()).toEqual(['Pekerja', 'Pengaduan']);
      await page.getByRole('heading', { name: /pekerja ditemukan/ }).waitFor();
      const check = await checkScreen(page, 'officer-worker-search');
      expect(check.accessibility).toEqual([]);
      expect(check.phoneOverflow).toBeLessThanOrEqual(0);
    });

    it('finds a worker by name and by NIK, and explains a NIK that cannot be one beside the field', async () => {
      const { page } = watched;
      await page.getByLabel('Nama', { exact: true }).fill('Matrix');
      await page.getByRole('button', { name: 'Cari', exact: true }).click();
      await page.getByRole('heading', { name: '1 pekerja ditemukan' }).waitFor();
      expect(await page.getByRole('link', { name: 'Matrix Worker 901' }).count()).toBe(1);
      expect(new URL(page.url()).search).toBe('?name=Matrix');

      await page.getByRole('button', { name: 'Hapus filter' }).click();
      await page.getByLabel('NIK', { exact: true }).fill('3507 123');
      await page.getByRole('button', { name: 'Cari', exact: true }).click();
      expect(await page.locator('#search-nik-problem').textContent()).toBe('NIK terdiri dari 16 angka.');
      expect(await page.getByLabel('NIK', { exact: true }).getAttribute('aria-invalid')).toBe('true');

      await page.getByLabel('NIK', { exact: true }).fill(NIK);
      await page.getByRole('button', { name: 'Cari', exact: true }).click();
      await page.getByRole('region', { name: 'Pekerja dengan NIK ini' }).waitFor();
      expect(await page.locator('td.nik').textContent()).toBe(NIK);
    });

    it('shows her record from all four institutions: identity, documents, placements with compliance, consents, cases, training, certificates, mentoring', async () => {
      const { page } = watched;
      await page.getByRole('link', { name: 'Matrix Worker 901' }).click();
      await page.getByRole('heading', { level: 1, name: 'Matrix Worker 901' }).waitFor();
      for (const section of [
        'Identitas',
        'Dokumen',
        'Penempatan',
        'Persetujuan berbagi data',
        'Pengaduan',
        'Pelatihan',
        'Sertifikat kompetensi',
        'Pendampingan',
      ]) {
        expect(await page.getByRole('heading', { level: 2, name: section }).count(), section).toBe(1);
      }
      const text = (await page.getByRole('main').textContent()) ?? '';
      expect(text).toContain(NIK);
      expect(text).toContain('12 April 1987');
      expect(text).toContain('Paspor');
      expect(text).toContain('Penata laksana rumah tangga');
      expect(text).toContain('Gaji tidak dibayar');
      expect(text).toContain('Housekeeping (competency)');
      expect(text).toContain('Rencana usaha');
      expect(text).not.toContain('Private note of the mentor.');
      const check = await checkScreen(page, 'officer-worker-record');
      expect(check.accessibility).toEqual([]);
      expect(check.phoneOverflow).toBeLessThanOrEqual(0);
    });

    it('switches her record to English and back', async () => {
      const { page } = watched;
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 2, name: 'Identity' }).waitFor();
      expect(await page.getByRole('main').textContent()).toContain('Unpaid wages');
      await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
      await page.getByRole('heading', { level: 2, name: 'Identitas' }).waitFor();
    });

    it('prints her access report on A4, filtered by action, with the NIK lookup she just made', async () => {
      const { page } = watched;
      await page.getByRole('link', { name: 'Riwayat akses data' }).click();
      await page.getByRole('heading', { level: 1, name: 'Riwayat akses data Matrix Worker 901' }).waitFor();
      await page.getByLabel('Tindakan').selectOption('LOOKUP');
      await page.getByText(/akses tercatat sesuai saringan/).waitFor();
      const rows = page.locator('table.access-table tbody tr');
      expect(await rows.count()).toBeGreaterThanOrEqual(1);
      expect(await rows.first().textContent()).toContain('Mencari dengan NIK');
      await page.getByLabel('Tindakan').selectOption('');
      const check = await checkScreen(page, 'officer-access-report');
      expect(check.accessibility).toEqual([]);
      expect(check.phoneOverflow).toBeLessThanOrEqual(0);
      await page.emulateMedia({ media: 'print' });
      expect(await page.getByRole('banner').isVisible()).toBe(false);
      expect(await page.getByLabel('Tindakan').isVisible()).toBe(false);
      expect(await page.getByText(/^Dicetak .* dari Migran Center\.$/).isVisible()).toBe(true);
      await page.setViewportSize({ width: 794, height: 1123 });
      await page.screenshot({ path: join(SCREENS_DIR, 'officer-access-report-print.png'), fullPage: true });
      await page.pdf({
        path: join(SCREENS_DIR, 'officer-access-report.pdf'),
        format: 'A4',
        printBackground: false,
      });
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 1280, height: 800 });
    });

    it('sums the report per institution, shows its own reads on request, pages with "more" and prints every matching row', async () => {
      const { page } = watched;
      const rows = page.locator('table.access-table tbody tr');
      const more = page.getByRole('button', { name: 'Tampilkan lebih banyak' });
      const settled = () => page.getByText(/^\S+ akses tercatat\. /).waitFor();
      const institutionOfRows = () =>
        rows.evaluateAll((trs) =>
          trs.map((tr) => (tr as HTMLTableRowElement).cells[1]?.firstChild?.textContent ?? ''),
        );
      const screenSummary = async () =>
        Object.fromEntries(
          await page
            .locator('table.summary-table tbody tr')
            .evaluateAll((trs) =>
              trs.map((tr) => [
                tr.querySelector('th')?.textContent ?? '',
                Number((tr.querySelector('td.number')?.textContent ?? '').replace(/\D/g, '')),
              ]),
            ),
        ) as Record<string, number>;
      interface ApiLog {
        worker: {
          accessLog: {
            totalCount: number;
            summary: { institution: { name: string }; total: number }[];
          };
        };
      }
      interface ApiPage {
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        events: { requestId: string; service: string; action: string; entityType: string; at: string }[];
      }
      const apiLog = async () =>
        (
          await world.clients.malang.query<ApiLog>(
            `query($id: ID!) { worker(id: $id) { accessLog(filter: { excludeReportReads: true }, first: 1) { totalCount summary { institution { name } total } } } }`,
            { id: world.ids.workerId },
          )
        ).data!.worker.accessLog;
      /** Every event the API lists for the report's default filter, keyed as the page's answers are. */
      const apiKeys = async (): Promise<string[]> => {
        const keys: string[] = [];
        let after: string | null = null;
        do {
          const answer: ApiPage = (
            await world.clients.malang.query<{ worker: { accessLog: ApiPage } }>(
              `query($id: ID!, $after: String) { worker(id: $id) { accessLog(filter: { excludeReportReads: true }, first: 100, after: $after) {
                pageInfo { hasNextPage endCursor } events { requestId service action entityType at } } } }`,
              { id: world.ids.workerId, after },
            )
          ).data!.worker.accessLog;
          for (const event of answer.events)
            keys.push(
              JSON.stringify([event.requestId, event.service, event.action, event.entityType, event.at]),
            );
          after = answer.pageInfo.hasNextPage ? answer.pageInfo.endCursor : null;
        } while (after !== null);
        return keys;
      };
      await settled();

      // The summary: per institution, as many as the rows of that institution (all on one page),
      // and what the API sums for the same filter.
      expect(await more.count()).toBe(0);
      const summary = await screenSummary();
      expect(Object.keys(summary).length).toBeGreaterThanOrEqual(2);
      const counted: Record<string, number> = {};
      for (const name of await institutionOfRows()) counted[name] = (counted[name] ?? 0) + 1;
      expect(counted).toEqual(summary);
      const api = await apiLog();
      expect(Object.fromEntries(api.summary.map((row) => [row.institution.name, row.total]))).toEqual(
        summary,
      );
      expect(await rows.count()).toBe(api.totalCount);

      // Reads of the report itself: hidden by default, shown on request, hidden again.
      const reportReads = rows.filter({ hasText: 'Membaca riwayat akses' });
      expect(await reportReads.count()).toBe(0);
      await page.getByLabel('Tampilkan pembacaan laporan ini').check();
      await expect.poll(() => reportReads.count()).toBeGreaterThan(0);
      await page.getByLabel('Tampilkan pembacaan laporan ini').uncheck();
      await settled();
      await expect.poll(() => reportReads.count()).toBe(0);

      // Enough reads of her record by the labour office that the report takes three pages of 100.
      for (let batch = 0; batch < 23; batch += 1) {
        await Promise.all(
          Array.from({ length: 10 }, () =>
            world.clients.malang.query(`query($id: ID!) { worker(id: $id) { id fullName } }`, {
              id: world.ids.workerId,
            }),
          ),
        );
      }
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Riwayat akses data Matrix Worker 901' }).waitFor();
      await settled();
      // Once more with her reads of the report and back, so the answer on screen is newer than
      // the reading of her name for the heading (which is an ordinary read, and counts).
      await page.getByLabel('Tampilkan pembacaan laporan ini').check();
      await expect.poll(() => reportReads.count()).toBeGreaterThan(0);

      // The pages the console is answered, to check that "more" brings the next ones, not the same.
      const pages: { after: unknown; keys: string[] }[] = [];
      const onResponse = async (response: import('playwright-core').Response) => {
        const body = response.request().postData() ?? '';
        if (!response.url().endsWith('/graphql') || !body.includes('"WorkerAccessLog"')) return;
        const { variables } = JSON.parse(body) as { variables: { after?: string } };
        const answer = (await response.json()) as {
          data: {
            worker: {
              accessLog: {
                events: {
                  requestId: string;
                  service: string;
                  action: string;
                  entityType: string;
                  at: string;
                }[];
              };
            };
          };
        };
        pages.push({
          after: variables.after ?? null,
          keys: answer.data.worker.accessLog.events.map((event) =>
            JSON.stringify([event.requestId, event.service, event.action, event.entityType, event.at]),
          ),
        });
      };
      const listener = (response: import('playwright-core').Response) => void onResponse(response);
      page.on('response', listener);
      await page.getByLabel('Tampilkan pembacaan laporan ini').uncheck();
      await expect.poll(() => pages.length).toBe(1);
      await settled();
      const { totalCount } = await apiLog();
      expect(totalCount).toBeGreaterThan(200);
      expect(await rows.count()).toBe(50);
      expect(await page.getByText(/^50 dari \S+ ditampilkan\.$/).textContent()).toBe(
        `50 dari ${totalCount.toLocaleString('id-ID')} ditampilkan.`,
      );
      await more.click();
      await expect.poll(() => rows.count()).toBe(100);
      await expect.poll(() => pages.length).toBe(2);
      const keys = pages.flatMap((fetched) => fetched.keys);
      expect(pages[1]?.after).toEqual(expect.any(String));
      expect(keys).toHaveLength(100);
      expect(new Set(keys).size).toBe(100);

      // Printing fetches every remaining page under the filters before the print dialog opens.
      await page.evaluate(() => {
        const counted = window as unknown as { printed: number };
        counted.printed = 0;
        window.print = () => {
          counted.printed += 1;
        };
      });
      await page.getByRole('button', { name: 'Cetak' }).click();
      await expect
        .poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed))
        .toBe(1);
      page.off('response', listener);
      await page.emulateMedia({ media: 'print' });
      expect(await rows.count()).toBe(totalCount);
      expect(await more.isVisible()).toBe(false);
      expect(await page.getByText(/^Cetakan ini memuat/).count()).toBe(0);
      const printedKeys = pages.flatMap((fetched) => fetched.keys);
      expect(printedKeys).toHaveLength(totalCount);
      // Exactly the events the API lists under the same filter, each once. The key is what the
      // console asks for, without the record's id: two documents read by one request within one
      // millisecond share it, so the lists are compared as multisets, not by distinct keys.
      expect([...printedKeys].sort()).toEqual([...(await apiKeys())].sort());
      await page.emulateMedia({ media: 'screen' });
    }, 90_000);

    it('gets a worker of another region exactly as one that does not exist', async () => {
      const { page } = watched;
      await page.goto(`${hub.gatewayUrl}/workers/${world.ids.blitarWorkerId}`);
      await expect
        .poll(() => page.getByRole('alert').textContent())
        .toBe('Data tidak ditemukan, atau tidak termasuk kewenangan institusi Anda.');
    });

    it('sent nothing off the origin and broke no rule of the page’s policy', async () => {
      expect(watched.offOrigin()).toEqual([]);
      expect(await watched.cspViolations()).toEqual([]);
    });

    it('signs out: the session ends and the console asks to sign in again', async () => {
      const { page } = watched;
      await page.getByRole('button', { name: 'Keluar' }).click();
      await page.getByRole('status').filter({ hasText: 'Anda telah keluar.' }).waitFor();
      await page.goto(`${hub.gatewayUrl}/workers`);
      await page.getByRole('button', { name: 'Masuk' }).waitFor();
      // At a shared desk the next "Masuk" asks for a password again (prompt=login).
      await page.getByRole('button', { name: 'Masuk' }).click();
      await page.locator('input[name=password]').waitFor();
    });

    it('an ended session (a refused refresh) brings her to the start page with "Sesi Anda telah berakhir"', async () => {
      const { page } = watched;
      await signIn(page, hub.gatewayUrl, officer.username, officer.password);
      await page.getByRole('heading', { name: 'Cari pekerja' }).waitFor();
      // As after idle or absolute expiry or a sign-out elsewhere: the access token is due and the
      // refresh token is one the gateway no longer knows, so the refresh answers invalid_grant.
      await page.evaluate(() => {
        const tokens = JSON.parse(sessionStorage.getItem('hub-console.tokens') ?? '{}') as Record<
          string,
          unknown
        >;
        sessionStorage.setItem(
          'hub-console.tokens',
          JSON.stringify({ ...tokens, expiresAt: 0, refreshToken: 'ended' }),
        );
      });
      await page.getByLabel('Nama', { exact: true }).fill('Matrix');
      await page.getByRole('button', { name: 'Cari', exact: true }).click();
      await expect
        .poll(() => page.getByRole('alert').textContent())
        .toBe('Sesi Anda telah berakhir. Silakan masuk kembali.');
      expect(await page.getByRole('button', { name: 'Masuk' }).isVisible()).toBe(true);
    });
  },
);
