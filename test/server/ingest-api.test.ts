// Ingestion through the API: an analyst pastes an article, reviews the proposed statements, and
// accepts one into the record, where every reader allowed to see it finds it with its citation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, jsonInit, type TestApi } from '../helpers/api.js';

let t: TestApi;
beforeAll(async () => {
  t = await createTestApi();
}, 120_000);
afterAll(() => t.close());

// A constructed article: unnamed speakers and neutral wording, no real person's words.
const ARTICLE = [
  'SEOUL, Nov. 20 -- Defense officials met on Thursday to review the transition of wartime operational control.',
  '"We will keep working to meet every condition before the transfer," a South Korean defense ministry official said.',
  'A U.S. military spokesperson said the allies would "assess the progress together at the next Security Consultative Meeting."',
].join('\n\n');

describe('ingestion over HTTP', () => {
  it('stores a pasted article once, lists its proposals with spans, and accepts one as cited evidence', async () => {
    const analyst = await t.login('analyst-rok');
    const added = await t.request('/api/ingest/documents', jsonInit('POST', analyst, { text: ARTICLE, published: '2026-11-20', outlet: 'Test Wire', url: 'https://example.org/article-1', title: 'Officials review the transition' }));
    expect(added.status).toBe(201);
    const document = (await added.json()) as { document: { id: string }; proposalIds: number[]; isNew: boolean };
    expect(document.isNew).toBe(true);
    expect(document.proposalIds.length).toBeGreaterThanOrEqual(2);
    const again = (await (await t.request('/api/ingest/documents', jsonInit('POST', analyst, { text: ARTICLE, url: 'https://example.org/article-1' }))).json()) as { isNew: boolean };
    expect(again.isNew).toBe(false);
    const stored = (await (await t.request(`/api/ingest/documents/${document.document.id}`, { headers: analyst })).json()) as { text: string; items: { id: number; proposal: { quote: { span: { start: number; end: number } }; text?: string } }[] };
    expect(stored.text).toBe(ARTICLE);
    expect(stored.items.length).toBe(document.proposalIds.length);
    const first = document.proposalIds[0]!;
    const edited = await t.request(`/api/ingest/proposals/${first}/edit`, jsonInit('POST', analyst, { side: 'ROK', stance: 'cautious' }));
    expect(edited.status).toBe(201);
    const accepted = await t.request(`/api/ingest/proposals/${first}/accept`, jsonInit('POST', analyst, { criterionIds: ['C1.operational-proficiency'] }));
    expect(accepted.status).toBe(201);
    const statement = ((await accepted.json()) as { statement: { id: string; text: string } }).statement;
    const viewer = await t.login('viewer-public');
    const found = (await (await t.request('/api/statements?q=condition&outlet=Test%20Wire', { headers: viewer })).json()) as { items: { statement: { id: string }; citation: { url: string } }[] };
    expect(found.items.map((i) => i.statement.id)).toContain(statement.id);
    expect(found.items[0]?.citation.url).toBe('https://example.org/article-1');
    const twice = await t.request(`/api/ingest/proposals/${first}/reject`, jsonInit('POST', analyst, { reason: 'changed my mind' }));
    expect(twice.status).toBe(409);
    const pending = (await (await t.request('/api/ingest/proposals?status=pending', { headers: analyst })).json()) as { id: number }[];
    expect(pending.map((p) => p.id)).not.toContain(first);
  });
  it('refuses empty and non-English articles with a clear 400, and viewers altogether', async () => {
    const analyst = await t.login('analyst-rok');
    const empty = await t.request('/api/ingest/documents', jsonInit('POST', analyst, { text: '   ' }));
    expect(empty.status).toBe(400);
    const korean = await t.request('/api/ingest/documents', jsonInit('POST', analyst, { text: '전시작전권 전환 조건에 대한 평가가 진행되고 있다. '.repeat(20) }));
    expect(korean.status).toBe(400);
    expect(((await korean.json()) as { error: { message: string } }).error.message).toMatch(/English/i);
    const viewer = await t.login('viewer-rok');
    expect((await t.request('/api/ingest/documents', jsonInit('POST', viewer, { text: ARTICLE }))).status).toBe(403);
    expect((await t.request('/api/ingest/proposals', { headers: viewer })).status).toBe(403);
  });
});
