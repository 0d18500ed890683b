/** What every request carries through the middleware: its id and, once authenticated, who it is. */
import type { Authenticated } from '../app/auth.js';

export interface ApiEnv {
  Variables: {
    requestId: string;
    auth: Authenticated;
    /** The audit head when the request was authenticated: what cached answers are valid for. */
    auditSeq: number;
    /** Headers every response carries (security headers, the request id, Connection: close when draining), as set on the context. */
    baseHeaders: Readonly<Record<string, string>>;
  };
}

export const SESSION_COOKIE = 'opcon_session';
export const CSRF_HEADER = 'x-csrf-token';
