/** The dashboard's one way to the server: JSON over the session cookie, the CSRF token on writes, typed failures. */

export interface ApiFailure {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly path?: string;
  /** On a 409: the newer version of the record that was corrected first. */
  readonly current?: unknown;
  readonly problems?: readonly { readonly message: string; readonly path: string }[];
}

export type ApiResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiFailure };

let csrfToken: string | null = null;

async function call<T>(method: string, path: string, body?: unknown, signal?: AbortSignal, extraHeaders: Readonly<Record<string, string>> = {}): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { accept: 'application/json', ...extraHeaders };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken !== null) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body), signal });
  const json: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    const error = (json as { error?: { code?: string; message?: string; path?: string; current?: unknown; problems?: readonly { message: string; path: string }[] } } | null)?.error;
    return {
      ok: false,
      error: {
        status: response.status,
        code: error?.code ?? 'http',
        message: error?.message ?? `the server answered ${response.status}`,
        ...(error?.path === undefined ? {} : { path: error.path }),
        ...(error?.current === undefined ? {} : { current: error.current }),
        problems: error?.problems ?? [],
      },
    };
  }
  return { ok: true, value: json as T };
}

/** What the server says the user may do (the role table applied to them); every request is still checked. */
export interface Grants {
  readonly permissions: readonly string[];
  /** The party whose assessments the user writes; null with write-assessment: any party. */
  readonly assessesParty: string | null;
  /** The markings the user may put on a record. */
  readonly markings: readonly string[];
}

export interface SessionUser {
  readonly username: string;
  readonly role: string;
  readonly party: string;
  readonly grants: Grants;
}

interface SessionBody {
  readonly user: Omit<SessionUser, 'grants'>;
  readonly grants: Grants;
  readonly csrfToken: string | null;
}

/** Log in; keeps the CSRF token for later writes. */
export async function login(username: string, password: string): Promise<ApiResult<SessionUser>> {
  const r = await call<SessionBody>('POST', '/api/session', { username, password });
  if (!r.ok) return r;
  csrfToken = r.value.csrfToken;
  return { ok: true, value: { ...r.value.user, grants: r.value.grants } };
}

/** The logged-in user, if the cookie still holds a session. */
export async function currentSession(): Promise<ApiResult<SessionUser>> {
  const r = await call<SessionBody>('GET', '/api/session');
  if (!r.ok) return r;
  csrfToken = r.value.csrfToken;
  return { ok: true, value: { ...r.value.user, grants: r.value.grants } };
}

/** Log out. */
export async function logout(): Promise<void> {
  await call('DELETE', '/api/session');
  csrfToken = null;
}

/** GET a JSON resource with query parameters. */
export function get<T>(path: string, query: Readonly<Record<string, string | number | undefined>>, signal?: AbortSignal): Promise<ApiResult<T>> {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return call<T>('GET', qs === '' ? path : `${path}?${qs}`, undefined, signal);
}

/** POST a JSON body; `ifMatch` names the version a correction supersedes. */
export function post<T>(path: string, body: unknown, ifMatch?: string): Promise<ApiResult<T>> {
  return call<T>('POST', path, body, undefined, ifMatch === undefined ? {} : { 'if-match': `"${ifMatch}"` });
}

/** DELETE a resource. */
export function del<T>(path: string): Promise<ApiResult<T>> {
  return call<T>('DELETE', path);
}
