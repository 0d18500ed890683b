/**
 * The HTTP app: middleware (request ids and logs, security headers, body limits, authentication,
 * CSRF), the session routes, the operation routes, forecast runs, the API docs and the dashboard.
 * Built as a plain Hono app so that tests drive it in process with `app.request()`.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Logger } from 'pino';
import { z } from 'zod';
import { isAllowed } from '../core/access/roles.js';
import type { Deps } from '../app/operation.js';
import { operations } from '../app/registry.js';
import { CSRF_HEADER, requestIdOf, SESSION_COOKIE, type ApiEnv } from './context.js';
import { docsPage } from './docs-page.js';
import { securityHeaders, securityHeadersMiddleware } from './security-headers.js';
import { createForecastRuns, type ForecastRuns } from './forecast-runs.js';
import { errorBody, statusFor } from './http-status.js';
import { openApiDocument, type ExtraRoute } from './openapi.js';
import { registerOperationRoutes } from './operation-routes.js';
import { createFastReads, type FastRead } from './fast-reads.js';
import { createAuditHead } from './audit-head.js';
import { bearerOf, cookieValue, createLoginCheck } from './logins.js';
import { createRateLimiter } from './rate-limit.js';
import { createResponseCache, type HeaderPair, type ResponseCache } from './response-cache.js';
import { pathParams, ROUTES, type Route } from './routes.js';
import { registerSessionRoutes } from './session-routes.js';
import { REPORT_DOCS, registerReportRoute } from './report-route.js';
import { staticFile } from './static-files.js';

export interface ApiOptions {
  /** The app's dependencies; the actor is set per request from the login. */
  readonly deps: Omit<Deps, 'actor'>;
  readonly logger: Logger;
  readonly version: string;
  /** The built dashboard's folder, if there is one. */
  readonly webRoot: string | undefined;
  /** Served over TLS: cookies are marked Secure. */
  readonly isSecure: boolean;
  readonly limits?: { readonly bodyBytes?: number; readonly ingestBodyBytes?: number; readonly loginFailures?: number; readonly loginWindowMs?: number };
  /** Milliseconds now, for rate limits and the audit head's age (passed in so tests control time). */
  readonly nowMs?: () => number;
  /** How long the audit head read from the database counts as current (default 100 ms; writes through this app re-read it at once): audit-head.ts. */
  readonly auditHeadMaxAgeMs?: number;
  /** Routes added by other layers (reports), served like the table's own. */
  readonly extraRoutes?: readonly Route[];
}

export interface Api {
  readonly app: Hono<ApiEnv>;
  readonly runs: ForecastRuns;
  readonly cache: ResponseCache;
  /** Requests being answered now (graceful shutdown waits for 0). */
  inFlight(): number;
  /** Answers cached reads at the socket before the app (serve with it in front of `app.fetch`). */
  readonly fastRead: FastRead;
  /** From now on, answer with `Connection: close` so that clients do not reuse connections of a stopping server. */
  drain(): void;
  readonly document: Record<string, unknown>;
}

const PUBLIC_PATHS = new Set(['/api/health', '/api/openapi.json', '/api/docs']);
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const ForecastRunBody = operations.forecast.input;
const LoginBody = z.strictObject({ username: z.string(), password: z.string() });

/** Routes the app serves itself, for the OpenAPI document. */
const EXTRA_DOCS: readonly ExtraRoute[] = [
  { method: 'get', path: '/api/health', summary: 'Liveness: the server answers', tag: 'meta', successStatus: 200, isPublic: true },
  { method: 'get', path: '/api/openapi.json', summary: 'This document', tag: 'meta', successStatus: 200, isPublic: true },
  { method: 'get', path: '/api/docs', summary: 'The API reference page', tag: 'meta', successStatus: 200, isPublic: true, responseType: 'text/html' },
  { method: 'post', path: '/api/session', summary: 'Log in: sets the HttpOnly session cookie and returns the CSRF token for writes', tag: 'session', body: LoginBody, successStatus: 201, isPublic: true },
  { method: 'get', path: '/api/session', summary: 'The logged-in user and the CSRF token', tag: 'session', successStatus: 200 },
  { method: 'delete', path: '/api/session', summary: 'Log out', tag: 'session', successStatus: 204 },
  { method: 'post', path: '/api/forecast-runs', summary: 'Start a forecast in the background (progress and cancel below)', tag: 'forecast', body: ForecastRunBody, successStatus: 202 },
  { method: 'get', path: '/api/forecast-runs/:id', summary: 'A forecast run: status, progress, and the result when done', tag: 'forecast', successStatus: 200 },
  { method: 'delete', path: '/api/forecast-runs/:id', summary: 'Cancel a forecast run', tag: 'forecast', successStatus: 200 },
  REPORT_DOCS,
];

