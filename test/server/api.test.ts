// The HTTP API in process: sessions, CSRF, validation, versioned corrections, limits and headers.
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES, openApiPath } from '../../src/server/routes.js';
import { createTestApi, jsonInit, PASSWORD, type TestApi } from '../helpers/api.js';

let t: TestApi;
beforeAll(async () => {
  t = await createTestApi();
}, 120_000);
afterAll(() => t.close());

const CRITERION = 'C1.component-commands';

async function currentAssessment(headers: Record<string, string>, party: string): Promise<{ id: string; criterionId: string }> {
  const list = (await (await t.request(`/api/assessments?party=${party}&criterionId=${CRITERION}`, { headers })).json()) as { items: { assessment: { id: string; criterionId: string }; isCurrent: boolean }[] };
  const current = list.items.find((i) => i.isCurrent);
  if (current === undefined) throw new Error('no current assessment in the default dataset');
  return current.assessment;
}

const newAssessment = (party: string, extra: Record<string, unknown> = {}) => ({
  party,
  criterionId: CRITERION,
  asOf: '2026-11-20',
  rating: 2,
  confidence: 0.6,
  rationale: 'Test judgement entered through the API.',
  basis: 'official',
  sourceIds: ['S94'],
  ...extra,
});

describe('sessions', () => {
  it('logs in with an HttpOnly, SameSite=Strict cookie and refuses a wrong password without saying which part was wrong', async () => {
    const ok = await t.request('/api/session', jsonInit('POST', {}, { username: 'viewer-rok', password: PASSWORD }));
    expect(ok.status).toBe(201);
    const cookie = ok.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toMatch(/Secure/);
    const bad = await t.request('/api/session', jsonInit('POST', {}, { username: 'viewer-rok', password: 'wrong password!' }));
    const unknown = await t.request('/api/session', jsonInit('POST', {}, { username: 'nobody-here', password: 'wrong password!' }));
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toBe(((await unknown.json()) as { error: { message: string } }).error.message);
  });
  it('tells the client what the user may do, on login and on the session read', async () => {
    type Body = { grants: { permissions: string[]; assessesParty: string | null; markings: string[] } };
    const login = (await (await t.request('/api/session', jsonInit('POST', {}, { username: 'rok-assessor-1', password: PASSWORD }))).json()) as Body;
    expect(login.grants).toEqual({ kind: 'grants', permissions: ['read', 'forecast', 'write-assessment'], assessesParty: 'ROK', markings: ['PUBLIC', 'ROK-US', 'ROK-ONLY'] });
    const viewer = (await (await t.request('/api/session', { headers: await t.login('viewer-public') })).json()) as Body;
    expect(viewer.grants).toEqual({ kind: 'grants', permissions: ['read', 'forecast'], assessesParty: null, markings: ['PUBLIC'] });
  });
  it('needs a login for every API route but health and docs', async () => {
    for (const route of ROUTES) {
      const response = await t.request(route.path.replace(/:([a-z]+)/gi, '1'), { method: route.method.toUpperCase() });
      expect(response.status, `${route.method} ${route.path}`).toBe(401);
    }
    expect((await t.request('/api/health')).status).toBe(200);
  });
  it('ends the session on logout, and on disabling the user', async () => {
    const headers = await t.login('viewer-public');
    expect((await t.request('/api/session', { headers })).status).toBe(200);
    expect((await t.request('/api/session', { method: 'DELETE', headers })).status).toBe(204);
    expect((await t.request('/api/session', { headers })).status).toBe(401);
    const again = await t.login('analyst-combined');
    const admin = await t.login('admin-1');
    expect((await t.request('/api/users/analyst-combined/disable', jsonInit('POST', admin, {}))).status).toBe(200);
    expect((await t.request('/api/brief', { headers: again })).status).toBe(401);
    expect((await t.request('/api/users/analyst-combined/enable', jsonInit('POST', admin, {}))).status).toBe(200);
  });
  it('limits failed logins per address and user, with Retry-After', async () => {
    let now = 1_000_000;
    const limited = await createTestApi({ limits: { loginFailures: 3, loginWindowMs: 60_000 }, nowMs: () => now });
    try {
      const attempt = () => limited.request('/api/session', jsonInit('POST', {}, { username: 'viewer-rok', password: 'not the password' }));
      for (let i = 0; i < 3; i++) expect((await attempt()).status).toBe(401);
      const blocked = await attempt();
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
      // Even the right password waits until the window passes.
      expect((await limited.request('/api/session', jsonInit('POST', {}, { username: 'viewer-rok', password: PASSWORD }))).status).toBe(429);
      now += 61_000;
      expect((await limited.request('/api/session', jsonInit('POST', {}, { username: 'viewer-rok', password: PASSWORD }))).status).toBe(201);
    } finally {
      await limited.close();
    }
  });
});

