/**
 * Cached reads answered at the socket, before the framework. The dashboard's reads are mostly
 * repeats of an answer already in the response cache; building a Fetch request, a context, five
 * middlewares and a Response for each costs several times what writing the cached bytes does. So a
 * GET of a cacheable route, with a login that checks out at the current audit head and an answer
 * in the cache for this reader at that head, is written straight to the socket: same status, same
 * headers (security headers, request id, ETag, Vary), same 304 and gzip rules, same log line.
 * Everything else (a miss, no or a bad login, any other route or method) goes to the app, which
 * answers it the one way it answers everything, and fills the cache.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { Clock } from '../app/ports.js';
import { requestIdOf, SESSION_COOKIE } from './context.js';
import { bearerOf, cookieValue, type LoginCheck } from './logins.js';
import { cacheKeyOf, cachedAnswer, type HeaderPair, type ResponseCache } from './response-cache.js';

export interface FastReadOptions {
  /** Paths of the cacheable routes (without path parameters). */
  readonly paths: ReadonlySet<string>;
  readonly cache: ResponseCache;
  readonly checkLogin: LoginCheck;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The headers every response with this request id carries (the app's own: request id, Connection: close while draining, security headers). */
  readonly baseHeaders: (requestId: string) => readonly HeaderPair[];
  /** Called when an answer starts and ends, for graceful shutdown. */
  readonly onStart: () => void;
  readonly onEnd: () => void;
}

/** True when the request was answered here; false when the app must answer it. */
export type FastRead = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/** The socket-level answer to cached reads. */
export function createFastReads(options: FastReadOptions): FastRead {
  return async (req, res) => {
    const url = req.url ?? '';
    const query = url.indexOf('?');
    const path = query < 0 ? url : url.slice(0, query);
    if (req.method !== 'GET' || !options.paths.has(path)) return false;
    const started = performance.now();
    options.onStart();
    try {
      const checked = await options.checkLogin({ sessionId: cookieValue(req.headers.cookie, SESSION_COOKIE), bearer: bearerOf(req.headers.authorization) });
      if (!checked.ok) return false;
      const { auth, auditSeq } = checked.value;
      const hit = options.cache.get(cacheKeyOf(path, query < 0 ? '' : url.slice(query + 1), auth.actor, options.clock.today()), auditSeq);
      if (hit === undefined) return false;
      const requestId = requestIdOf(header(req, 'x-request-id'));
      const answer = cachedAnswer(hit, { ifNoneMatch: header(req, 'if-none-match'), acceptEncoding: header(req, 'accept-encoding') }, options.baseHeaders(requestId), 'hit');
      res.writeHead(answer.status, answer.headers as [string, string][]);
      res.end(answer.body ?? undefined);
      options.logger.info({ requestId, method: 'GET', path, status: answer.status, durationMs: Math.round((performance.now() - started) * 10) / 10, user: auth.actor.name }, 'request');
      return true;
    } finally {
      options.onEnd();
    }
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}
