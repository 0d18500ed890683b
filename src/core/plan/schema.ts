/**
 * The plan file format: parties, conditions, criteria, stages and gates, forums, milestones,
 * targets, the end state and plan revisions. Structure is checked here; cross-references
 * (ids that must resolve, dependency cycles) are checked in `check.ts`.
 */
import { z } from 'zod';
import { IdSchema } from '../common/ids.js';
import { IsoDateSchema, TimexSchema } from '../common/dates.js';
import type { DeepReadonly } from '../common/readonly.js';
import { ForecastParamsSchema } from '../forecast/plan-params.js';
import { DECISION_LEVELS } from './decision-levels.js';

export { DECISION_LEVELS };

const Text = z.string().trim().min(1, { message: 'must not be empty' });
const SourceIds = z.array(IdSchema).min(1, { message: 'cite at least one source id' });

export const RATING_LABELS = ['not met', 'partly met', 'largely met', 'met'] as const;
export const SUBSTEP_KINDS = ['assessment', 'verification', 'approval'] as const;

export const PartySchema = z.strictObject({
  id: IdSchema,
  name: Text,
  /** A joint body (e.g. CFC, an SCM communiqué) rather than one government. */
  isJoint: z.boolean().default(false),
  description: Text.optional(),
});

export const WordingSchema = z.strictObject({
  text: Text,
  language: z.string().default('en'),
  note: Text.optional(),
  sourceIds: SourceIds,
});

/** Relative weights per party; a missing party weighs 1. */
export const WeightsSchema = z.record(IdSchema, z.number().min(0, { message: 'weights must be ≥ 0' }));

export const ConditionSchema = z.strictObject({
  id: IdSchema,
  title: Text,
  officialWording: WordingSchema,
  alternateWordings: z.array(WordingSchema).default([]),
  weights: WeightsSchema.default({}),
  note: Text.optional(),
  sourceIds: SourceIds,
});

export const CriterionSchema = z.strictObject({
  id: IdSchema,
  conditionId: IdSchema,
  title: Text,
  description: Text,
  /** What "met" means for this criterion, as far as the public record says. */
  measure: Text.optional(),
  /** `reported`: named as part of the conditions by a source; `analyst`: added by the plan's author. */
  basis: z.enum(['reported', 'analyst']).default('reported'),
  isQualitative: z.boolean().default(false),
  weights: WeightsSchema.default({}),
  dependsOn: z.array(IdSchema).default([]),
  note: Text.optional(),
  sourceIds: SourceIds,
});

export const RollupRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('weighted-mean'),
    /** A condition counts as met when its readiness reaches this percentage. */
    metThresholdPct: z.number().min(0).max(100).default(100),
  }),
  z.strictObject({ kind: z.literal('all-met') }),
]);

export const GateRuleSchema = z.strictObject({
  /** Parties whose assessments must all reach `minRating` on every required criterion. */
  parties: z.array(IdSchema).min(1),
  minRating: z.number().int().min(0).max(3).default(3),
});

export const SlipSchema = z.strictObject({
  from: TimexSchema,
  /** The new planned date, or null when no new date was set. */
  to: TimexSchema.nullable(),
  announcedOn: TimexSchema,
  reason: Text,
  sourceIds: SourceIds,
});

export const SubstepSchema = z.strictObject({
  kind: z.enum(SUBSTEP_KINDS),
  title: Text.optional(),
  /** The first planned date; later re-baselines are in `slips`. */
  plannedDate: TimexSchema.nullable().default(null),
  /** When that first planned date became known; before it the picture shows no date. */
  plannedOn: TimexSchema.optional(),
  forumIds: z.array(IdSchema).default([]),
  slips: z.array(SlipSchema).default([]),
  note: Text.optional(),
  sourceIds: z.array(IdSchema).default([]),
});

export const StageSchema = z.strictObject({
  id: IdSchema,
  title: Text,
  order: z.number().int().min(1),
  description: Text,
  requiredCriteria: z.array(IdSchema).min(1),
  gate: GateRuleSchema,
  substeps: z.array(SubstepSchema).min(1),
  note: Text.optional(),
  sourceIds: SourceIds,
});

