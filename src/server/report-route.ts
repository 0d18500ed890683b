/** GET /api/report: the brief as a Markdown, HTML or PDF download for the logged-in reader. */
import type { Hono } from 'hono';
import { z } from 'zod';
import type { Deps } from '../app/operation.js';
import { reportOperation } from '../app/operations/report.js';
import { PAPER_SIZES } from '../app/ports.js';
import { formatPath } from '../core/common/result.js';
import { buildReport, REPORT_FORMATS } from '../report/build.js';
import type { ApiEnv } from './context.js';
import { errorBody, statusFor } from './http-status.js';
import type { ExtraRoute } from './openapi.js';
import { inputFromQuery } from './query.js';

export const ReportQuery = z.strictObject({
  ...reportOperation.input.shape,
  format: z.enum(REPORT_FORMATS).default('pdf'),
  paper: z.enum(PAPER_SIZES).default('a4'),
});

export const REPORT_DOCS: ExtraRoute = {
  method: 'get',
  path: '/api/report',
  summary: 'The brief as a file (format md, html or pdf; paper a4 or letter), with only what the reader may see, marked accordingly',
  tag: 'reports',
  query: ReportQuery,
  successStatus: 200,
  responseType: 'application/pdf',
};

/** Register the report route. */
export function registerReportRoute(app: Hono<ApiEnv>, deps: Omit<Deps, 'actor'>): void {
  app.get('/api/report', async (c) => {
    const params = new URL(c.req.url).searchParams;
    // A reader may ask for a narrower audience than their own (an admin preparing the ROK copy); runOperation never widens it.
    const audience = params.get('audience');
    const raw = { ...inputFromQuery(ReportQuery, params), ...(audience === null ? {} : { audience }) };
    const parsed = ReportQuery.safeParse(raw);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => ({ message: issue.message, path: formatPath(issue.path) }));
      const first = problems[0];
      return c.json(errorBody({ kind: 'failure', code: 'invalid-input', message: first === undefined ? 'invalid query' : `${first.path}: ${first.message}`, problems, path: first?.path }, c.get('requestId')), 400);
    }
    const { format, paper, ...input } = parsed.data;
    const built = await buildReport({ ...deps, actor: c.get('auth').actor }, { format, paper, input });
    if (!built.ok) return c.json(errorBody(built.error, c.get('requestId')), statusFor(built.error.code) as 400);
    const file = built.value;
    return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${file.fileName}"`,
      'X-Releasability': file.marking,
      'Cache-Control': 'no-store',
    });
  });
}
