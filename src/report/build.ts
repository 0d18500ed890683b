/** Build a report file: gather its data for the reader, compose it once, render it as Markdown, HTML or PDF. */
import type { Deps } from '../app/operation.js';
import { runOperation } from '../app/operation.js';
import { reportOperation } from '../app/operations/report.js';
import type { PaperSize } from '../app/ports.js';
import { ok, type Result } from '../core/common/result.js';
import { composeReport } from './compose.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';

export const REPORT_FORMATS = ['md', 'html', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportRequest {
  readonly format: ReportFormat;
  readonly paper: PaperSize;
  /** Raw input of the report operation (as-of, since, audience, seed, iterations): validated there. */
  readonly input: Readonly<Record<string, unknown>>;
}

export interface ReportFile {
  readonly kind: 'report-file';
  readonly bytes: Uint8Array;
  readonly contentType: string;
  readonly fileName: string;
  readonly marking: string;
}

const CONTENT_TYPES: Readonly<Record<ReportFormat, string>> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
};

/** Build the report file for the acting reader. */
export async function buildReport(deps: Deps, request: ReportRequest): Promise<Result<ReportFile>> {
  const data = await runOperation(reportOperation, deps, request.input);
  if (!data.ok) return data;
  const doc = composeReport(data.value);
  const audience = data.value.brief.picture.scope.audience;
  const fileName = `opcon-brief-${data.value.asOf}${audience === 'all' ? '' : `-${audience.toLowerCase()}`}.${request.format}`;
  const file = (bytes: Uint8Array): ReportFile => ({ kind: 'report-file', bytes, contentType: CONTENT_TYPES[request.format], fileName, marking: doc.marking });
  if (request.format === 'md') return ok(file(new TextEncoder().encode(renderMarkdown(doc))));
  const html = renderHtml(doc);
  if (request.format === 'html') return ok(file(new TextEncoder().encode(html)));
  const pdf = await deps.pdf.render(html, {
    paper: request.paper,
    headerText: `${doc.marking} · OPCON transition brief as of ${doc.asOf}`,
    footerText: `${doc.marking} · changes since ${data.value.since} · seed ${data.value.forecast.seed}`,
  });
  return pdf.ok ? ok(file(pdf.value)) : pdf;
}
