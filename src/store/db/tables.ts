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

export interface Database {
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
