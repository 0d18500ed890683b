/**
 * The picture: readiness per condition as each party sees it, the consensus view, divergence
 * and what blocks consensus, stage gates, decisions, escalation and key dates — as of a date,
 * as known at an instant, for one audience.
 */
import { addDays, daysBetween, sortDay, timexBounds, dayOf } from '../common/dates.js';
import { overallMarking, type ProductMarking } from '../common/releasability.js';
import type { Assessment, Decision, Escalation, Ledger, Rating, Source, Statement } from '../ledger/schema.js';
import { consensusRule, indexPlan, rollupRuleFor, sharedWeight, weightFor, type PlanIndex } from '../plan/lookup.js';
import type { DecisionLevel, Plan } from '../plan/schema.js';
import { blockingReason, compareBlocking, meanGap, ratingGap, type BlockingCriterion } from './divergence.js';
import { stageStatuses, type StageStatus } from './gates.js';
import { cellFor, EMPTY_CELL, latestAssessments, numericRating, type RatingCell } from './ratings.js';
import { combineReadiness, rollUp, type Readiness } from './rollup.js';
import { scopeLedger, type Scope } from './scope.js';

export interface CriterionStatus {
  readonly kind: 'criterion-status';
  readonly criterionId: string;
  readonly conditionId: string;
  readonly title: string;
  /** Each party's rating, the joint body included when the plan has one. */
  readonly byParty: Readonly<Record<string, RatingCell>>;
  /** The consensus view: the lowest of the sides' ratings, null unless every side has rated it. */
  readonly consensus: Rating | null;
  readonly gap: number | null;
}

export interface ConditionStatus {
  readonly kind: 'condition-status';
  readonly conditionId: string;
  readonly title: string;
  readonly byParty: Readonly<Record<string, Readiness>>;
  readonly consensus: Readiness;
  readonly divergence: number | null;
  /** Each party's own condition-level verdict, where one is recorded. */
  readonly statedVerdicts: Readonly<Record<string, RatingCell>>;
}

export interface PlanReadiness {
  readonly readinessPct: number | null;
  readonly conditionsMet: number;
  readonly conditionsCount: number;
}

export interface Citation {
  readonly sourceId: string;
  readonly outlet: string;
  readonly published: string | null;
  readonly url: string | null;
}

export interface CitedStatement {
  readonly statement: Statement;
  readonly citation: Citation;
}

export interface KeyDateStatus {
  readonly id: string;
  readonly date: string;
  readonly label: string;
  readonly daysLeft: number;
}

export interface TargetStatus {
  readonly id: string;
  readonly party: string;
  readonly subject: string;
  readonly date: string;
  readonly qualifier: string;
  readonly standing: string;
  readonly title: string;
  /** Days from the as-of date to the end of the target period. */
  readonly daysLeft: number;
}

export interface Picture {
  readonly kind: 'picture';
  readonly planId: string;
  readonly planVersion: number;
  readonly scope: Scope;
  /** The most restricted marking among the records the picture was computed from. */
  readonly marking: ProductMarking;
  readonly sides: readonly string[];
  readonly jointPartyId: string | null;
  readonly criteria: readonly CriterionStatus[];
  readonly conditions: readonly ConditionStatus[];
  readonly overall: { readonly byParty: Readonly<Record<string, PlanReadiness>>; readonly consensus: PlanReadiness };
  readonly divergence: {
    readonly plan: number | null;
    readonly byCondition: Readonly<Record<string, number | null>>;
    readonly trend: { readonly comparedTo: string; readonly plan: number | null; readonly delta: number | null };
    readonly blocking: readonly BlockingCriterion[];
    /** Criteria every side has rated below met and on which they agree. */
    readonly sharedGaps: readonly string[];
  };
  readonly stages: readonly StageStatus[];
  readonly currentStageId: string | null;
  readonly decisions: readonly Decision[];
  readonly escalation: { readonly level: DecisionLevel; readonly isOpen: boolean; readonly records: readonly Escalation[] };
  readonly keyDates: readonly KeyDateStatus[];
  readonly targets: readonly TargetStatus[];
  readonly recentStatements: readonly CitedStatement[];
  /** Records in view; `assessments` counts current judgements (the latest per party and subject). */
  readonly counts: { readonly sources: number; readonly statements: number; readonly assessments: number; readonly events: number };
}

