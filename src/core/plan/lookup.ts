/** Read-only lookups over a plan, built once per computation. */
import type { Condition, Criterion, Party, Plan, RollupRule, Stage } from './schema.js';

export interface PlanIndex {
  readonly kind: 'plan-index';
  readonly plan: Plan;
  readonly criteria: ReadonlyMap<string, Criterion>;
  readonly conditions: ReadonlyMap<string, Condition>;
  readonly stages: ReadonlyMap<string, Stage>;
  readonly criteriaByCondition: ReadonlyMap<string, readonly Criterion[]>;
  /** Parties that are governments (not joint bodies): the sides whose views are compared. */
  readonly sides: readonly Party[];
  /** The joint body, if the plan has one. */
  readonly joint: Party | undefined;
}

/** Index a plan's conditions, criteria and stages by id. */
export function indexPlan(plan: Plan): PlanIndex {
  const criteriaByCondition = new Map<string, Criterion[]>();
  for (const condition of plan.conditions) criteriaByCondition.set(condition.id, []);
  for (const criterion of plan.criteria) criteriaByCondition.get(criterion.conditionId)?.push(criterion);
  return {
    kind: 'plan-index',
    plan,
    criteria: new Map(plan.criteria.map((c) => [c.id, c])),
    conditions: new Map(plan.conditions.map((c) => [c.id, c])),
    stages: new Map(plan.stages.map((s) => [s.id, s])),
    criteriaByCondition,
    sides: plan.parties.filter((p) => !p.isJoint),
    joint: plan.parties.find((p) => p.isJoint),
  };
}

/** A criterion's or condition's weight for a party (1 when the plan gives none). */
export function weightFor(item: Criterion | Condition, partyId: string): number {
  return item.weights[partyId] ?? 1;
}

/** The mean of the sides' weights, used for views that belong to no single party. */
export function sharedWeight(index: PlanIndex, item: Criterion | Condition): number {
  if (index.sides.length === 0) return 1;
  return index.sides.reduce((sum, party) => sum + weightFor(item, party.id), 0) / index.sides.length;
}

/** The roll-up rule of a party; a party without one uses the weighted mean. */
export function rollupRuleFor(plan: Plan, partyId: string): RollupRule {
  return plan.rollup[partyId] ?? { kind: 'weighted-mean', metThresholdPct: 100 };
}

/** The rule for the consensus view (all criteria met, unless the plan says otherwise). */
export function consensusRule(index: PlanIndex): RollupRule {
  return index.plan.consensusRule;
}
