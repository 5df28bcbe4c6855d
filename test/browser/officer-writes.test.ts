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
import { dataOf, startTestHub, type TestHub } from '../helpers/hub.js';

// The LTSA officer's writes at the desk: she registers a worker (the service's word on each field
// beside it), records and checks her documents, plans her placement and records departure,
// arrival and return, records consent and revokes it; after each write the record shows it. An
// officer of another region neither sees nor writes her.

let hub: TestHub;
let browser: TestBrowser;
let desk: WatchedPage;
let outsider: WatchedPage;
let workerUrl = '';
const BIRTH_DATE = '1990-05-17';
const NIK = composeNik('35.07.11', BIRTH_DATE, 'FEMALE', 311);

beforeAll(async () => {
  if (chromiumMissing) return;
  [hub, browser] = await Promise.all([startTestHub(), openBrowser()]);
  const [malang, blitar, ministry, trainer, campus] = await Promise.all([
    hub.client('LABOUR_OFFICE', { regionCode: '35.07', name: 'Disnaker Kabupaten Malang' }),
    hub.client('LABOUR_OFFICE', { regionCode: '35.05', name: 'Disnaker Kabupaten Blitar' }),
    hub.client('MINISTRY', { name: 'KP2MI', scopes: ['workers:read', 'agencies:write'] }),
    hub.client('TRAINING_PROVIDER', { name: 'LPK Harapan Bangsa' }),
    hub.client('UNIVERSITY', { name: 'Universitas Brawijaya' }),
  ]);
  const agency = dataOf(
    await ministry.query<{ registerPlacementAgency: { id: string } }>(
      `mutation { registerPlacementAgency(input: { name: "PT Sinar Jaya Abadi", licenceNumber: "SIP3MI/3110/KP2MI/2024", licenceValidFrom: "2024-01-01", licenceValidUntil: "2029-12-31", headOfficeRegionCode: "35.07" }) { id } }`,
    ),
  ).registerPlacementAgency;
  dataOf(
    await ministry.query(
      `mutation($a: ID!) { createJobOrder(input: { agencyId: $a, countryCode: "HK", employerName: "Chan Household", occupation: HOUSEKEEPER, quota: 3, recruitmentPermitNumber: "SIP2MI/3110/00007", validFrom: "2025-01-01", validUntil: "2028-12-31", verifiedByMission: true }) { id } }`,
      { a: agency.id },
    ),
  );
  // A consent names an institution that runs a provider or a university registered with the hub.
  dataOf(
    await trainer.query(
      `mutation { registerTrainingProvider(input: { name: "LPK Harapan Bangsa Kepanjen", kind: LPK, accreditation: B, regionCode: "35.07.13" }) { id } }`,
    ),
  );
  dataOf(
    await campus.query(
      `mutation { registerUniversity(input: { name: "Universitas Brawijaya", regionCode: "35.73.05" }) { id } }`,
    ),
  );
  const [officer, blitarOfficer] = await Promise.all([
    consolePerson(hub, malang.institutionId, 'LTSA_OFFICER', 'Sri Wahyuni'),
    consolePerson(hub, blitar.institutionId, 'LTSA_OFFICER', 'Bambang Irawan'),
  ]);
  [desk, outsider] = await Promise.all([
    watchedPage(browser, hub.gatewayUrl),
    watchedPage(browser, hub.gatewayUrl),
  ]);
  await signIn(desk.page, hub.gatewayUrl, officer.username, officer.password);
  await signIn(outsider.page, hub.gatewayUrl, blitarOfficer.username, blitarOfficer.password);
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

async function fillRegistration(page: Page, values: { nik: string; birthDate: string; phone: string }) {
  await page.getByLabel('NIK', { exact: true }).fill(values.nik);
  await page.getByLabel('Nama lengkap').fill('Siti Nurhaliza');
  await page.getByRole('radio', { name: 'Perempuan' }).check();
  await page.getByLabel('Tanggal lahir').fill(values.birthDate);
  await page.getByLabel('Tempat lahir').fill('Malang');
  await page.getByLabel('Status perkawinan').selectOption({ label: 'Kawin' });
  await page.getByLabel('Pendidikan').selectOption({ label: 'SMP' });
  await page.getByLabel('Nomor HP (tidak wajib)').fill(values.phone);
  await page.getByLabel('Alamat').fill('Dusun Krajan RT 02 RW 01');
}

describe.skipIf(chromiumMissing)(
  `the LTSA officer's writes ${chromiumMissing ? `(skipped: ${chromiumMissing})` : ''}`,
  () => {
    it('registers a worker: each refusal beside its field, the village from her own regency, then her record', async () => {
      const { page } = desk;
      await page.getByRole('heading', { name: 'Cari pekerja' }).waitFor();
      await page.getByRole('link', { name: 'Daftarkan pekerja' }).click();
      await page.getByRole('heading', { level: 1, name: 'Pendaftaran pekerja' }).waitFor();
      await expectScreenFine(page, 'officer-register');

      // Nothing filled in: the console says which fields are needed, and the keyboard goes to the first.
      await page.getByRole('button', { name: 'Daftarkan', exact: true }).click();
      expect(await page.locator('#register-nik-problem').textContent()).toBe('Wajib diisi.');
      expect(await page.locator('#register-sex-problem').textContent()).toBe('Wajib diisi.');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('register-nik');

      // The labour service refuses an impossible NIK, an under-age birth date and a wrong phone, all at once.
      await fillRegistration(page, { nik: '3507119913900001', birthDate: '2015-01-01', phone: '12ab' });
      await page.getByLabel('Kecamatan').selectOption({ label: 'Kalipare' });
      await page.getByLabel('Desa/kelurahan').selectOption({ label: 'Arjowilangun' });
      await page.getByRole('button', { name: 'Daftarkan', exact: true }).click();
      await page.getByRole('alert').filter({ hasText: 'Periksa kembali isian yang ditandai.' }).waitFor();
      expect(await page.locator('#register-nik-problem').textContent()).toContain('not a valid NIK');
      expect(await page.locator('#register-birthDate-problem').textContent()).toBe(
        'the worker must be at least 18 years old',
      );
      expect(await page.locator('#register-phone-problem').textContent()).toContain('phone number');
      expect(await page.getByLabel('Tanggal lahir').getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByLabel('Tanggal lahir').getAttribute('aria-describedby')).toContain(
        'register-birthDate-problem',
      );
      await expectScreenFine(page, 'officer-register-refused');

      await fillRegistration(page, { nik: NIK, birthDate: BIRTH_DATE, phone: '081234567890' });
      await page.getByRole('button', { name: 'Daftarkan', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Siti Nurhaliza' }).waitFor();
      workerUrl = page.url();
      expect(await page.getByRole('status').filter({ hasText: 'Pekerja telah terdaftar.' }).count()).toBe(1);
      const identity = (await section(page, 'Identitas').textContent()) ?? '';
      expect(identity).toContain(NIK);
      expect(identity).toContain('17 Mei 1990');
      expect(identity).toContain('35.07.11.2008');
      expect(identity).toContain('Terdaftar');
    });

    it('refuses a second registration of the same NIK with a message of its own', async () => {
      const { page } = desk;
      await page.goto(`${hub.gatewayUrl}/workers/new`);
      await page.getByRole('heading', { level: 1, name: 'Pendaftaran pekerja' }).waitFor();
      await fillRegistration(page, { nik: NIK, birthDate: BIRTH_DATE, phone: '' });
      await page.getByLabel('Kecamatan').selectOption({ label: 'Kalipare' });
      await page.getByLabel('Desa/kelurahan').selectOption({ label: 'Arjowilangun' });
      await page.getByRole('button', { name: 'Daftarkan', exact: true }).click();
      await expect
        .poll(() => page.getByRole('alert').first().textContent())
        .toContain('NIK ini sudah terdaftar di Migran Center');
    });

    it('records a passport and verifies it, rejects another document with a reason, and verifies the worker', async () => {
      const { page } = desk;
      await page.goto(workerUrl);
      const documents = section(page, 'Dokumen');
      await documents.getByRole('button', { name: 'Catat dokumen' }).click();
      await documents.getByLabel('Jenis').selectOption({ label: 'Paspor' });
      await documents.getByLabel('Nomor (tidak wajib)').fill('C12');
      await documents.getByLabel('Penerbit').fill('Kantor Imigrasi Kelas I Malang');
      await documents.getByLabel('Tanggal terbit (tidak wajib)').fill('2025-02-03');
      await documents.getByLabel('Berlaku sampai (tidak wajib)').fill('2035-02-03');
      await documents.getByRole('button', { name: 'Simpan dokumen' }).click();
      // A passport number has 6-9 letters and digits: the service says so beside the number.
      await expect
        .poll(() => page.locator('#document-number-problem').textContent())
        .toBe('a passport number has 6-9 letters and digits');
      await documents.getByLabel('Nomor (tidak wajib)').fill('C1234567');
      await documents.getByRole('button', { name: 'Simpan dokumen' }).click();
      await documents.getByRole('status').filter({ hasText: 'Dokumen telah dicatat' }).waitFor();
      await documents.getByRole('cell', { name: 'Diserahkan' }).waitFor();
      await documents.getByRole('button', { name: 'Verifikasi Paspor' }).click();
      await documents.getByRole('status').filter({ hasText: 'Dokumen telah diverifikasi.' }).waitFor();
      await documents.getByRole('cell', { name: 'Terverifikasi' }).waitFor();

      await documents.getByRole('button', { name: 'Catat dokumen' }).click();
      await documents.getByLabel('Jenis').selectOption({ label: 'Surat keterangan sehat' });
      await documents.getByLabel('Penerbit').fill('RS Kanjuruhan');
      await documents.getByRole('button', { name: 'Simpan dokumen' }).click();
      await documents.getByRole('button', { name: 'Tolak Surat keterangan sehat' }).click();
      await documents.getByLabel('Alasan penolakan').fill('Pemeriksaan lebih dari 3 bulan yang lalu');
      await documents.getByRole('button', { name: 'Tolak dokumen' }).click();
      await documents.getByRole('status').filter({ hasText: 'Dokumen telah ditolak.' }).waitFor();
      await documents
        .getByRole('cell', { name: 'Ditolak (Pemeriksaan lebih dari 3 bulan yang lalu)' })
        .waitFor();

      const identity = section(page, 'Identitas');
      await identity.getByRole('button', { name: 'Ubah status' }).click();
      await identity.getByLabel('Status baru (sekarang: Terdaftar)').selectOption({ label: 'Terverifikasi' });
      await identity.getByRole('button', { name: 'Simpan status' }).click();
      await identity.getByRole('status').filter({ hasText: 'Status pekerja telah diubah.' }).waitFor();
      await expect.poll(() => page.locator('.lead').textContent()).toContain('Terverifikasi');
    });

    it('plans a placement through an agency and its job order, then records departure, arrival and return', async () => {
      const { page } = desk;
      const placements = section(page, 'Penempatan');
      await placements.getByRole('button', { name: 'Rencanakan penempatan' }).click();
      await placements.getByLabel('Skema').selectOption({ label: 'Melalui P3MI' });
      await placements
        .getByLabel('P3MI')
        .selectOption({ label: 'PT Sinar Jaya Abadi · SIP3MI/3110/KP2MI/2024 (izin aktif)' });
      const order = placements.getByLabel('Job order (SIP2MI) (tidak wajib)');
      await expect.poll(() => order.locator('option').count()).toBe(2);
      await order.selectOption({ index: 1 });
      // The job order fills in the destination, the occupation and the employer.
      expect(await placements.getByLabel('Negara tujuan').inputValue()).toBe('HK');
      expect(await placements.getByLabel('Pemberi kerja (tidak wajib)').inputValue()).toBe('Chan Household');
      await placements.getByLabel('Sektor').selectOption({ label: 'Rumah tangga' });
      await placements.getByLabel('Gaji per bulan (tidak wajib)').fill('4990');
      await placements.getByLabel('Rencana keberangkatan (tidak wajib)').fill('2025-03-01');
      await placements.getByRole('button', { name: 'Simpan rencana' }).click();
      // A wage needs its currency: the service says so beside the currency.
      await expect
        .poll(() => page.locator('#placement-wageCurrency-problem').textContent())
        .toBe('must be given together with monthlyWage');
      await placements.getByLabel('Mata uang gaji (tidak wajib)').fill('HKD');
      await expectScreenFine(page, 'officer-placement-form');
      await placements.getByRole('button', { name: 'Simpan rencana' }).click();
      await placements.getByRole('status').filter({ hasText: 'Penempatan telah direncanakan.' }).waitFor();
      await placements.getByText('Penata laksana rumah tangga · Hong Kong · Direncanakan').waitFor();

      await placements.getByRole('button', { name: 'Catat keberangkatan' }).click();
      await placements.getByLabel('Tanggal keberangkatan').fill('2025-03-02');
      await placements.getByRole('button', { name: 'Simpan keberangkatan' }).click();
      await placements.getByText('Penata laksana rumah tangga · Hong Kong · Berangkat').waitFor();
      expect(await page.locator('.lead').textContent()).toContain('Berangkat');

      await placements.getByRole('button', { name: 'Catat kedatangan' }).click();
      await placements.getByLabel('Tanggal kedatangan').fill('2025-03-01');
      await placements.getByRole('button', { name: 'Simpan kedatangan' }).click();
      await expect
        .poll(() => page.locator('#placement-arrival-date-problem').textContent())
        .toBe('must not be before the departure date');
      await placements.getByLabel('Tanggal kedatangan').fill('2025-03-03');
      await placements.getByRole('button', { name: 'Simpan kedatangan' }).click();
      await placements.getByText('Penata laksana rumah tangga · Hong Kong · Di luar negeri').waitFor();

      await placements.getByRole('button', { name: 'Catat kepulangan' }).click();
      await placements.getByLabel('Tanggal kepulangan').fill('2025-09-30');
      await placements.getByLabel('Alasan pulang').selectOption({ label: 'Diberhentikan sebelum waktunya' });
      await placements.getByRole('button', { name: 'Simpan kepulangan' }).click();
      await placements.getByText('Penata laksana rumah tangga · Hong Kong · Pulang').waitFor();
      const text = (await placements.textContent()) ?? '';
      expect(text).toContain('30 September 2025');
      expect(text).toContain('Diberhentikan sebelum waktunya');
      expect(await page.locator('.lead').textContent()).toContain('Pulang');
    });

    it('records consent for a training provider and a university from the directory, and revokes one', async () => {
      const { page } = desk;
      const consents = section(page, 'Persetujuan berbagi data');
      await consents.getByRole('button', { name: 'Catat persetujuan' }).click();
      await consents.getByRole('radio', { name: 'Pelatihan dan sertifikasi' }).check();
      await consents.getByLabel('Institusi penerima').selectOption({ label: 'LPK Harapan Bangsa' });
      await consents.getByLabel('Berlaku sampai (tidak wajib)').fill('2030-12-31');
      await expectScreenFine(page, 'officer-consent-form');
      await consents.getByRole('button', { name: 'Simpan persetujuan' }).click();
      await saved(consents, 'Persetujuan telah dicatat.');
      const training = consents.locator('li.card').filter({ hasText: 'LPK Harapan Bangsa' });
      expect(await training.textContent()).toContain('berakhir 31 Desember 2030');

      await consents.getByRole('button', { name: 'Catat persetujuan' }).click();
      await consents.getByRole('radio', { name: 'Pemberdayaan purna PMI' }).check();
      await consents.getByLabel('Institusi penerima').selectOption({ label: 'Universitas Brawijaya' });
      await consents.getByRole('button', { name: 'Simpan persetujuan' }).click();
      await saved(consents, 'Persetujuan telah dicatat.');
      await consents.locator('li.card').filter({ hasText: 'Universitas Brawijaya' }).waitFor();

      await consents
        .getByRole('button', {
          name: 'Cabut persetujuan untuk LPK Harapan Bangsa (Pelatihan dan sertifikasi)',
        })
        .click();
      await consents.getByRole('button', { name: 'Ya, cabut persetujuan' }).click();
      await saved(consents, 'Persetujuan untuk LPK Harapan Bangsa telah dicabut.');
      expect(await training.textContent()).toContain('Tidak berlaku');
      expect(
        await consents.locator('li.card').filter({ hasText: 'Universitas Brawijaya' }).textContent(),
      ).toContain('Berlaku');
      await expectScreenFine(page, 'officer-record-written');
    });

    it('switches the forms to English', async () => {
      const { page } = desk;
      await page.getByRole('button', { name: 'English' }).click();
      await section(page, 'Data-sharing consents').getByRole('button', { name: 'Record consent' }).waitFor();
      await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
      await section(page, 'Persetujuan berbagi data').waitFor();
    });

    it('an officer of another region neither sees nor writes the worker, and picks villages of her own regency only', async () => {
      const { page } = outsider;
      await page.goto(workerUrl);
      await expect
        .poll(() => page.getByRole('alert').textContent())
        .toBe('Data tidak ditemukan, atau tidak termasuk kewenangan institusi Anda.');
      expect(await page.getByRole('button', { name: 'Catat dokumen' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Catat persetujuan' }).count()).toBe(0);
      await page.goto(`${hub.gatewayUrl}/workers/new`);
      const kecamatan = page.getByLabel('Kecamatan');
      await expect.poll(() => kecamatan.locator('option').count()).toBeGreaterThan(10);
      const offered = await kecamatan.locator('option').allTextContents();
      expect(offered).toContain('Wonodadi');
      expect(offered).not.toContain('Kalipare');
    });

    it('sent nothing off the origin and broke no rule of the page’s policy', async () => {
      for (const watched of [desk, outsider]) {
        expect(watched.offOrigin()).toEqual([]);
        expect(await watched.cspViolations()).toEqual([]);
      }
    });
  },
);
