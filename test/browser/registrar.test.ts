import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeNik } from '../../shared/validation/nik.js';
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
import { dataOf, startTestHub, type TestClient, type TestHub } from '../helpers/hub.js';

// The training registrar: her own provider's courses, a new course (the service's word on each
// field beside it), a consenting worker enrolled, her completion recorded and her certificate
// issued; a worker whose consent was revoked meanwhile cannot be enrolled, and one who never
// consented is not offered at all.

let hub: TestHub;
let browser: TestBrowser;
let watched: WatchedPage;
let malang: TestClient;
const consentIds: Record<string, string> = {};

async function registerWorker(client: TestClient, fullName: string, serial: number): Promise<string> {
  return dataOf(
    await client.query<{ registerWorker: { id: string } }>(
      `mutation($input: RegisterWorkerInput!) { registerWorker(input: $input) { id } }`,
      {
        input: {
          nik: composeNik('35.07.11', '1993-08-09', 'FEMALE', serial),
          fullName,
          sex: 'FEMALE',
          birthDate: '1993-08-09',
          birthPlace: 'Malang',
          maritalStatus: 'SINGLE',
          education: 'SENIOR_SECONDARY',
          address: 'Dusun Krajan',
          villageCode: '35.07.11.2008',
        },
      },
    ),
  ).registerWorker.id;
}

async function grantTraining(client: TestClient, workerId: string, granteeId: string): Promise<string> {
  return dataOf(
    await client.query<{ grantConsent: { id: string } }>(
      `mutation($w: ID!, $g: ID!) { grantConsent(input: { workerId: $w, granteeInstitutionId: $g, purpose: TRAINING }) { id } }`,
      { w: workerId, g: granteeId },
    ),
  ).grantConsent.id;
}