export interface PictureOptions {
  /** How many recent statements to include (default 8). */
  readonly statementLimit?: number;
  /** Days back for the divergence trend (default 365). */
  readonly trendDays?: number;
}

/** Cite a source as outlet, date and URL. */
export function citationOf(source: Source): Citation {
  return { sourceId: source.id, outlet: source.outlet, published: source.published, url: source.url };
}

function ratingsView(index: PlanIndex, latest: ReadonlyMap<string, Assessment>) {
  const partyIds = index.plan.parties.map((p) => p.id);
  return index.plan.criteria.map((criterion): CriterionStatus => {
    const byParty: Record<string, RatingCell> = {};
    for (const partyId of partyIds) byParty[partyId] = cellFor(latest, partyId, criterion.id);
    const sideRatings = index.sides.map((side) => numericRating(byParty[side.id] ?? EMPTY_CELL));
    const isAllRated = sideRatings.every((r) => r !== null);
    return {
      kind: 'criterion-status',
      criterionId: criterion.id,
      conditionId: criterion.conditionId,
      title: criterion.title,
      byParty,
      consensus: isAllRated && sideRatings.length > 0 ? (Math.min(...(sideRatings as Rating[])) as Rating) : null,
      gap: ratingGap(sideRatings),
    };
  });
}

function planDivergence(index: PlanIndex, criteria: readonly CriterionStatus[]) {
  const byCondition: Record<string, number | null> = {};
  for (const condition of index.plan.conditions) {
    byCondition[condition.id] = meanGap(
      criteria
        .filter((c) => c.conditionId === condition.id)
        .map((c) => ({ weight: sharedWeight(index, index.criteria.get(c.criterionId)!), gap: c.gap })),
    );
  }
  const plan = meanGap(index.plan.conditions.map((c) => ({ weight: sharedWeight(index, c), gap: byCondition[c.id] ?? null })));
  return { plan, byCondition };
}

