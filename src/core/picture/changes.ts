/**
 * What changed in the record between two scopes of the same reader: records that entered the
 * view (new statements, decisions, escalations, gate records, events, sources) and each party's
 * judgements that moved. "Entered the view" means in scope now and not then, so a record made
 * later about an earlier date counts as new — it is new to the reader.
 */
import { sortDay } from '../common/dates.js';
import type { Assessment, Decision, Escalation, GateRecord, Ledger, Rating, Source, Statement, TimelineEvent } from '../ledger/schema.js';
import { latestAssessments } from './ratings.js';
import { scopeLedger, type Scope } from './scope.js';

export type RatingMove = 'raised' | 'lowered' | 'first' | 'reaffirmed' | 'now-unassessed' | 'now-rated';

export interface AssessmentChange {
  readonly kind: 'assessment-change';
  readonly party: string;
  /** The criterion or condition judged. */
  readonly subjectId: string;
  readonly before: Assessment | null;
  readonly after: Assessment;
  readonly move: RatingMove;
}

export interface RecordChanges {
  readonly kind: 'record-changes';
  readonly since: string;
  readonly asOf: string;
  readonly sources: readonly Source[];
  readonly statements: readonly Statement[];
  readonly assessments: readonly AssessmentChange[];
  readonly decisions: readonly Decision[];
  readonly escalations: readonly Escalation[];
  readonly gateRecords: readonly GateRecord[];
  readonly events: readonly TimelineEvent[];
}

/** How a rating moved from one judgement to the next. */
export function ratingMove(before: Rating | 'unassessed' | null, after: Rating | 'unassessed'): RatingMove {
  if (before === null) return 'first';
  if (after === 'unassessed') return before === 'unassessed' ? 'reaffirmed' : 'now-unassessed';
  if (before === 'unassessed') return 'now-rated';
  return after > before ? 'raised' : after < before ? 'lowered' : 'reaffirmed';
}

function entered<T extends { readonly id: string }>(now: readonly T[], then: readonly T[]): T[] {
  const old = new Set(then.map((r) => r.id));
  return now.filter((r) => !old.has(r.id));
}

const byDateDesc = <T extends { readonly id: string }>(dateOf: (r: T) => string | null) => (a: T, b: T) =>
  sortDay(dateOf(b) ?? '0001') - sortDay(dateOf(a) ?? '0001') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The changes between what `then` and `now` show of a ledger (both scopes for the same audience). */
export function recordChanges(ledger: Ledger, then: Scope, now: Scope): RecordChanges {
  const before = scopeLedger(ledger, then);
  const after = scopeLedger(ledger, now);
  const latestBefore = latestAssessments(before);
  const assessments: AssessmentChange[] = [];
  for (const [key, current] of latestAssessments(after)) {
    const previous = latestBefore.get(key) ?? null;
    if (previous !== null && previous.id === current.id) continue;
    assessments.push({
      kind: 'assessment-change',
      party: current.party,
      subjectId: current.criterionId ?? current.conditionId ?? '',
      before: previous,
      after: current,
      move: ratingMove(previous?.rating ?? null, current.rating),
    });
  }
  assessments.sort((a, b) => (a.subjectId < b.subjectId ? -1 : a.subjectId > b.subjectId ? 1 : a.party < b.party ? -1 : a.party > b.party ? 1 : 0));
  return {
    kind: 'record-changes',
    since: then.asOf,
    asOf: now.asOf,
    sources: entered(after.sources, before.sources).sort(byDateDesc((s) => s.published)),
    statements: entered(after.statements, before.statements).sort(byDateDesc((s) => s.saidOn)),
    assessments,
    decisions: entered(after.decisions, before.decisions).sort(byDateDesc((d) => d.date)),
    escalations: entered(after.escalations, before.escalations).sort(byDateDesc((e) => e.date)),
    gateRecords: entered(after.gateRecords, before.gateRecords).sort(byDateDesc((g) => g.date)),
    events: entered(after.events, before.events).sort(byDateDesc((e) => e.date)),
  };
}

/** True when nothing entered the view and no judgement moved. */
export function isUnchanged(changes: RecordChanges): boolean {
  return [changes.sources, changes.statements, changes.assessments, changes.decisions, changes.escalations, changes.gateRecords, changes.events].every((list) => list.length === 0);
}
