/** The record as one audience may see it: every version of every visible record, citations to hidden ones removed. */
import { isVisibleTo, type Audience } from '../common/releasability.js';
import type { Ledger, LedgerRecord } from './schema.js';

/** Keep what the audience may see; a visible record keeps only citations of visible sources and statements. */
export function visibleLedger(ledger: Ledger, audience: Audience): Ledger {
  if (audience === 'all') return ledger;
  const keep = <T extends LedgerRecord>(records: readonly T[]) => records.filter((r) => isVisibleTo(r.releasability, audience));
  const sources = keep(ledger.sources);
  const sourceIds = new Set(sources.map((s) => s.id));
  const statements = keep(ledger.statements).filter((s) => sourceIds.has(s.sourceId));
  const statementIds = new Set(statements.map((s) => s.id));
  const cites = <T extends { readonly sourceIds: readonly string[] }>(r: T): T => ({ ...r, sourceIds: r.sourceIds.filter((id) => sourceIds.has(id)) });
  const both = <T extends { readonly sourceIds: readonly string[]; readonly statementIds: readonly string[] }>(r: T): T => ({
    ...cites(r),
    statementIds: r.statementIds.filter((id) => statementIds.has(id)),
  });
  return {
    kind: 'ledger',
    sources,
    statements,
    events: keep(ledger.events).map(cites),
    assessments: keep(ledger.assessments).map(both),
    gateRecords: keep(ledger.gateRecords).map(cites),
    decisions: keep(ledger.decisions).map(both),
    escalations: keep(ledger.escalations).map(both),
  };
}
