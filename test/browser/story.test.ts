import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeNik } from '../../shared/validation/nik.js';
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
import { dataOf, startTestHub, type TestHub } from '../helpers/hub.js';

// The console's story (issue 10), each step by the person who does it at work: the LTSA officer
// registers a returnee and records her consent for a training provider and a university; the
// registrar enrols her, records her completion and issues her certificate; the mentor logs a
// session with her; the officer sees all three in her record and prints her access report, which
// names the registrar's and the mentor's accesses.

let hub: TestHub;
let browser: TestBrowser;
let desk: WatchedPage;
let registrarPage: WatchedPage;
let mentorPage: WatchedPage;
let people: Record<'officer' | 'registrar' | 'mentor', Awaited<ReturnType<typeof consolePerson>>>;
let recordUrl = '';
const NAME = 'Kartini Wulandari';
const BIRTH_DATE = '1988-03-21';
const NIK = composeNik('35.07.11', BIRTH_DATE, 'FEMALE', 777);
const COURSE = 'Tata graha untuk Hong Kong';
const PROGRAMME = 'Pendampingan usaha purna PMI Kalipare 2025';

beforeAll(async () => {
  if (chromiumMissing) return;
  [hub, browser] = await Promise.all([startTestHub(), openBrowser()]);
  const [malang, trainer, campus] = await Promise.all([
    hub.client('LABOUR_OFFICE', { regionCode: '35.07', name: 'Disnaker Kabupaten Malang' }),
    hub.client('TRAINING_PROVIDER', { name: 'LPK Harapan Bangsa' }),
    hub.client('UNIVERSITY', { name: 'Universitas Brawijaya' }),
  ]);
  const provider = dataOf(
    await trainer.query<{ registerTrainingProvider: { id: string } }>(
      `mutation { registerTrainingProvider(input: { name: "LPK Harapan Bangsa Kepanjen", kind: LPK, accreditation: A, regionCode: "35.07.13" }) { id } }`,
    ),
  ).registerTrainingProvider;
  dataOf(
    await trainer.query(
      `mutation($p: ID!, $t: String!) { createCourse(input: { providerId: $p, title: $t, kind: SKILL, skill: "Tata graha", hours: 300, startDate: "2025-02-01", endDate: "2025-04-30", capacity: 20 }) { id } }`,
      { p: provider.id, t: COURSE },
    ),
  );
  const university = dataOf(
    await campus.query<{ registerUniversity: { id: string } }>(
      `mutation { registerUniversity(input: { name: "Universitas Brawijaya", regionCode: "35.73.05" }) { id } }`,
    ),
  ).registerUniversity;
  dataOf(
    await campus.query(
      `mutation($u: ID!, $t: String!) { createMentoringProgram(input: { universityId: $u, title: $t, empowermentType: ECONOMIC, villageCode: "35.07.11.2008", startDate: "2025-01-01" }) { id } }`,
      { u: university.id, t: PROGRAMME },
    ),
  );
  dataOf(
    await campus.query(
      `mutation($u: ID!) { addMentor(input: { universityId: $u, fullName: "Dr. Rini Kusuma", expertise: [BUSINESS_PLAN] }) { id } }`,
      { u: university.id },
    ),
  );
  const [officer, registrar, mentor] = await Promise.all([
    consolePerson(hub, malang.institutionId, 'LTSA_OFFICER', 'Sri Wahyuni'),
    consolePerson(hub, trainer.institutionId, 'TRAINING_REGISTRAR', 'Rina Wulandari'),
    consolePerson(hub, campus.institutionId, 'MENTOR', 'Rini Kusuma'),
  ]);
  people = { officer, registrar, mentor };
  [desk, registrarPage, mentorPage] = await Promise.all([
    watchedPage(browser, hub.gatewayUrl),
    watchedPage(browser, hub.gatewayUrl),
    watchedPage(browser, hub.gatewayUrl),
  ]);
  await signIn(desk.page, hub.gatewayUrl, officer.username, officer.password);
  await signIn(registrarPage.page, hub.gatewayUrl, registrar.username, registrar.password);
  await signIn(mentorPage.page, hub.gatewayUrl, mentor.username, mentor.password);
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

function section(page: Page, heading: string): Locator {
  return page.locator('section.record-section').filter({
    has: page.getByRole('heading', { level: 2, name: heading, exact: true }),
  });
}

/**
 * Waits for a write's answer: its status line, or a refusal. A refusal fails the test with its
 * words, rather than a timeout.
 */
async function saved(scope: Locator, message: string): Promise<void> {
  await scope.locator(`[role=status]:has-text("${message}"), [role=alert]`).first().waitFor();
  expect(await scope.getByRole('alert').allTextContents()).toEqual([]);
}

async function expectScreenFine(page: Page, name: string): Promise<void> {
  const check = await checkScreen(page, name);
  expect(check.accessibility).toEqual([]);
  expect(check.phoneOverflow).toBeLessThanOrEqual(0);
}

describe.skipIf(chromiumMissing)(
  `the console's story, from the desk to the access report ${chromiumMissing ? `(skipped: ${chromiumMissing})` : ''}`,
  () => {
    it('the officer registers her and records her consent for the training provider and the university', async () => {
      const { page } = desk;
      await page.getByRole('link', { name: 'Daftarkan pekerja' }).click();
      await page.getByLabel('NIK', { exact: true }).fill(NIK);
      await page.getByLabel('Nama lengkap').fill(NAME);
      await page.getByRole('radio', { name: 'Perempuan' }).check();
      await page.getByLabel('Tanggal lahir').fill(BIRTH_DATE);
      await page.getByLabel('Tempat lahir').fill('Malang');
      await page.getByLabel('Status perkawinan').selectOption({ label: 'Cerai hidup' });
      await page.getByLabel('Pendidikan').selectOption({ label: 'SMA' });
      await page.getByLabel('Nomor HP (tidak wajib)').fill('081355501234');
      await page.getByLabel('Alamat').fill('Dusun Sumberejo RT 01 RW 03');
      await page.getByLabel('Kecamatan').selectOption({ label: 'Kalipare' });
      await page.getByLabel('Desa/kelurahan').selectOption({ label: 'Arjowilangun' });
      await page.getByRole('button', { name: 'Daftarkan', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: NAME }).waitFor();
      recordUrl = page.url();

      const consents = section(page, 'Persetujuan berbagi data');
      for (const [purpose, grantee] of [
        ['Pelatihan dan sertifikasi', 'LPK Harapan Bangsa'],
        ['Pemberdayaan purna PMI', 'Universitas Brawijaya'],
      ] as const) {
        await consents.getByRole('button', { name: 'Catat persetujuan' }).click();
        await consents.getByRole('radio', { name: purpose }).check();
        await consents.getByLabel('Institusi penerima').selectOption({ label: grantee });
        await consents.getByRole('button', { name: 'Simpan persetujuan' }).click();
        await saved(consents, 'Persetujuan telah dicatat.');
        expect(await consents.locator('li.card').filter({ hasText: grantee }).textContent()).toContain(
          'Berlaku',
        );
      }
    });

    it('the registrar enrols her, records her completion and issues her certificate', async () => {
      const { page } = registrarPage;
      await page.getByRole('link', { name: COURSE }).click();
      await page.getByRole('heading', { level: 1, name: COURSE }).waitFor();
      await page.getByRole('button', { name: 'Daftarkan peserta' }).click();
      const picker = page.getByLabel('Pekerja', { exact: true });
      await expect.poll(() => picker.locator('option').count()).toBe(2);
      await picker.selectOption({ index: 1 });
      await page.getByRole('button', { name: 'Daftarkan', exact: true }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `${NAME} telah didaftarkan.` })
        .waitFor();

      const card = page.locator('li.card').filter({ hasText: NAME });
      await card.getByRole('button', { name: `Catat hasil ${NAME}` }).click();
      await card.getByLabel('Status').selectOption({ label: 'Lulus' });
      await card.getByLabel('Kehadiran (%) (tidak wajib)').fill('100');
      await card.getByLabel('Nilai (tidak wajib)').fill('91');
      await card.getByLabel('Tanggal selesai').fill('2025-04-30');
      await card.getByRole('button', { name: 'Simpan hasil' }).click();
      await card.getByText('Lulus', { exact: true }).waitFor();

      await card.getByRole('button', { name: `Terbitkan sertifikat untuk ${NAME}` }).click();
      await card.getByLabel('Skema sertifikasi').fill('Tata graha (Hong Kong)');
      await card.getByLabel('Penerbit (LSP)').fill('LSP Harapan Bangsa');
      await card.getByLabel('Nomor sertifikat').fill('LSP-HB/2025/0777');
      await card.getByLabel('Tanggal terbit').fill('2025-05-05');
      await card.getByRole('button', { name: 'Terbitkan', exact: true }).click();
      await expect.poll(() => card.textContent()).toContain('LSP-HB/2025/0777');
    });

    it('the mentor logs a session with her', async () => {
      const { page } = mentorPage;
      // Her list was read at sign-in, before the worker consented.
      await page.goto(`${hub.gatewayUrl}/mentoring`);
      await page.getByRole('link', { name: NAME }).click();
      await page.getByRole('heading', { level: 1, name: `Riwayat pendampingan ${NAME}` }).waitFor();
      await page.getByRole('link', { name: `Catat sesi dengan ${NAME}` }).click();
      await page.getByLabel('Program', { exact: true }).selectOption({ label: PROGRAMME });
      await page.getByLabel('Pendamping', { exact: true }).selectOption({ label: 'Dr. Rini Kusuma' });
      await page.getByLabel('Tanggal sesi').fill('2025-08-01');
      await page.getByLabel('Lama sesi (menit)').fill('60');
      await page.getByRole('radio', { name: 'Daring' }).check();
      await page.getByLabel('Bentuk pemberdayaan').selectOption({ label: 'Pendampingan' });
      await page.getByRole('checkbox', { name: 'Rencana usaha' }).check();
      await page.getByLabel('Catatan pendamping (tidak wajib)').fill('Catatan pribadi pendamping.');
      await page.getByRole('button', { name: 'Simpan sesi' }).click();
      await page.getByRole('status').filter({ hasText: 'Sesi pendampingan telah dicatat.' }).waitFor();
    });

    it('the officer sees the enrolment, the certificate and the session in her record', async () => {
      const { page } = desk;
      await page.goto(recordUrl);
      await page.getByRole('heading', { level: 1, name: NAME }).waitFor();
      const training = (await section(page, 'Pelatihan').textContent()) ?? '';
      expect(training).toContain(`${COURSE} · LPK Harapan Bangsa Kepanjen`);
      expect(training).toContain('Lulus');
      expect(training).toContain('selesai 30 April 2025');
      expect(await section(page, 'Sertifikat kompetensi').textContent()).toContain('Tata graha (Hong Kong)');
      const mentoring = (await section(page, 'Pendampingan').textContent()) ?? '';
      expect(mentoring).toContain(`1 Agustus 2025 · ${PROGRAMME}`);
      expect(mentoring).toContain('Universitas Brawijaya · Pendampingan · Rencana usaha');
      // The labour office reads the session's summary, never the mentor's notes.
      expect(mentoring).not.toContain('Catatan pribadi pendamping.');
      await expectScreenFine(page, 'story-record');
    });

    it("prints her access report on A4 in Bahasa Indonesia, naming the registrar's and the mentor's accesses", async () => {
      const { page } = desk;
      await page.getByRole('link', { name: 'Riwayat akses data' }).click();
      await page.getByRole('heading', { level: 1, name: `Riwayat akses data ${NAME}` }).waitFor();
      const rows = page.locator('table.access-table tbody tr');
      // The heading shows before the page of events arrives: wait for the mentor's write, the newest.
      await rows
        .filter({ hasText: 'Universitas Brawijaya' })
        .filter({ hasText: 'Mengubah' })
        .first()
        .waitFor();
      const byInstitution = async (name: string) => rows.filter({ hasText: name }).allTextContents();
      const training = await byInstitution('LPK Harapan Bangsa');
      const university = await byInstitution('Universitas Brawijaya');
      expect(
        training.some((row) => row.includes('Mengubah') && row.includes(people.registrar.displayName)),
      ).toBe(true);
      expect(
        training.some((row) => row.includes('Membaca') && row.includes(people.registrar.displayName)),
      ).toBe(true);
      expect(
        university.some((row) => row.includes('Mengubah') && row.includes(people.mentor.displayName)),
      ).toBe(true);
      // Each access names the person who acted, never a bare account id.
      expect(training.every((row) => row.includes(people.registrar.displayName))).toBe(true);
      expect(training.some((row) => row.includes(people.registrar.accountId))).toBe(false);
      await expectScreenFine(page, 'story-access-report');

      expect(await page.locator('html').getAttribute('lang')).toBe('id');
      await page.emulateMedia({ media: 'print' });
      expect(await page.getByText(/^Dicetak .* dari Migran Center\.$/).isVisible()).toBe(true);
      expect(await page.getByRole('button', { name: 'Cetak' }).isVisible()).toBe(false);
      const pdfPath = join(SCREENS_DIR, 'story-access-report.pdf');
      await page.pdf({ path: pdfPath, format: 'A4', printBackground: false });
      await page.emulateMedia({ media: 'screen' });
      const pdf = await readFile(pdfPath);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      // Every page is A4: 210 x 297 mm, 595 x 842 points (Chromium rounds up by a point).
      const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)];
      expect(boxes.length).toBeGreaterThan(0);
      for (const [, width, height] of boxes) {
        expect(Math.abs(Number(width) - 595.28)).toBeLessThan(1.5);
        expect(Math.abs(Number(height) - 841.89)).toBeLessThan(1.5);
      }
    });

    it('sent nothing off the origin and broke no rule of the page’s policy', async () => {
      for (const watched of [desk, registrarPage, mentorPage]) {
        expect(watched.offOrigin()).toEqual([]);
        expect(await watched.cspViolations()).toEqual([]);
      }
    });
  },
);
