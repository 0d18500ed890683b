// The authorization matrix, generated from the role table: every role (and party) × every route ×
// every releasability marking. Reads must never carry what the reader may not see — not an item,
// not a count; writes must be refused (403) exactly where the role table says so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audienceOf, isAllowed, ROLE_TABLE, type Actor } from '../../src/core/access/roles.js';
import { isVisibleTo, RELEASABILITY, type Releasability } from '../../src/core/common/releasability.js';
import type { LedgerDatabase } from '../../src/app/ports.js';
import { ROUTES } from '../../src/server/routes.js';
import { createTestApi, jsonInit, TEST_USERS, type TestApi } from '../helpers/api.js';

const MARK = (m: Releasability) => `MATRIXMARK-${m}`;
const NOW = '2026-11-22T12:00:00.000Z';

let t: TestApi;
const sessions = new Map<string, Record<string, string>>();

function actorOf(user: (typeof TEST_USERS)[number]): Actor {
  const audience = ROLE_TABLE[user.role].fixedParty ?? user.party ?? 'combined';
  return { kind: 'actor', name: user.username, role: user.role, audience: audience === 'all' ? 'all' : audienceOf(user.role, audience), via: 'session', scopes: ['read', 'write'] };
}

beforeAll(async () => {
  t = await createTestApi();
  const db = await t.deps.database({ isMigrating: true });
  if (!db.ok) throw new Error(db.error.message);
  await seedMarked(db.value);
  for (const user of TEST_USERS) sessions.set(user.username, await t.login(user.username));
}, 180_000);
afterAll(() => t.close());

/** One record of every kind per marking, each carrying the marking's token in its text. */
async function seedMarked(db: LedgerDatabase): Promise<void> {
  const sources = RELEASABILITY.map((m) => ({ kind: 'source' as const, id: `${MARK(m)}-src`, releasability: m, recordedAt: NOW, outlet: `Outlet ${MARK(m)}`, title: null, url: null, published: '2026-11-20', sourceKind: 'news' as const, reliability: 'B' as const, language: 'en' }));
  const statements = RELEASABILITY.map((m) => ({ kind: 'statement' as const, id: `${MARK(m)}-st`, releasability: m, recordedAt: NOW, sourceId: `${MARK(m)}-src`, text: `Statement text ${MARK(m)}`, isVerbatim: false, speaker: null, role: null, side: 'ROK' as const, stance: 'neutral' as const, saidOn: '2026-11-20', conditionIds: ['C1'], criterionIds: [], forumIds: [] }));
  const assessments = RELEASABILITY.flatMap((m) =>
    ['ROK', 'US'].map((party) => ({ kind: 'assessment' as const, id: `${MARK(m)}-a-${party}`, releasability: m, recordedAt: NOW, party, criterionId: 'C1.component-commands', asOf: '2026-11-20', rating: 0 as const, confidence: 0.9, rationale: `Rationale ${MARK(m)}`, basis: 'official' as const, statementIds: [`${MARK(m)}-st`], sourceIds: [`${MARK(m)}-src`], recordedBy: 'test' })),
  );
  const events = RELEASABILITY.map((m) => ({ kind: 'event' as const, id: `${MARK(m)}-ev`, releasability: m, recordedAt: NOW, date: '2026-11-20', title: `Event ${MARK(m)}`, category: 'position' as const, sourceIds: [`${MARK(m)}-src`] }));
  const written = await db.write({ records: { sources, statements, assessments, events }, recordedAt: NOW, audit: { actor: 'test', operation: 'seed-marked' } });
  if (!written.ok) throw new Error(written.error.message);
}

/** A sample request per GET route: small forecasts, ids that exist or are well-formed. */
const SAMPLE_QUERY: Readonly<Record<string, string>> = {
  '/api/forecast': '?view=rok&iterations=1000',
  '/api/statements': '?limit=500',
  '/api/timeline': '?from=2026',
  '/api/ingest/documents/:id': '',
};
const samplePath = (path: string) => path.replace(':id', 'D000000000000').replace(':username', 'viewer-public') + (SAMPLE_QUERY[path] ?? '');

