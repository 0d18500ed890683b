/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The dashboard in a real browser: Debian's Chromium driven by playwright-core against the real
// server (in process, on 127.0.0.1) over a fresh database with the default dataset. Screenshots of
// every view go to test/e2e/screenshots/ (ignored by git) for a person to look at.
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createServer, type Server } from 'node:http';
import { pino } from 'pino';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { requestListener } from '../../src/server/start.js';
import { createTestApi, jsonInit, PASSWORD, type TestApi } from '../helpers/api.js';

const CHROMIUM = process.env['OPCON_TEST_CHROMIUM'] ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (process.env['OPCON_TEST_CHROMIUM'] !== undefined && !hasChromium) throw new Error(`OPCON_TEST_CHROMIUM=${CHROMIUM} does not exist`);
const SKIP = hasChromium ? '' : ' — skipped: install Debian\'s chromium (apt-get install chromium) or set OPCON_TEST_CHROMIUM to a Chromium binary to run it';
const SHOTS = join(ROOT, 'test', 'e2e', 'screenshots');
const HIDDEN = 'A US-only remark no ROK reader may see';

describe.skipIf(!hasChromium)(`dashboard in Chromium${SKIP}`, () => {
  let t: TestApi;
  let server: Server;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    const { buildWeb, isWebBuildFresh } = (await import(join(ROOT, 'scripts', 'build-web.mjs'))) as { buildWeb(): Promise<void>; isWebBuildFresh(): boolean };
    if (!isWebBuildFresh()) await buildWeb();
    t = await createTestApi({ webRoot: join(ROOT, 'dist', 'web'), isSystemClock: true });
    const admin = await t.login('admin-1');
    const hidden = await t.request('/api/statements', jsonInit('POST', admin, { sourceId: 'S94', text: HIDDEN, isVerbatim: true, speaker: 'US official', role: null, side: 'US', stance: 'cautious', saidOn: '2026-11-20', releasability: 'US-ONLY' }));
    expect(hidden.status).toBe(201);
    // Served as `opcon serve` serves it: cached reads at the socket, the rest by the app.
    server = await new Promise<Server>((resolve) => {
      const s = createServer(requestListener(t.api, '127.0.0.1', pino({ level: 'silent' }))).listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-background-networking', '--disable-dev-shm-usage'] });
    mkdirSync(SHOTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await t?.close();
  });

  async function loggedIn(username: string, width = 1366, height = 768): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width, height } })).newPage();
    // Today: the server runs on the system clock, so what was recorded in this test is known from today on.
    await page.goto(`${base}/#/overview?asOf=${new Date().toISOString().slice(0, 10)}`);
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Conditions — readiness as each party sees it' }).waitFor();
    await page.locator('.chart svg path').first().waitFor({ state: 'attached', timeout: 60_000 });
    return page;
  }

  const today = () => new Date().toISOString().slice(0, 10);

  /** What shows that each view has loaded its data. */
  const READY: Readonly<Record<string, (page: Page) => Promise<unknown>>> = {
    overview: (page) => page.locator('.chart svg path').first().waitFor({ state: 'attached', timeout: 60_000 }),
    conditions: (page) => page.getByRole('table', { name: 'Divergence between the parties, criterion by year' }).waitFor(),
    forecast: (page) => page.getByRole('table', { name: 'Each view and scenario side by side' }).waitFor({ timeout: 90_000 }),
    timeline: (page) => page.getByText(/^\d+ events\./).waitFor(),
    decisions: (page) => page.getByRole('heading', { name: 'Decisions by forum' }).waitFor(),
    evidence: (page) => page.getByText(/of \d+ statements, newest first|No statement matches/).waitFor(),
    assess: (page) => page.getByRole('heading', { name: 'Record an assessment' }).waitFor(),
    ingest: (page) => page.getByRole('heading', { name: 'Add an article' }).waitFor(),
  };

  async function openView(page: Page, view: string): Promise<void> {
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: new RegExp(`^${view}`, 'i') }).click();
    await READY[view]!(page);
  }

  /** Search the Evidence view's statements (the view must be open). */
  async function searchStatements(page: Page, text: string): Promise<void> {
    await page.getByLabel('Search', { exact: true }).fill(text);
    await page.getByRole('search').getByRole('button', { name: 'Search', exact: true }).click();
  }

  it('refuses a wrong password, then logs in and shows the overview with the forecast drawn', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(base);
    await page.getByLabel('Username').fill('viewer-public');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect.poll(async () => page.getByRole('alert').textContent()).toContain('wrong password');
    const overview = await loggedIn('admin-1');
    const text = await overview.locator('main').innerText();
    for (const part of ['Stages and gates', 'FOC', 'C1 Core military capability', 'Key dates and the forecast', 'Escalation level: political', 'Latest statements']) expect(text).toContain(part);
    expect(await overview.locator('a[href^="/api/report?format=pdf"]').count()).toBe(1);
    await overview.screenshot({ path: join(SHOTS, 'overview-1366x768.png'), fullPage: true });
    const wall = await loggedIn('admin-1', 1920, 1080);
    await wall.screenshot({ path: join(SHOTS, 'overview-1920x1080.png'), fullPage: true });
  }, 120_000);

  it('travels back in time: the picture as of 2019 has IOC still ahead and fewer records', async () => {
    const page = await loggedIn('viewer-public');
    const now = await page.locator('.lede').innerText();
    await page.getByLabel('As of').fill('2019-06-30');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect.poll(async () => page.locator('.lede').innerText()).toContain('as of 2019-06-30');
    const then = await page.locator('.lede').innerText();
    const count = (s: string) => Number(/(\d+) sources/.exec(s)?.[1]);
    expect(count(then)).toBeLessThan(count(now));
    expect(page.url()).toContain('asOf=2019-06-30');
    await page.screenshot({ path: join(SHOTS, 'overview-2019.png'), fullPage: true });
  }, 120_000);

  it('shows every view, on a laptop and on a 1080p wall display, with every control labelled', async () => {
    for (const [width, height] of [[1366, 768], [1920, 1080]] as const) {
      const page = await loggedIn('admin-1', width, height);
      for (const view of Object.keys(READY)) {
        await openView(page, view);
        expect(page.url()).toContain(`#/${view}?asOf=`);
        // Every form control has a name a screen reader can say.
        const unlabelled = await page.evaluate(() =>
          [...document.querySelectorAll('input, select, textarea, button')].filter((el) => {
            const labels = (el as HTMLInputElement).labels;
            return (labels === null || labels.length === 0) && !el.getAttribute('aria-label') && (el.textContent ?? '').trim() === '';
          }).map((el) => el.outerHTML.slice(0, 80)),
        );
        expect(unlabelled, view).toEqual([]);
        // Nothing overflows the window sideways.
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), `${view} at ${width}`).toBe(true);
        await page.screenshot({ path: join(SHOTS, `${view}-${width}x${height}.png`), fullPage: view !== 'timeline' && view !== 'evidence' });
      }
      await page.context().close();
    }
  }, 600_000);

  it('is usable from the keyboard: the views are reached with Tab and Enter', async () => {
    const page = await loggedIn('viewer-public');
    await page.locator('body').focus();
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.textContent)) === 'Conditions') break;
    }
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Conditions');
    await page.keyboard.press('Enter');
    await READY['conditions']!(page);
    // A heat-map cell is a button: Enter on it opens the criterion's history.
    await page.getByRole('button', { name: /^C1\.operational-proficiency 2025:/ }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('table', { name: 'Assessments of C1.operational-proficiency, oldest first' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('history-h');
    expect(page.url()).toContain('criterion=C1.operational-proficiency');
    await page.screenshot({ path: join(SHOTS, 'conditions-history.png'), fullPage: true });
  }, 120_000);

  it('runs a forecast scenario beside the baseline, and cancels a long run', async () => {
    const page = await loggedIn('viewer-public');
    await openView(page, 'forecast');
    await page.getByRole('checkbox', { name: /The US accepts the ROK assessment/ }).check();
    await page.getByLabel(/^Slip/).selectOption('FMC');
    await page.getByLabel('by (days)').fill('365');
    await page.getByRole('button', { name: 'Add scenario' }).click();
    await page.getByRole('button', { name: 'Run forecast' }).click();
    await page.getByText(/^Done: 9 runs/).waitFor({ timeout: 90_000 });
    const table = page.getByRole('table', { name: 'Each view and scenario side by side' });
    await expect.poll(async () => table.locator('tbody tr').count()).toBe(9);
    const rows = await table.locator('tbody tr').allInnerTexts();
    expect(rows.filter((r) => r.includes('FMC slips 365 days'))).toHaveLength(3);
    // A year's slip of FMC verification moves the median later in every view.
    for (const row of rows.filter((r) => r.includes('FMC slips 365 days'))) expect(row).toMatch(/\+\d+ days/);
    await page.screenshot({ path: join(SHOTS, 'forecast-scenarios.png'), fullPage: true });
    await page.getByLabel('Iterations per run').selectOption('2000000');
    await page.getByRole('button', { name: 'Run forecast' }).click();
    await page.getByRole('progressbar', { name: 'Forecast progress' }).waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText(/^Cancelled/).waitFor({ timeout: 30_000 });
    // The last finished result stays on the page.
    expect(await table.locator('tbody tr').count()).toBe(9);
  }, 240_000);

  it('adds an assessment as a ROK assessor, and it shows in the criterion\'s history', async () => {
    const page = await loggedIn('rok-assessor-1');
    await openView(page, 'assess');
    await page.getByLabel('Criterion').selectOption('C2.munitions');
    await page.getByLabel('partly (1)').check();
    await page.getByLabel('Rationale').fill('Stockpile figures are not public; budget lines for munitions rose (test entry).');
    await page.getByLabel('Find statements').fill('three-axis');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.locator('ul.picker input[type="checkbox"]').first().check();
    await page.getByRole('button', { name: 'Record assessment' }).click();
    await page.getByText(/^Recorded as A-/).waitFor();
    // The list beside the form reloads with the new record in it, as the latest judgement.
    const row = page.getByRole('region', { name: "ROK's assessments of C2.munitions" }).getByRole('row', { name: /Stockpile figures are not public/ });
    await row.waitFor();
    expect(await row.innerText()).toContain('latest judgement');
    await page.screenshot({ path: join(SHOTS, 'assess-recorded.png'), fullPage: true });
    await page.goto(`${base}/#/conditions?asOf=${today()}&criterion=C2.munitions`);
    const history = page.getByRole('table', { name: 'Assessments of C2.munitions, oldest first' });
    await history.waitFor();
    expect(await history.innerText()).toContain('Stockpile figures are not public');
  }, 120_000);

  it('reviews a pasted article as an analyst: statements highlighted, one accepted into evidence', async () => {
    const page = await loggedIn('analyst-rok');
    await openView(page, 'ingest');
    const text = 'SEOUL, Nov. 30 (Yonhap) -- Defense Minister Ahn Gyu-back said Sunday that Seoul "will complete the verification of full operational capability next year" under the road map agreed with Washington.';
    await page.getByLabel('Article text (plain text or HTML)').fill(text);
    await page.getByLabel('Outlet').fill('Yonhap');
    await page.getByRole('button', { name: 'Extract statements' }).click();
    const mark = page.locator('.article mark').first();
    await mark.waitFor();
    expect(await mark.innerText()).toContain('will complete the verification of full operational capability next year');
    const card = page.locator('li.proposal').first();
    // The extraction credits the whole hyphenated name, its title and side; the analyst refines the role.
    expect(await card.getByLabel('Speaker').inputValue()).toBe('Ahn Gyu-back');
    expect(await card.getByLabel('Role').inputValue()).toBe('Defense Minister');
    expect(await card.getByLabel('Side').inputValue()).toBe('ROK');
    await card.getByLabel('Role').fill('Minister of National Defense');
    await card.getByRole('button', { name: 'Save edits' }).click();
    await page.locator('li.proposal').first().getByText('pending, edited').waitFor();
    await page.locator('li.proposal').first().getByRole('button', { name: 'Accept into evidence' }).click();
    await page.locator('.article mark.accepted').first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'ingest-reviewed.png'), fullPage: true });
    await openView(page, 'evidence');
    await searchStatements(page, 'full operational capability next year');
    await page.getByText('1–1 of 1 statements, newest first.').waitFor();
    const found = await page.locator('ul.statements').innerText();
    expect(found).toContain('Ahn Gyu-back');
    expect(found).toContain('Minister of National Defense');
  }, 120_000);

  it('never shows a ROK reader US-ONLY evidence on any view, not even as a count', async () => {
    const rok = await loggedIn('viewer-rok');
    for (const view of ['overview', 'conditions', 'timeline', 'decisions', 'evidence', 'forecast']) {
      await openView(rok, view);
      expect(await rok.content(), view).not.toContain(HIDDEN);
    }
    await openView(rok, 'evidence');
    await searchStatements(rok, 'US-only remark');
    await rok.getByText('No statement matches.').waitFor();
    const us = await loggedIn('us-assessor-1');
    await openView(us, 'evidence');
    await searchStatements(us, 'US-only remark');
    await us.getByText('1–1 of 1 statements, newest first.').waitFor();
    expect(await us.locator('ul.statements').innerText()).toContain('US-ONLY');
  }, 240_000);
});