export const ForumSchema = z.strictObject({
  id: IdSchema,
  name: Text,
  level: z.enum(DECISION_LEVELS),
  cadence: Text,
  /** Months (1–12) in which the forum usually meets; used by the forecast's decision calendar. */
  usualMonths: z.array(z.number().int().min(1).max(12)).default([]),
  role: Text,
  sourceIds: SourceIds,
});

export const MilestoneSchema = z.strictObject({
  id: IdSchema,
  title: Text,
  date: TimexSchema,
  status: z.enum(['done', 'planned', 'dropped']),
  stageId: IdSchema.optional(),
  forumId: IdSchema.optional(),
  sourceIds: SourceIds,
});

export const TargetSchema = z.strictObject({
  id: IdSchema,
  party: IdSchema,
  /** What the date is for. */
  subject: z.enum(['transfer', 'conditions-met', 'stage', 'term-end']),
  date: TimexSchema,
  qualifier: z.enum(['on', 'by', 'no-later-than', 'within', 'earliest', 'around']),
  /** How firm the target is in the record. */
  standing: z.enum(['official', 'reported', 'mentioned']),
  title: Text,
  note: Text.optional(),
  sourceIds: SourceIds,
});

export const KeyDateSchema = z.strictObject({
  id: IdSchema,
  date: IsoDateSchema,
  label: Text,
  sourceIds: z.array(IdSchema).default([]),
});

export const EndStateSchema = z.strictObject({
  summary: Text,
  elements: z.array(z.strictObject({ text: Text, sourceIds: SourceIds })).min(1),
});

export const RevisionSchema = z.strictObject({
  id: IdSchema,
  date: TimexSchema,
  title: Text,
  description: Text,
  /** Old criterion id → new id, or null when the old criterion was dropped. */
  criterionIdMap: z.record(IdSchema, IdSchema.nullable()).default({}),
  sourceIds: SourceIds,
});

export const PlanSchema = z.strictObject({
  kind: z.literal('plan'),
  id: IdSchema,
  version: z.number().int().min(1),
  title: Text,
  description: Text,
  parties: z.array(PartySchema).min(2),
  conditions: z.array(ConditionSchema).min(1),
  criteria: z.array(CriterionSchema).min(1),
  rollup: z.record(IdSchema, RollupRuleSchema),
  /** Rule for the consensus view, whose criterion ratings are the lowest of the sides' ratings. */
  consensusRule: RollupRuleSchema.default({ kind: 'all-met' }),
  stages: z.array(StageSchema).default([]),
  forums: z.array(ForumSchema).default([]),
  escalationLevels: z.array(z.enum(DECISION_LEVELS)).default(['military', 'ministerial', 'political']),
  milestones: z.array(MilestoneSchema).default([]),
  targets: z.array(TargetSchema).default([]),
  keyDates: z.array(KeyDateSchema).default([]),
  endState: EndStateSchema.optional(),
  revisions: z.array(RevisionSchema).default([]),
  assumptions: z.array(Text).default([]),
  /** Parameters of the forecast (all modelling assumptions); without them the plan has no forecast. */
  forecast: ForecastParamsSchema.optional(),
});

export type Plan = DeepReadonly<z.infer<typeof PlanSchema>>;
export type RollupRule = DeepReadonly<z.infer<typeof RollupRuleSchema>>;
export type Party = Plan['parties'][number];
export type Condition = Plan['conditions'][number];
export type Criterion = Plan['criteria'][number];
export type Stage = Plan['stages'][number];
export type Substep = Stage['substeps'][number];
export type Forum = Plan['forums'][number];
export type Target = Plan['targets'][number];
export type KeyDate = Plan['keyDates'][number];
export type DecisionLevel = (typeof DECISION_LEVELS)[number];
export type SubstepKind = (typeof SUBSTEP_KINDS)[number];
