/**
 * Logging in and recognising callers: a session (cookie) or an API token becomes an `Actor`.
 * Session ids and tokens are stored only as digests; a disabled user, an expired session or a
 * revoked token is refused the same way as an unknown one, so nothing leaks about which it was.
 */
import { z } from 'zod';
import { audienceOf, grantsOf, localActor, type Actor, type Grants, type UserParty } from '../core/access/roles.js';
import { addDays } from '../core/common/dates.js';
import { fail, ok, type Result } from '../core/common/result.js';
import { accountsDb, createUser, viewOfUser, type UserView } from './operations/accounts.js';
import { auditStamp, defineOperation, type Deps } from './operation.js';
import type { StoredUser } from './ports.js';

/** Sessions last a working week unless the user logs out. */
export const SESSION_DAYS = 7;
const SESSION_BYTES = 32;

export interface LoggedIn {
  readonly kind: 'logged-in';
  readonly user: UserView;
  /** What the user may do, for the dashboard to offer only that. */
  readonly grants: Grants;
  /** The cookie value (shown once; only its digest is stored). */
  readonly sessionId: string;
  readonly csrfToken: string;
  readonly expiresAt: string;
}

/** The actor of a stored user. */
export function actorOf(user: StoredUser, via: Actor['via'], scopes: Actor['scopes'] = ['read', 'write']): Actor {
  const audience = user.party === 'all' ? 'all' : audienceOf(user.role, user.party as UserParty);
  return { kind: 'actor', name: user.username, role: user.role, audience, via, scopes };
}

const UNKNOWN = 'unknown user or wrong password';

export const loginOperation = defineOperation({
  name: 'session.login',
  summary: 'Log in with a username and password',
  access: 'anyone',
  isWrite: true,
  input: z.strictObject({ username: z.string().min(1).max(64), password: z.string().min(1).max(1024) }),
  async run(deps, input): Promise<Result<LoggedIn>> {
    const db = await accountsDb(deps);
    if (!db.ok) return db;
    const user = await db.value.userByName(input.username);
    // Hash even for an unknown user, so the answer takes as long either way.
    const isMatch = await deps.secrets.verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
    if (user === undefined || !isMatch || user.isDisabled) return fail('unauthenticated', UNKNOWN);
    const sessionId = deps.secrets.randomToken(SESSION_BYTES);
    const csrfToken = deps.secrets.randomToken(SESSION_BYTES);
    const now = deps.clock.now();
    const expiresAt = `${addDays(now.slice(0, 10), SESSION_DAYS)}${now.slice(10)}`;
    const actor = actorOf(user, 'session');
    await db.value.addSession({ kind: 'session', idHash: deps.secrets.digest(sessionId), userId: user.id, csrfToken, createdAt: now, expiresAt }, auditStamp({ ...deps, actor }, 'session.login'));
    return ok({ kind: 'logged-in', user: viewOfUser(user), grants: grantsOf(actor), sessionId, csrfToken, expiresAt });
  },
});

/** A scrypt hash of a random password nobody knows (N=2^15), verified against for unknown users. */
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export interface Authenticated {
  readonly kind: 'authenticated';
  readonly actor: Actor;
  readonly user: UserView;
  /** For session callers: the CSRF token their writes must carry. */
  readonly csrfToken: string | null;
  readonly sessionIdHash: string | null;
  /** When the session or token stops working (null: a token without expiry). */
  readonly expiresAt: string | null;
}

/** Who is calling: from a session cookie, else from a bearer token. */
export async function authenticate(deps: Deps, credentials: { readonly sessionId?: string | undefined; readonly bearer?: string | undefined }): Promise<Result<Authenticated>> {
  const db = await accountsDb(deps);
  if (!db.ok) return db;
  const now = deps.clock.now();
  if (credentials.sessionId !== undefined && credentials.sessionId !== '') {
    const idHash = deps.secrets.digest(credentials.sessionId);
    const session = await db.value.session(idHash);
    const user = session === undefined ? undefined : await db.value.userById(session.userId);
    if (session !== undefined && user !== undefined && !user.isDisabled && session.expiresAt > now) {
      return ok({ kind: 'authenticated', actor: actorOf(user, 'session'), user: viewOfUser(user), csrfToken: session.csrfToken, sessionIdHash: idHash, expiresAt: session.expiresAt });
    }
  }
  if (credentials.bearer !== undefined && credentials.bearer !== '') {
    const token = await db.value.tokenByHash(deps.secrets.digest(credentials.bearer));
    const user = token === undefined ? undefined : await db.value.userById(token.userId);
    if (token !== undefined && user !== undefined && !user.isDisabled && token.revokedAt === null && (token.expiresAt === null || token.expiresAt > now)) {
      return ok({ kind: 'authenticated', actor: actorOf(user, 'token', token.scopes), user: viewOfUser(user), csrfToken: null, sessionIdHash: null, expiresAt: token.expiresAt });
    }
  }
  return fail('unauthenticated', 'log in first (POST /api/session), or send an API token as "Authorization: Bearer …"');
}

/** End the caller's session. */
export async function logout(deps: Deps, sessionIdHash: string): Promise<Result<void>> {
  const db = await accountsDb(deps);
  if (!db.ok) return db;
  await db.value.endSessions({ idHash: sessionIdHash }, deps.clock.now(), auditStamp(deps, 'session.logout'));
  return ok(undefined);
}

/**
 * On a database with no users, create `admin` with a generated password, to be shown once.
 * Returns null when accounts exist already.
 */
export async function ensureAdmin(deps: Deps): Promise<Result<{ readonly username: string; readonly password: string } | null>> {
  const db = await accountsDb(deps);
  if (!db.ok) return db;
  if ((await db.value.countUsers()) > 0) return ok(null);
  const created = await createUser({ ...deps, actor: localActor('system') }, db.value, { username: 'admin', role: 'admin' }, 'user.add-first-admin');
  if (!created.ok) return created;
  return ok({ username: 'admin', password: created.value.generatedPassword ?? '' });
}
