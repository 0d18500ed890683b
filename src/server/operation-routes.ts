/**
 * The route table served: each handler parses its input (query or JSON body, path parameters,
 * If-Match), runs the operation as the logged-in actor and maps the result. Cacheable reads are
 * answered from the response cache while the audit head has not moved.
 */
import type { Context, Hono } from 'hono';
import { runOperation, type Deps } from '../app/operation.js';
import type { ApiEnv } from './context.js';
import { errorBody, statusFor } from './http-status.js';
import { inputFromQuery } from './query.js';
import { gzipSync } from 'node:zlib';
import type { CachedResponse, ResponseCache } from './response-cache.js';
import { pathParams, type Route } from './routes.js';

type Json = Record<string, unknown>;

function isPlainObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The id in an If-Match header: `"A-1"`, `W/"A-1"` or a bare id. */
function ifMatchId(header: string | undefined): string | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  return header.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
}

async function readInput(c: Context<ApiEnv>, route: Route): Promise<{ ok: true; input: Json } | { ok: false; response: Response }> {
  let input: Json;
  if (route.input === 'query') {
    input = inputFromQuery(route.operation.input, new URL(c.req.url).searchParams, route.aliases);
  } else {
    const text = await c.req.text();
    let body: unknown;
    try {
      body = text.trim() === '' ? {} : JSON.parse(text);
    } catch {
      return { ok: false, response: c.json(errorBody({ code: 'invalid-input', message: 'the request body is not valid JSON', path: '(body)', problems: [], kind: 'failure' }, c.get('requestId')), 400) };
    }
    if (!isPlainObject(body)) return { ok: false, response: c.json(errorBody({ code: 'invalid-input', message: 'the request body must be a JSON object', path: '(body)', problems: [], kind: 'failure' }, c.get('requestId')), 400) };
    input = body;
  }
  for (const name of pathParams(route.path)) input = { ...input, [name]: c.req.param(name) };
  if (route.fixed !== undefined) input = { ...input, ...route.fixed };
  if (route.isVersioned === true) {
    const version = ifMatchId(c.req.header('if-match'));
    const named = input['supersedes'];
    if (version === undefined && named !== undefined) {
      return { ok: false, response: c.json(errorBody({ code: 'precondition-required', message: 'a correction names the version it corrects in the If-Match header as well as in "supersedes"', path: 'supersedes' }, c.get('requestId')), 428) };
    }
    if (version !== undefined) {
      if (named !== undefined && named !== version) {
        return { ok: false, response: c.json(errorBody({ code: 'invalid-input', message: `If-Match names "${version}" but supersedes names "${String(named)}"`, path: 'supersedes', problems: [], kind: 'failure' }, c.get('requestId')), 400) };
      }
      input = { ...input, supersedes: version };
    }
  }
  return { ok: true, input };
}

function cacheKey(route: Route, c: Context<ApiEnv>, deps: Deps): string {
  const query = c.req.url.indexOf('?');
  const params = [...new URLSearchParams(query < 0 ? '' : c.req.url.slice(query + 1)).entries()].sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : 1) : a < b ? -1 : 1));
  return `${route.path}?${new URLSearchParams(params).toString()}|${deps.actor.audience}|${deps.actor.role}|${deps.clock.today()}`;
}

/** Register every route of the table on the app. */
export function registerOperationRoutes(app: Hono<ApiEnv>, routes: readonly Route[], deps: Omit<Deps, 'actor'>, cache: ResponseCache): void {
  for (const route of routes) {
    app.on(route.method.toUpperCase(), route.path, async (c) => {
      const actorDeps: Deps = { ...deps, actor: c.get('auth').actor };
      let auditSeq: number | undefined;
      let key: string | undefined;
      // Only answers to valid input are cached, so a hit needs no parsing of the query.
      if (route.isCacheable === true) {
        auditSeq = c.get('auditSeq');
        key = cacheKey(route, c, actorDeps);
        const hit = cache.get(key, auditSeq);
        if (hit !== undefined) return cachedResponse(c, hit);
      }
      const parsed = await readInput(c, route);
      if (!parsed.ok) return parsed.response;
      const result = await runOperation(route.operation, actorDeps, parsed.input);
      if (!result.ok) return c.json(errorBody(result.error, c.get('requestId')), statusFor(result.error.code) as 400);
      if (route.textType !== undefined && typeof result.value === 'string') {
        return c.body(result.value, 200, { 'Content-Type': `${route.textType}; charset=utf-8`, 'Content-Disposition': 'attachment; filename="opcon-export.json"' });
      }
      const body = JSON.stringify(result.value);
      if (key !== undefined && auditSeq !== undefined) {
        const etag = `"${auditSeq}-${body.length.toString(36)}-${simpleHash(body)}"`;
        const entry = { body: Buffer.from(body), gzipped: gzipSync(body), etag, auditSeq };
        cache.set(key, entry);
        return cachedResponse(c, entry, 'miss');
      }
      return c.body(body, route.successStatus, { 'Content-Type': 'application/json; charset=utf-8' });
    });
  }
}

/**
 * A cached answer: 304 when the client has it, gzipped when the client accepts it (compressed once,
 * when cached). The response is built with plain headers rather than through the context, so that
 * the Node adapter writes it straight out: this is the hot path of every dashboard read.
 */
function cachedResponse(c: Context<ApiEnv>, entry: CachedResponse, state: 'hit' | 'miss' = 'hit'): Response {
  const base = c.get('baseHeaders');
  if (c.req.header('if-none-match') === entry.etag) return new Response(null, { status: 304, headers: { ...base, ETag: entry.etag } });
  const isGzip = /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
  const headers: Record<string, string> = { ...base, 'Content-Type': 'application/json; charset=utf-8', ETag: entry.etag, 'X-Cache': state, Vary: 'Accept-Encoding, Cookie, Authorization' };
  if (isGzip) headers['Content-Encoding'] = 'gzip';
  return new Response((isGzip ? entry.gzipped : entry.body) as Uint8Array<ArrayBuffer>, { status: 200, headers });
}

/** A short non-cryptographic digest for ETags (FNV-1a over UTF-16 code units). */
function simpleHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}
