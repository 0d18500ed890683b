/** What changed in the record between two dates, as the reader may see it: the dashboard's "what changed since". */
import { z } from 'zod';
import { addDays, endOfDay, IsoDateSchema } from '../../core/common/dates.js';
import { fail, ok, type Result } from '../../core/common/result.js';
import { recordChanges, type RecordChanges } from '../../core/picture/changes.js';
import { defineOperation } from '../operation.js';
import { resolveScope, ScopeInput } from '../scope-input.js';

/** "What changed since" looks back this far unless told (as the reports do). */
export const DEFAULT_SINCE_DAYS = 90;

export const changesOperation = defineOperation({
  name: 'changes',
  access: 'read',
  summary: 'What entered the record between a date and the as-of date: sources, statements, assessment moves, decisions, escalations, gate records, events',
  input: z.strictObject({
    ...ScopeInput,
    /** The start (default: 90 days before the as-of date). */
    since: IsoDateSchema.optional(),
  }),
  async run(deps, input): Promise<Result<RecordChanges>> {
    const scope = resolveScope(input, deps.clock);
    if (!scope.ok) return scope;
    const asOf = scope.value.asOf;
    const since = input.since ?? addDays(asOf, -DEFAULT_SINCE_DAYS);
    if (since >= asOf) return fail('invalid-input', `since (${since}) must be before the as-of date (${asOf})`, [], 'since');
    const loaded = await deps.store.load();
    if (!loaded.ok) return loaded;
    const knownAt = endOfDay(since) < scope.value.knownAt ? endOfDay(since) : scope.value.knownAt;
    return ok(recordChanges(loaded.value.ledger, { ...scope.value, asOf: since, knownAt }, scope.value));
  },
});
