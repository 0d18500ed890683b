// An in-process API over a fresh SQLite database holding the default dataset, with one user per
// role and party, for tests that drive the Hono app through `app.request()`.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { runOperation, type Deps } from '../../src/app/operation.js';
import { operations } from '../../src/app/registry.js';
import { composeDeps } from '../../src/cli/compose.js';
import { readConfig } from '../../src/cli/config.js';
import { localActor, type Role, type UserParty } from '../../src/core/access/roles.js';
import { createApi, type Api } from '../../src/server/app.js';
import { createSecrets } from '../../src/store/crypto/secrets.js';
import { TODAY } from './cli.js';

export const PASSWORD = 'correct horse battery staple';

/** The users every API test has: one per role, analysts and viewers for each party. */
export const TEST_USERS: readonly { readonly username: string; readonly role: Role; readonly party?: UserParty }[] = [
  { username: 'admin-1', role: 'admin' },
  { username: 'rok-assessor-1', role: 'rok-assessor' },
  { username: 'us-assessor-1', role: 'us-assessor' },
  { username: 'combined-assessor-1', role: 'combined-assessor' },
  { username: 'analyst-rok', role: 'analyst', party: 'ROK' },
  { username: 'analyst-us', role: 'analyst', party: 'US' },
  { username: 'analyst-combined', role: 'analyst', party: 'combined' },
  { username: 'viewer-public', role: 'viewer', party: 'public' },
  { username: 'viewer-rok', role: 'viewer', party: 'ROK' },
];

export interface TestApi {
  readonly api: Api;
  readonly deps: Deps;
  readonly dbUrl: string;
  /** Log in and return the headers a browser would send (cookie and CSRF token). */
  login(username: string, password?: string): Promise<Record<string, string>>;
  request(path: string, init?: RequestInit & { readonly headers?: Record<string, string> }): Promise<Response>;
  close(): Promise<void>;
}

/** Build the API over a new database; users are added unless `withUsers` is false. */
export async function createTestApi(options: { readonly withUsers?: boolean; readonly limits?: Parameters<typeof createApi>[0]['limits']; readonly nowMs?: () => number; readonly webRoot?: string; readonly isSystemClock?: boolean; readonly auditHeadMaxAgeMs?: number } = {}): Promise<TestApi> {
  const dbUrl = `sqlite:${join(mkdtempSync(join(tmpdir(), 'opcon-api-')), 'api.db')}`;
  // A browser drops cookies that expired by its own clock, so browser tests run on the system clock.
  const config = readConfig(options.isSystemClock === true ? {} : { OPCON_TODAY: TODAY }, {});
  if (typeof config === 'string') throw new Error(config);
  const composed = composeDeps(config, dbUrl);
  // Cheap scrypt for tests only: logins are many here, and the cost factor is not what is tested.
  const deps: Deps = { ...composed.deps, secrets: createSecrets({ N: 1024, r: 8, p: 1 }), notify: () => undefined, actor: localActor('test') };
  const loaded = await deps.store.load();
  if (!loaded.ok) throw new Error(loaded.error.message);
  if (options.withUsers !== false) {
    for (const user of TEST_USERS) {
      const added = await runOperation(operations.userAdd, deps, { ...user, password: PASSWORD });
      if (!added.ok) throw new Error(added.error.message);
    }
  }
  const { actor: _actor, ...base } = deps;
  const api = createApi({
    deps: base,
    logger: pino({ level: 'silent' }),
    version: 'test',
    webRoot: options.webRoot,
    isSecure: false,
    ...(options.limits === undefined ? {} : { limits: options.limits }),
    ...(options.nowMs === undefined ? {} : { nowMs: options.nowMs }),
    ...(options.auditHeadMaxAgeMs === undefined ? {} : { auditHeadMaxAgeMs: options.auditHeadMaxAgeMs }),
  });
  const request = (path: string, init: RequestInit & { readonly headers?: Record<string, string> } = {}) => Promise.resolve(api.app.request(`http://127.0.0.1${path}`, init));
  return {
    api,
    deps,
    dbUrl,
    request,
    async login(username, password = PASSWORD) {
      const response = await request('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
      if (response.status !== 201) throw new Error(`login of ${username} failed: ${response.status} ${await response.text()}`);
      const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const body = (await response.json()) as { csrfToken: string };
      return { cookie, 'x-csrf-token': body.csrfToken };
    },
    async close() {
      await api.runs.settle();
      await composed.close();
    },
  };
}

/** JSON request options with the given auth headers. */
export function jsonInit(method: string, headers: Record<string, string>, body: unknown, extra: Record<string, string> = {}): RequestInit & { headers: Record<string, string> } {
  return { method, headers: { ...headers, 'content-type': 'application/json', ...extra }, body: JSON.stringify(body) };
}
