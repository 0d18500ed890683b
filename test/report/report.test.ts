// Reports: the Markdown snapshot of the default dataset, byte-identical reruns, well-formed HTML and
// SVG, numbered citations that resolve, releasability, the API download, and PDF through Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOperation } from '../../src/app/operation.js';
import { operations } from '../../src/app/registry.js';
import { buildReport, type ReportFormat } from '../../src/report/build.js';
import { chromiumPdfRenderer } from '../../src/store/pdf/chromium.js';
import { createTestApi, jsonInit, type TestApi } from '../helpers/api.js';
import { opcon } from '../helpers/cli.js';

const AS_OF = '2026-06-25';
const SINCE = '2026-03-01';
const CHROMIUM = process.env['OPCON_TEST_CHROMIUM'] ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const hasPoppler = spawnSync('pdfinfo', ['-v']).error === undefined;
if (process.env['OPCON_TEST_CHROMIUM'] !== undefined && !hasChromium) throw new Error(`OPCON_TEST_CHROMIUM=${CHROMIUM} does not exist`);
const PDF_SKIP = !hasChromium || !hasPoppler ? ' — skipped: install Debian\'s chromium and poppler-utils (apt-get install chromium poppler-utils) or set OPCON_TEST_CHROMIUM to a Chromium binary to run it' : '';

let t: TestApi;
beforeAll(async () => {
  t = await createTestApi();
}, 120_000);
afterAll(async () => {
  await t.close();
});

async function report(format: ReportFormat, input: Record<string, unknown> = {}): Promise<string> {
  const built = await buildReport(t.deps, { format, paper: 'a4', input: { asOf: AS_OF, since: SINCE, ...input } });
  if (!built.ok) throw new Error(built.error.message);
  return new TextDecoder().decode(built.value.bytes);
}

