import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { buildStatisticsWorld } from '../helpers/statistics-world.js';

// The analyst's cross-region view: the nation's provinces (those without data marked and last), a
// drill-down through Jawa Timur to the kecamatan of one regency, sorting, a range of years, the
// parent's own total row, a CSV that holds exactly the table, suppressed cells for an outsider, and
// the case list refused to an analyst.

let hub: TestHub;
let browser: TestBrowser;
let ministry: WatchedPage;
let outsider: WatchedPage;

beforeAll(async () => {
  if (chromiumMissing) return;
  [hub, browser] = await Promise.all([startTestHub(), openBrowser()]);
  await buildStatisticsWorld(hub);
  const kemenko = await hub.client('MINISTRY', { name: 'Kemenko PM', scopes: ['stats:read'] });
  const blitar = await hub.client('LABOUR_OFFICE', {
    regionCode: '35.05',
    name: 'Disnaker Kabupaten Blitar',
  });
  const analyst = await consolePerson(hub, kemenko.institutionId, 'ANALYST', 'Dewi Lestari');
  const regional = await consolePerson(hub, blitar.institutionId, 'ANALYST', 'Agus Santoso');
  [ministry, outsider] = await Promise.all([
    watchedPage(browser, hub.gatewayUrl),
    watchedPage(browser, hub.gatewayUrl),
  ]);
  await signIn(ministry.page, hub.gatewayUrl, analyst.username, analyst.password);
  await signIn(outsider.page, hub.gatewayUrl, regional.username, regional.password);
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

/** The table as a person reads it: header cells, then each body and footer row's cells. */
async function tableText(page: Page): Promise<string[][]> {
  return page.locator('table.stats-table tr').evaluateAll((rows) =>
    rows.map((row) =>
      [...row.querySelectorAll('th, td')].map((cell) => {
        const code = cell.querySelector('.sub')?.textContent ?? '';
        const text = (cell.textContent ?? '').replace(code, '').replace(/[▲▼↕]/g, '').trim();
        return code ? `${code} ${text}` : text;
      }),
    ),
  );
}

/**
 * A downloaded CSV as the same grid: the code column joined to the name, as the table shows them,
 * and a region without data as its one cell across the measures.
 */
function csvGrid(csv: string): string[][] {
  const lines = csv
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
  return lines.map((line, index) => {
    const cells = line.split(',');
    const [code = '', name = '', ...values] = cells;
    const label = index === 0 ? name : code ? `${code} ${name}` : name;
    return values[0] === 'tidak ada data' ? [label, values[0]] : [label, ...values];
  });
}

/** Screen numbers ("1.234", "12,5") as the CSV writes them ("1234", "12.5"); words stay. */
function plain(cell: string): string {
  return /^[\d.,]+$/.test(cell) ? cell.replace(/\./g, '').replace(',', '.') : cell === '–' ? '' : cell;
}

async function downloadCsv(page: Page): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Unduh CSV' }).click(),
  ]);
  return readFile((await download.path()) ?? '', 'utf8');
}

