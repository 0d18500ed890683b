/**
 * The forecast model format, shared by standalone model files (`opcon forecast --model`) and the
 * model derived from a plan: nodes with a time distribution, dependencies, optional gates,
 * correlation groups and a final decision. All durations are in days from the as-of date.
 * Structure is checked here; cross-references in `model-check.ts`.
 */
import { z } from 'zod';
import { IsoDateSchema } from '../common/dates.js';
import { IdSchema } from '../common/ids.js';
import type { DeepReadonly } from '../common/readonly.js';

const Text = z.string().trim().min(1, { message: 'must not be empty' });
const Days = z.number().min(0, { message: 'days must be ≥ 0' }).finite();
const PositiveDays = z.number().positive({ message: 'days must be > 0' }).finite();

export const DistributionSchema = z.discriminatedUnion('kind', [
  z
    .strictObject({
      /** Lognormal fitted to a 90% interval: 5% of draws fall below p5Days, 5% above p95Days. */
      kind: z.literal('lognormal'),
      p5Days: PositiveDays,
      p95Days: PositiveDays,
    })
    .refine((d) => d.p5Days < d.p95Days, { message: 'p5Days must be less than p95Days', path: ['p95Days'] }),
  z
    .strictObject({
      /** Beta-PERT from three points; lambda weighs the mode (4 is the classic PERT). */
      kind: z.literal('pert'),
      minDays: Days,
      modeDays: Days,
      maxDays: Days,
      lambda: z.number().positive().max(100).default(4),
    })
    .refine((d) => d.minDays <= d.modeDays && d.modeDays <= d.maxDays && d.minDays < d.maxDays, {
      message: 'expected minDays ≤ modeDays ≤ maxDays with minDays < maxDays',
      path: ['modeDays'],
    }),
  z
    .strictObject({ kind: z.literal('triangular'), minDays: Days, modeDays: Days, maxDays: Days })
    .refine((d) => d.minDays <= d.modeDays && d.modeDays <= d.maxDays && d.minDays < d.maxDays, {
      message: 'expected minDays ≤ modeDays ≤ maxDays with minDays < maxDays',
      path: ['modeDays'],
    }),
  z
    .strictObject({ kind: z.literal('uniform'), minDays: Days, maxDays: Days })
    .refine((d) => d.minDays < d.maxDays, { message: 'minDays must be less than maxDays', path: ['maxDays'] }),
  z.strictObject({ kind: z.literal('fixed'), days: Days }),
  /** Already met: takes no time. */
  z.strictObject({ kind: z.literal('met') }),
]);

/** Calendar months (1–12) in which something can happen, e.g. exercises in March and August. */
export const MonthsSchema = z.array(z.number().int().min(1).max(12)).min(1, { message: 'list at least one month' });

export const GateSchema = z.strictObject({
  /** Time the verification takes once started. */
  verification: DistributionSchema,
  /** Verification starts only in these months (exercise windows); any time when absent. */
  verificationMonths: MonthsSchema.optional(),
  /** Probability that verification fails and sends the node to rework (once). */
  failureProbability: z.number().min(0).max(1).default(0),
  /** Time the rework takes before the verification is repeated (in the next window). */
  rework: DistributionSchema.default({ kind: 'fixed', days: 0 }),
  /** Approval only in these months (the approving forum's calendar); any time when absent. */
  approvalMonths: MonthsSchema.optional(),
});

export const NodeSchema = z.strictObject({
  id: IdSchema,
  title: Text.optional(),
  /** Time to met (or the work's duration), in days. */
  duration: DistributionSchema,
  /**
   * Days already spent without being met: the duration is conditioned on exceeding this, and
   * only the remainder counts from the as-of date.
   */
  elapsedDays: Days.default(0),
  dependsOn: z.array(IdSchema).default([]),
  /**
   * `finish-to-start`: the duration starts when every dependency is done. `not-before`: the
   * duration runs from the as-of date, but the node cannot finish before its dependencies.
   */
  dependency: z.enum(['finish-to-start', 'not-before']).default('finish-to-start'),
  /** A fixed delay after the node is ready and before its gate (a slip). */
  delayDays: Days.default(0),
  gate: GateSchema.optional(),
  /** Report this node's time in full (quantiles, probabilities by date, S-curve), like the final. */
  isMilestone: z.boolean().default(false),
});

export const PoliticalDecisionSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    /** Once everything else is done, the decision comes at the end of each period with this probability. */
    kind: z.literal('hazard'),
    periodDays: PositiveDays,
    probabilityPerPeriod: z.number().gt(0, { message: 'must be > 0' }).max(1),
  }),
  z
    .strictObject({
      /** The decision is taken on a day uniformly between the dates (or when ready, if later). */
      kind: z.literal('window'),
      from: IsoDateSchema,
      to: IsoDateSchema,
    })
    .refine((w) => w.from <= w.to, { message: '"from" must not be after "to"', path: ['to'] }),
]);

export const DecisionSchema = z.strictObject({
  title: Text.optional(),
  /** Nodes that must be done first; default: every node no other node depends on. */
  after: z.array(IdSchema).min(1).optional(),
  /** Time from the decision to the final event (the transfer). */
  delay: DistributionSchema.default({ kind: 'fixed', days: 0 }),
  political: PoliticalDecisionSchema.optional(),
});

export const CorrelationGroupSchema = z.strictObject({
  id: IdSchema,
  nodes: z.array(IdSchema).min(2, { message: 'a group needs at least two nodes' }),
  /** Spearman rank correlation between any two members' durations, 0 ≤ ρ < 1. */
  rankCorrelation: z.number().min(0).lt(1, { message: 'must be < 1' }),
});

export const DateOfInterestSchema = z.union([IsoDateSchema, z.strictObject({ date: IsoDateSchema, label: Text })]);

export const ForecastModelSchema = z.strictObject({
  kind: z.literal('forecast-model'),
  title: Text,
  description: Text.optional(),
  /** Day 0 of the model; `--as-of` overrides it; default today. */
  asOf: IsoDateSchema.optional(),
  /** Dates to give the probability of being done by. */
  dates: z.array(DateOfInterestSchema).default([]),
  nodes: z.array(NodeSchema).min(1, { message: 'a model needs at least one node' }),
  correlationGroups: z.array(CorrelationGroupSchema).default([]),
  decision: DecisionSchema.default({ delay: { kind: 'fixed', days: 0 } }),
  assumptions: z.array(Text).default([]),
});

export type Distribution = DeepReadonly<z.infer<typeof DistributionSchema>>;
export type Gate = DeepReadonly<z.infer<typeof GateSchema>>;
export type ModelNode = DeepReadonly<z.infer<typeof NodeSchema>>;
export type Decision = DeepReadonly<z.infer<typeof DecisionSchema>>;
export type PoliticalDecision = DeepReadonly<z.infer<typeof PoliticalDecisionSchema>>;
export type CorrelationGroup = DeepReadonly<z.infer<typeof CorrelationGroupSchema>>;
export type ForecastModel = DeepReadonly<z.infer<typeof ForecastModelSchema>>;
