/**
 * The knowledge scope of a picture: what an audience may see, speaking for dates up to `asOf`,
 * as recorded up to `knownAt`. Filtering happens before any computation so that nothing outside
 * the scope can influence a number, a count or an ordering.
 */
import { dayOf, timexBounds } from '../common/dates.js';
import { isVisibleTo, type Audience } from '../common/releasability.js';
import type { Ledger } from '../ledger/schema.js';

export interface Scope {
  readonly kind: 'scope';
  /** The date the picture speaks for (YYYY-MM-DD). */
  readonly asOf: string;
  /** Only records recorded at or before this instant count (ISO timestamp). */
  readonly knownAt: string;
  readonly audience: Audience;
}

interface Recorded {
  readonly id: string;
  readonly recordedAt: string;
  readonly supersedes?: string | undefined;
}

/**
 * The day from which a dated record counts as a fact. A partial date ("2026") counts once its
 * period has passed — unless the record was made during the period, which shows it had happened
 * by then ("in 2026", reported on 25 June 2026). A record made before its period began is a plan.
 */
export function effectiveDay(date: string, recordedAt: string): number {
  const { startDay, endDay } = timexBounds(date);
  const recordedDay = dayOf(recordedAt.slice(0, 10));
  return recordedDay >= startDay ? Math.min(endDay, recordedDay) : endDay;
}

/** Drop records that an in-scope correction supersedes. */
function withoutSuperseded<T extends Recorded>(records: readonly T[]): readonly T[] {
  const replaced = new Set<string>();
  for (const record of records) if (record.supersedes !== undefined) replaced.add(record.supersedes);
  return replaced.size === 0 ? records : records.filter((record) => !replaced.has(record.id));
}

/** Restrict a ledger to one scope; citations to records outside the scope are removed too. */
export function scopeLedger(ledger: Ledger, scope: Scope): Ledger {
  const isKnown = (r: { readonly recordedAt: string; readonly releasability: Parameters<typeof isVisibleTo>[0] }) =>
    r.recordedAt <= scope.knownAt && isVisibleTo(r.releasability, scope.audience);
  const asOfDay = dayOf(scope.asOf);
  // A source is known from when it was recorded; its publication date does not bound what it may
  // speak for (a later article can report an earlier event), the dates of its statements do.
  const sources = ledger.sources.filter(isKnown);
  const sourceIds = new Set(sources.map((s) => s.id));
  const statements = withoutSuperseded(
    ledger.statements.filter(
      (s) => isKnown(s) && sourceIds.has(s.sourceId) && (s.saidOn === null || effectiveDay(s.saidOn, s.recordedAt) <= asOfDay),
    ),
  );
  const statementIds = new Set(statements.map((s) => s.id));
  const keepSources = (ids: readonly string[]) => ids.filter((id) => sourceIds.has(id));
  const keepStatements = (ids: readonly string[]) => ids.filter((id) => statementIds.has(id));
  const dated = <T extends { readonly date: string; readonly recordedAt: string; readonly releasability: Parameters<typeof isVisibleTo>[0] }>(
    records: readonly T[],
  ) => records.filter((r) => isKnown(r) && effectiveDay(r.date, r.recordedAt) <= asOfDay);

  return {
    kind: 'ledger',
    sources: withoutSuperseded(sources),
    statements,
    events: withoutSuperseded(dated(ledger.events)).map((e) => ({ ...e, sourceIds: keepSources(e.sourceIds) })),
    assessments: withoutSuperseded(ledger.assessments.filter((a) => isKnown(a) && dayOf(a.asOf) <= asOfDay)).map((a) => ({
      ...a,
      statementIds: keepStatements(a.statementIds),
      sourceIds: keepSources(a.sourceIds),
    })),
    gateRecords: withoutSuperseded(dated(ledger.gateRecords)).map((g) => ({ ...g, sourceIds: keepSources(g.sourceIds) })),
    decisions: withoutSuperseded(dated(ledger.decisions)).map((d) => ({
      ...d,
      statementIds: keepStatements(d.statementIds),
      sourceIds: keepSources(d.sourceIds),
    })),
    escalations: withoutSuperseded(dated(ledger.escalations)).map((e) => ({
      ...e,
      statementIds: keepStatements(e.statementIds),
      sourceIds: keepSources(e.sourceIds),
    })),
  };
}