describe('writes', () => {
  it('refuses a cookie write without the CSRF token, and accepts a bearer token without one', async () => {
    const headers = await t.login('rok-assessor-1');
    const noCsrf = await t.request('/api/assessments', jsonInit('POST', { cookie: headers['cookie'] ?? '' }, newAssessment('ROK')));
    expect(noCsrf.status).toBe(403);
    expect(((await noCsrf.json()) as { error: { code: string } }).error.code).toBe('csrf');
    const admin = await t.login('admin-1');
    const token = (await (await t.request('/api/tokens', jsonInit('POST', admin, { username: 'rok-assessor-1', name: 'script', scopes: ['read', 'write'] }))).json()) as { secret: string; token: { id: number } };
    const viaToken = await t.request('/api/assessments', jsonInit('POST', { authorization: `Bearer ${token.secret}` }, newAssessment('ROK', { rationale: 'Entered by a script.' })));
    expect(viaToken.status).toBe(201);
    const readOnly = (await (await t.request('/api/tokens', jsonInit('POST', admin, { username: 'rok-assessor-1', name: 'reader', scopes: ['read'] }))).json()) as { secret: string; token: { id: number } };
    expect((await t.request('/api/brief', { headers: { authorization: `Bearer ${readOnly.secret}` } })).status).toBe(200);
    expect((await t.request('/api/assessments', jsonInit('POST', { authorization: `Bearer ${readOnly.secret}` }, newAssessment('ROK')))).status).toBe(403);
    expect((await t.request(`/api/tokens/${token.token.id}`, { method: 'DELETE', headers: admin })).status).toBe(200);
    expect((await t.request('/api/brief', { headers: { authorization: `Bearer ${token.secret}` } })).status).toBe(401);
  });
  it('reports invalid input as 400 with the path of the bad field, never 500', async () => {
    const headers = await t.login('rok-assessor-1');
    const cases: [unknown, string][] = [
      [newAssessment('ROK', { rating: 7 }), 'rating'],
      [newAssessment('ROK', { confidence: 'high' }), 'confidence'],
      [newAssessment('ROK', { asOf: '2026-02-30' }), 'asOf'],
      [newAssessment('ROK', { sourceIds: ['NO-SUCH-SOURCE'] }), 'sourceIds[0]'],
      [newAssessment('ROK', { criterionId: 'C9.nothing' }), 'criterionId'],
      [{ ...newAssessment('ROK'), extra: 1 }, '(root)'],
    ];
    for (const [body, path] of cases) {
      const response = await t.request('/api/assessments', jsonInit('POST', headers, body));
      expect([400, 404], JSON.stringify(body)).toContain(response.status);
      expect(((await response.json()) as { error: { path: string } }).error.path, JSON.stringify(body)).toBe(path);
    }
    const broken = await t.request('/api/assessments', { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: '{"party": ' });
    expect(broken.status).toBe(400);
    const query = await t.request('/api/brief?asOf=yesterday', { headers });
    expect(query.status).toBe(400);
    expect(((await query.json()) as { error: { path: string } }).error.path).toBe('asOf');
  });
  it('corrects a version named in If-Match, and answers 409 with the newer record when that version was corrected already', async () => {
    const headers = await t.login('us-assessor-1');
    const current = await currentAssessment(headers, 'US');
    const first = await t.request('/api/assessments', jsonInit('POST', headers, newAssessment('US', { supersedes: current.id }), { 'if-match': `"${current.id}"` }));
    expect(first.status).toBe(201);
    const written = ((await first.json()) as { record: { id: string; recordedBy: string } }).record;
    expect(written.recordedBy).toBe('us-assessor-1');
    const stale = await t.request('/api/assessments', jsonInit('POST', headers, newAssessment('US', { rating: 1 }), { 'if-match': `"${current.id}"` }));
    expect(stale.status).toBe(409);
    const body = (await stale.json()) as { error: { current: { id: string } } };
    expect(body.error.current.id).toBe(written.id);
    const noHeader = await t.request('/api/assessments', jsonInit('POST', headers, newAssessment('US', { supersedes: written.id })));
    expect(noHeader.status).toBe(428);
  });
  it('lets exactly one of two simultaneous corrections of the same version win', async () => {
    const headers = await t.login('rok-assessor-1');
    const current = await currentAssessment(headers, 'ROK');
    const post = (rating: number) => t.request('/api/assessments', jsonInit('POST', headers, newAssessment('ROK', { rating }), { 'if-match': `"${current.id}"` }));
    const statuses = (await Promise.all([post(1), post(3), post(2)])).map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409]);
  });
  it('refuses bodies over the limit with 413', async () => {
    const headers = await t.login('analyst-rok');
    const response = await t.request('/api/statements', jsonInit('POST', headers, { text: 'x'.repeat(300 * 1024) }));
    expect(response.status).toBe(413);
  });
});

