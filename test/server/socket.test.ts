// The real server on a loopback socket, started as a user would (`opcon serve`): first-run admin,
// JSON logs with request ids, and a graceful stop on SIGTERM that finishes requests in flight and
// loses no write.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { request, type RequestOptions } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshDb, opcon, ROOT, TODAY } from '../helpers/cli.js';

function startServe(db: string, extra: readonly string[] = []): Promise<{ child: ChildProcess; url: string; password: string; stderr: () => string }> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'opcon.mjs'), 'serve', '--host', '127.0.0.1', '--port', '0', ...extra], {
    env: { PATH: process.env['PATH'] ?? '', OPCON_DB: db, OPCON_TODAY: TODAY, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out} ${err}`)), 60_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const url = /dashboard (https?:\/\/127\.0\.0\.1:\d+\/)/.exec(out)?.[1];
      const password = /one-time password (\S+)/.exec(out)?.[1];
      if (url !== undefined && password !== undefined && out.includes('Ctrl-C')) {
        clearTimeout(timer);
        resolve({ child, url, password, stderr: () => err });
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited ${code}: ${out} ${err}`)));
  });
}

const hasOpenssl = spawnSync('openssl', ['version']).error === undefined;
const OPENSSL_SKIP = hasOpenssl ? '' : ' — skipped: install openssl (apt-get install openssl) to make the test certificate';

/** An HTTPS request that trusts only the test certificate. */
function tlsRequest(url: string, ca: Buffer, options: RequestOptions, body?: string): Promise<{ readonly status: number; readonly headers: IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ...options, ca }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('opcon serve on a socket', () => {
  it('creates the first admin, logs JSON with request ids, and stops gracefully on SIGTERM', async () => {
    const db = freshDb();
    const server = await startServe(db);
    const exited = new Promise<number | null>((resolve) => server.child.once('exit', (code) => resolve(code)));
    try {
      expect((await fetch(`${server.url}api/health`)).status).toBe(200);
      const login = await fetch(`${server.url}api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: server.password }) });
      expect(login.status).toBe(201);
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
      expect((await fetch(`${server.url}api/brief`, { headers })).status).toBe(200);
      // A slow request and a write in flight when SIGTERM arrives both complete.
      const slow = fetch(`${server.url}api/forecast?view=all&iterations=150000`, { headers });
      const write = fetch(`${server.url}api/assessments`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ party: 'ROK', criterionId: 'C1.component-commands', asOf: '2026-11-20', rating: 3, confidence: 0.7, rationale: 'Written while the server stops.', basis: 'official', sourceIds: ['S94'] }),
      });
      await new Promise((r) => setTimeout(r, 150));
      server.child.kill('SIGTERM');
      expect((await slow).status).toBe(200);
      const written = await write;
      expect(written.status).toBe(201);
      const id = ((await written.json()) as { record: { id: string } }).record.id;
      expect(await exited).toBe(0);
      await expect(fetch(`${server.url}api/health`)).rejects.toThrow();
      const log = server.stderr().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { requestId?: string; path?: string; status?: number });
      expect(log.some((l) => l.path === '/api/brief' && l.status === 200 && typeof l.requestId === 'string')).toBe(true);
      const audit = opcon(['audit', 'list', '--json'], { OPCON_DB: db });
      expect(audit.stdout).toContain(id);
      expect(opcon(['audit', 'verify'], { OPCON_DB: db }).code).toBe(0);
    } finally {
      server.child.kill('SIGKILL');
    }
  }, 120_000);
  it.skipIf(!hasOpenssl)(`serves over TLS: Secure cookie, and HSTS on answers from the app and from the cache${OPENSSL_SKIP}`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'opcon-tls-'));
    const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1']);
    expect(made.status).toBe(0);
    const server = await startServe(freshDb(), ['--tls-cert', join(dir, 'cert.pem'), '--tls-key', join(dir, 'key.pem')]);
    try {
      expect(server.url.startsWith('https://')).toBe(true);
      const ca = readFileSync(join(dir, 'cert.pem'));
      const login = await tlsRequest(`${server.url}api/session`, ca, { method: 'POST', headers: { 'content-type': 'application/json' } }, JSON.stringify({ username: 'admin', password: server.password }));
      expect(login.status).toBe(201);
      const cookie = String(login.headers['set-cookie'] ?? '');
      expect(cookie).toMatch(/; Secure/);
      const session = cookie.split(';')[0] ?? '';
      const first = await tlsRequest(`${server.url}api/criteria`, ca, { headers: { cookie: session } });
      const second = await tlsRequest(`${server.url}api/criteria`, ca, { headers: { cookie: session } });
      expect([first.headers['x-cache'], second.headers['x-cache']]).toEqual(['miss', 'hit']);
      for (const r of [first, second]) expect(r.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    } finally {
      server.child.kill('SIGKILL');
    }
  }, 120_000);
  it('refuses to listen beyond loopback on a database without accounts', () => {
    const run = opcon(['serve', '--host', '0.0.0.0', '--port', '0'], { OPCON_DB: freshDb() });
    expect(run.code).toBe(6);
    expect(run.stderr).toMatch(/no accounts/);
  }, 60_000);
});
