/**
 * The ingestion queue over the database: articles and their proposed statements are inserted
 * once, in one transaction per article; an article is recognised by its URL or by the hash of its
 * text (white space collapsed), so adding it again writes nothing. Review rows go through
 * `writeBatch`, with the records an accept creates.
 */
import { createHash } from 'node:crypto';
import { fail, ok, type Result } from '../../core/common/result.js';
import type { Proposal } from '../../core/ingest/proposals.js';
import type { ReviewDecision } from '../../core/ingest/review.js';
import { appendAuditRow } from './audit.js';
import type { AddedDocument, AuditStamp, IngestDocumentInfo, IngestQueue, NewIngestDocument, StoredProposal } from '../../app/ports.js';
import type { Connection } from './connect.js';
import { inWriteTransaction } from './write.js';

/** What a document row keeps as JSON: the article as added, without its kind tag. */
type DocumentBody = Omit<NewIngestDocument, 'kind'>;

/** The hash that recognises an article whatever its line breaks and spacing. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text.replace(/\s+/g, ' ').trim()).digest('hex');
}

function info(row: { id: string; content_hash: string; recorded_at: string; body: string }): IngestDocumentInfo {
  const body = JSON.parse(row.body) as DocumentBody;
  return { kind: 'ingest-document-info', id: row.id, contentHash: row.content_hash, file: body.file, published: body.published, outlet: body.outlet, title: body.title, url: body.url, recordedAt: row.recorded_at };
}

/** The `IngestQueue` port over a connection. */
export function ingestQueue(conn: Connection): IngestQueue {
  return {
    async addDocument(doc: NewIngestDocument, proposals: readonly Proposal[], recordedAt: string, audit: AuditStamp): Promise<Result<AddedDocument>> {
      const hash = contentHash(doc.text);
      const added = await inWriteTransaction(conn, async (trx) => {
        const byUrl = doc.url === null ? undefined : await trx.selectFrom('ingest_documents').selectAll().where('url', '=', doc.url).executeTakeFirst();
        const existing = byUrl ?? (await trx.selectFrom('ingest_documents').selectAll().where('content_hash', '=', hash).executeTakeFirst());
        if (existing !== undefined) {
          const ids = await trx.selectFrom('ingest_proposals').select('seq').where('document_id', '=', existing.id).orderBy('seq').execute();
          return { kind: 'added-document' as const, document: info(existing), isNew: false, matchedBy: byUrl === undefined ? ('content' as const) : ('url' as const), proposalIds: ids.map((r) => Number(r.seq)) };
        }
        const body: DocumentBody = { text: doc.text, file: doc.file, format: doc.format, published: doc.published, outlet: doc.outlet, title: doc.title, url: doc.url };
        const row = { id: `D${hash.slice(0, 12)}`, content_hash: hash, url: doc.url, recorded_at: recordedAt, body: JSON.stringify(body) };
        await trx.insertInto('ingest_documents').values(row).execute();
        const ids: number[] = [];
        for (const proposal of proposals) {
          const inserted = await trx.insertInto('ingest_proposals').values({ document_id: row.id, recorded_at: recordedAt, body: JSON.stringify(proposal) }).returning('seq').executeTakeFirstOrThrow();
          ids.push(Number(inserted.seq));
        }
        await appendAuditRow(trx, conn.dialect, recordedAt, { ...audit, detail: audit.detail ?? null, beforeIds: [], afterIds: [row.id, ...ids.map((id) => `proposal:${id}`)] });
        return { kind: 'added-document' as const, document: info(row), isNew: true, matchedBy: null, proposalIds: ids };
      });
      return ok(added);
    },

    async proposals(filter): Promise<Result<readonly StoredProposal[]>> {
      if (filter.ids !== undefined && filter.ids.length === 0) return ok([]);
      let query = conn.db
        .selectFrom('ingest_proposals')
        .innerJoin('ingest_documents', 'ingest_documents.id', 'ingest_proposals.document_id')
        .select(['ingest_proposals.seq as seq', 'ingest_proposals.recorded_at as proposed_at', 'ingest_proposals.body as proposal', 'ingest_documents.id as id', 'ingest_documents.content_hash as content_hash', 'ingest_documents.recorded_at as recorded_at', 'ingest_documents.body as body'])
        .orderBy('ingest_proposals.seq');
      if (filter.ids !== undefined) query = query.where('ingest_proposals.seq', 'in', [...filter.ids]);
      const rows = await query.execute();
      let reviewQuery = conn.db.selectFrom('ingest_reviews').select(['seq', 'proposal_seq', 'body']).orderBy('seq');
      if (filter.ids !== undefined) reviewQuery = reviewQuery.where('proposal_seq', 'in', [...filter.ids]);
      const reviews = new Map<number, { seq: number; decision: ReviewDecision }[]>();
      for (const r of await reviewQuery.execute()) {
        const list = reviews.get(Number(r.proposal_seq)) ?? [];
        list.push({ seq: Number(r.seq), decision: JSON.parse(r.body) as ReviewDecision });
        reviews.set(Number(r.proposal_seq), list);
      }
      return ok(
        rows.map((r) => ({
          kind: 'stored-proposal' as const,
          id: Number(r.seq),
          document: info(r),
          proposal: JSON.parse(r.proposal) as Proposal,
          reviews: reviews.get(Number(r.seq)) ?? [],
          recordedAt: r.proposed_at,
        })),
      );
    },

    async documentText(id: string): Promise<Result<string>> {
      const row = await conn.db.selectFrom('ingest_documents').select('body').where('id', '=', id).executeTakeFirst();
      return row === undefined ? fail('not-found', `no stored article ${id}`) : ok((JSON.parse(row.body) as DocumentBody).text);
    },
  };
}
