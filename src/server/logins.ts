/**
 * Who is calling, checked once per audit head. Every change to accounts, sessions and tokens is
 * audited, so a login checked at this audit head is still valid while the head stands (and the
 * session or token has not expired): a request at the same head is answered from memory. (A
 * change made by another process counts from when the server next reads the head: audit-head.ts.)
 */
import { authenticate, type Authenticated } from '../app/auth.js';
import type { Deps } from '../app/operation.js';
import { ok, type Result } from '../core/common/result.js';
import { ANONYMOUS } from '../core/access/roles.js';
import type { AuditHead } from './audit-head.js';

export interface CheckedLogin {
  readonly auth: Authenticated;
  /** The audit head at the check: what cached answers must have been computed at. */
  readonly auditSeq: number;
}

export type LoginCheck = (credentials: { readonly sessionId: string | undefined; readonly bearer: string | undefined }) => Promise<Result<CheckedLogin>>;

/** A login check that remembers at most `maxEntries` logins. */
export function createLoginCheck(deps: Omit<Deps, 'actor'>, head: AuditHead, maxEntries = 1000): LoginCheck {
  const logins = new Map<string, CheckedLogin>();
  return async ({ sessionId, bearer }) => {
    const seq = await head.seq();
    if (!seq.ok) return seq;
    const auditSeq = seq.value;
    const credentialKey = `${sessionId ?? ''}|${bearer ?? ''}`;
    const known = logins.get(credentialKey);
    if (known !== undefined && known.auditSeq === auditSeq && (known.auth.expiresAt === null || known.auth.expiresAt > deps.clock.now())) return ok(known);
    const auth = await authenticate({ ...deps, actor: ANONYMOUS }, { sessionId, bearer });
    if (!auth.ok) return auth;
    const checked = { auth: auth.value, auditSeq };
    logins.set(credentialKey, checked);
    if (logins.size > maxEntries) logins.delete(logins.keys().next().value as string);
    return ok(checked);
  };
}

/** The token of an `Authorization: Bearer …` header. */
export function bearerOf(authorization: string | undefined): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
}

/** The value of cookie `name` in a Cookie header (quotes removed, percent-escapes decoded). */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim();
    const value = raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw;
    if (!value.includes('%')) return value;
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return undefined;
}