describe.skipIf(chromiumMissing)(
  `the analyst's cross-region view ${chromiumMissing ? `(skipped: ${chromiumMissing})` : ''}`,
  () => {
    it('opens on the nation for last year: the 38 provinces, those without data marked and last, the total row and a chart', async () => {
      const { page } = ministry;
      const year = new Date().getFullYear() - 1;
      await page.getByRole('heading', { level: 1, name: `Indonesia, ${year}` }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/statistics');
      const crumbs = page.getByRole('navigation', { name: 'Tingkat wilayah' });
      expect(await crumbs.getByRole('listitem').allTextContents()).toEqual(['Indonesia']);
      const table = await tableText(page);
      expect(table[0]).toEqual([
        'Wilayah',
        'Keberangkatan',
        'Kepulangan',
        'Pengaduan',
        'Pengaduan per 1.000 keberangkatan',
        'Tersertifikasi',
        'Didampingi',
      ]);
      const provinces = table.slice(1, -1);
      expect(provinces).toHaveLength(38);
      expect(provinces.every((row) => /^\d{2} /.test(row[0] ?? ''))).toBe(true);
      // Only Jawa Timur has data: it comes first, the 37 others say so instead of showing zeros.
      expect(provinces[0]?.[0]).toBe('35 Jawa Timur');
      expect(provinces.slice(1).every((row) => row.length === 2 && row[1] === 'tidak ada data')).toBe(true);
      expect(await page.locator('#no-data-note').textContent()).toContain('37 wilayah');
      // The nation's own total, which here is Jawa Timur's.
      expect(table.at(-1)).toEqual(['Jumlah', ...(provinces[0] ?? []).slice(1)]);
      await page.locator('canvas[role=img]').waitFor();
      const check = await checkScreen(page, 'analyst-nation');
      expect(check.accessibility).toEqual([]);
      expect(check.phoneOverflow).toBeLessThanOrEqual(0);
    });

    it("drills down to Jawa Timur's regencies by clicking the province", async () => {
      const { page } = ministry;
      await page.getByRole('link', { name: 'Rincian Jawa Timur' }).click();
      await page.getByRole('heading', { level: 1, name: /^Jawa Timur, / }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/statistics/35');
      const crumbs = page.getByRole('navigation', { name: 'Tingkat wilayah' });
      expect(await crumbs.getByRole('listitem').allTextContents()).toEqual(['Indonesia', 'Jawa Timur']);
      const table = await tableText(page);
      expect(table.some((row) => row[0] === '35.07 Kabupaten Malang')).toBe(true);
      expect(table.slice(1, -1).every((row) => row[0]?.startsWith('35.'))).toBe(true);
      const check = await checkScreen(page, 'analyst-province');
      expect(check.accessibility).toEqual([]);
      expect(check.phoneOverflow).toBeLessThanOrEqual(0);
    });

    it('drills down to the kecamatan of Kabupaten Malang, sorts by departures and exports exactly the table as CSV', async () => {
      const { page } = ministry;
      await page.getByRole('link', { name: 'Rincian Kabupaten Malang' }).click();
      await page.getByRole('heading', { level: 1, name: /^Kabupaten Malang, / }).waitFor();
      const crumbs = page.getByRole('navigation', { name: 'Tingkat wilayah' });
      expect(await crumbs.getByRole('listitem').allTextContents()).toEqual([
        'Indonesia',
        'Jawa Timur',
        'Kabupaten Malang',
      ]);
      // Kecamatan are the bottom of the tree: their rows are names, not links further down.
      expect(await page.locator('table.stats-table tbody th a').count()).toBe(0);
      await page.getByRole('button', { name: /^Keberangkatan/ }).click();
      expect(await page.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('descending');
      // Sorting by keyboard keeps the focus on the header's button (the screen's heading takes it only on arrival).
      await page.keyboard.press('Enter');
      expect(await page.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('ascending');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Keberangkatan/);
      await page.keyboard.press('Enter');
      expect(await page.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('descending');
      const table = await tableText(page);
      const departures = table.slice(1, -1).map((row) => Number(plain(row[1] ?? '')));
      expect(departures.length).toBeGreaterThan(20);
      expect(departures).toEqual([...departures].sort((a, b) => b - a));
      expect(table.slice(1, -1).every((row) => row[0]?.startsWith('35.07.'))).toBe(true);

      const csv = await downloadCsv(page);
      expect(csv.startsWith('\uFEFFKode wilayah,Wilayah,Keberangkatan,')).toBe(true);
      expect(csvGrid(csv)).toEqual(table.map((row, index) => (index === 0 ? row : row.map(plain))));
      const check = await checkScreen(page, 'analyst-regency');
      expect(check.accessibility).toEqual([]);
      expect(check.phoneOverflow).toBeLessThanOrEqual(0);
    });

    it("exports the nation's table as CSV with exactly its rows", async () => {
      const { page } = ministry;
      await page
        .getByRole('navigation', { name: 'Tingkat wilayah' })
        .getByRole('link', { name: 'Indonesia' })
        .click();
      await page.getByRole('heading', { level: 1, name: /^Indonesia, / }).waitFor();
      await page.getByRole('link', { name: 'Rincian Jawa Timur' }).waitFor();
      const table = await tableText(page);
      const csv = await downloadCsv(page);
      expect(csvGrid(csv)).toEqual(table.map((row, index) => (index === 0 ? row : row.map(plain))));
      expect(csvGrid(csv)).toHaveLength(1 + 38 + 1);
    });

    it('shows a range of years whose cells are the sums of its years, and exports it as shown', async () => {
      const { page } = ministry;
      const yearTable = async (year: number) => {
        await page.goto(`${hub.gatewayUrl}/statistics/35.07?year=${year}`);
        await page.getByRole('heading', { level: 1, name: `Kabupaten Malang, ${year}` }).waitFor();
        await page.locator('table.stats-table').waitFor();
        return tableText(page);
      };
      const [first, second] = [await yearTable(2025), await yearTable(2026)];
      await page.getByLabel('Dari tahun').selectOption('2025');
      await page.getByRole('heading', { level: 1, name: 'Kabupaten Malang, 2025–2026' }).waitFor();
      expect(new URL(page.url()).search).toBe('?from=2025&to=2026');
      await page.locator('table.stats-table').waitFor();
      const range = await tableText(page);
      // Row by row (names in the same order) and the total: departures, returns, cases, certified, mentored.
      for (const row of [...range.slice(1)]) {
        const one = first.find((other) => other[0] === row[0]) ?? [];
        const two = second.find((other) => other[0] === row[0]) ?? [];
        // A region without data in a year counts 0 in it.
        const count = (cells: string[], column: number) =>
          cells[1] === 'tidak ada data' ? 0 : Number(plain(cells[column] ?? ''));
        for (const column of [1, 2, 3, 5, 6]) {
          expect(count(row, column), `${row[0]} ${column}`).toBe(count(one, column) + count(two, column));
        }
      }
      const csv = await downloadCsv(page);
      expect(csvGrid(csv)).toEqual(range.map((row, index) => (index === 0 ? row : row.map(plain))));
      const check = await checkScreen(page, 'analyst-range');
      expect(check.accessibility).toEqual([]);
      expect(check.phoneOverflow).toBeLessThanOrEqual(0);
      // Picking a "to" year before the "from" year moves the range's start along.
      await page.getByLabel('Sampai tahun').selectOption('2024');
      await page.getByRole('heading', { level: 1, name: 'Kabupaten Malang, 2024' }).waitFor();
      expect(new URL(page.url()).search).toBe('?year=2024');
    });

    it('changes the year and goes back up by the breadcrumb', async () => {
      const { page } = ministry;
      await page.goto(`${hub.gatewayUrl}/statistics/35.07?year=2025`);
      await page.getByRole('heading', { level: 1, name: /^Kabupaten Malang, / }).waitFor();
      await page.getByLabel('Sampai tahun').selectOption('2026');
      await page.getByRole('heading', { level: 1, name: 'Kabupaten Malang, 2025–2026' }).waitFor();
      await page.getByLabel('Dari tahun').selectOption('2026');
      await page.getByRole('heading', { level: 1, name: 'Kabupaten Malang, 2026' }).waitFor();
      expect(new URL(page.url()).search).toBe('?year=2026');
      await page
        .getByRole('navigation', { name: 'Tingkat wilayah' })
        .getByRole('link', { name: 'Jawa Timur' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Jawa Timur, 2026' }).waitFor();
      await page
        .getByRole('navigation', { name: 'Tingkat wilayah' })
        .getByRole('link', { name: 'Indonesia' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Indonesia, 2026' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/statistics');
      expect(new URL(page.url()).search).toBe('?year=2026');
      expect(ministry.offOrigin()).toEqual([]);
      expect(await ministry.cspViolations()).toEqual([]);
    });

    it("shows another region's small cells to a labour office's analyst as suppressed, on screen and in the CSV", async () => {
      const { page } = outsider;
      await page.goto(`${hub.gatewayUrl}/statistics/35.07?year=2025`);
      await page.getByRole('heading', { level: 1, name: 'Kabupaten Malang, 2025' }).waitFor();
      expect(await page.locator('table.stats-table tbody .suppressed').count()).toBeGreaterThan(0);
      expect(await page.locator('#suppression-note').textContent()).toContain(
        'kontrol pengungkapan statistik',
      );
      const table = await tableText(page);
      const csv = await downloadCsv(page);
      expect(csvGrid(csv)).toEqual(table.map((row, index) => (index === 0 ? row : row.map(plain))));
      expect(csv).toContain(',disembunyikan');
      const check = await checkScreen(page, 'analyst-suppressed');
      expect(check.accessibility).toEqual([]);
      expect(outsider.offOrigin()).toEqual([]);
    });

    it("refuses the officer's screens to an analyst in the catalogue's words", async () => {
      const { page } = ministry;
      await page.goto(`${hub.gatewayUrl}/workers`);
      await expect
        .poll(() => page.getByRole('alert').textContent())
        .toBe('Anda tidak berwenang melihat atau melakukan ini.');
      expect(await page.getByRole('navigation', { name: 'Menu utama' }).textContent()).toBe(
        'Statistik wilayah',
      );
    });

    it('cannot open the case list: the console says so, and the API refuses the same operation', async () => {
      const { page } = ministry;
      await page.goto(`${hub.gatewayUrl}/cases`);
      await expect
        .poll(() => page.getByRole('alert').textContent())
        .toBe('Anda tidak berwenang melihat atau melakukan ini.');
      // The console's own CaseList operation, sent with the analyst's own token: the API decides too.
      const manifest = JSON.parse(
        await readFile(join(process.cwd(), 'console', 'dist', 'trusted-documents.json'), 'utf8'),
      ) as { name: string; sha256: string }[];
      const caseList = manifest.find((entry) => entry.name === 'CaseList');
      expect(caseList).toBeDefined();
      const codes = await page.evaluate(async (sha256) => {
        const tokens = JSON.parse(sessionStorage.getItem('hub-console.tokens') ?? '{}') as {
          accessToken?: string;
        };
        const response = await fetch('/graphql', {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${tokens.accessToken ?? ''}`,
          },
          body: JSON.stringify({
            operationName: 'CaseList',
            variables: { first: 20, regionCode: '', withRegion: false },
            extensions: { persistedQuery: { version: 1, sha256Hash: sha256 } },
          }),
        });
        const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
        return (body.errors ?? []).map((error) => error.extensions?.code);
      }, caseList?.sha256 ?? '');
      expect(codes).toContain('FORBIDDEN');
    });
  },
);
