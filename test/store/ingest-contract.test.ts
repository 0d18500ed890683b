// The ingestion queue's contract, on SQLite and (with OPCON_TEST_PG_URL) on PostgreSQL: articles
// stored once, review rows appended in order, accepts written with their records or not at all.
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import type { LedgerDatabase, NewIngestDocument } from '../../src/app/ports.js';
import type { Proposal } from '../../src/core/ingest/proposals.js';
import { source, statement } from '../../src/core/testing/fixtures.js';
import { connect } from '../../src/store/db/connect.js';
import { openDatabase } from '../../src/store/db/database.js';
import { databasesUnderTest } from '../helpers/databases.js';

const NOW = '2026-11-23T12:00:00.000Z';
const doc = (text: string, url: string | null): NewIngestDocument => ({ kind: 'new-ingest-document', text, file: 'a.txt', format: 'text', published: '2026-11-20', outlet: 'Test Wire', title: null, url });
const proposal = (index: number): Proposal => ({
  kind: 'proposal', index, text: `quoted words number ${index}`, speaker: null, role: 'an official', side: 'ROK', stance: null, stanceEvidence: null,
  context: 'the sentence around it', span: { start: 0, end: 10 }, confidence: 0.8, conditions: [], forums: [], dates: [],
});

for (const target of databasesUnderTest()) {
  describe(`ingestion queue contract on ${target.name}`, () => {
    afterAll(() => target.dropAll(), 60_000);
    const open = async (): Promise<LedgerDatabase> => {
      const db = await openDatabase(await target.create(), { isMigrating: true });
      if (!db.ok) throw new Error(db.error.message);
      return db.value;
    };

    it('stores an article and its proposals once, recognised by URL or by text', async () => {
      const db = await open();
      const first = await db.addDocument(doc('An article  about\nthe handover.', 'https://example.org/1'), [proposal(1), proposal(2)], NOW, { actor: 'test', operation: 'ingest.add' });
      expect(first.ok && first.value).toMatchObject({ isNew: true, matchedBy: null, proposalIds: [1, 2] });
      const sameUrl = await db.addDocument(doc('Another text entirely.', 'https://example.org/1'), [proposal(1)], NOW, { actor: 'test', operation: 'ingest.add' });
      expect(sameUrl.ok && sameUrl.value).toMatchObject({ isNew: false, matchedBy: 'url', proposalIds: [1, 2] });
      // White space does not make a new article.
      const sameText = await db.addDocument(doc('An article about the handover.', null), [proposal(1)], NOW, { actor: 'test', operation: 'ingest.add' });
      expect(sameText.ok && sameText.value).toMatchObject({ isNew: false, matchedBy: 'content' });
      const listed = await db.proposals({});
      expect(listed.ok && listed.value.map((p) => [p.id, p.proposal.index, p.document.url])).toEqual([[1, 1, 'https://example.org/1'], [2, 2, 'https://example.org/1']]);
      const text = first.ok ? await db.documentText(first.value.document.id) : undefined;
      expect(text?.ok && text.value).toBe('An article  about\nthe handover.');
      await db.close();
    });

    it('appends review rows in order and refuses one decided on a stale read', async () => {
      const db = await open();
      await db.addDocument(doc('Text of the article.', null), [proposal(1)], NOW, { actor: 'test', operation: 'ingest.add' });
      const edit = await db.write({ audit: { actor: 'test', operation: 'write' },  records: {}, recordedAt: NOW, reviews: [{ proposalId: 1, afterSeq: 0, decision: { kind: 'review', action: 'edit', recordedAt: NOW, edit: { side: 'US' } } }] });
      expect(edit.ok).toBe(true);
      const stale = await db.write({ audit: { actor: 'test', operation: 'write' },  records: {}, recordedAt: NOW, reviews: [{ proposalId: 1, afterSeq: 0, decision: { kind: 'review', action: 'reject', recordedAt: NOW } }] });
      expect(!stale.ok && stale.error.code).toBe('conflict');
      const missing = await db.write({ audit: { actor: 'test', operation: 'write' },  records: {}, recordedAt: NOW, reviews: [{ proposalId: 9, afterSeq: 0, decision: { kind: 'review', action: 'reject', recordedAt: NOW } }] });
      expect(!missing.ok && missing.error.code).toBe('conflict');
      const listed = await db.proposals({ ids: [1] });
      expect(listed.ok && listed.value[0]?.reviews.map((r) => r.decision.action)).toEqual(['edit']);
      await db.close();
    });

    it('writes an accept with its source and statement, or nothing of either', async () => {
      const db = await open();
      await db.addDocument(doc('Text of the article.', null), [proposal(1), proposal(2)], NOW, { actor: 'test', operation: 'ingest.add' });
      const src = source('ING-D1', '2026-11-20');
      const accept = (proposalId: number, afterSeq: number, id: string) => ({ proposalId, afterSeq, decision: { kind: 'review' as const, action: 'accept' as const, recordedAt: NOW, statementId: id } });
      const good = await db.write({ audit: { actor: 'test', operation: 'write' },  records: { sources: [src], statements: [statement('ING-D1-q1', 'ING-D1', '2026-11-20')] }, recordedAt: NOW, reviews: [accept(1, 0, 'ING-D1-q1')] });
      expect(good.ok && good.value.inserted).toMatchObject({ sources: 1, statements: 1 });
      // A stale accept of proposal 2 conflicts: its statement must not be written either.
      const bad = await db.write({ audit: { actor: 'test', operation: 'write' },  records: { sources: [src], statements: [statement('ING-D1-q2', 'ING-D1', '2026-11-20')] }, recordedAt: NOW, reviews: [accept(2, 5, 'ING-D1-q2')] });
      expect(!bad.ok && bad.error.code).toBe('conflict');
      const status = await db.status();
      expect(status.ok && status.value.counts).toMatchObject({ sources: 1, statements: 1, ingest_documents: 1, ingest_proposals: 2, ingest_reviews: 1 });
      await db.close();
    });

    it('never updates or deletes an ingestion row, even with raw SQL', async () => {
      const location = await target.create();
      const db = await openDatabase(location, { isMigrating: true });
      if (!db.ok) throw new Error(db.error.message);
      await db.value.addDocument(doc('Text of the article.', null), [proposal(1)], NOW, { actor: 'test', operation: 'ingest.add' });
      await db.value.write({ audit: { actor: 'test', operation: 'write' },  records: {}, recordedAt: NOW, reviews: [{ proposalId: 1, afterSeq: 0, decision: { kind: 'review', action: 'reject', recordedAt: NOW } }] });
      await db.value.close();
      const raw = await connect(location);
      if (!raw.ok) throw new Error(raw.error.message);
      for (const table of ['ingest_documents', 'ingest_proposals', 'ingest_reviews']) {
        await expect(sql`UPDATE ${sql.table(table)} SET body = '{}'`.execute(raw.value.db)).rejects.toThrow(/append-only/);
        await expect(sql`DELETE FROM ${sql.table(table)}`.execute(raw.value.db)).rejects.toThrow(/append-only/);
      }
      await raw.value.close();
    });
  });
}
