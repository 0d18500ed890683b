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

export interface UserRow {
  seq: Generated<number>;
  username: string;
  role: string;
  /** The party the user reads as (`all` for an administrator). */
  party: string;
  password_hash: string;
  is_disabled: number;
  created_at: string;
  updated_at: string;
}

export interface SessionRow {
  /** SHA-256 of the cookie value: a stolen database does not give working sessions. */
  id_hash: string;
  user_seq: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface TokenRow {
  seq: Generated<number>;
  user_seq: number;
  name: string;
  token_hash: string;
  scopes: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
}

export interface AuditLogRow {
  seq: number;
  at: string;
  actor: string;
  operation: string;
  body: string;
  prev_hash: string;
  hash: string;
}

export interface Database {
  users: UserRow;
  sessions: SessionRow;
  api_tokens: TokenRow;
  audit_log: AuditLogRow;
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

/** Tables of accounts and the audit log (migration 0003). */
export const ACCOUNT_TABLES = ['users', 'sessions', 'api_tokens', 'audit_log'] as const;
