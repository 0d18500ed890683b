// Cached reads answered at the socket (src/server/fast-reads.ts), on a real loopback server built
// as `opcon serve` builds it: the same answer as the app's (headers, bytes, gzip, 304), the
// request id, Connection: close while draining, a logout seen at once, and a write by another
// process seen once the audit head is older than its maximum age.
import { createServer, get, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOperation } from '../../src/app/operation.js';
import { operations } from '../../src/app/registry.js';
import { requestListener } from '../../src/server/start.js';
import { createTestApi, PASSWORD, type TestApi } from '../helpers/api.js';

const HEAD_MAX_AGE_MS = 100;
let t: TestApi;
let server: Server;
let base: string;
let nowMs = 1_000_000;
let fastAnswers = 0;

beforeAll(async () => {
  t = await createTestApi({ nowMs: () => nowMs, auditHeadMaxAgeMs: HEAD_MAX_AGE_MS });
  // Count the answers the socket-level path gives, so that a test can tell which path answered.
  const counted = { ...t.api, fastRead: async (req: IncomingMessage, res: ServerResponse) => {
    const isAnswered = await t.api.fastRead(req, res);
    if (isAnswered) fastAnswers++;
    return isAnswered;
  } };
  server = await new Promise<Server>((resolve) => {
    const s = createServer(requestListener(counted, '127.0.0.1', pino({ level: 'silent' }))).listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

/** The headers of a response without the ones that differ per response or per transport. */
function stableHeaders(response: Response): Record<string, string> {
  const skip = new Set(['x-request-id', 'date', 'connection', 'keep-alive', 'transfer-encoding']);
  return Object.fromEntries([...response.headers.entries()].filter(([name]) => !skip.has(name)).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** A GET as bytes, undecoded (fetch would gunzip the body). */
function rawGet(path: string, headers: Record<string, string>): Promise<{ readonly headers: IncomingMessage['headers']; readonly body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(`${base}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

async function login(username: string): Promise<{ readonly cookie: string; readonly 'x-csrf-token': string }> {
  const response = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  expect(response.status).toBe(201);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '', 'x-csrf-token': csrfToken };
}

describe('cached reads at the socket', () => {
  it('answer a repeated read with the bytes and headers the app gives, gzipped or not, and 304 for a known ETag', async () => {
    const auth = await login('viewer-rok');
    const first = await fetch(`${base}/api/criteria?status=blocking`, { headers: { cookie: auth.cookie, 'accept-encoding': 'identity' } });
    expect(first.status).toBe(200);
    expect(first.headers.get('x-cache')).toBe('miss');
    const firstBody = await first.text();
    const before = fastAnswers;
    const second = await fetch(`${base}/api/criteria?status=blocking`, { headers: { cookie: auth.cookie, 'accept-encoding': 'identity' } });
    expect(fastAnswers).toBe(before + 1);
    expect(second.headers.get('x-cache')).toBe('hit');
    expect(await second.text()).toBe(firstBody);
    // The app's own answer to the same hit (in process, through every middleware) has the same headers.
    const viaApp = await t.request('/api/criteria?status=blocking', { headers: { cookie: auth.cookie, 'accept-encoding': 'identity' } });
    expect(stableHeaders(second)).toEqual(stableHeaders(viaApp));
    expect(second.headers.get('content-security-policy')).toContain("default-src 'self'");
    const gz = await rawGet('/api/criteria?status=blocking', { cookie: auth.cookie, 'accept-encoding': 'gzip, br' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['x-cache']).toBe('hit');
    expect(gunzipSync(gz.body).toString('utf8')).toBe(firstBody);
    const etag = second.headers.get('etag') ?? '';
    const notModified = await fetch(`${base}/api/criteria?status=blocking`, { headers: { cookie: auth.cookie, 'if-none-match': etag } });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('etag')).toBe(etag);
    expect(notModified.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(fastAnswers).toBe(before + 3);
  });
  it('keeps a valid request id and gives each other request a new one', async () => {
    const auth = await login('viewer-public');
    await fetch(`${base}/api/plan`, { headers: { cookie: auth.cookie } });
    const given = await fetch(`${base}/api/plan`, { headers: { cookie: auth.cookie, 'x-request-id': 'trace.42-a' } });
    expect(given.headers.get('x-cache')).toBe('hit');
    expect(given.headers.get('x-request-id')).toBe('trace.42-a');
    const odd = await fetch(`${base}/api/plan`, { headers: { cookie: auth.cookie, 'x-request-id': 'not valid!' } });
    expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
  it('leave other readers, wrong logins and other methods to the app', async () => {
    const rok = await login('viewer-rok');
    await fetch(`${base}/api/brief`, { headers: { cookie: rok.cookie } });
    const before = fastAnswers;
    // A reader with another audience has no answer in the cache yet: the app computes it.
    const us = await login('us-assessor-1');
    expect((await fetch(`${base}/api/brief`, { headers: { cookie: us.cookie } })).headers.get('x-cache')).toBe('miss');
    expect((await fetch(`${base}/api/brief`, { headers: { cookie: 'opcon_session=forged' } })).status).toBe(401);
    expect((await fetch(`${base}/api/brief`, { method: 'HEAD', headers: { cookie: rok.cookie } })).status).toBe(200);
    expect(fastAnswers).toBe(before);
  });
  it('see a logout through this server at once', async () => {
    const auth = await login('analyst-rok');
    await fetch(`${base}/api/sources`, { headers: { cookie: auth.cookie } });
    expect((await fetch(`${base}/api/sources`, { headers: { cookie: auth.cookie } })).headers.get('x-cache')).toBe('hit');
    expect((await fetch(`${base}/api/session`, { method: 'DELETE', headers: auth })).status).toBe(204);
    expect((await fetch(`${base}/api/sources`, { headers: { cookie: auth.cookie } })).status).toBe(401);
  });
  it('see a write by another process once the audit head they know is older than its maximum age', async () => {
    const auth = await login('admin-1');
    await fetch(`${base}/api/sources`, { headers: { cookie: auth.cookie } });
    const etag = (await fetch(`${base}/api/sources`, { headers: { cookie: auth.cookie } })).headers.get('etag');
    // Written straight to the database, as the CLI would, not through this server.
    const written = await runOperation(operations.recordSource, t.deps, { outlet: 'Test outlet', title: 'Written beside the server', url: 'https://example.org/fast-read', published: '2026-11-01', sourceKind: 'news', reliability: 'B' });
    expect(written.ok).toBe(true);
    expect((await fetch(`${base}/api/sources`, { headers: { cookie: auth.cookie } })).headers.get('etag')).toBe(etag);
    nowMs += HEAD_MAX_AGE_MS;
    const after = await fetch(`${base}/api/sources`, { headers: { cookie: auth.cookie } });
    expect(after.headers.get('x-cache')).toBe('miss');
    expect(after.headers.get('etag')).not.toBe(etag);
  });
  it('answer with Connection: close while the server drains', async () => {
    const auth = await login('viewer-public');
    await fetch(`${base}/api/plan`, { headers: { cookie: auth.cookie } });
    t.api.drain();
    const closing = await fetch(`${base}/api/plan`, { headers: { cookie: auth.cookie } });
    expect(closing.headers.get('x-cache')).toBe('hit');
    expect(closing.headers.get('connection')).toBe('close');
  });
});
