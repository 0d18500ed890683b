/** Logging in and out: the session cookie, the CSRF token, and the limit on failed logins. */
import type { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import { ANONYMOUS, grantsOf } from '../core/access/roles.js';
import { logout } from '../app/auth.js';
import { runOperation, type Deps } from '../app/operation.js';
import { operations } from '../app/registry.js';
import { SESSION_COOKIE, type ApiEnv } from './context.js';
import { errorBody, statusFor } from './http-status.js';
import type { RateLimiter } from './rate-limit.js';

/** The caller's address, where the server knows it (in-process test requests have none). */
export function remoteAddress(c: Parameters<typeof getConnInfo>[0]): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'local';
  }
}

/** Register POST, GET and DELETE /api/session. */
export function registerSessionRoutes(app: Hono<ApiEnv>, deps: Omit<Deps, 'actor'>, options: { readonly isSecure: boolean; readonly limiter: RateLimiter; readonly nowMs: () => number }): void {
  app.post('/api/session', async (c) => {
    const raw: unknown = await c.req.json().catch(() => undefined);
    const username = typeof raw === 'object' && raw !== null && typeof (raw as { username?: unknown }).username === 'string' ? (raw as { username: string }).username.toLowerCase() : '';
    const key = `${remoteAddress(c)}|${username}`;
    const waitMs = options.limiter.retryAfterMs(key, options.nowMs());
    if (waitMs > 0) {
      c.header('Retry-After', String(Math.ceil(waitMs / 1000)));
      return c.json(errorBody({ code: 'rate-limited', message: `too many failed logins: try again in ${Math.ceil(waitMs / 1000)} s` }, c.get('requestId')), 429);
    }
    const result = await runOperation(operations.login, { ...deps, actor: ANONYMOUS }, raw ?? null);
    if (!result.ok) {
      if (result.error.code === 'unauthenticated') options.limiter.recordFailure(key, options.nowMs());
      return c.json(errorBody(result.error, c.get('requestId')), statusFor(result.error.code) as 400);
    }
    options.limiter.reset(key);
    const { sessionId, ...session } = result.value;
    setCookie(c, SESSION_COOKIE, sessionId, { httpOnly: true, sameSite: 'Strict', secure: options.isSecure, path: '/', expires: new Date(session.expiresAt) });
    return c.json({ user: session.user, grants: session.grants, csrfToken: session.csrfToken, expiresAt: session.expiresAt }, 201);
  });
  app.get('/api/session', (c) => {
    const auth = c.get('auth');
    return c.json({ user: auth.user, grants: grantsOf(auth.actor), csrfToken: auth.csrfToken, via: auth.actor.via, audience: auth.actor.audience });
  });
  app.delete('/api/session', async (c) => {
    const auth = c.get('auth');
    if (auth.sessionIdHash !== null) await logout({ ...deps, actor: auth.actor }, auth.sessionIdHash);
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: options.isSecure });
    return c.body(null, 204);
  });
}
