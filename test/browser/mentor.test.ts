import type { Page } from 'playwright-core';
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

// The university mentor: her university's programmes, the returnees who consent to empowerment
// by her institution (and nobody else), a session logged with every field of the contract (the
// service's word on each field beside it), and each participant's history; a participant whose
// consent was revoked meanwhile is refused with its message.

let hub: TestHub;
let browser: TestBrowser;
let watched: WatchedPage;
let malang: TestClient;
const consentIds: Record<string, string> = {};
const PROGRAMME = 'Pendampingan usaha purna PMI Kalipare 2025';

async function registerReturnee(client: TestClient, fullName: string, serial: number): Promise<string> {
  return dataOf(
    await client.query<{ registerWorker: { id: string } }>(
      `mutation($input: RegisterWorkerInput!) { registerWorker(input: $input) { id } }`,
      {
        input: {
          nik: composeNik('35.07.11', '1985-11-23', 'FEMALE', serial),
          fullName,
          sex: 'FEMALE',
          birthDate: '1985-11-23',
          birthPlace: 'Malang',
          maritalStatus: 'MARRIED',
          education: 'PRIMARY',
          address: 'Dusun Krajan',
          villageCode: '35.07.11.2008',
        },
      },
    ),
  ).registerWorker.id;
}

async function grantEmpowerment(client: TestClient, workerId: string, granteeId: string): Promise<string> {
  return dataOf(
    await client.query<{ grantConsent: { id: string } }>(
      `mutation($w: ID!, $g: ID!) { grantConsent(input: { workerId: $w, granteeInstitutionId: $g, purpose: EMPOWERMENT }) { id } }`,
      { w: workerId, g: granteeId },
    ),
  ).grantConsent.id;
}

