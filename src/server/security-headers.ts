/**
 * Security headers, set before the handler runs so that they go out with the response as it is
 * built (headers added afterwards would make the Node adapter rebuild every response).
 */
import type { MiddlewareHandler } from 'hono';
import type { ApiEnv } from './context.js';

/** The headers every response carries. */
export function securityHeaders(isSecure: boolean): readonly (readonly [string, string])[] {
  return [
    ['Content-Security-Policy', "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"],
    ['X-Content-Type-Options', 'nosniff'],
    ['X-Frame-Options', 'SAMEORIGIN'],
    ['Referrer-Policy', 'no-referrer'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ['Cross-Origin-Resource-Policy', 'same-origin'],
    ['X-DNS-Prefetch-Control', 'off'],
    ['X-Permitted-Cross-Domain-Policies', 'none'],
    ['Origin-Agent-Cluster', '?1'],
    ['X-XSS-Protection', '0'],
    ...(isSecure ? [['Strict-Transport-Security', 'max-age=31536000; includeSubDomains'] as const] : []),
  ];
}

const complete = new WeakSet<Response>();

/** Mark a response built by hand with every base header already in it (see `baseHeaders`). */
export function completeResponse(response: Response): Response {
  complete.add(response);
  return response;
}

/**
 * Middleware that puts the security headers into the context's `baseHeaders` and, after the
 * handler, adds the base headers to its response unless it was built complete. Setting them
 * before the handler would cost every request a Headers object that the cached reads, built by
 * hand for speed, do not use.
 */
export function securityHeadersMiddleware(isSecure: boolean): MiddlewareHandler<ApiEnv> {
  const plain = Object.fromEntries(securityHeaders(isSecure));
  return async (c, next) => {
    c.set('baseHeaders', { ...c.get('baseHeaders'), ...plain });
    await next();
    if (complete.has(c.res)) return;
    const response = c.res;
    const headers = new Headers(response.headers);
    for (const [name, value] of Object.entries(c.get('baseHeaders'))) if (!headers.has(name)) headers.set(name, value);
    // Read whole (no route streams), so that the adapter sends a Content-Length rather than chunks.
    const body = response.body === null ? null : new Uint8Array(await response.arrayBuffer());
    c.res = undefined;
    c.res = new Response(body, { status: response.status, statusText: response.statusText, headers });
  };
}
