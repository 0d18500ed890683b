/**
 * The record (ledger): sources, statements, timeline events, assessments, gate records,
 * decisions and escalations. Every record is append-only and carries two times: the date it
 * speaks for and the time it was recorded. A correction is a new record that `supersedes`
 * an earlier one of the same kind; nothing is edited in place.
 */
import { z } from 'zod';
import { IdSchema } from '../common/ids.js';
import { IsoDateSchema, IsoDateTimeSchema, PartialDateSchema } from '../common/dates.js';
import { ReleasabilitySchema } from '../common/releasability.js';
import { DECISION_LEVELS, SUBSTEP_KINDS } from '../plan/schema.js';
import type { DeepReadonly } from '../common/readonly.js';

const Text = z.string().trim().min(1, { message: 'must not be empty' });
const SourceIds = z.array(IdSchema).min(1, { message: 'cite at least one source id' });

/** Fields every ledger record has. */
const ledgerFields = {
  id: IdSchema,
  releasability: ReleasabilitySchema.default('PUBLIC'),
  /** When the record entered the ledger (or, for a reconstructed dataset, became public). */
  recordedAt: IsoDateTimeSchema,
  /** Id of the record this one corrects. */
  supersedes: IdSchema.optional(),
};

export const SOURCE_KINDS = [
  'news',
  'wire',
  'editorial',
  'analysis',
  'communique',
  'joint-statement',
  'government',
  'white-paper',
  'hearing',
  'legislation',
  'archive',
  'encyclopedia',
  'blog',
  'aggregator',
  'user-supplied',
] as const;

/**
 * Reliability grade of a source: A official primary text; B established outlet or wire;
 * C syndicated copy, translation or secondary summary; D aggregator, blog or unknown outlet;
 * E low-quality mirror.
 */
export const RELIABILITY_GRADES = ['A', 'B', 'C', 'D', 'E'] as const;

export const SourceSchema = z.strictObject({
  kind: z.literal('source').default('source'),
  ...ledgerFields,
  outlet: Text,
  title: Text.nullable().default(null),
  url: z.url().nullable(),
  /** Publication date; null for an undated page. */
  published: PartialDateSchema.nullable(),
  sourceKind: z.enum(SOURCE_KINDS),
  reliability: z.enum(RELIABILITY_GRADES),
  language: z.string().min(2).default('en'),
  /** Full text kept with the dataset (relative path), where the user supplied it. */
  fullTextFile: z.string().min(1).optional(),
  note: Text.optional(),
});

export const SIDES = ['ROK', 'US', 'combined', 'other'] as const;
export const STANCES = ['accelerate', 'cautious', 'neutral'] as const;

export const StatementSchema = z.strictObject({
  kind: z.literal('statement').default('statement'),
  ...ledgerFields,
  sourceId: IdSchema,
  /** The quote exactly as printed (when `isVerbatim`), or a faithful paraphrase of a claim. */
  text: Text,
  isVerbatim: z.boolean(),
  speaker: Text.nullable(),
  role: Text.nullable(),
  side: z.enum(SIDES),
  stance: z.enum(STANCES).nullable(),
  /** When it was said (the date it speaks for); null when the source is undated and the record gives no date. */
  saidOn: PartialDateSchema.nullable(),
  conditionIds: z.array(IdSchema).default([]),
  criterionIds: z.array(IdSchema).default([]),
  forumIds: z.array(IdSchema).default([]),
  note: Text.optional(),
});

export const EVENT_CATEGORIES = [
  'origins',
  'agreement',
  'delay',
  'plan',
  'stage',
  'forum',
  'decision',
  'position',
  'legislation',
  'personnel',
  'exercise',
  'capability',
] as const;

export const EventSchema = z.strictObject({
  kind: z.literal('event').default('event'),
  ...ledgerFields,
  date: PartialDateSchema,
  title: Text,
  description: Text.optional(),
  category: z.enum(EVENT_CATEGORIES),
  forumId: IdSchema.optional(),
  stageId: IdSchema.optional(),
  sourceIds: SourceIds,
});

export const RATINGS = [0, 1, 2, 3] as const;
export type Rating = (typeof RATINGS)[number];

export const AssessmentSchema = z
  .strictObject({
    kind: z.literal('assessment').default('assessment'),
    ...ledgerFields,
    party: IdSchema,
    criterionId: IdSchema.optional(),
    conditionId: IdSchema.optional(),
    /** The date the judgement speaks for. */
    asOf: IsoDateSchema,
    rating: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal('unassessed')]),
    /** How sure the recorder is of the rating, 0–1. */
    confidence: z.number().min(0).max(1),
    rationale: Text,
    /** `public-record-estimate`: inferred from public statements; `official`: a party's own score. */
    basis: z.enum(['public-record-estimate', 'official']),
    statementIds: z.array(IdSchema).default([]),
    sourceIds: z.array(IdSchema).default([]),
    recordedBy: Text,
  })
  .refine((a) => (a.criterionId === undefined) !== (a.conditionId === undefined), {
    message: 'an assessment concerns exactly one of criterionId or conditionId',
    path: ['criterionId'],
  })
  .refine((a) => a.statementIds.length + a.sourceIds.length > 0, {
    message: 'an assessment must cite at least one statement or source',
    path: ['statementIds'],
  });

