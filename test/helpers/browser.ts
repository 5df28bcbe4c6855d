import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * Browser tests drive Debian's Chromium (`apt-get install chromium`; `.ci/run` installs it) with
 * playwright-core: no browser download. Without it the browser tests are skipped, saying why.
 */
export const CHROMIUM_PATH = process.env['HUB_TEST_CHROMIUM'] ?? '/usr/bin/chromium';
export const chromiumMissing: string | false = existsSync(CHROMIUM_PATH)
  ? false
  : `Chromium is not installed at ${CHROMIUM_PATH} (apt-get install -y chromium; .ci/run installs it)`;

/** Where screenshots go (git-ignored). */
export const SCREENS_DIR = join(process.cwd(), '.test-output', 'screens');

// The machine's network is closed: Chromium's own background connections (updates, sync, safe
// browsing, QUIC probes) would only hang, and no test may send anything off the machine.
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 375, height: 740 } as const;

export interface TestBrowser {
  readonly browser: Browser;
  close(): Promise<void>;
}

/**
 * One Chromium per test file. Playwright starts it on a fresh temporary profile
 * (`--user-data-dir`) of its own and removes it on close; each watched page below gets a context
 * of its own (cookies, storage), so two people never share a sign-in.
 */
export async function openBrowser(): Promise<TestBrowser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_FLAGS,
  });
  return { browser, close: () => browser.close() };
}

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

export interface WatchedPage {
  readonly page: Page;
  /** Every URL the page requested, in order. */
  readonly requests: string[];
  /** Requests that went anywhere but the hub's origin (data: and the origin's own blob: URLs are local). */
  offOrigin(): string[];
  /** Content-Security-Policy violations the page reported. */
  cspViolations(): Promise<string[]>;
}

/** A new page of the browser that records every request it makes and every CSP violation. */
export async function watchedPage(browser: TestBrowser, origin: string): Promise<WatchedPage> {
  const context = await browser.browser.newContext({
    viewport: DESKTOP,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    acceptDownloads: true,
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  // A closed page takes its context along; when the browser closes first, there is nothing left to close.
  page.on('close', () => void context.close().catch(() => undefined));
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations?.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return {
    page,
    requests,
    offOrigin: () =>
      requests.filter(
        (url) =>
          !url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith(`blob:${origin}/`),
      ),
    cspViolations: () => page.evaluate(() => window.__cspViolations ?? []),
  };
}

let axeSource: string | undefined;

/**
 * axe-core's serious and critical violations on the page as it is, as `rule: target` lines. axe
 * is evaluated through the DevTools protocol, which the page's CSP does not govern.
 */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  axeSource ??= await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }
    ).axe;
    interface AxeResults {
      violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[];
    }
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      targets: violation.nodes.map((node) => JSON.stringify(node.target)),
    }));
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) => violation.targets.map((target) => `${violation.id}: ${target}`));
}

export interface ScreenCheck {
  readonly accessibility: string[];
  /** How far the page is wider than a 375 px phone (0 when it reflows). */
  readonly phoneOverflow: number;
}

/**
 * One main screen checked as the tests check every one: axe at desktop width and at 375 px, a
 * full-page screenshot at each (`.test-output/screens/<name>-desktop.png`, `-375.png`), and
 * whether the page scrolls sideways on the phone.
 */
export async function checkScreen(page: Page, name: string): Promise<ScreenCheck> {
  await mkdir(SCREENS_DIR, { recursive: true });
  await page.setViewportSize(DESKTOP);
  const accessibility = await accessibilityProblems(page);
  await page.screenshot({ path: join(SCREENS_DIR, `${name}-desktop.png`), fullPage: true });
  await page.setViewportSize(PHONE);
  accessibility.push(...(await accessibilityProblems(page)).map((problem) => `375px ${problem}`));
  const phoneOverflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  await page.screenshot({ path: join(SCREENS_DIR, `${name}-375.png`), fullPage: true });
  await page.setViewportSize(DESKTOP);
  return { accessibility, phoneOverflow };
}

/**
 * Signs a person in through the console, as they would: "Masuk" on the start page, the gateway's
 * sign-in form (`username`, `password`), back to the console signed in.
 */
export async function signIn(page: Page, origin: string, username: string, password: string): Promise<void> {
  await page.goto(`${origin}/`);
  await page.getByRole('button', { name: /^(Masuk|Sign in)$/ }).click();
  await page.locator('input[name=username]').fill(username);
  await page.locator('input[name=password]').fill(password);
  await page.locator('form button[type=submit]').click();
  await page.getByRole('button', { name: /^(Keluar|Sign out)$/ }).waitFor();
}
