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
import { dataOf, startTestHub, type TestHub } from '../helpers/hub.js';

// The ministry's case officer: the cases with their filters, one case with its notes, follow-up and
// resolution, the legality check of the placement it concerns, the agency's licence and sanctions;
// and a labour office, which reads its own region's cases only and follows none up.

let hub: TestHub;
let browser: TestBrowser;
let world: AccessWorld;
let officer: WatchedPage;
let desk: WatchedPage;
let agencyCase: { id: string; reference: string };
let blitarCase: { id: string; reference: string };

beforeAll(async () => {
  if (chromiumMissing) return;
  [hub, browser] = await Promise.all([startTestHub(), openBrowser()]);
  world = await buildAccessWorld(hub);
  const { caseOfficer, blitar } = world.clients;
  // A second case about the Malang worker, naming the agency of her placement (the world's first
  // case, opened by the Malang office at the desk, names none); and one of Blitar's own.
  agencyCase = dataOf(
    await caseOfficer.query<{ openCase: { id: string; reference: string } }>(
      `mutation($w: ID!, $p: ID!, $a: ID!) { openCase(input: { workerId: $w, placementId: $p, agencyId: $a, category: WORK_NOT_AS_CONTRACTED, channel: CALL_CENTRE, countryCode: "HK", summary: "Works for a second household as well." }) { id reference } }`,
      { w: world.ids.workerId, p: world.ids.placementId, a: world.ids.agencyId },
    ),
  ).openCase;
  blitarCase = dataOf(
    await blitar.query<{ openCase: { id: string; reference: string } }>(
      `mutation($w: ID!) { openCase(input: { workerId: $w, category: FAILED_DEPARTURE, channel: WALK_IN, summary: "Departure cancelled twice." }) { id reference } }`,
      { w: world.ids.blitarWorkerId },
    ),
  ).openCase;
  const caseOfficerPerson = await consolePerson(
    hub,
    caseOfficer.institutionId,
    'CASE_OFFICER',
    'Rina Marlina',
  );
  const blitarOfficer = await consolePerson(hub, blitar.institutionId, 'LTSA_OFFICER', 'Bambang Wijaya');
  [officer, desk] = await Promise.all([
    watchedPage(browser, hub.gatewayUrl),
    watchedPage(browser, hub.gatewayUrl),
  ]);
  await signIn(officer.page, hub.gatewayUrl, caseOfficerPerson.username, caseOfficerPerson.password);
  await signIn(desk.page, hub.gatewayUrl, blitarOfficer.username, blitarOfficer.password);
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

describe.skipIf(chromiumMissing)(
  `the ministry case officer's screens ${chromiumMissing ? `(skipped: ${chromiumMissing})` : ''}`,
  () => {
    it('lands on the case list with every case of the nation, newest first', async () => {
      const { page } = officer;
      await page.getByRole('heading', { level: 1, name: 'Pengaduan' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/cases');
      expect(await page.getByRole('navigation', { name: 'Menu utama' }).textContent()).toBe('PengaduanP3MI');
      await page.getByRole('heading', { level: 2, name: '3 pengaduan' }).waitFor();
      const references = await page.locator('table.case-table tbody th').allTextContents();
      expect(references).toHaveLength(3);
      expect(references[0]).toBe(blitarCase.reference);
      expect(references).toContain(agencyCase.reference);
      const check = await checkScreen(page, 'case-officer-cases');
      expect(check.accessibility).toEqual([]);
      expect(check.phoneOverflow).toBeLessThanOrEqual(0);
    });

    it('filters by region, status, category and agency, and explains a region code that is none beside the field', async () => {
      const { page } = officer;
      await page.getByLabel('Kode wilayah pekerja').fill('35.99');
      await page.getByRole('button', { name: 'Tampilkan' }).click();
      await expect
        .poll(() => page.locator('#case-region-problem').textContent())
        .toBe('35.99 is not a known region code');
      expect(await page.getByLabel('Kode wilayah pekerja').getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByRole('alert').textContent()).toBe('Periksa kembali isian yang ditandai.');

      await page.getByLabel('Kode wilayah pekerja').fill('35.07');
      await page.getByRole('button', { name: 'Tampilkan' }).click();
      await page.getByRole('heading', { level: 2, name: '2 pengaduan di Kabupaten Malang' }).waitFor();
      expect(new URL(page.url()).search).toBe('?region=35.07');

      await page.getByLabel('Kategori').selectOption('WORK_NOT_AS_CONTRACTED');
      await page.getByLabel('P3MI', { exact: true }).selectOption({ label: 'PT Matriks Abadi' });
      await page.getByLabel('Status', { exact: true }).selectOption('OPEN');
      await page.getByRole('button', { name: 'Tampilkan' }).click();
      await page.getByRole('heading', { level: 2, name: '1 pengaduan di Kabupaten Malang' }).waitFor();
      expect(await page.locator('table.case-table tbody th').allTextContents()).toEqual([
        agencyCase.reference,
      ]);
    });

    it("opens the case: the report, the worker with her NIK, and the legality check of the case's placement", async () => {
      const { page } = officer;
      await page.getByRole('link', { name: agencyCase.reference }).click();
      await page
        .getByRole('heading', {
          level: 1,
          name: `${agencyCase.reference} · Pekerjaan tidak sesuai perjanjian`,
        })
        .waitFor();
      const text = (await page.getByRole('main').textContent()) ?? '';
      expect(text).toContain('Works for a second household as well.');
      expect(text).toContain('Matrix Worker 901');
      expect(text).toMatch(/3507\d{12}/);
      expect(text).toContain('Call center');
      const placements = page.getByRole('region', { name: 'Penempatan dan pemeriksaan legalitas' });
      expect(await placements.locator('.card-highlight').count()).toBe(1);
      expect(await placements.textContent()).toContain('Penempatan tidak sesuai prosedur');
      expect(await placements.textContent()).toContain('Dokumen wajib belum lengkap atau belum berlaku');
      // Each fact that satisfies the checklist names the institution that holds it.
      const evidence = placements.locator('.card-highlight details.evidence');
      await evidence.locator('summary').click();
      expect(await evidence.locator('li').first().textContent()).toMatch(
        /^Izin P3MI \(SIP3MI\) register kementerian · SIP3MI\//,
      );
      const check = await checkScreen(page, 'case-officer-case');
      expect(check.accessibility).toEqual([]);
      expect(check.phoneOverflow).toBeLessThanOrEqual(0);
    });

    it('adds a note (an empty one is refused beside the field) and takes the case up', async () => {
      const { page } = officer;
      await page.getByRole('button', { name: 'Simpan catatan' }).click();
      await expect.poll(() => page.locator('#note-text-problem').textContent()).toBe('must not be empty');
      await page
        .getByLabel('Catatan', { exact: true })
        .fill('Called the worker; the employer will be contacted.');
      await page.getByRole('button', { name: 'Simpan catatan' }).click();
      await page.getByRole('status').filter({ hasText: 'Catatan disimpan.' }).waitFor();
      const notes = page.getByRole('region', { name: 'Catatan penanganan' });
      await expect
        .poll(() => notes.locator('.note').allTextContents())
        .toEqual([expect.stringContaining('Called the worker; the employer will be contacted.')]);
      expect(await notes.locator('.note-meta').textContent()).toContain('KP2MI');

      await page.getByLabel('Status baru').selectOption('IN_PROGRESS');
      await page.getByRole('button', { name: 'Ubah status' }).click();
      await expect.poll(() => page.locator('.lead .badge').textContent()).toBe('Dalam penanganan');
      expect(await page.getByLabel('Status baru').locator('option').allTextContents()).toEqual(['Dirujuk']);
    });

    it('resolves the case with its outcome and summary; the API explains an empty summary beside it', async () => {
      const { page } = officer;
      await page.getByRole('button', { name: 'Simpan penyelesaian' }).click();
      expect(await page.locator('#resolve-outcome-problem').textContent()).toBe('Pilih hasil penyelesaian.');
      await page.getByLabel('Hasil', { exact: true }).selectOption('COMPENSATED');
      await page.getByLabel('Ringkasan penyelesaian').fill('   ');
      await page.getByRole('button', { name: 'Simpan penyelesaian' }).click();
      await expect
        .poll(() => page.locator('#resolve-summary-problem').textContent())
        .toBe('must not be empty');
      await page
        .getByLabel('Ringkasan penyelesaian')
        .fill('The agency paid the wages owed for the second household.');
      await page.getByRole('button', { name: 'Simpan penyelesaian' }).click();
      const resolution = page.getByRole('region', { name: 'Penyelesaian', exact: true });
      await resolution.waitFor();
      expect(await resolution.textContent()).toContain('Hak dibayarkan (gaji, asuransi, ganti rugi)');
      expect(await resolution.textContent()).toContain('The agency paid the wages owed');
      expect(await page.locator('.lead .badge').textContent()).toBe('Selesai');
      // Once resolved, the only move left is closing it.
      expect(await page.getByLabel('Status baru').locator('option').allTextContents()).toEqual(['Ditutup']);
      expect(await page.getByLabel('Hasil', { exact: true }).count()).toBe(0);
    });

    it("suspends the agency from its page (an end before the start is refused beside the field), and the case's placement shows it", async () => {
      const { page } = officer;
      await page
        .getByRole('region', { name: 'Laporan' })
        .getByRole('link', { name: 'PT Matriks Abadi' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'PT Matriks Abadi' }).waitFor();
      expect(await page.locator('.lead .badge').textContent()).toBe('izin aktif');
      expect(await page.getByRole('region', { name: 'Pengaduan terkait' }).textContent()).toContain(
        agencyCase.reference,
      );
      await page.getByLabel('Jenis sanksi').selectOption('SUSPENSION');
      await page.getByLabel('Mulai berlaku').fill('2025-05-01');
      await page.getByLabel('Berlaku sampai (tidak wajib)').fill('2025-04-01');
      await page.getByLabel('Pengaduan yang mendasari (tidak wajib)').selectOption({ index: 1 });
      await page.getByLabel('Alasan').fill('Placed a worker with a second household (Keputusan 12/2025).');
      await page.getByRole('button', { name: 'Jatuhkan sanksi' }).click();
      await expect
        .poll(() => page.locator('#sanction-until-problem').textContent())
        .toBe('must not be before imposedOn');
      await page.getByLabel('Berlaku sampai (tidak wajib)').fill('2025-12-31');
      await page.getByRole('button', { name: 'Jatuhkan sanksi' }).click();
      await page.getByRole('status').filter({ hasText: 'Sanksi dicatat.' }).waitFor();
      await expect.poll(() => page.locator('.lead .badge').textContent()).toBe('izin dibekukan');
      const sanctions = page.getByRole('region', { name: 'Sanksi administratif' });
      expect(await sanctions.textContent()).toContain('Penghentian sementara kegiatan usaha');
      expect(await sanctions.textContent()).toContain('berlaku 1 Mei 2025 sampai 31 Desember 2025');
      expect(await sanctions.getByRole('link', { name: agencyCase.reference }).count()).toBe(1);
      const check = await checkScreen(page, 'case-officer-agency');
      expect(check.accessibility).toEqual([]);
      expect(check.phoneOverflow).toBeLessThanOrEqual(0);

      await sanctions.getByRole('link', { name: agencyCase.reference }).click();
      const placements = page.getByRole('region', { name: 'Penempatan dan pemeriksaan legalitas' });
      await placements.waitFor();
      await expect.poll(() => placements.textContent()).toContain('P3MI sedang dikenai sanksi');
      expect(await placements.textContent()).toContain('Izin P3MI (SIP3MI) tidak berlaku');
    });

    it('reinstates the licence and lists the agencies by licence status', async () => {
      const { page } = officer;
      await page.goto(`${hub.gatewayUrl}/agencies/${world.ids.agencyId}`);
      await page.getByRole('heading', { level: 1, name: 'PT Matriks Abadi' }).waitFor();
      await page.getByRole('button', { name: 'Simpan perubahan izin' }).click();
      await page.getByRole('status').filter({ hasText: 'Tidak ada yang berubah' }).waitFor();
      await page.getByLabel('Status izin').selectOption('ACTIVE');
      await page.getByRole('button', { name: 'Simpan perubahan izin' }).click();
      await expect.poll(() => page.locator('.lead .badge').textContent()).toBe('izin aktif');

      await page.getByRole('link', { name: 'Kembali ke daftar P3MI' }).click();
      await page.getByRole('heading', { level: 1, name: 'Perusahaan penempatan (P3MI)' }).waitFor();
      await page.getByRole('heading', { level: 2, name: '1 P3MI' }).waitFor();
      await page.getByLabel('Status izin').selectOption('REVOKED');
      await page.getByText('Tidak ada P3MI dengan status izin ini.').waitFor();
      await page.getByLabel('Status izin').selectOption('');
      await page.getByRole('link', { name: 'PT Matriks Abadi' }).waitFor();
      const check = await checkScreen(page, 'case-officer-agencies');
      expect(check.accessibility).toEqual([]);
      expect(check.phoneOverflow).toBeLessThanOrEqual(0);
    });

    it('reads a case in English', async () => {
      const { page } = officer;
      await page.goto(`${hub.gatewayUrl}/cases/${agencyCase.id}`);
      await page.getByRole('heading', { level: 2, name: 'Catatan penanganan' }).waitFor();
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 2, name: 'Case notes' }).waitFor();
      expect(await page.getByRole('main').textContent()).toContain('Compensated (wages, insurance, damages)');
      await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
      await page.getByRole('heading', { level: 2, name: 'Catatan penanganan' }).waitFor();
      expect(officer.offOrigin()).toEqual([]);
      expect(await officer.cspViolations()).toEqual([]);
    });

    it("shows a labour office its own region's cases only, without follow-up, and another region's case as none", async () => {
      const { page } = desk;
      await page.goto(`${hub.gatewayUrl}/cases`);
      await page.getByRole('heading', { level: 2, name: '1 pengaduan' }).waitFor();
      expect(await page.locator('table.case-table tbody th').allTextContents()).toEqual([
        blitarCase.reference,
      ]);
      // The office chooses among the parts of its own region, not a code of any region.
      expect(await page.getByLabel('Wilayah pekerja').locator('option').first().textContent()).toBe(
        'Seluruh wilayah kantor Anda',
      );
      const check = await checkScreen(page, 'labour-office-cases');
      expect(check.accessibility).toEqual([]);
      expect(check.phoneOverflow).toBeLessThanOrEqual(0);

      await page.getByRole('link', { name: blitarCase.reference }).click();
      await page
        .getByRole('heading', { level: 1, name: `${blitarCase.reference} · Gagal berangkat` })
        .waitFor();
      expect(await page.getByRole('button', { name: 'Simpan catatan' }).count()).toBe(0);
      expect(await page.getByRole('heading', { name: 'Tindak lanjut' }).count()).toBe(0);

      await page.goto(`${hub.gatewayUrl}/cases/${agencyCase.id}`);
      await expect
        .poll(() => page.getByRole('alert').textContent())
        .toBe('Data tidak ditemukan, atau tidak termasuk kewenangan institusi Anda.');
      expect(await page.getByRole('main').textContent()).not.toContain('Matrix Worker 901');
      await page.goto(`${hub.gatewayUrl}/agencies`);
      await expect
        .poll(() => page.getByRole('alert').textContent())
        .toBe('Anda tidak berwenang melihat atau melakukan ini.');
      expect(desk.offOrigin()).toEqual([]);
      expect(await desk.cspViolations()).toEqual([]);
    });
  },
);
