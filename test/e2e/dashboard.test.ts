// The dashboard in a real browser: Debian's Chromium driven by playwright-core against the real
// server (in process, on 127.0.0.1) over a fresh database with the default dataset. Screenshots of
// every view go to test/e2e/screenshots/ (ignored by git) for a person to look at.
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { createTestApi, jsonInit, PASSWORD, type TestApi } from '../helpers/api.js';

const CHROMIUM = process.env['OPCON_TEST_CHROMIUM'] ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (process.env['OPCON_TEST_CHROMIUM'] !== undefined && !hasChromium) throw new Error(`OPCON_TEST_CHROMIUM=${CHROMIUM} does not exist`);
const SKIP = hasChromium ? '' : ' — skipped: install Debian\'s chromium (apt-get install chromium) or set OPCON_TEST_CHROMIUM to a Chromium binary to run it';
const SHOTS = join(ROOT, 'test', 'e2e', 'screenshots');
const HIDDEN = 'A US-only remark no ROK reader may see';

describe.skipIf(!hasChromium)(`dashboard in Chromium${SKIP}`, () => {
  let t: TestApi;
  let server: ServerType;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    const { buildWeb, isWebBuildFresh } = (await import(join(ROOT, 'scripts', 'build-web.mjs'))) as { buildWeb(): Promise<void>; isWebBuildFresh(): boolean };
    if (!isWebBuildFresh()) await buildWeb();
    t = await createTestApi({ webRoot: join(ROOT, 'dist', 'web'), isSystemClock: true });
    const admin = await t.login('admin-1');
    const hidden = await t.request('/api/statements', jsonInit('POST', admin, { sourceId: 'S94', text: HIDDEN, isVerbatim: true, speaker: 'US official', role: null, side: 'US', stance: 'cautious', saidOn: '2026-11-20', releasability: 'US-ONLY' }));
    expect(hidden.status).toBe(201);
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: t.api.app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
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

  it('never shows a ROK reader US-ONLY evidence, and shows it to a US reader', async () => {
    const rok = await loggedIn('viewer-rok');
    expect(await rok.content()).not.toContain(HIDDEN);
    const us = await loggedIn('us-assessor-1');
    expect(await us.locator('main').innerText()).toContain(HIDDEN);
  }, 120_000);
});
