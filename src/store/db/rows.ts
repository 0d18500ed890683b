/** Records to rows and back: the whole record is kept as JSON; a few columns are kept for queries. */
import { dayOf } from '../../core/common/dates.js';
import type { LedgerCollection, LedgerRecord } from '../../core/ledger/schema.js';
import { effectiveDay } from '../../core/picture/scope.js';

export interface NewLedgerRow {
  readonly id: string;
  readonly supersedes: string | null;
  readonly releasability: string;
  readonly recorded_at: string;
  readonly day: number | null;
  readonly body: string;
  readonly party?: string;
  readonly subject?: string;
  readonly source_id?: string;
}

/** The day a record counts from in an as-of picture (see `effectiveDay`); null when undated. */
export function recordDay(collection: LedgerCollection, record: LedgerRecord): number | null {
  switch (record.kind) {
    case 'source':
      return null;
    case 'statement':
      return record.saidOn === null ? null : effectiveDay(record.saidOn, record.recordedAt);
    case 'assessment':
      return dayOf(record.asOf);
    default:
      void collection;
      return effectiveDay(record.date, record.recordedAt);
  }
}

/** The row for a record. */
export function toRow(collection: LedgerCollection, record: LedgerRecord): NewLedgerRow {
  const base: NewLedgerRow = {
    id: record.id,
    supersedes: record.supersedes ?? null,
    releasability: record.releasability,
    recorded_at: record.recordedAt,
    day: recordDay(collection, record),
    body: JSON.stringify(record),
  };
  if (record.kind === 'assessment') return { ...base, party: record.party, subject: record.criterionId ?? record.conditionId ?? '' };
  if (record.kind === 'statement') return { ...base, source_id: record.sourceId };
  return base;
}

/** The record kept in a row. Rows are written only by this store, from validated records. */
export function fromRow<T extends LedgerRecord>(row: { readonly body: string }): T {
  return JSON.parse(row.body) as T;
}
