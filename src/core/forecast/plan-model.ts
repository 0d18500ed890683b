/**
 * The forecast model derived from a plan and its record as of a date, for one view and an
 * optional scenario. Criteria become nodes whose time to met comes from the view's ratings
 * (`derive.ts`); stages become gated nodes after their required criteria; the transfer follows
 * the last stage with the decision delay of the picture's escalation level.
 */
import { fail, ok, type Result } from '../common/result.js';
import type { Ledger, Rating } from '../ledger/schema.js';
import type { DecisionLevel, Plan, Stage } from '../plan/schema.js';
import { computePicture, type Picture } from '../picture/picture.js';
import { compareAssessments } from '../picture/ratings.js';
import { scopeLedger, type Scope } from '../picture/scope.js';
import { deriveTimeToMet, type Derivation, type RatingEvidence } from './derive.js';
import type { ForecastModel, ModelNode } from './model-schema.js';
import type { ForecastParams, Override, Scenario } from './plan-params.js';
import { overriddenEvidence, overriddenGate, overriddenLevel, politicalWindow, slipDays } from './scenarios.js';

export const COMBINED_VIEW = 'combined';
/** Node id of the milestone "every criterion a stage requires is met". */
export const CONDITIONS_MET = 'conditions-met';

const UNRATED: RatingEvidence = { party: null, rating: null, confidence: null, assessedOn: null, history: [] };

export interface PlanForecastContext {
  readonly kind: 'plan-forecast-context';
  readonly plan: Plan;
  readonly params: ForecastParams;
  readonly scope: Scope;
  readonly picture: Picture;
  /** Each side's evidence per criterion, keyed `party|criterion`. */
  readonly evidence: ReadonlyMap<string, RatingEvidence>;
}

export interface PlanModel {
  readonly kind: 'plan-model';
  readonly view: string;
  readonly scenarioId: string | null;
  readonly model: ForecastModel;
  readonly derivations: readonly Derivation[];
  readonly escalationLevel: DecisionLevel;
}

/** The views a plan can be forecast in: each side's own ratings, and the combined (lower) rating. */
export function forecastViews(plan: Plan): readonly string[] {
  return [...plan.parties.filter((p) => !p.isJoint).map((p) => p.id), COMBINED_VIEW];
}

/** Everything the views and scenarios share: the picture and each side's rating history, within a scope. */
export function planForecastContext(plan: Plan, ledger: Ledger, scope: Scope): Result<PlanForecastContext> {
  if (plan.forecast === undefined) {
    return fail('invalid-plan', `plan "${plan.id}" has no forecast section: add one with the parameters of the forecast (see docs/forecast-model.md)`, [], 'forecast');
  }
  const scoped = scopeLedger(ledger, scope);
  const byKey = new Map<string, typeof scoped.assessments[number][]>();
  for (const a of scoped.assessments) {
    if (a.criterionId === undefined) continue;
    const key = `${a.party}|${a.criterionId}`;
    byKey.set(key, [...(byKey.get(key) ?? []), a]);
  }
  const evidence = new Map<string, RatingEvidence>();
  for (const [key, list] of byKey) {
    const sorted = [...list].sort(compareAssessments);
    const latest = sorted[sorted.length - 1]!;
    const history = sorted
      .slice(0, -1)
      .filter((a): a is typeof a & { readonly rating: Rating } => typeof a.rating === 'number')
      .map((a) => ({ asOf: a.asOf, rating: a.rating }));
    evidence.set(
      key,
      typeof latest.rating === 'number'
        ? { party: latest.party, rating: latest.rating, confidence: latest.confidence, assessedOn: latest.asOf, history }
        : { ...UNRATED, party: latest.party },
    );
  }
  return ok({ kind: 'plan-forecast-context', plan, params: plan.forecast, scope, picture: computePicture(plan, ledger, scope), evidence });
}

function sideEvidence(ctx: PlanForecastContext, overrides: readonly Override[], party: string, criterionId: string): RatingEvidence {
  const evidenceOf = (p: string) => ctx.evidence.get(`${p}|${criterionId}`) ?? { ...UNRATED, party: p };
  return overriddenEvidence(overrides, evidenceOf, party, criterionId, ctx.scope.asOf);
}

function viewEvidence(ctx: PlanForecastContext, overrides: readonly Override[], view: string, criterionId: string): RatingEvidence {
  if (view !== COMBINED_VIEW) return sideEvidence(ctx, overrides, view, criterionId);
  const sides = ctx.picture.sides.map((party) => sideEvidence(ctx, overrides, party, criterionId));
  if (sides.length === 0 || sides.some((e) => e.rating === null)) return UNRATED;
  // Consensus: the lowest rating; between equal ratings, the less confident one.
  return [...sides].sort((a, b) => a.rating! - b.rating! || (a.confidence ?? 0) - (b.confidence ?? 0))[0]!;
}

function viewTitle(plan: Plan, view: string): string {
  if (view === COMBINED_VIEW) return 'combined view (the lower of the sides’ ratings)';
  const party = plan.parties.find((p) => p.id === view);
  return `${view} view (${party?.name ?? view}’s ratings)`;
}

function approvalMonthsOf(plan: Plan, stageId: string): readonly number[] | undefined {
  const stage = plan.stages.find((s) => s.id === stageId);
  const forumIds = stage?.substeps.find((s) => s.kind === 'approval')?.forumIds ?? [];
  const months = [...new Set(plan.forums.filter((f) => forumIds.includes(f.id)).flatMap((f) => f.usualMonths))].sort((a, b) => a - b);
  return months.length === 0 ? undefined : months;
}

