/**
 * Security headers, set before the handler runs so that they go out with the response as it is
 * built (headers added afterwards would make the Node adapter rebuild every response).
 */
import type { MiddlewareHandler } from 'hono';
import type { ApiEnv } from './context.js';
import type { HeaderPair } from './response-cache.js';

/** The headers every response carries. */
export function securityHeaders(isSecure: boolean): readonly HeaderPair[] {
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

/**
 * Middleware that sets them on the context, before the handler: headers added afterwards would
 * make the Node adapter rebuild every response. (Cached reads build their responses by hand from
 * the context's `baseHeaders`, which hold the same headers.)
 */
export function securityHeadersMiddleware(isSecure: boolean): MiddlewareHandler<ApiEnv> {
  const headers = securityHeaders(isSecure);
  return async (c, next) => {
    for (const [name, value] of headers) c.header(name, value);
    await next();
  };
}