/** Refuse request bodies over `limit` bytes with 413. */
function tooLarge(limit: number): MiddlewareHandler<ApiEnv> {
  return bodyLimit({ maxSize: limit, onError: (c) => c.json(errorBody({ code: 'too-large', message: `the request body is over ${Math.round(limit / 1024)} KiB` }, c.get('requestId')), 413) });
}

/** Build the app. */
export function createApi(options: ApiOptions): Api {
  const { deps, logger } = options;
  const app = new Hono<ApiEnv>();
  const cache = createResponseCache();
  const runs = createForecastRuns({ maxRunning: 2, keep: 20 });
  const nowMs = options.nowMs ?? (() => Date.now());
  const limiter = createRateLimiter(options.limits?.loginFailures ?? 5, options.limits?.loginWindowMs ?? 60_000);
  const routes = [...ROUTES, ...(options.extraRoutes ?? [])];
  const document = openApiDocument(routes, EXTRA_DOCS, options.version);
  let inFlight = 0;
  const head = createAuditHead(deps, options.auditHeadMaxAgeMs ?? 100, nowMs);
  const checkLogin = createLoginCheck(deps, head);
  let isDraining = false;
  const security = securityHeaders(options.isSecure);
  const securityWhileDraining: readonly HeaderPair[] = [['Connection', 'close'], ...security];
  /** The headers every response carries: its request id, Connection: close while draining, the security headers. */
  const baseHeaders = (requestId: string): readonly HeaderPair[] => [['X-Request-Id', requestId], ...(isDraining ? securityWhileDraining : security)];

  app.use('*', async (c, next) => {
    const requestId = requestIdOf(c.req.header('x-request-id'));
    c.set('requestId', requestId);
    c.header('X-Request-Id', requestId);
    if (isDraining) c.header('Connection', 'close');
    c.set('baseHeaders', baseHeaders(requestId));
    const started = performance.now();
    inFlight++;
    try {
      await next();
    } finally {
      // The next request must see this request's write (and a logout or a password change) at once.
      if (UNSAFE.has(c.req.method)) head.invalidate();
      inFlight--;
      const auth = c.get('auth') as ApiEnv['Variables']['auth'] | undefined;
      logger.info({ requestId, method: c.req.method, path: c.req.path, status: c.res.status, durationMs: Math.round((performance.now() - started) * 10) / 10, user: auth?.actor.name }, 'request');
    }
  });
  app.use('*', securityHeadersMiddleware(options.isSecure));
  const bodyLimits = {
    ingest: tooLarge(options.limits?.ingestBodyBytes ?? 3 * 1024 * 1024),
    other: tooLarge(options.limits?.bodyBytes ?? 256 * 1024),
  };
  // Only requests that carry a body are limited (reading a GET's body would cost every read).
  app.use('/api/*', async (c, next) => (UNSAFE.has(c.req.method) ? (c.req.path === '/api/ingest/documents' ? bodyLimits.ingest : bodyLimits.other)(c, next) : next()));

  app.use('/api/*', async (c, next) => {
    if (PUBLIC_PATHS.has(c.req.path) || (c.req.path === '/api/session' && c.req.method === 'POST')) return next();
    const checked = await checkLogin({ sessionId: cookieValue(c.req.header('cookie'), SESSION_COOKIE), bearer: bearerOf(c.req.header('authorization')) });
    if (!checked.ok) return c.json(errorBody(checked.error, c.get('requestId')), statusFor(checked.error.code) as 401);
    const { auth } = checked.value;
    c.set('auditSeq', checked.value.auditSeq);
    // A cookie is sent by the browser whoever made the page; only our page knows the CSRF token.
    if (UNSAFE.has(c.req.method) && auth.csrfToken !== null && c.req.header(CSRF_HEADER) !== auth.csrfToken) {
      return c.json(errorBody({ code: 'csrf', message: `a write with a session cookie must send the ${CSRF_HEADER} header from the login response` }, c.get('requestId')), 403);
    }
    c.set('auth', auth);
    return next();
  });

  app.get('/api/health', (c) => c.json({ status: 'ok', version: options.version }));
  app.get('/api/openapi.json', (c) => c.json(document));
  app.get('/api/docs', (c) => c.html(docsPage(document)));
  registerSessionRoutes(app, deps, { isSecure: options.isSecure, limiter, nowMs });

  app.post('/api/forecast-runs', async (c) => {
    const actor = c.get('auth').actor;
    if (!isAllowed(actor, 'forecast')) return c.json(errorBody({ kind: 'failure', code: 'forbidden', message: `a ${actor.role} may not run forecasts`, problems: [] }, c.get('requestId')), 403);
    const body: unknown = await c.req.json().catch(() => null);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return c.json(errorBody({ kind: 'failure', code: 'invalid-input', message: 'the request body must be a JSON object', problems: [], path: '(body)' }, c.get('requestId')), 400);
    const started = await runs.start({ ...deps, actor }, body);
    if (!started.ok) return c.json(errorBody(started.error, c.get('requestId')), statusFor(started.error.code) as 400);
    c.header('Location', `/api/forecast-runs/${started.view.id}`);
    return c.json(started.view, 202);
  });
  app.get('/api/forecast-runs/:id', (c) => {
    const view = runs.get(c.get('auth').actor, c.req.param('id'));
    return view === undefined ? c.json(errorBody({ kind: 'failure', code: 'not-found', message: `no forecast run ${c.req.param('id')}`, problems: [] }), 404) : c.json(view);
  });
  app.delete('/api/forecast-runs/:id', (c) => {
    const view = runs.cancel(c.get('auth').actor, c.req.param('id'));
    return view === undefined ? c.json(errorBody({ kind: 'failure', code: 'not-found', message: `no forecast run ${c.req.param('id')}`, problems: [] }), 404) : c.json(view);
  });

  registerReportRoute(app, deps);
  registerOperationRoutes(app, routes, deps, cache);

  app.all('/api/*', (c) => c.json(errorBody({ code: 'route-not-found', message: `no API route ${c.req.method} ${c.req.path}: see /api/docs` }, c.get('requestId')), 404));
  app.get('*', async (c) => {
    const file = options.webRoot === undefined ? undefined : await staticFile(options.webRoot, c.req.path);
    if (file === undefined) {
      return c.html('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>OPCON Transition Monitor</title></head><body><h1>OPCON Transition Monitor</h1><p>The dashboard is not built: run <code>npm run build:web</code> (or <code>npm start</code>). The API answers at <a href="/api/docs">/api/docs</a>.</p></body></html>');
    }
    return c.body(file.body as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': file.contentType, 'Cache-Control': file.isImmutable ? 'public, max-age=31536000, immutable' : 'no-cache' });
  });
  app.onError((error, c) => {
    logger.error({ requestId: c.get('requestId'), err: error }, 'unhandled error');
    return c.json({ error: { code: 'internal', message: 'internal error (a bug): the request id names it in the server log', problems: [], requestId: c.get('requestId') } }, 500);
  });
  const fastRead = createFastReads({
    paths: new Set(routes.filter((r) => r.isCacheable === true && r.method === 'get' && pathParams(r.path).length === 0).map((r) => r.path)),
    cache,
    checkLogin,
    clock: deps.clock,
    logger,
    baseHeaders,
    onStart: () => inFlight++,
    onEnd: () => inFlight--,
  });
  return {
    app,
    runs,
    cache,
    fastRead,
    inFlight: () => inFlight,
    drain: () => {
      isDraining = true;
    },
    document,
  };
}
