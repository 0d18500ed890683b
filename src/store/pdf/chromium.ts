/**
 * PDF printing through playwright-core and the system's Chromium (Debian's `chromium`): the page
 * is set from a string with scripts disabled and every network request refused, so a report
 * prints only what it contains. A missing browser is an expected failure that says how to install it.
 */
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import type { PdfOptions, PdfRenderer } from '../../app/ports.js';
import { fail, ok, type Result } from '../../core/common/result.js';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// Header and footer templates are rendered apart from the page and get no style from it.
const BAND_STYLE = 'font: 8px Helvetica, Arial, sans-serif; color: #111; width: 100%; margin: 0 14mm; display: flex; justify-content: space-between;';

/** A PDF renderer over the Chromium at `executablePath`. */
export function chromiumPdfRenderer(executablePath: string): PdfRenderer {
  return {
    kind: 'pdf-renderer',
    async render(html: string, options: PdfOptions): Promise<Result<Uint8Array>> {
      try {
        await access(executablePath, constants.X_OK);
      } catch {
        return fail(
          'unavailable',
          `a PDF needs Chromium, and there is none at ${executablePath}: install it (Debian: "apt-get install chromium") or set OPCON_CHROMIUM to its path; Markdown and HTML need nothing (--format md|html)`,
        );
      }
      // Loaded on first use: playwright-core is large, and most commands never print a PDF.
      const { chromium } = await import('playwright-core');
      const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-background-networking', '--disable-dev-shm-usage'] });
      try {
        const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
        await context.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
        const page = await context.newPage();
        await page.setContent(html, { waitUntil: 'load' });
        const pdf = await page.pdf({
          format: options.paper === 'a4' ? 'A4' : 'Letter',
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: `<div style="${BAND_STYLE}"><span>${escapeHtml(options.headerText)}</span></div>`,
          footerTemplate: `<div style="${BAND_STYLE}"><span>${escapeHtml(options.footerText)}</span><span>page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
          margin: { top: '18mm', bottom: '16mm', left: '14mm', right: '14mm' },
        });
        return ok(new Uint8Array(pdf));
      } finally {
        await browser.close();
      }
    },
  };
}
