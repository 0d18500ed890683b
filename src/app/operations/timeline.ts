/** The timeline of the record: dated events, filtered, each with its sources. */
import { z } from 'zod';
import { PartialDateSchema, sortDay, timexBounds } from '../../core/common/dates.js';
import { ok, type Result } from '../../core/common/result.js';
import { EVENT_CATEGORIES, type TimelineEvent } from '../../core/ledger/schema.js';
import { citationOf, type Citation } from '../../core/picture/picture.js';
import { scopeLedger } from '../../core/picture/scope.js';
import { defineOperation } from '../operation.js';
import { resolveScope, ScopeInput } from '../scope-input.js';
import { matchesText, requireKnownId } from './filters.js';

export interface TimelineEntry {
  readonly event: TimelineEvent;
  readonly citations: readonly Citation[];
}

export const timelineOperation = defineOperation({
  name: 'timeline',
  access: 'read',
  summary: 'Dated events of the record, oldest first, with their sources',
  input: z.strictObject({
    ...ScopeInput,
    from: PartialDateSchema.optional(),
    to: PartialDateSchema.optional(),
    category: z.enum(EVENT_CATEGORIES).optional(),
    forum: z.string().optional(),
    stage: z.string().optional(),
    search: z.string().optional(),
  }),
  async run(deps, input): Promise<Result<readonly TimelineEntry[]>> {
    const scope = resolveScope(input, deps.clock);
    if (!scope.ok) return scope;
    const loaded = await deps.store.load();
    if (!loaded.ok) return loaded;
    const { plan, ledger } = loaded.value;
    const forumCheck = requireKnownId(input.forum, plan.forums.map((f) => f.id), 'forum', 'forum');
    if (!forumCheck.ok) return forumCheck;
    const stageCheck = requireKnownId(input.stage, plan.stages.map((s) => s.id), 'stage', 'stage');
    if (!stageCheck.ok) return stageCheck;
    const scoped = scopeLedger(ledger, scope.value);
    const sources = new Map(scoped.sources.map((s) => [s.id, s]));
    const fromDay = input.from === undefined ? -Infinity : timexBounds(input.from).startDay;
    const toDay = input.to === undefined ? Infinity : timexBounds(input.to).endDay;
    const entries = scoped.events
      .filter((e) => sortDay(e.date) >= fromDay && sortDay(e.date) <= toDay)
      .filter((e) => input.category === undefined || e.category === input.category)
      .filter((e) => input.forum === undefined || e.forumId === input.forum)
      .filter((e) => input.stage === undefined || e.stageId === input.stage)
      .filter((e) => matchesText(input.search, e.title, e.description))
      .sort((a, b) => sortDay(a.date) - sortDay(b.date) || (a.id < b.id ? -1 : 1))
      .map((event) => ({
        event,
        citations: event.sourceIds.flatMap((id) => {
          const source = sources.get(id);
          return source ? [citationOf(source)] : [];
        }),
      }));
    return ok(entries);
  },
});
