/**
 * The plan's `forecast` section: the parameters of the rules that turn each party's assessments
 * into time-to-met distributions, the stage gates' verification and rework, the decision delay
 * per escalation level, correlation groups and named what-if scenarios. Every value here is a
 * modelling assumption of the plan's author, not a fact of the record.
 */
import { z } from 'zod';
import { TimexSchema } from '../common/dates.js';
import { IdSchema } from '../common/ids.js';
import type { DeepReadonly } from '../common/readonly.js';
import { DECISION_LEVELS } from '../plan/decision-levels.js';
import { DistributionSchema, MonthsSchema } from './model-schema.js';

const Text = z.string().trim().min(1, { message: 'must not be empty' });
const Probability = z.number().min(0).max(1);

/** A lognormal 90% interval of the time to met, counted from the date of the assessment. */
export const RemainingSchema = z
  .strictObject({ p5Days: z.number().positive().finite(), p95Days: z.number().positive().finite() })
  .refine((r) => r.p5Days < r.p95Days, { message: 'p5Days must be less than p95Days', path: ['p95Days'] });

export const PaceRuleSchema = z.strictObject({
  /** The earlier assessment compared with is the latest one at least this many days older. */
  minSpanDays: z.number().int().min(1).default(365),
  /** Weight of the pace-implied time in the (geometric) blend with the rating's median, 0–1. */
  weight: Probability.default(0.5),
  /** Median multiplier when the rating has not risen over the span. */
  stalledFactor: z.number().min(1).default(1.5),
  /** Bounds on the pace multiplier of the median. */
  minFactor: z.number().positive().max(1).default(0.25),
  maxFactor: z.number().min(1).default(4),
});

export const StageGateParamsSchema = z.strictObject({
  verification: DistributionSchema,
  failureProbability: Probability.default(0),
  rework: DistributionSchema.default({ kind: 'fixed', days: 0 }),
  /** Default: the forecast section's verificationMonths. */
  verificationMonths: MonthsSchema.optional(),
  /** Default: the usual months of the forums of the stage's approval sub-step. */
  approvalMonths: MonthsSchema.optional(),
  note: Text.optional(),
});

export const LevelDecisionSchema = z.strictObject({
  /** From the decision to the transfer. */
  delay: DistributionSchema,
  /** At this level the decision itself waits for the leaders: a chance per period. */
  politicalDecision: z
    .strictObject({ periodDays: z.number().positive().finite(), probabilityPerPeriod: z.number().gt(0).max(1) })
    .optional(),
  note: Text.optional(),
});

export const OverrideSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    /** `party` takes `from`'s ratings (and their history) for every criterion, or the listed ones. */
    kind: z.literal('adopt-ratings'),
    party: IdSchema,
    from: IdSchema,
    criteria: z.array(IdSchema).optional(),
  }),
  z.strictObject({
    /** A fresh rating as of the forecast date, for one party or (without `party`) every side. */
    kind: z.literal('set-rating'),
    criterion: IdSchema,
    party: IdSchema.optional(),
    rating: z.number().int().min(0).max(3),
    confidence: Probability.optional(),
  }),
  z.strictObject({
    /** The leaders decide on a day uniformly within this period (YYYY, YYYY-Qn, YYYY-Hn, YYYY-MM or a date). */
    kind: z.literal('political-decision'),
    period: TimexSchema,
  }),
  z.strictObject({ kind: z.literal('escalation-level'), level: z.enum(DECISION_LEVELS) }),
  z.strictObject({
    /** A fixed slip: a stage's verification (or a criterion) happens this many days later. */
    kind: z.literal('delay'),
    target: IdSchema,
    days: z.number().min(0).finite(),
  }),
  z.strictObject({
    kind: z.literal('gate'),
    stage: IdSchema,
    failureProbability: Probability.optional(),
    verification: DistributionSchema.optional(),
  }),
]);

export const ScenarioSchema = z.strictObject({
  id: IdSchema,
  title: Text,
  description: Text.optional(),
  overrides: z.array(OverrideSchema).min(1, { message: 'a scenario needs at least one override' }),
});

export const ForecastParamsSchema = z.strictObject({
  /** Time to met by the current rating (0 not met, 1 partly, 2 largely) or without one. */
  remainingByRating: z.strictObject({ notMet: RemainingSchema, partly: RemainingSchema, largely: RemainingSchema, unrated: RemainingSchema }),
  /** An assessment (below met) older than this on the as-of date no longer speaks for today: the criterion counts as unrated. */
  staleAfterDays: z.number().int().min(1).default(1095),
  /** Low confidence widens the interval: σ × (1 + widening × (1 − confidence)). */
  confidenceWidening: z.number().min(0).max(10).default(1),
  pace: PaceRuleSchema.default({ minSpanDays: 365, weight: 0.5, stalledFactor: 1.5, minFactor: 0.25, maxFactor: 4 }),
  /** Months in which stage verifications can start (the combined exercises). */
  verificationMonths: MonthsSchema.optional(),
  /** Gate parameters per stage id; a stage without them passes as soon as its criteria are met. */
  stages: z.record(IdSchema, StageGateParamsSchema).default({}),
  /** Decision delay per escalation level (the picture's current level applies). */
  decision: z.partialRecord(z.enum(DECISION_LEVELS), LevelDecisionSchema).default({}),
  /** Criteria whose times move together, with a Spearman rank correlation. */
  correlationGroups: z
    .array(z.strictObject({ id: IdSchema, criteria: z.array(IdSchema).min(2), rankCorrelation: z.number().min(0).lt(1), note: Text.optional() }))
    .default([]),
  scenarios: z.array(ScenarioSchema).default([]),
  note: Text.optional(),
  sourceIds: z.array(IdSchema).default([]),
});

export type ForecastParams = DeepReadonly<z.infer<typeof ForecastParamsSchema>>;
export type Scenario = DeepReadonly<z.infer<typeof ScenarioSchema>>;
export type Override = DeepReadonly<z.infer<typeof OverrideSchema>>;
export type Remaining = DeepReadonly<z.infer<typeof RemainingSchema>>;
export type PaceRule = DeepReadonly<z.infer<typeof PaceRuleSchema>>;
