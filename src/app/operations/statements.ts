/** Statements of the record: full-text search and filters, each with its citation; and every assessment version. */
import { z } from 'zod';
import { PartialDateSchema, sortDay, timexBounds } from '../../core/common/dates.js';
import { fail, ok, type Result } from '../../core/common/result.js';
import { IdSchema } from '../../core/common/ids.js';
import { SIDES, STANCES, type Assessment } from '../../core/ledger/schema.js';
import { citationOf, type CitedStatement } from '../../core/picture/picture.js';
import { scopeLedger } from '../../core/picture/scope.js';
import { visibleLedger } from '../../core/ledger/visible.js';
import { defineOperation } from '../operation.js';
import { AudienceSchema, resolveScope, ScopeInput } from '../scope-input.js';
import { matchesText } from './filters.js';

export interface StatementList {
  readonly kind: 'statement-list';
  /** Matches before `limit` and `offset`. */
  readonly total: number;
  readonly items: readonly CitedStatement[];
}

/** Every word of the query must occur in the statement, its speaker, role, or its source's outlet or title. */
function matchesQuery(query: string | undefined, fields: readonly (string | null | undefined)[]): boolean {
  if (query === undefined || query.trim() === '') return true;
  const haystack = fields.filter((f): f is string => typeof f === 'string').join(' \u0000 ').toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '')
    .every((word) => haystack.includes(word.replace(/^"|"$/g, '')));
}

export const statementsOperation = defineOperation({
  name: 'statements',
  access: 'read',
  summary: 'Statements of the record, searched and filtered, newest first, each with its citation',
  input: z.strictObject({
    ...ScopeInput,
    q: z.string().max(500).optional(),
    outlet: z.string().optional(),
    side: z.enum(SIDES).optional(),
    stance: z.enum(STANCES).optional(),
    condition: IdSchema.optional(),
    criterion: IdSchema.optional(),
    sourceId: IdSchema.optional(),
    from: PartialDateSchema.optional(),
    to: PartialDateSchema.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  }),
  async run(deps, input): Promise<Result<StatementList>> {
    const scope = resolveScope(input, deps.clock);
    if (!scope.ok) return scope;
    const loaded = await deps.store.load();
    if (!loaded.ok) return loaded;
    const scoped = scopeLedger(loaded.value.ledger, scope.value);
    const sources = new Map(scoped.sources.map((s) => [s.id, s]));
    const fromDay = input.from === undefined ? -Infinity : timexBounds(input.from).startDay;
    const toDay = input.to === undefined ? Infinity : timexBounds(input.to).endDay;
    const matches = scoped.statements
      .filter((s) => input.side === undefined || s.side === input.side)
      .filter((s) => input.stance === undefined || s.stance === input.stance)
      .filter((s) => input.condition === undefined || s.conditionIds.includes(input.condition))
      .filter((s) => input.criterion === undefined || s.criterionIds.includes(input.criterion))
      .filter((s) => input.sourceId === undefined || s.sourceId === input.sourceId)
      .filter((s) => (input.from === undefined && input.to === undefined) || (s.saidOn !== null && sortDay(s.saidOn) >= fromDay && sortDay(s.saidOn) <= toDay))
      .filter((s) => matchesText(input.outlet, sources.get(s.sourceId)?.outlet))
      .filter((s) => matchesQuery(input.q, [s.text, s.speaker, s.role, s.note, sources.get(s.sourceId)?.outlet, sources.get(s.sourceId)?.title]))
      .sort((a, b) => sortDay(b.saidOn ?? '0001') - sortDay(a.saidOn ?? '0001') || (a.id < b.id ? -1 : 1));
    const items = matches.slice(input.offset, input.offset + input.limit).map((statement) => ({ statement, citation: citationOf(sources.get(statement.sourceId)!) }));
    return ok({ kind: 'statement-list', total: matches.length, items });
  },
});

export interface AssessmentVersion {
  readonly assessment: Assessment;
  /** False when a later record corrects it. */
  readonly isCurrent: boolean;
  readonly supersededBy: string | null;
}

export const assessmentsOperation = defineOperation({
  name: 'assessments',
  access: 'read',
  summary: 'Every stored version of the assessments, newest first, with which are current',
  input: z.strictObject({
    audience: AudienceSchema.default('all'),
    party: IdSchema.optional(),
    criterionId: IdSchema.optional(),
    conditionId: IdSchema.optional(),
    id: IdSchema.optional(),
  }),
  async run(deps, input): Promise<Result<{ readonly kind: 'assessment-list'; readonly items: readonly AssessmentVersion[] }>> {
    const loaded = await deps.store.load();
    if (!loaded.ok) return loaded;
    const all = visibleLedger(loaded.value.ledger, input.audience).assessments;
    const successor = new Map<string, string>();
    for (const a of all) if (a.supersedes !== undefined) successor.set(a.supersedes, a.id);
    const items = all
      .filter((a) => input.party === undefined || a.party === input.party)
      .filter((a) => input.criterionId === undefined || a.criterionId === input.criterionId)
      .filter((a) => input.conditionId === undefined || a.conditionId === input.conditionId)
      .filter((a) => input.id === undefined || a.id === input.id)
      .sort((a, b) => (a.recordedAt < b.recordedAt ? 1 : a.recordedAt > b.recordedAt ? -1 : a.id < b.id ? -1 : 1))
      .map((assessment) => ({ assessment, isCurrent: !successor.has(assessment.id), supersededBy: successor.get(assessment.id) ?? null }));
    if (input.id !== undefined && items.length === 0) return fail('not-found', `no assessment "${input.id}"`, [], 'id');
    return ok({ kind: 'assessment-list', items });
  },
});