export const GATE_STATUSES = ['planned', 'in-progress', 'completed', 'stalled', 'failed'] as const;
export const VERDICTS = ['pass', 'fail', 'pending'] as const;

export const GateRecordSchema = z.strictObject({
  kind: z.literal('gate-record').default('gate-record'),
  ...ledgerFields,
  stageId: IdSchema,
  substep: z.enum(SUBSTEP_KINDS),
  status: z.enum(GATE_STATUSES),
  date: PartialDateSchema,
  /** Each party's verdict on this sub-step, where the record gives one. */
  verdicts: z.record(IdSchema, z.enum(VERDICTS)).default({}),
  description: Text,
  sourceIds: SourceIds,
});

export const DecisionSchema = z.strictObject({
  kind: z.literal('decision').default('decision'),
  ...ledgerFields,
  forumId: IdSchema,
  date: PartialDateSchema,
  level: z.enum(DECISION_LEVELS),
  title: Text,
  decided: Text,
  /** The as-of date of the picture the decision relied on, where known. */
  reliedOnAsOf: IsoDateSchema.optional(),
  statementIds: z.array(IdSchema).default([]),
  sourceIds: SourceIds,
});

export const ESCALATION_OUTCOMES = ['pending', 'resolved', 'returned', 'superseded'] as const;

export const EscalationSchema = z.strictObject({
  kind: z.literal('escalation').default('escalation'),
  ...ledgerFields,
  item: Text,
  date: PartialDateSchema,
  fromLevel: z.enum(DECISION_LEVELS),
  toLevel: z.enum(DECISION_LEVELS),
  forumId: IdSchema.optional(),
  outcome: z.enum(ESCALATION_OUTCOMES),
  description: Text,
  statementIds: z.array(IdSchema).default([]),
  sourceIds: SourceIds,
});

export const DatasetManifestSchema = z.strictObject({
  kind: z.literal('dataset'),
  id: IdSchema,
  title: Text,
  description: Text,
  /** Path of the plan file, relative to the manifest. */
  plan: z.string().min(1),
  /** How `recordedAt` was set for this dataset. */
  recordedAtConvention: Text,
  /** The last date the dataset was brought up to. */
  currentTo: IsoDateSchema,
  /** Anything an analyst must know before reading the numbers. */
  caveats: z.array(Text).default([]),
  /**
   * Where the record is silent: party and condition years with no assessment, and why. Declared
   * so that a missing assessment is a stated fact, never an oversight or an invented rating.
   */
  recordGaps: z
    .array(z.strictObject({ party: IdSchema, conditionId: IdSchema, years: z.array(z.number().int().min(1900).max(2100)).min(1), reason: Text }))
    .default([]),
});

export type Source = DeepReadonly<z.infer<typeof SourceSchema>>;
export type Statement = DeepReadonly<z.infer<typeof StatementSchema>>;
export type TimelineEvent = DeepReadonly<z.infer<typeof EventSchema>>;
export type Assessment = DeepReadonly<z.infer<typeof AssessmentSchema>>;
export type GateRecord = DeepReadonly<z.infer<typeof GateRecordSchema>>;
export type Decision = DeepReadonly<z.infer<typeof DecisionSchema>>;
export type Escalation = DeepReadonly<z.infer<typeof EscalationSchema>>;
export type DatasetManifest = DeepReadonly<z.infer<typeof DatasetManifestSchema>>;
export type Side = (typeof SIDES)[number];
export type Stance = (typeof STANCES)[number];
export type LedgerRecord = Source | Statement | TimelineEvent | Assessment | GateRecord | Decision | Escalation;

/** The whole record, as held in memory for computing a picture. */
export interface Ledger {
  readonly kind: 'ledger';
  readonly sources: readonly Source[];
  readonly statements: readonly Statement[];
  readonly events: readonly TimelineEvent[];
  readonly assessments: readonly Assessment[];
  readonly gateRecords: readonly GateRecord[];
  readonly decisions: readonly Decision[];
  readonly escalations: readonly Escalation[];
}

/** The files of a dataset folder and the record schema of each. */
export const LEDGER_FILES = {
  sources: SourceSchema,
  statements: StatementSchema,
  events: EventSchema,
  assessments: AssessmentSchema,
  gateRecords: GateRecordSchema,
  decisions: DecisionSchema,
  escalations: EscalationSchema,
} as const;
export type LedgerCollection = keyof typeof LEDGER_FILES;
