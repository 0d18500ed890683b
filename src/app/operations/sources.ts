/** The sources of the record, filtered, with how many statements cite each. */
import { z } from 'zod';
import { PartialDateSchema, sortDay, timexBounds } from '../../core/common/dates.js';
import { ok, type Result } from '../../core/common/result.js';
import { RELIABILITY_GRADES, SOURCE_KINDS, type Source } from '../../core/ledger/schema.js';
import { scopeLedger } from '../../core/picture/scope.js';
import { defineOperation } from '../operation.js';
import { resolveScope, ScopeInput } from '../scope-input.js';
import { matchesText } from './filters.js';

export interface SourceEntry {
  readonly source: Source;
  readonly statementCount: number;
  /** Events, assessments, decisions, escalations and gate records that cite it. */
  readonly citationCount: number;
}

export const sourcesOperation = defineOperation({
  name: 'sources',
  access: 'read',
  summary: 'Sources of the record with outlet, date, kind, reliability grade and URL',
  input: z.strictObject({
    ...ScopeInput,
    outlet: z.string().optional(),
    sourceKind: z.enum(SOURCE_KINDS).optional(),
    /** Keep grades at least this reliable (A best). */
    minReliability: z.enum(RELIABILITY_GRADES).optional(),
    from: PartialDateSchema.optional(),
    to: PartialDateSchema.optional(),
    search: z.string().optional(),
  }),
  async run(deps, input): Promise<Result<readonly SourceEntry[]>> {
    const scope = resolveScope(input, deps.clock);
    if (!scope.ok) return scope;
    const loaded = await deps.store.load();
    if (!loaded.ok) return loaded;
    const scoped = scopeLedger(loaded.value.ledger, scope.value);
    const statementCounts = new Map<string, number>();
    for (const s of scoped.statements) statementCounts.set(s.sourceId, (statementCounts.get(s.sourceId) ?? 0) + 1);
    const citationCounts = new Map<string, number>();
    for (const record of [...scoped.events, ...scoped.assessments, ...scoped.decisions, ...scoped.escalations, ...scoped.gateRecords]) {
      for (const id of new Set(record.sourceIds)) citationCounts.set(id, (citationCounts.get(id) ?? 0) + 1);
    }
    const fromDay = input.from === undefined ? -Infinity : timexBounds(input.from).startDay;
    const toDay = input.to === undefined ? Infinity : timexBounds(input.to).endDay;
    const maxGrade = input.minReliability === undefined ? RELIABILITY_GRADES.length - 1 : RELIABILITY_GRADES.indexOf(input.minReliability);
    const entries = scoped.sources
      .filter((s) => matchesText(input.outlet, s.outlet))
      .filter((s) => input.sourceKind === undefined || s.sourceKind === input.sourceKind)
      .filter((s) => RELIABILITY_GRADES.indexOf(s.reliability) <= maxGrade)
      .filter((s) => (input.from === undefined && input.to === undefined) || (s.published !== null && sortDay(s.published) >= fromDay && sortDay(s.published) <= toDay))
      .filter((s) => matchesText(input.search, s.outlet, s.title, s.note, s.url))
      .sort((a, b) => (a.published === null ? 1 : 0) - (b.published === null ? 1 : 0) || sortDay(a.published ?? '0001') - sortDay(b.published ?? '0001') || (a.id < b.id ? -1 : 1))
      .map((source) => ({ source, statementCount: statementCounts.get(source.id) ?? 0, citationCount: citationCounts.get(source.id) ?? 0 }));
    return ok(entries);
  },
});
