/** What changed in the record between two dates, as the reader may see it: the dashboard's "what changed since". */
import { z } from 'zod';
import { addDays, endOfDay, IsoDateSchema } from '../../core/common/dates.js';
import { fail, ok, type Result } from '../../core/common/result.js';
import { recordChanges, type RecordChanges } from '../../core/picture/changes.js';
import type { Scope } from '../../core/picture/scope.js';
import { defineOperation } from '../operation.js';
import { resolveScope, ScopeInput } from '../scope-input.js';

/** "What changed since" looks back this far unless told (as the reports do). */
export const DEFAULT_SINCE_DAYS = 90;

/** The earlier side of "what changed": the since date (default 90 days back) as it was known at its end, or earlier when the reader's knowledge stops sooner. */
export function sinceScope(scope: Scope, since: string | undefined): Result<Scope> {
  const asOf = since ?? addDays(scope.asOf, -DEFAULT_SINCE_DAYS);
  if (asOf >= scope.asOf) return fail('invalid-input', `--since (${asOf}) must be before --as-of (${scope.asOf})`, [], 'since');
  return ok({ ...scope, asOf, knownAt: endOfDay(asOf) < scope.knownAt ? endOfDay(asOf) : scope.knownAt });
}

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
    const then = sinceScope(scope.value, input.since);
    if (!then.ok) return then;
    const loaded = await deps.store.load();
    if (!loaded.ok) return loaded;
    return ok(recordChanges(loaded.value.ledger, then.value, scope.value));
  },
});
