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
import { cacheEntry, cacheKeyOf, cachedAnswer, type CachedResponse, type ResponseCache } from './response-cache.js';
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
        key = cacheKeyOf(route.path, searchOf(c.req.url), actorDeps.actor, deps.clock.today());
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
        const entry = cacheEntry(body, auditSeq);
        cache.set(key, entry);
        return cachedResponse(c, entry, 'miss');
      }
      return c.body(body, route.successStatus, { 'Content-Type': 'application/json; charset=utf-8' });
    });
  }
}

/** The query string of a URL, without the "?". */
function searchOf(url: string): string {
  const query = url.indexOf('?');
  return query < 0 ? '' : url.slice(query + 1);
}

/**
 * A cached answer, built with plain headers rather than through the context, so that the Node
 * adapter writes it straight out (the socket-level fast path answers most hits before this).
 */
function cachedResponse(c: Context<ApiEnv>, entry: CachedResponse, state: 'hit' | 'miss' = 'hit'): Response {
  const answer = cachedAnswer(entry, { ifNoneMatch: c.req.header('if-none-match'), acceptEncoding: c.req.header('accept-encoding') }, c.get('baseHeaders'), state);
  return new Response(answer.body as Uint8Array<ArrayBuffer> | null, { status: answer.status, headers: answer.headers as [string, string][] });
}