describe('edge', () => {
  it('sends security headers and a request id', async () => {
    const response = await t.request('/api/health');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await response.json()).toMatchObject({ status: 'ok' });
    // Also on failures, on routes that do not exist and on a client's own request id.
    const admin = await t.login('admin-1');
    for (const [path, status, headers] of [['/api/brief', 401, {}], ['/api/nowhere', 404, admin]] as const) {
      const failed = await t.request(path, { headers: { ...headers, 'x-request-id': 'client-chosen.1' } });
      expect(failed.status).toBe(status);
      expect(failed.headers.get('x-frame-options'), path).toBe('SAMEORIGIN');
      expect(failed.headers.get('x-request-id'), path).toBe('client-chosen.1');
      expect(((await failed.json()) as { error: { code: string } }).error.code).toBeTruthy();
    }
  });
  it('answers cached reads until the next write, then recomputes', async () => {
    const headers = await t.login('viewer-rok');
    const first = await t.request('/api/brief', { headers });
    const second = await t.request('/api/brief', { headers });
    expect(second.headers.get('x-cache')).toBe('hit');
    expect(await second.text()).toBe(await first.text());
    // A hit is built by hand for speed; it still carries every security header and its own request id.
    for (const name of ['content-security-policy', 'x-content-type-options', 'x-frame-options', 'referrer-policy']) expect(second.headers.get(name), name).toBe(first.headers.get(name));
    expect(second.headers.get('x-content-type-options')).toBe('nosniff');
    expect(second.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
    const etag = second.headers.get('etag') ?? '';
    const notModified = await t.request('/api/brief', { headers: { ...headers, 'if-none-match': etag } });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    const assessor = await t.login('rok-assessor-1');
    expect((await t.request('/api/assessments', jsonInit('POST', assessor, newAssessment('ROK', { asOf: '2026-11-21' })))).status).toBe(201);
    expect((await t.request('/api/brief', { headers })).headers.get('x-cache')).toBe('miss');
  });
  it('publishes a valid OpenAPI 3.1 document naming every route', async () => {
    const document = (await (await t.request('/api/openapi.json')).json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(document.openapi).toBe('3.1.0');
    const result = await new Validator().validate(document as unknown as Parameters<Validator["validate"]>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    for (const route of ROUTES) expect(document.paths[openApiPath(route.path)]?.[route.method], `${route.method} ${route.path}`).toBeDefined();
    for (const path of ['/api/session', '/api/forecast-runs', '/api/forecast-runs/{id}']) expect(document.paths[path]).toBeDefined();
    const docs = await t.request('/api/docs');
    expect(docs.headers.get('content-type')).toMatch(/text\/html/);
    expect(await docs.text()).toContain('/api/assessments');
  });
  it('runs a forecast in the background with progress, and cancels one', async () => {
    const headers = await t.login('viewer-rok');
    const started = await t.request('/api/forecast-runs', jsonInit('POST', headers, { view: 'rok', iterations: 8192 }));
    expect(started.status).toBe(202);
    const { id } = (await started.json()) as { id: string };
    let run: { status: string; progress: { done: number }; result: { runs: unknown[] } | null } = { status: 'running', progress: { done: 0 }, result: null };
    for (let i = 0; i < 600 && run.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      run = (await (await t.request(`/api/forecast-runs/${id}`, { headers })).json()) as typeof run;
    }
    expect(run.status).toBe('done');
    expect(run.progress.done).toBe(8192);
    expect(run.result?.runs.length).toBe(1);
    const other = await t.login('viewer-public');
    expect((await t.request(`/api/forecast-runs/${id}`, { headers: other })).status).toBe(404);
    const long = (await (await t.request('/api/forecast-runs', jsonInit('POST', headers, { view: 'all', scenarios: ['us-accepts-rok', 'foc-slips-a-year'], iterations: 20000 }))).json()) as { id: string };
    expect((await t.request(`/api/forecast-runs/${long.id}`, { method: 'DELETE', headers })).status).toBe(200);
    await t.api.runs.settle();
    const cancelled = (await (await t.request(`/api/forecast-runs/${long.id}`, { headers })).json()) as { status: string };
    expect(cancelled.status).toBe('cancelled');
  });
  it('runs a scenario built by the caller beside the baseline, and names a bad override by its path', async () => {
    const headers = await t.login('viewer-public');
    const custom = { id: 'fmc-fails-less', title: 'FMC verification rarely fails', overrides: [{ kind: 'gate', stage: 'FMC', failureProbability: 0.01 }, { kind: 'delay', target: 'FOC', days: 0 }] };
    const started = await t.request('/api/forecast-runs', jsonInit('POST', headers, { view: 'us', iterations: 4000, custom: [custom] }));
    expect(started.status).toBe(202);
    const { id } = (await started.json()) as { id: string };
    await t.api.runs.settle();
    const done = (await (await t.request(`/api/forecast-runs/${id}`, { headers })).json()) as { status: string; result: { runs: { scenario: { id: string } | null }[]; deltas: unknown[] } };
    expect(done.status).toBe('done');
    expect(done.result.runs.map((r) => r.scenario?.id ?? null)).toEqual([null, 'fmc-fails-less']);
    expect(done.result.deltas.length).toBe(1);
    // The shape and the ids it names are checked before the run starts: a 400 naming the path, and no run.
    expect((await t.request('/api/forecast-runs', jsonInit('POST', headers, { view: 'us', custom: [{ ...custom, overrides: [] }] }))).status).toBe(400);
    const bad = await t.request('/api/forecast-runs', jsonInit('POST', headers, { view: 'us', iterations: 1000, custom: [{ ...custom, overrides: [{ kind: 'delay', target: 'FCO', days: 30 }] }] }));
    expect(bad.status).toBe(400);
    const badBody = (await bad.json()) as { error: { path: string; message: string } };
    expect(badBody.error.path).toBe('custom.0.overrides.0.target');
    expect(badBody.error.message).toContain('unknown stage or criterion "FCO"');
    const clash = await t.request('/api/forecast-runs', jsonInit('POST', headers, { view: 'us', iterations: 1000, scenarios: ['us-accepts-rok'], custom: [{ ...custom, id: 'us-accepts-rok' }] }));
    expect(clash.status).toBe(400);
    expect(((await clash.json()) as { error: { path: string } }).error.path).toBe('custom.0.id');
    const unknownScenario = await t.request('/api/forecast-runs', jsonInit('POST', headers, { view: 'us', scenarios: ['us-accepts-rk'] }));
    expect(unknownScenario.status).toBe(404);
    expect(((await unknownScenario.json()) as { error: { message: string } }).error.message).toContain('did you mean "us-accepts-rok"');
    expect((await t.request('/api/forecast-runs', jsonInit('POST', headers, { view: 'japan' }))).status).toBe(404);
  });
  it('lists what changed since a date, only what the reader may see', async () => {
    const headers = await t.login('viewer-public');
    const response = await t.request('/api/changes?asOf=2026-06-25&since=2026-03-01', { headers });
    expect(response.status).toBe(200);
    const changes = (await response.json()) as { since: string; asOf: string; statements: { saidOn: string | null; releasability: string }[]; assessments: { move: string }[] };
    expect([changes.since, changes.asOf]).toEqual(['2026-03-01', '2026-06-25']);
    expect(changes.statements.length).toBeGreaterThan(0);
    expect(changes.statements.every((s) => s.releasability === 'PUBLIC')).toBe(true);
    expect((await t.request('/api/changes?asOf=2026-03-01&since=2026-06-25', { headers })).status).toBe(400);
  });
});
