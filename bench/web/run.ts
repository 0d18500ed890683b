// The dashboard's first load on loopback: from navigation to the overview's S-curves drawn, in
// Chromium, over the default dataset (goal: under 1.5 s), and its JavaScript size gzipped (goal:
// under 400 kB). Five cold loads, each in a fresh browser context (no cache), after one warm-up.
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { chromium } from 'playwright-core';
import { createTestApi } from '../../test/helpers/api.js';
import { ROOT } from '../../test/helpers/cli.js';

const CHROMIUM = process.env['OPCON_CHROMIUM'] ?? '/usr/bin/chromium';
const RUNS = 5;

const { buildWeb, isWebBuildFresh, webJsSizes } = (await import(join(ROOT, 'scripts', 'build-web.mjs'))) as { buildWeb(): Promise<void>; isWebBuildFresh(): boolean; webJsSizes(): { raw: number; gzip: number } };
if (!isWebBuildFresh()) await buildWeb();
const t = await createTestApi({ webRoot: join(ROOT, 'dist', 'web'), isSystemClock: true });
const server = await new Promise<ServerType>((resolve) => {
  const s = serve({ fetch: t.api.app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
});
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-background-networking'] });
const sessionCookie = (await t.login('viewer-public'))['cookie'] ?? '';
const [name = '', value = ''] = sessionCookie.split('=');
const times: number[] = [];
for (let i = 0; i <= RUNS; i++) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  await context.addCookies([{ name, value, url: base }]);
  const page = await context.newPage();
  const started = performance.now();
  await page.goto(base);
  await page.locator('.chart svg path').first().waitFor({ state: 'attached', timeout: 30_000 });
  if (i > 0) times.push(performance.now() - started);
  await context.close();
}
await browser.close();
await new Promise((resolve) => server.close(resolve));
await t.close();
times.sort((a, b) => a - b);
const { raw, gzip } = webJsSizes();
console.log(`overview first load (navigation → S-curves drawn, cold context, ${RUNS} runs): median ${Math.round(times[Math.floor(RUNS / 2)]!)} ms, max ${Math.round(times[RUNS - 1]!)} ms (goal < 1500 ms)`);
console.log(`JavaScript: ${(raw / 1024).toFixed(0)} kB, ${(gzip / 1024).toFixed(0)} kB gzipped (goal < 400 kB)`);