/** Compute the picture of a plan and its ledger within a scope. */
export function computePicture(plan: Plan, ledger: Ledger, scope: Scope, options: PictureOptions = {}): Picture {
  const index = indexPlan(plan);
  const scoped = scopeLedger(ledger, scope);
  const latest = latestAssessments(scoped);
  const criteria = ratingsView(index, latest);
  const statusById = new Map(criteria.map((c) => [c.criterionId, c]));
  const partyIds = plan.parties.map((p) => p.id);

  const conditions = plan.conditions.map((condition): ConditionStatus => {
    const members = index.criteriaByCondition.get(condition.id) ?? [];
    const byParty: Record<string, Readiness> = {};
    const statedVerdicts: Record<string, RatingCell> = {};
    for (const partyId of partyIds) {
      byParty[partyId] = rollUp(
        members.map((criterion) => ({
          criterion,
          weight: weightFor(criterion, partyId),
          rating: numericRating(statusById.get(criterion.id)?.byParty[partyId] ?? EMPTY_CELL),
        })),
        rollupRuleFor(plan, partyId),
      );
      const verdict = cellFor(latest, partyId, condition.id);
      if (verdict.assessmentId !== null) statedVerdicts[partyId] = verdict;
    }
    const consensus = rollUp(
      members.map((criterion) => ({
        criterion,
        weight: sharedWeight(index, criterion),
        rating: statusById.get(criterion.id)?.consensus ?? null,
      })),
      consensusRule(index),
    );
    return {
      kind: 'condition-status',
      conditionId: condition.id,
      title: condition.title,
      byParty,
      consensus,
      divergence: null,
      statedVerdicts,
    };
  });

  const overallByParty: Record<string, PlanReadiness> = {};
  for (const partyId of partyIds) {
    overallByParty[partyId] = combineReadiness(
      conditions.map((c) => ({
        weight: weightFor(index.conditions.get(c.conditionId)!, partyId),
        readiness: c.byParty[partyId]!,
      })),
    );
  }
  const consensusOverall = combineReadiness(
    conditions.map((c) => ({ weight: sharedWeight(index, index.conditions.get(c.conditionId)!), readiness: c.consensus })),
  );

  const divergenceNow = planDivergence(index, criteria);
  const comparedTo = addDays(scope.asOf, -(options.trendDays ?? 365));
  const earlier = scopeLedger(ledger, { ...scope, asOf: comparedTo });
  const latestThen = latestAssessments(earlier);
  const divergenceThen = planDivergence(index, ratingsView(index, latestThen));
  const sideIds = index.sides.map((s) => s.id);
  const blocking = criteria
    .map((c) => {
      const ratings: Record<string, Rating | null> = {};
      for (const side of sideIds) ratings[side] = numericRating(c.byParty[side] ?? EMPTY_CELL);
      const reason = blockingReason(Object.values(ratings));
      return reason === null
        ? null
        : {
            kind: 'blocking-criterion' as const,
            criterionId: c.criterionId,
            conditionId: c.conditionId,
            reason,
            gap: c.gap,
            ratings,
            weight: sharedWeight(index, index.criteria.get(c.criterionId)!),
          };
    })
    .filter((b): b is NonNullable<typeof b> => b !== null)
    .sort(compareBlocking)
    .map(({ weight: _weight, ...rest }) => rest);
  const sharedGaps = criteria.filter((c) => c.gap === 0 && c.consensus !== null && c.consensus < 3).map((c) => c.criterionId);

  const stages = stageStatuses(index, scoped, scope.asOf, (partyId, criterionId) => statusById.get(criterionId)?.byParty[partyId]?.rating ?? null);
  const sources = new Map(scoped.sources.map((s) => [s.id, s]));
  const byDateDesc = <T extends { readonly date: string; readonly id: string }>(a: T, b: T) =>
    sortDay(b.date) - sortDay(a.date) || (a.id < b.id ? -1 : 1);
  const escalations = [...scoped.escalations].sort(byDateDesc);
  const open = escalations.find((e) => e.outcome === 'pending');
  const asOfDay = dayOf(scope.asOf);

  return {
    kind: 'picture',
    planId: plan.id,
    planVersion: plan.version,
    scope,
    // Marked by what the picture shows or counts: older, replaced judgements are not in it.
    marking: overallMarking(
      [scoped.sources, scoped.statements, scoped.events, [...latest.values()], [...latestThen.values()], scoped.gateRecords, scoped.decisions, scoped.escalations]
        .flat()
        .map((r) => r.releasability),
    ),
    sides: sideIds,
    jointPartyId: index.joint?.id ?? null,
    criteria,
    conditions: conditions.map((c) => ({ ...c, divergence: divergenceNow.byCondition[c.conditionId] ?? null })),
    overall: { byParty: overallByParty, consensus: consensusOverall },
    divergence: {
      plan: divergenceNow.plan,
      byCondition: divergenceNow.byCondition,
      trend: {
        comparedTo,
        plan: divergenceThen.plan,
        delta: divergenceNow.plan === null || divergenceThen.plan === null ? null : divergenceNow.plan - divergenceThen.plan,
      },
      blocking,
      sharedGaps,
    },
    stages,
    currentStageId: stages.find((s) => !s.isComplete)?.stageId ?? null,
    decisions: [...scoped.decisions].sort(byDateDesc),
    escalation: {
      level: open?.toLevel ?? plan.escalationLevels[0] ?? 'military',
      isOpen: open !== undefined,
      records: escalations,
    },
    keyDates: plan.keyDates.map((k) => ({ id: k.id, date: k.date, label: k.label, daysLeft: daysBetween(scope.asOf, k.date) })),
    targets: plan.targets.map((t) => ({
      id: t.id,
      party: t.party,
      subject: t.subject,
      date: t.date,
      qualifier: t.qualifier,
      standing: t.standing,
      title: t.title,
      daysLeft: timexBounds(t.date).endDay - asOfDay,
    })),
    // Undated statements have no place in a "most recent" list.
    recentStatements: scoped.statements
      .filter((s): s is Statement & { readonly saidOn: string } => s.saidOn !== null)
      .sort((a, b) => sortDay(b.saidOn) - sortDay(a.saidOn) || (a.id < b.id ? -1 : 1))
      .slice(0, options.statementLimit ?? 8)
      .map((statement) => ({ statement, citation: citationOf(sources.get(statement.sourceId)!) })),
    counts: {
      sources: scoped.sources.length,
      statements: scoped.statements.length,
      assessments: latest.size,
      events: scoped.events.length,
    },
  };
}
