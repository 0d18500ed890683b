/** Criteria of the plan with each party's current rating, the gap, and the history behind it. */
import { z } from 'zod';
import { addDays } from '../../core/common/dates.js';
import { ok, type Result } from '../../core/common/result.js';
import type { Assessment } from '../../core/ledger/schema.js';
import type { Criterion } from '../../core/plan/schema.js';
import { computePicture, type CriterionStatus } from '../../core/picture/picture.js';
import { compareAssessments } from '../../core/picture/ratings.js';
import { scopeLedger } from '../../core/picture/scope.js';
import { defineOperation } from '../operation.js';
import { resolveScope, ScopeInput } from '../scope-input.js';
import { requireKnownId } from './filters.js';

export interface CriterionEntry {
  readonly criterion: Criterion;
  readonly status: CriterionStatus;
  readonly isBlocking: boolean;
  /** Every assessment of the criterion in scope, oldest first (only with `history`). */
  readonly history: readonly Assessment[];
}

export const criteriaOperation = defineOperation({
  name: 'criteria',
  access: 'read',
  summary: 'Criteria with ROK and US ratings, gap, confidence, last assessed and evidence count',
  input: z.strictObject({
    ...ScopeInput,
    condition: z.string().optional(),
    id: z.string().optional(),
    /** blocking: the sides disagree; unmet: some side rates it below met; met: every side rates it met. */
    status: z.enum(['blocking', 'unmet', 'met']).optional(),
    history: z.boolean().default(false),
  }),
  async run(deps, input): Promise<Result<readonly CriterionEntry[]>> {
    const scope = resolveScope(input, deps.clock);
    if (!scope.ok) return scope;
    // The history needs every assessment; the ratings alone need only the latest ones.
    const loaded = input.history ? await deps.store.load() : await deps.store.loadForPicture(scope.value, [addDays(scope.value.asOf, -365)]);
    if (!loaded.ok) return loaded;
    const { plan, ledger } = loaded.value;
    const conditionCheck = requireKnownId(input.condition, plan.conditions.map((c) => c.id), 'condition', 'condition');
    if (!conditionCheck.ok) return conditionCheck;
    const idCheck = requireKnownId(input.id, plan.criteria.map((c) => c.id), 'criterion', 'id');
    if (!idCheck.ok) return idCheck;
    const picture = computePicture(plan, ledger, scope.value);
    const blocking = new Set(picture.divergence.blocking.map((b) => b.criterionId));
    const scoped = input.history ? scopeLedger(ledger, scope.value) : undefined;
    const statusById = new Map(picture.criteria.map((c) => [c.criterionId, c]));
    const entries = plan.criteria
      .filter((c) => input.condition === undefined || c.conditionId === input.condition)
      .filter((c) => input.id === undefined || c.id === input.id)
      .map((criterion) => ({
        criterion,
        status: statusById.get(criterion.id)!,
        isBlocking: blocking.has(criterion.id),
        history: scoped ? scoped.assessments.filter((a) => a.criterionId === criterion.id).sort(compareAssessments) : [],
      }))
      .filter((entry) => {
        if (input.status === undefined) return true;
        const ratings = picture.sides.map((side) => entry.status.byParty[side]?.rating ?? null);
        if (input.status === 'blocking') return entry.isBlocking;
        if (input.status === 'met') return ratings.every((r) => r === 3);
        return ratings.some((r) => r !== 3);
      });
    return ok(entries);
  },
});