describe('reads: nothing a reader may not see reaches them in any form', () => {
  for (const user of TEST_USERS) {
    it(`${user.username} (${user.role}${user.party === undefined ? '' : `, ${user.party}`})`, async () => {
      const actor = actorOf(user);
      const headers = sessions.get(user.username)!;
      for (const route of ROUTES.filter((r) => r.method === 'get')) {
        const response = await t.request(samplePath(route.path), { headers });
        const text = await response.text();
        const where = `${route.path} as ${user.username}`;
        if (!isAllowed(actor, route.operation.access)) {
          expect(response.status, where).toBe(403);
          continue;
        }
        expect(response.status, `${where}: ${text.slice(0, 200)}`).toBeLessThan(500);
        expect([200, 404], where).toContain(response.status);
        for (const m of RELEASABILITY) {
          if (!isVisibleTo(m, actor.audience)) expect(text.includes(MARK(m)), `${where} leaks ${m}`).toBe(false);
        }
      }
      // Counts are over what the reader may see: the search finds exactly the visible markings.
      const found = (await (await t.request('/api/statements?q=MATRIXMARK&limit=500', { headers })).json()) as { total: number };
      expect(found.total).toBe(RELEASABILITY.filter((m) => isVisibleTo(m, actor.audience)).length);
      const exported = await (await t.request('/api/export', { headers })).text();
      for (const m of RELEASABILITY) expect(exported.includes(MARK(m)), `export for ${user.username}, ${m}`).toBe(isVisibleTo(m, actor.audience));
    }, 120_000);
  }
  it('computes the picture and the forecast of a ROK reader without US-ONLY judgements', async () => {
    const headers = sessions.get('viewer-rok')!;
    const before = await Promise.all(['/api/brief?asOf=2026-11-23', '/api/forecast?view=us&iterations=2000&asOf=2026-11-23', '/api/criteria?asOf=2026-11-23'].map(async (p) => (await t.request(p, { headers })).text()));
    const admin = sessions.get('admin-1')!;
    const hidden = await t.request('/api/assessments', jsonInit('POST', admin, { party: 'US', criterionId: 'C2.three-axis', asOf: '2026-11-21', rating: 3, confidence: 1, rationale: 'US-only judgement', basis: 'official', sourceIds: ['S94'], releasability: 'US-ONLY' }));
    expect(hidden.status).toBe(201);
    const hiddenId = ((await hidden.json()) as { record: { id: string } }).record.id;
    const after = await Promise.all(['/api/brief?asOf=2026-11-23', '/api/forecast?view=us&iterations=2000&asOf=2026-11-23', '/api/criteria?asOf=2026-11-23'].map(async (p) => (await t.request(p, { headers })).text()));
    expect(after).toEqual(before);
    const usHeaders = sessions.get('us-assessor-1')!;
    const usBrief = await (await t.request('/api/criteria?asOf=2026-11-23', { headers: usHeaders })).text();
    expect(usBrief).toContain(hiddenId);
    expect(before[2]).not.toContain(hiddenId);
  }, 120_000);
});

describe('writes: allowed exactly where the role table says', () => {
  for (const user of TEST_USERS) {
    it(`${user.username} (${user.role})`, async () => {
      const actor = actorOf(user);
      const headers = sessions.get(user.username)!;
      const perms = ROLE_TABLE[user.role];
      for (const m of RELEASABILITY) {
        const isMarkable = isVisibleTo(m, actor.audience);
        const statement = await t.request('/api/statements', jsonInit('POST', headers, { sourceId: 'S94', text: `Matrix write ${m}`, isVerbatim: false, speaker: null, role: null, side: 'ROK', stance: null, saidOn: '2026-11-20', releasability: m }));
        expect(statement.status, `statement ${m}`).toBe(perms.permissions.includes('write-evidence') && isMarkable ? 201 : 403);
        for (const party of ['ROK', 'US', 'combined']) {
          const assessment = await t.request('/api/assessments', jsonInit('POST', headers, { party, criterionId: 'C1.command-structure', asOf: '2026-11-20', rating: 1, confidence: 0.5, rationale: `Matrix ${m}`, basis: 'official', sourceIds: ['S94'], releasability: m }));
          const isOwnParty = perms.assessesParty === null || perms.assessesParty === party;
          expect(assessment.status, `assessment ${party} ${m}`).toBe(perms.permissions.includes('write-assessment') && isOwnParty && isMarkable ? 201 : 403);
        }
        const decision = await t.request('/api/decisions', jsonInit('POST', headers, { forumId: 'SCM', date: '2026-11-20', level: 'ministerial', title: `Matrix ${m}`, decided: 'Test decision', sourceIds: ['S94'], releasability: m }));
        expect(decision.status, `decision ${m}`).toBe(perms.permissions.includes('write-record') && isMarkable ? 201 : 403);
      }
      // A record the writer may not see cannot be cited: it is as unknown as a missing one.
      if (perms.permissions.includes('write-evidence') && !isVisibleTo('US-ONLY', actor.audience)) {
        const cites = await t.request('/api/statements', jsonInit('POST', headers, { sourceId: `${MARK('US-ONLY')}-src`, text: 'Cites a hidden source', isVerbatim: false, speaker: null, role: null, side: 'ROK', stance: null, saidOn: '2026-11-20' }));
        expect(cites.status).toBe(404);
        expect(await cites.text()).not.toContain(`Outlet ${MARK('US-ONLY')}`);
      }
    }, 120_000);
  }
});