beforeAll(async () => {
  if (chromiumMissing) return;
  [hub, browser] = await Promise.all([startTestHub(), openBrowser()]);
  let trainer: TestClient;
  [malang, trainer] = await Promise.all([
    hub.client('LABOUR_OFFICE', { regionCode: '35.07', name: 'Disnaker Kabupaten Malang' }),
    hub.client('TRAINING_PROVIDER', { name: 'LPK Harapan Bangsa' }),
  ]);
  dataOf(
    await trainer.query(
      `mutation { registerTrainingProvider(input: { name: "LPK Harapan Bangsa Kepanjen", kind: LPK, accreditation: B, accreditationValidUntil: "2028-06-30", regionCode: "35.07.13" }) { id } }`,
    ),
  );
  // Ani and Citra consent to training by the provider's institution; Dewi consents to nobody.
  const [ani, citra] = [
    await registerWorker(malang, 'Ani Suryani', 401),
    await registerWorker(malang, 'Citra Lestari', 402),
  ];
  await registerWorker(malang, 'Dewi Anggraini', 403);
  consentIds['ani'] = await grantTraining(malang, ani, trainer.institutionId);
  consentIds['citra'] = await grantTraining(malang, citra, trainer.institutionId);
  const registrar = await consolePerson(hub, trainer.institutionId, 'TRAINING_REGISTRAR', 'Rina Wulandari');
  watched = await watchedPage(browser, hub.gatewayUrl);
  await signIn(watched.page, hub.gatewayUrl, registrar.username, registrar.password);
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

async function expectScreenFine(page: Page, name: string): Promise<void> {
  const check = await checkScreen(page, name);
  expect(check.accessibility).toEqual([]);
  expect(check.phoneOverflow).toBeLessThanOrEqual(0);
}

function card(page: Page, name: string): Locator {
  return page.locator('li.card').filter({ hasText: name });
}

describe.skipIf(chromiumMissing)(
  `the training registrar's screens ${chromiumMissing ? `(skipped: ${chromiumMissing})` : ''}`,
  () => {
    it("lands on her provider's courses and creates one, the service's refusals beside their fields", async () => {
      const { page } = watched;
      await page.getByRole('heading', { level: 1, name: 'Kursus lembaga Anda' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/training');
      expect(await page.getByRole('navigation', { name: 'Menu utama' }).textContent()).toBe('Pelatihan');
      const provider = page.locator('section.record-section').filter({
        has: page.getByRole('heading', { level: 2, name: 'LPK Harapan Bangsa Kepanjen' }),
      });
      await provider.getByText('Belum ada kursus.').waitFor();
      expect(await provider.textContent()).toContain('terakreditasi sampai 30 Juni 2028');

      await provider.getByRole('button', { name: 'Buat kursus di LPK Harapan Bangsa Kepanjen' }).click();
      await provider.getByLabel('Judul kursus').fill('Bahasa Kanton untuk penata laksana rumah tangga');
      await provider.getByLabel('Jenis').selectOption({ label: 'Bahasa' });
      await provider.getByLabel('Jam pelajaran').fill('200');
      await provider.getByLabel('Kuota peserta').fill('20');
      await provider.getByLabel('Tanggal mulai').fill('2025-02-01');
      await provider.getByLabel('Tanggal selesai').fill('2025-01-15');
      await provider.getByRole('button', { name: 'Simpan kursus' }).click();
      // A language course needs its language, and it cannot end before it starts: both at once.
      await expect
        .poll(() => page.locator('[id$="-language-problem"]').textContent())
        .toBe('is required for a LANGUAGE course');
      expect(await page.locator('[id$="-endDate-problem"]').textContent()).toBe(
        'must not be before startDate',
      );
      await expectScreenFine(page, 'registrar-course-refused');
      await provider.getByLabel('Bahasa (kode ISO 639-1) (tidak wajib)').fill('zh');
      await provider.getByLabel('Tanggal selesai').fill('2025-04-30');
      await provider.getByRole('button', { name: 'Simpan kursus' }).click();
      await provider.getByRole('status').filter({ hasText: 'Kursus telah dibuat.' }).waitFor();
      await provider.getByRole('link', { name: 'Bahasa Kanton untuk penata laksana rumah tangga' }).waitFor();
      expect(await provider.locator('tbody tr').textContent()).toContain('0 dari 20');
      await expectScreenFine(page, 'registrar-courses');
    });

    it('enrols a consenting worker: only workers who consented to her institution are offered', async () => {
      const { page } = watched;
      await page.getByRole('link', { name: 'Bahasa Kanton untuk penata laksana rumah tangga' }).click();
      await page
        .getByRole('heading', { level: 1, name: 'Bahasa Kanton untuk penata laksana rumah tangga' })
        .waitFor();
      await page.getByText('Belum ada peserta.').waitFor();
      await page.getByRole('button', { name: 'Daftarkan peserta' }).click();
      const picker = page.getByLabel('Pekerja', { exact: true });
      await expect.poll(() => picker.locator('option').count()).toBe(3);
      const offered = await picker.locator('option').allTextContents();
      expect(offered.some((text) => text.startsWith('Ani Suryani · 3507********0401'))).toBe(true);
      expect(offered.some((text) => text.startsWith('Citra Lestari'))).toBe(true);
      expect(offered.some((text) => text.startsWith('Dewi Anggraini'))).toBe(false);
      await picker.selectOption({ label: offered.find((text) => text.startsWith('Ani')) ?? '' });
      await page.getByRole('button', { name: 'Daftarkan', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Ani Suryani telah didaftarkan.' }).waitFor();
      await card(page, 'Ani Suryani').getByText('Terdaftar', { exact: true }).waitFor();
    });

    it('records her completion with attendance and score, and issues her certificate', async () => {
      const { page } = watched;
      const ani = card(page, 'Ani Suryani');
      await ani.getByRole('button', { name: 'Catat hasil Ani Suryani' }).click();
      await ani.getByLabel('Status').selectOption({ label: 'Lulus' });
      await ani.getByLabel('Kehadiran (%) (tidak wajib)').fill('95');
      await ani.getByLabel('Nilai (tidak wajib)').fill('101');
      await ani.getByLabel('Tanggal selesai').fill('2025-04-30');
      await ani.getByRole('button', { name: 'Simpan hasil' }).click();
      await expect
        .poll(() => page.locator('[id$="-score-problem"]').textContent())
        .toBe('must be at most 100');
      await ani.getByLabel('Nilai (tidak wajib)').fill('88');
      await ani.getByRole('button', { name: 'Simpan hasil' }).click();
      await page.getByRole('status').filter({ hasText: 'Hasil Ani Suryani telah dicatat.' }).waitFor();
      await ani.getByText('Lulus', { exact: true }).waitFor();
      const facts = (await ani.textContent()) ?? '';
      expect(facts).toContain('95 %');
      expect(facts).toContain('30 April 2025');

      await ani.getByRole('button', { name: 'Terbitkan sertifikat untuk Ani Suryani' }).click();
      await ani.getByLabel('Skema sertifikasi').fill('Tata graha (Hong Kong)');
      await ani.getByLabel('Penerbit (LSP)').fill('LSP Harapan Bangsa');
      await ani.getByLabel('Nomor sertifikat').fill('LSP-HB/2025/0042');
      await ani.getByLabel('Tanggal terbit').fill('2025-05-05');
      await ani.getByRole('button', { name: 'Terbitkan', exact: true }).click();
      await page
        .getByRole('status')
        .filter({ hasText: 'Sertifikat untuk Ani Suryani telah diterbitkan.' })
        .waitFor();
      await expect.poll(() => ani.textContent()).toContain('Tata graha (Hong Kong) · LSP-HB/2025/0042');
      await expectScreenFine(page, 'registrar-course');
    });

    it('cannot enrol a worker whose consent was revoked since the list was read, and says why', async () => {
      const { page } = watched;
      await page.getByRole('button', { name: 'Daftarkan peserta' }).click();
      const picker = page.getByLabel('Pekerja', { exact: true });
      await expect.poll(() => picker.locator('option').count()).toBe(2);
      const citra =
        (await picker.locator('option').allTextContents()).find((text) => text.startsWith('Citra')) ?? '';
      // At the LTSA desk, Citra withdraws her consent while the registrar has the list open.
      dataOf(
        await malang.query(`mutation($id: ID!) { revokeConsent(id: $id) { id } }`, {
          id: consentIds['citra'],
        }),
      );
      await picker.selectOption({ label: citra });
      await page.getByRole('button', { name: 'Daftarkan', exact: true }).click();
      await expect
        .poll(() => page.getByRole('alert').first().textContent())
        .toBe(
          'Pekerja ini tidak (lagi) memberi persetujuan pelatihan kepada lembaga Anda, jadi tidak dapat didaftarkan.',
        );
      expect(await card(page, 'Citra Lestari').count()).toBe(0);
    });

    it('sent nothing off the origin and broke no rule of the page’s policy', async () => {
      expect(watched.offOrigin()).toEqual([]);
      expect(await watched.cspViolations()).toEqual([]);
    });
  },
);