/**
 * A stage as nodes. Its verification (node `<stage>.verification`) starts after the previous
 * stage, in an exercise window, and may fail into rework; the stage itself passes once that is
 * done and its required criteria are met in the view, and is then approved at its forum's next
 * meeting. A completed stage is a met node.
 */
function stageModelNodes(ctx: PlanForecastContext, stage: Stage, previousId: string | undefined, overrides: readonly Override[], delayDays: number): ModelNode[] {
  const { plan, params, picture } = ctx;
  const status = picture.stages.find((s) => s.stageId === stage.id);
  const base = { title: stage.title, elapsedDays: 0, delayDays: 0, isMilestone: false } as const;
  if (status?.isComplete === true) return [{ ...base, id: stage.id, duration: { kind: 'met' }, dependsOn: [], dependency: 'finish-to-start' }];
  const approvalMonths = params.stages[stage.id]?.approvalMonths ?? approvalMonthsOf(plan, stage.id);
  const approval = approvalMonths === undefined ? {} : { gate: { verification: { kind: 'met' as const }, failureProbability: 0, rework: { kind: 'met' as const }, approvalMonths } };
  const gateParams = params.stages[stage.id];
  const previous = previousId === undefined ? [] : [previousId];
  if (gateParams === undefined) {
    return [{ ...base, id: stage.id, duration: { kind: 'fixed', days: 0 }, dependsOn: [...stage.requiredCriteria, ...previous], dependency: 'not-before', delayDays, ...approval }];
  }
  const gate = overriddenGate(overrides, stage.id, gateParams);
  // A verification already under way is not waiting for an exercise window.
  const isVerifying = status?.substeps.some((s) => s.substep === 'verification' && s.state === 'in-progress') === true;
  const verificationMonths = isVerifying ? undefined : (gateParams.verificationMonths ?? params.verificationMonths);
  const verificationId = `${stage.id}.verification`;
  return [
    {
      ...base,
      id: verificationId,
      duration: { kind: 'fixed', days: 0 },
      dependsOn: previous,
      dependency: 'finish-to-start',
      delayDays,
      gate: {
        verification: gate.verification,
        failureProbability: gate.failureProbability,
        rework: gateParams.rework,
        ...(verificationMonths === undefined ? {} : { verificationMonths }),
      },
    },
    { ...base, id: stage.id, duration: { kind: 'fixed', days: 0 }, dependsOn: [verificationId, ...stage.requiredCriteria], dependency: 'not-before', ...approval },
  ];
}

/** The forecast model of a plan for one view (a side's id or "combined") and an optional scenario. */
export function planForecastModel(ctx: PlanForecastContext, view: string, scenario: Scenario | null, extraDates: readonly string[] = []): PlanModel {
  const { plan, params, picture } = ctx;
  const overrides = scenario?.overrides ?? [];
  const derivations = plan.criteria.map((c) => deriveTimeToMet(params, c.id, viewEvidence(ctx, overrides, view, c.id), ctx.scope.asOf));
  const criterionNodes = plan.criteria.map((c, i): ModelNode => ({
    id: c.id,
    title: c.title,
    duration: derivations[i]!.duration,
    elapsedDays: derivations[i]!.elapsedDays,
    dependsOn: c.dependsOn,
    dependency: 'not-before',
    delayDays: slipDays(overrides, c.id),
    isMilestone: false,
  }));
  const stages = [...plan.stages].sort((a, b) => a.order - b.order);
  const stageNodes = stages.flatMap((stage, i) => stageModelNodes(ctx, stage, stages[i - 1]?.id, overrides, slipDays(overrides, stage.id)));
  const required = new Set(stages.flatMap((s) => s.requiredCriteria));
  const conditionsMet: ModelNode = {
    id: CONDITIONS_MET,
    title: 'Every criterion a stage requires is met',
    duration: { kind: 'fixed', days: 0 },
    elapsedDays: 0,
    dependsOn: stages.length === 0 ? plan.criteria.map((c) => c.id) : plan.criteria.filter((c) => required.has(c.id)).map((c) => c.id),
    dependency: 'not-before',
    delayDays: 0,
    isMilestone: true,
  };
  const last = stages[stages.length - 1];
  const after = [...(last === undefined ? [] : [last.id]), ...plan.criteria.filter((c) => last === undefined || !required.has(c.id)).map((c) => c.id)];
  const level = overriddenLevel(overrides, picture.escalation.level);
  const levelParams = params.decision[level];
  const window = politicalWindow(overrides);
  const political =
    window !== undefined
      ? { kind: 'window' as const, ...window }
      : levelParams?.politicalDecision === undefined
        ? undefined
        : { kind: 'hazard' as const, ...levelParams.politicalDecision };
  const model: ForecastModel = {
    kind: 'forecast-model',
    title: `${plan.title}: ${viewTitle(plan, view)}${scenario === null ? '' : ` — ${scenario.title}`}`,
    asOf: ctx.scope.asOf,
    dates: [...plan.keyDates.map((k) => ({ date: k.date, label: k.label })), ...extraDates],
    nodes: [...criterionNodes, ...stageNodes, conditionsMet],
    correlationGroups: params.correlationGroups.map((g) => ({ id: g.id, nodes: g.criteria, rankCorrelation: g.rankCorrelation })),
    decision: {
      title: 'Decision and transfer',
      after,
      delay: levelParams?.delay ?? { kind: 'fixed', days: 0 },
      ...(political === undefined ? {} : { political }),
    },
    assumptions: [],
  };
  return { kind: 'plan-model', view, scenarioId: scenario?.id ?? null, model, derivations, escalationLevel: level };
}
