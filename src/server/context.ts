/** What every request carries through the middleware: its id and, once authenticated, who it is. */
import { randomUUID } from 'node:crypto';
import type { Authenticated } from '../app/auth.js';
import type { HeaderPair } from './response-cache.js';

export interface ApiEnv {
  Variables: {
    requestId: string;
    auth: Authenticated;
    /** The audit head when the request was authenticated: what cached answers are valid for. */
    auditSeq: number;
    /** Headers every response carries (security headers, the request id, Connection: close when draining), as set on the context. */
    baseHeaders: readonly HeaderPair[];
  };
}

export const SESSION_COOKIE = 'opcon_session';
export const CSRF_HEADER = 'x-csrf-token';

/** The request id: the caller's X-Request-Id when it is a plain token of at most 64 characters, else a new UUID. */
export function requestIdOf(incoming: string | undefined): string {
  return incoming !== undefined && /^[A-Za-z0-9._-]{1,64}$/.test(incoming) ? incoming : randomUUID();
}
