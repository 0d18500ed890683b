/** The database schema as Kysely sees it. Every ledger table has the same core columns. */
import type { Generated } from 'kysely';
import type { LedgerCollection } from '../../core/ledger/schema.js';

/** Columns every ledger table has; `body` is the whole record as JSON, the rest are for queries. */
export interface LedgerRow {
  seq: Generated<number>;
  id: string;
  supersedes: string | null;
  releasability: string;
  recorded_at: string;
  /** The day (since 1970-01-01) the record counts from in an as-of picture; null for sources. */
  day: number | null;
  body: string;
}

export interface AssessmentRow extends LedgerRow {
  party: string;
  /** The criterion or condition assessed. */
  subject: string;
}

export interface StatementRow extends LedgerRow {
  source_id: string;
}

export interface PlanRow {
  seq: Generated<number>;
  id: string;
  version: number;
  recorded_at: string;
  body: string;
}

export interface DatasetRow {
  seq: Generated<number>;
  id: string;
  recorded_at: string;
  body: string;
}

export interface IngestDocumentRow {
  seq: Generated<number>;
  id: string;
  content_hash: string;
  url: string | null;
  recorded_at: string;
  /** The article and its metadata as JSON. */
  body: string;
}

export interface IngestProposalRow {
  /** The proposal's id, as the analyst types it. */
  seq: Generated<number>;
  document_id: string;
  recorded_at: string;
  body: string;
}

export interface IngestReviewRow {
  seq: Generated<number>;
  proposal_seq: number;
  /** The review row this one follows for its proposal (0: the first). */
  after_seq: number;
  action: string;
  recorded_at: string;
  body: string;
}

export interface Database {
  ingest_documents: IngestDocumentRow;
  ingest_proposals: IngestProposalRow;
  ingest_reviews: IngestReviewRow;
  plans: PlanRow;
  datasets: DatasetRow;
  sources: LedgerRow;
  statements: StatementRow;
  events: LedgerRow;
  assessments: AssessmentRow;
  gate_records: LedgerRow;
  decisions: LedgerRow;
  escalations: LedgerRow;
}

/** Table name of each ledger collection. */
export const TABLES: Readonly<Record<LedgerCollection, 'sources' | 'statements' | 'events' | 'assessments' | 'gate_records' | 'decisions' | 'escalations'>> = {
  sources: 'sources',
  statements: 'statements',
  events: 'events',
  assessments: 'assessments',
  gateRecords: 'gate_records',
  decisions: 'decisions',
  escalations: 'escalations',
};

export { COLLECTION_NAMES as COLLECTIONS } from '../../core/ledger/collections.js';

/** Tables of the ingestion queue (migration 0002). */
export const INGEST_TABLES = ['ingest_documents', 'ingest_proposals', 'ingest_reviews'] as const;