beforeAll(async () => {
  if (chromiumMissing) return;
  [hub, browser] = await Promise.all([startTestHub(), openBrowser()]);
  let campus: TestClient;
  [malang, campus] = await Promise.all([
    hub.client('LABOUR_OFFICE', { regionCode: '35.07', name: 'Disnaker Kabupaten Malang' }),
    hub.client('UNIVERSITY', { name: 'Universitas Brawijaya' }),
  ]);
  const university = dataOf(
    await campus.query<{ registerUniversity: { id: string } }>(
      `mutation { registerUniversity(input: { name: "Universitas Brawijaya", regionCode: "35.73.05" }) { id } }`,
    ),
  ).registerUniversity;
  dataOf(
    await campus.query(
      `mutation($u: ID!, $t: String!) { createMentoringProgram(input: { universityId: $u, title: $t, empowermentType: ECONOMIC, villageCode: "35.07.11.2008", startDate: "2025-01-01", description: "Pendampingan usaha bagi purna PMI dan keluarganya." }) { id } }`,
      { u: university.id, t: PROGRAMME },
    ),
  );
  dataOf(
    await campus.query(
      `mutation($u: ID!) { addMentor(input: { universityId: $u, fullName: "Dr. Rini Kusuma", expertise: [BUSINESS_PLAN, MARKETING] }) { id } }`,
      { u: university.id },
    ),
  );
  // Sri and Wati consent to empowerment by the university's institution; Yanti to nobody.
  const sri = await registerReturnee(malang, 'Sri Mulyani', 501);
  const wati = await registerReturnee(malang, 'Wati Susilowati', 502);
  await registerReturnee(malang, 'Yanti Rahayu', 503);
  consentIds['sri'] = await grantEmpowerment(malang, sri, campus.institutionId);
  consentIds['wati'] = await grantEmpowerment(malang, wati, campus.institutionId);
  const mentor = await consolePerson(hub, campus.institutionId, 'MENTOR', 'Rini Kusuma');
  watched = await watchedPage(browser, hub.gatewayUrl);
  await signIn(watched.page, hub.gatewayUrl, mentor.username, mentor.password);
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

describe.skipIf(chromiumMissing)(
  `the university mentor's screens ${chromiumMissing ? `(skipped: ${chromiumMissing})` : ''}`,
  () => {
    it('lands on her programmes and the participants who consented to her institution', async () => {
      const { page } = watched;
      await page.getByRole('heading', { level: 1, name: 'Pendampingan purna PMI' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/mentoring');
      expect(await page.getByRole('navigation', { name: 'Menu utama' }).textContent()).toBe('Pendampingan');
      await page.getByRole('heading', { level: 2, name: 'Program Universitas Brawijaya' }).waitFor();
      const programme = page.locator('li.card').filter({ hasText: PROGRAMME });
      await programme.waitFor();
      await expect
        .poll(() => programme.textContent())
        .toContain('Pemberdayaan ekonomi · sejak 1 Januari 2025 · desa Arjowilangun, Kalipare');
      const participants = page.getByRole('region', { name: 'Peserta yang memberi persetujuan' });
      await participants.getByRole('link', { name: 'Sri Mulyani' }).waitFor();
      expect(await participants.getByRole('link').allTextContents()).toEqual([
        'Sri Mulyani',
        'Wati Susilowati',
      ]);
      expect(await participants.locator('td.nik').first().textContent()).toBe('3507********0501');
      await expectScreenFine(page, 'mentor-home');
    });

    it('logs a session with every field of the contract, each refusal beside its field, and shows it in her history', async () => {
      const { page } = watched;
      await page.getByRole('link', { name: `Catat sesi program ${PROGRAMME}` }).click();
      await page.getByRole('heading', { level: 1, name: 'Catat sesi pendampingan' }).waitFor();
      // The programme it was opened from is chosen.
      await expect.poll(() => page.getByLabel('Program', { exact: true }).inputValue()).not.toBe('');
      await page.getByLabel('Pendamping', { exact: true }).selectOption({ label: 'Dr. Rini Kusuma' });
      await page.getByRole('checkbox', { name: /^Sri Mulyani/ }).check();
      await page.getByLabel('Tanggal sesi').fill('2025-08-01');
      await page.getByLabel('Lama sesi (menit)').fill('2');
      await page.getByRole('radio', { name: 'Tatap muka' }).check();
      // In person at the programme's village by default.
      await expect.poll(() => page.getByLabel('Desa/kelurahan').inputValue()).toBe('35.07.11.2008');
      await page.getByLabel('Bentuk pemberdayaan').selectOption({ label: 'Pendampingan' });
      await page.getByRole('checkbox', { name: 'Rencana usaha' }).check();
      await page.getByRole('checkbox', { name: 'Pemasaran' }).check();
      await page.getByLabel('Keadaan usaha (tidak wajib)').selectOption({ label: 'Baru dimulai' });
      await page
        .getByLabel('Omzet usaha per bulan (tidak wajib)')
        .selectOption({ label: 'Di bawah Rp1 juta' });
      await page.getByLabel('Kebutuhan (tidak wajib)').fill('Kemasan produk\nIzin PIRT');
      await page.getByRole('checkbox', { name: 'Bank (KUR-PMI)' }).check();
      await page
        .getByLabel('Rencana tindak lanjut (tidak wajib)')
        .fill('Mengurus NIB dan izin PIRT bulan depan.');
      await page.getByLabel('Sesi berikutnya (tidak wajib)').fill('2025-07-01');
      await page
        .getByLabel('Niat bekerja ke luar negeri lagi (tidak wajib)')
        .selectOption({ label: 'Tidak' });
      await page.getByLabel('Catatan pendamping (tidak wajib)').fill('Usaha keripik tempe mulai berjalan.');
      await page.getByRole('button', { name: 'Simpan sesi' }).click();
      // Too short, and a next session before this one: both beside their fields at once.
      await expect
        .poll(() => page.locator('#session-durationMinutes-problem').textContent())
        .toBe('must be at least 5 minutes');
      expect(await page.locator('#session-nextSessionDate-problem').textContent()).toBe('must be after date');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('session-durationMinutes');
      await expectScreenFine(page, 'mentor-session-form');
      await page.getByLabel('Lama sesi (menit)').fill('90');
      await page.getByLabel('Sesi berikutnya (tidak wajib)').fill('2025-09-01');
      await page.getByRole('button', { name: 'Simpan sesi' }).click();

      await page.getByRole('heading', { level: 1, name: 'Riwayat pendampingan Sri Mulyani' }).waitFor();
      expect(
        await page.getByRole('status').filter({ hasText: 'Sesi pendampingan telah dicatat.' }).count(),
      ).toBe(1);
      const session = page.locator('li.card').first();
      // The village's name arrives after the card, from its own query.
      await expect.poll(() => session.textContent()).toContain('Tatap muka · Arjowilangun, Kalipare');
      const text = (await session.textContent()) ?? '';
      for (const shown of [
        `1 Agustus 2025 · ${PROGRAMME}`,
        'Universitas Brawijaya · Pendampingan · Rencana usaha, Pemasaran',
        'Dr. Rini Kusuma',
        '90 menit',
        'Tatap muka · Arjowilangun, Kalipare',
        'Baru dimulai',
        'Di bawah Rp1 juta',
        'Kemasan produk; Izin PIRT',
        'Bank (KUR-PMI)',
        'Mengurus NIB dan izin PIRT bulan depan.',
        '1 September 2025',
        'Usaha keripik tempe mulai berjalan.',
      ]) {
        expect(text, shown).toContain(shown);
      }
      await expectScreenFine(page, 'mentor-history');
    });

    it('a participant who revoked her consent meanwhile is refused, and her history is no longer there', async () => {
      const { page } = watched;
      await page.goto(`${hub.gatewayUrl}/mentoring`);
      await page.getByRole('link', { name: 'Wati Susilowati' }).click();
      await page.getByRole('heading', { level: 1, name: 'Riwayat pendampingan Wati Susilowati' }).waitFor();
      await page.getByText('Belum ada yang tercatat.').waitFor();
      await page.getByRole('link', { name: 'Catat sesi dengan Wati Susilowati' }).click();
      await page.getByRole('heading', { level: 1, name: 'Catat sesi pendampingan' }).waitFor();
      expect(await page.getByRole('checkbox', { name: /^Wati Susilowati/ }).isChecked()).toBe(true);
      await page.getByLabel('Program', { exact: true }).selectOption({ label: PROGRAMME });
      await page.getByLabel('Pendamping', { exact: true }).selectOption({ label: 'Dr. Rini Kusuma' });
      await page.getByLabel('Tanggal sesi').fill('2025-08-02');
      await page.getByLabel('Lama sesi (menit)').fill('45');
      await page.getByRole('radio', { name: 'Daring' }).check();
      await page.getByLabel('Bentuk pemberdayaan').selectOption({ label: 'Konseling' });
      await page.getByRole('checkbox', { name: 'Psikososial' }).check();
      // At the LTSA desk, Wati withdraws her consent while the mentor fills in the form.
      dataOf(
        await malang.query(`mutation($id: ID!) { revokeConsent(id: $id) { id } }`, {
          id: consentIds['wati'],
        }),
      );
      await page.getByRole('button', { name: 'Simpan sesi' }).click();
      await expect
        .poll(() => page.getByRole('alert').first().textContent())
        .toBe(
          'Salah satu peserta tidak (lagi) memberi persetujuan pemberdayaan kepada institusi Anda, jadi sesi tidak dicatat.',
        );
      await page.goto(`${hub.gatewayUrl}/mentoring`);
      await page.getByRole('link', { name: 'Sri Mulyani' }).waitFor();
      expect(await page.getByRole('link', { name: 'Wati Susilowati' }).count()).toBe(0);
    });

    it('sent nothing off the origin and broke no rule of the page’s policy', async () => {
      expect(watched.offOrigin()).toEqual([]);
      expect(await watched.cspViolations()).toEqual([]);
    });
  },
);