/** Every element closed explicitly, in order; void elements never closed. */
function structureProblems(html: string, isXml = false): string[] {
  const VOID = new Set(['meta', 'br', 'img', 'hr', 'input', 'link']);
  const stack: { readonly name: string; readonly endIndex: number }[] = [];
  const problems: string[] = [];
  const parser: Parser = new Parser(
    {
      onopentag: (name) => {
        if (!VOID.has(name) || isXml) stack.push({ name, endIndex: parser.endIndex });
      },
      onclosetag: (name, isImplied) => {
        if (VOID.has(name) && !isXml) return;
        const open = stack.pop();
        // A self-closing tag (`<rect/>`) closes where it opened; any other implied close is a missing end tag.
        if (isImplied && open?.endIndex !== parser.endIndex) problems.push(`<${name}> closed implicitly`);
        if (open?.name !== name) problems.push(`</${name}> closes <${open?.name ?? 'nothing'}>`);
      },
    },
    { xmlMode: isXml, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(', ')}`);
  return problems;
}

describe('report content', () => {
  it('matches the Markdown snapshot of the default dataset as of 2026-06-25, since 2026-03-01', async () => {
    await expect(await report('md')).toMatchFileSnapshot('./snapshots/opcon-brief-2026-06-25.md');
  }, 120_000);

  it('gives byte-identical Markdown and HTML for the same as-of, since and seed', async () => {
    for (const format of ['md', 'html'] as const) {
      const first = await report(format, { iterations: 5000 });
      const second = await report(format, { iterations: 5000 });
      expect(second === first, format).toBe(true);
    }
    // A different seed moves the Monte Carlo figures, so the seed really is what fixes them.
    expect(await report('md', { iterations: 5000, seed: 7 })).not.toBe(await report('md', { iterations: 5000 }));
  }, 120_000);

  it('holds the headline figures of the forecast it ran, and every citation resolves to a listed source', async () => {
    const md = await report('md', { iterations: 5000 });
    const forecast = await runOperation(operations.forecast, t.deps, { asOf: AS_OF, iterations: 5000 });
    if (!forecast.ok) throw new Error(forecast.error.message);
    for (const run of forecast.value.runs) {
      const p50 = run.run.final.quantiles.find((q) => q.percentile === 50)!.date;
      expect(md).toContain(p50);
    }
    for (const heading of ['Executive summary', 'Conditions in detail', 'Stages and gates', 'Forecast', 'Decisions and escalation', `What changed since ${SINCE}`, 'Key quotes', 'Appendix A. Sources', 'Appendix B. Method and assumptions']) {
      expect(md).toContain(`## ${heading}`);
    }
    const cited = new Set([...md.matchAll(/\(#source-(\d+)\)/g)].map((m) => Number(m[1])));
    const listed = new Set([...md.matchAll(/<a id="source-(\d+)"><\/a>/g)].map((m) => Number(m[1])));
    expect(cited.size).toBeGreaterThan(20);
    expect([...cited].filter((n) => !listed.has(n))).toEqual([]);
    expect([...listed].filter((n) => !cited.has(n) && n > 0).length).toBeLessThanOrEqual(listed.size);
    expect(md).toContain('seed 20260625');
    expect(md).toContain('public-record estimates');
    expect(md.startsWith('**PUBLIC**')).toBe(true);
  }, 120_000);

  it('is well-formed HTML with well-formed inline SVG and no script or external resource', async () => {
    // The checker itself catches a missing end tag, in HTML and in SVG.
    expect(structureProblems('<main><p>text</main>')).not.toEqual([]);
    expect(structureProblems('<svg><g><rect/></svg>', true)).not.toEqual([]);
    const html = await report('html', { iterations: 5000 });
    // Inline SVG is foreign content with self-closing tags: checked as XML below.
    expect(structureProblems(html.replace(/<svg[\s\S]*?<\/svg>/g, ''))).toEqual([]);
    const svgs = [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m) => m[0]);
    expect(svgs.length).toBe(2);
    for (const svg of svgs) expect(structureProblems(svg, true)).toEqual([]);
    expect(html).not.toMatch(/<script|<link |src="http/);
    expect(html).toContain('<div class="marking top">PUBLIC</div>');
  }, 120_000);

  it('refuses a since date that is not before the as-of date', async () => {
    const built = await buildReport(t.deps, { format: 'md', paper: 'a4', input: { asOf: AS_OF, since: AS_OF } });
    expect(built.ok ? null : built.error.code).toBe('invalid-input');
  });
});

describe('report releasability and the API', () => {
  it('gives a ROK reader a report with no trace of US-ONLY records, and a US reader one marked US-ONLY', async () => {
    const rok = await t.login('viewer-rok');
    const us = await t.login('us-assessor-1');
    const admin = await t.login('admin-1');
    const url = '/api/report?format=md&asOf=2026-11-23&since=2026-06-01&iterations=2000';
    const before = await (await t.request(url, { headers: rok })).text();
    const text = 'A US-only line that no ROK reader may see';
    expect((await t.request('/api/statements', jsonInit('POST', admin, { sourceId: 'S94', text, isVerbatim: true, speaker: 'US official', role: null, side: 'US', stance: 'cautious', saidOn: '2026-11-20', releasability: 'US-ONLY' }))).status).toBe(201);
    expect((await t.request('/api/assessments', jsonInit('POST', admin, { party: 'US', criterionId: 'C2.three-axis', asOf: '2026-11-21', rating: 3, confidence: 1, rationale: 'US-only judgement of the three axes', basis: 'official', sourceIds: ['S94'], releasability: 'US-ONLY' }))).status).toBe(201);
    const response = await t.request(url, { headers: rok });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="opcon-brief-2026-11-23-rok.md"');
    const after = await response.text();
    expect(after).toBe(before);
    expect(response.headers.get('x-releasability')).toBe('PUBLIC');
    const usResponse = await t.request(url, { headers: us });
    const usReport = await usResponse.text();
    expect(usResponse.headers.get('x-releasability')).toBe('US-ONLY');
    expect(usReport.startsWith('**US-ONLY**')).toBe(true);
    expect(usReport).toContain(text);
    expect(usReport).toContain('US-only judgement of the three axes');
    // An admin may ask for the ROK copy; nobody can widen their own.
    const rokCopy = await (await t.request(`${url}&audience=ROK`, { headers: admin })).text();
    expect(rokCopy).not.toContain(text);
    const widened = await (await t.request(`${url}&audience=all`, { headers: rok })).text();
    expect(widened).toBe(before);
  }, 180_000);

  it('answers a bad format or date with 400 and the path, and is in the OpenAPI document', async () => {
    const headers = await t.login('viewer-public');
    const bad = await t.request('/api/report?format=docx', { headers });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { path: string } }).error.path).toBe('format');
    expect((await t.request('/api/report?format=md&since=yesterday', { headers })).status).toBe(400);
    expect((await t.request('/api/report?format=md')).status).toBe(401);
    const doc = (await (await t.request('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toContain('/api/report');
  }, 60_000);
});

describe('PDF', () => {
  it('without Chromium, fails as unavailable and says how to install it', async () => {
    const result = await chromiumPdfRenderer('/nonexistent/chromium').render('<p>x</p>', { paper: 'a4', headerText: 'h', footerText: 'f' });
    expect(result.ok ? null : result.error.code).toBe('unavailable');
    expect(result.ok ? '' : result.error.message).toMatch(/apt-get install chromium.*OPCON_CHROMIUM/);
    const run = opcon(['report', '--format', 'pdf', '--out', join(mkdtempSync(join(tmpdir(), 'opcon-pdf-')), 'x.pdf')], { OPCON_CHROMIUM: '/nonexistent/chromium' });
    expect(run.code).toBe(8);
    expect(run.stderr).toContain('apt-get install chromium');
  }, 60_000);

  it.skipIf(PDF_SKIP !== '')(`prints A4 and Letter with a header, page numbers, non-blank pages and the headline figures${PDF_SKIP}`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'opcon-pdf-'));
    const md = await report('md');
    for (const paper of ['a4', 'letter'] as const) {
      const built = await buildReport({ ...t.deps, pdf: chromiumPdfRenderer(CHROMIUM) }, { format: 'pdf', paper, input: { asOf: AS_OF, since: SINCE } });
      if (!built.ok) throw new Error(built.error.message);
      const file = join(dir, `brief-${paper}.pdf`);
      writeFileSync(file, built.value.bytes);
      const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout;
      const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
      expect(info).toContain(paper === 'a4' ? '(A4)' : '(letter)');
      const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;
      // The footer numbers every page "page N of M", and M is the page count pdfinfo reads.
      expect(text).toContain(`page 1 of ${pages}`);
      expect(text).toContain(`page ${pages} of ${pages}`);
      expect(pages).toBeGreaterThanOrEqual(8);
      expect(text).toContain(`PUBLIC · OPCON transition brief as of ${AS_OF}`);
      for (const p50 of [...md.matchAll(/^\| (?:ROK view|US view|Combined \(lower rating\)) \| (\d{4}-\d{2}-\d{2}) \| (\d{4}-\d{2}-\d{2}) \|/gm)].flatMap((m) => [m[1]!, m[2]!])) {
        expect(text).toContain(p50);
      }
      spawnSync('pdftoppm', ['-gray', '-r', '30', file, join(dir, `page-${paper}`)]);
      for (let page = 1; page <= pages; page++) {
        const pgm = readFileSync(join(dir, `page-${paper}-${String(page).padStart(String(pages).length, '0')}.pgm`));
        // Binary PGM: "P5", width, height, maxval, then one byte per pixel; count ink between the header and footer bands.
        const [, width = 0, height = 0] = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))?.map(Number) ?? [];
        const body = pgm.subarray(pgm.length - width * height);
        let dark = 0;
        for (let y = Math.floor(height * 0.1); y < Math.floor(height * 0.9); y++) for (let x = 0; x < width; x++) if (body[y * width + x]! < 200) dark++;
        expect(dark, `page ${page} of the ${paper} PDF is blank`).toBeGreaterThan(20);
      }
    }
  }, 180_000);
});
