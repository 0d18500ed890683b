/** The parts of the API's answers the dashboard reads (the server's schemas are the truth: /api/openapi.json). */

export type Rating = 0 | 1 | 2 | 3 | 'unassessed' | null;

export interface RatingCell {
  readonly rating: Rating;
  readonly confidence: number | null;
  readonly asOf: string | null;
  readonly isEstimate: boolean;
  readonly evidenceCount: number;
}

export interface Readiness {
  readonly readinessPct: number | null;
  readonly coveragePct: number;
  readonly metCount: number;
  readonly criteriaCount: number;
  readonly isMet: boolean;
}

export interface Substep {
  readonly substep: string;
  readonly state: string;
  readonly recordDate: string | null;
  readonly originalPlannedDate: string | null;
  readonly plannedDate: string | null;
  readonly slips: readonly { readonly from: string; readonly to: string | null; readonly reason: string }[];
  readonly slipDays: number | null;
}

export interface Stage {
  readonly stageId: string;
  readonly title: string;
  readonly substeps: readonly Substep[];
  readonly phase: string | null;
  readonly state: string;
  readonly isComplete: boolean;
  readonly criteriaCheck: { readonly isPassed: boolean; readonly blocking: readonly unknown[] };
}

export interface Citation {
  readonly outlet: string;
  readonly published: string | null;
  readonly url: string | null;
}

export interface Brief {
  readonly dataset: { readonly title: string; readonly currentTo: string };
  readonly plan: { readonly title: string };
  readonly isBeyondRecord: boolean;
  readonly picture: {
    readonly marking: string;
    readonly scope: { readonly asOf: string; readonly audience: string };
    readonly sides: readonly string[];
    readonly criteria: readonly { readonly criterionId: string; readonly title: string; readonly byParty: Readonly<Record<string, RatingCell>>; readonly gap: number | null }[];
    readonly conditions: readonly { readonly conditionId: string; readonly title: string; readonly byParty: Readonly<Record<string, Readiness>>; readonly consensus: Readiness; readonly divergence: number | null }[];
    readonly divergence: {
      readonly plan: number | null;
      readonly trend: { readonly comparedTo: string; readonly delta: number | null };
      readonly blocking: readonly { readonly criterionId: string; readonly reason: string; readonly gap: number | null; readonly ratings: Readonly<Record<string, Rating>> }[];
    };
    readonly stages: readonly Stage[];
    readonly currentStageId: string | null;
    readonly decisions: readonly Decision[];
    readonly escalation: { readonly level: string; readonly isOpen: boolean; readonly records: readonly Escalation[] };
    readonly keyDates: readonly { readonly id: string; readonly date: string; readonly label: string; readonly daysLeft: number }[];
    readonly recentStatements: readonly { readonly statement: { readonly id: string; readonly text: string; readonly isVerbatim: boolean; readonly speaker: string | null; readonly side: string; readonly saidOn: string | null }; readonly citation: Citation }[];
    readonly counts: { readonly sources: number; readonly statements: number; readonly assessments: number };
  };
}

export interface QuantileDate {
  readonly percentile: number;
  readonly days: number;
  readonly date: string;
}

export interface TimeSummary {
  readonly iterations: number;
  readonly meanDays: number;
  readonly quantiles: readonly QuantileDate[];
  readonly probabilities: readonly { readonly date: string; readonly label: string | null; readonly probability: number; readonly standardError: number }[];
  readonly sCurve: readonly { readonly probability: number; readonly days: number; readonly date: string }[];
  readonly histogram: { readonly binWidthDays: number; readonly bins: readonly { readonly startDays: number; readonly startDate: string; readonly count: number }[]; readonly beyondCount: number };
}

export interface SensitivityEntry {
  readonly key: string;
  readonly role: string;
  readonly nodeId: string | null;
  readonly label: string;
  readonly rankCorrelation: number;
  readonly lowDecileMeanDays: number | null;
  readonly highDecileMeanDays: number | null;
}

export interface ForecastRunEntry {
  readonly view: string | null;
  readonly scenario: { readonly id: string; readonly title: string; readonly description: string | null } | null;
  readonly run: {
    readonly asOf: string;
    readonly seed: number;
    readonly iterations: number;
    readonly convergence: { readonly rule: string; readonly maxStandardError: number; readonly isConverged: boolean };
    readonly final: TimeSummary;
    readonly nodes: readonly { readonly id: string; readonly title: string; readonly quantiles: readonly QuantileDate[]; readonly criticality: number }[];
    readonly decision: { readonly title: string; readonly criticality: number };
    readonly sensitivity: readonly SensitivityEntry[];
  };
}

export interface Forecast {
  readonly seed: number;
  readonly asOf: string;
  readonly runs: readonly ForecastRunEntry[];
  readonly deltas: readonly {
    readonly view: string | null;
    readonly scenario: string;
    readonly p50Days: number;
    readonly p80Days: number;
    readonly probabilities: readonly { readonly date: string; readonly label: string | null; readonly baseline: number; readonly scenario: number; readonly delta: number; readonly standardError: number }[];
  }[];
}

export interface ForecastRunView {
  readonly id: string;
  readonly status: 'running' | 'done' | 'cancelled' | 'failed';
  readonly progress: { readonly done: number; readonly planned: number; readonly runIndex: number; readonly runCount: number; readonly label: string };
  readonly result: Forecast | null;
  readonly error: { readonly code: string; readonly message: string; readonly path?: string } | null;
}

interface LedgerFields {
  readonly id: string;
  readonly releasability: string;
  readonly recordedAt: string;
  readonly supersedes?: string;
}

export interface Assessment extends LedgerFields {
  readonly kind: 'assessment';
  readonly party: string;
  readonly criterionId?: string;
  readonly conditionId?: string;
  readonly asOf: string;
  readonly rating: 0 | 1 | 2 | 3 | 'unassessed';
  readonly confidence: number;
  readonly rationale: string;
  readonly basis: 'public-record-estimate' | 'official';
  readonly statementIds: readonly string[];
  readonly sourceIds: readonly string[];
  readonly recordedBy: string;
}

export interface Source extends LedgerFields {
  readonly outlet: string;
  readonly title: string | null;
  readonly url: string | null;
  readonly published: string | null;
  readonly sourceKind: string;
  readonly reliability: string;
  readonly note?: string | null;
}

export interface Statement extends LedgerFields {
  readonly sourceId: string;
  readonly text: string;
  readonly isVerbatim: boolean;
  readonly speaker: string | null;
  readonly role: string | null;
  readonly side: string;
  readonly stance: string | null;
  readonly saidOn: string | null;
  readonly conditionIds: readonly string[];
  readonly criterionIds: readonly string[];
  readonly forumIds: readonly string[];
  readonly note?: string;
}

export interface SourceCitation extends Citation {
  readonly sourceId: string;
}

export interface CriterionEntry {
  readonly criterion: { readonly id: string; readonly conditionId: string; readonly title: string; readonly description: string; readonly measure: string; readonly sourceIds: readonly string[] };
  readonly status: { readonly byParty: Readonly<Record<string, RatingCell & { readonly assessmentId: string | null }>>; readonly gap: number | null };
  readonly isBlocking: boolean;
  readonly history: readonly Assessment[];
}

export interface TimelineEntry {
  readonly event: LedgerFields & { readonly date: string; readonly title: string; readonly description?: string; readonly category: string; readonly forumId?: string; readonly stageId?: string; readonly sourceIds: readonly string[] };
  readonly citations: readonly SourceCitation[];
}

export interface Decision extends LedgerFields {
  readonly forumId: string;
  readonly date: string;
  readonly level: string;
  readonly title: string;
  readonly decided: string;
  readonly statementIds: readonly string[];
  readonly sourceIds: readonly string[];
}

export interface Escalation extends LedgerFields {
  readonly item: string;
  readonly date: string;
  readonly fromLevel: string;
  readonly toLevel: string;
  readonly forumId?: string;
  readonly outcome: string;
  readonly description?: string;
  readonly sourceIds?: readonly string[];
}

export interface Plan {
  readonly title: string;
  readonly parties: readonly { readonly id: string; readonly name: string; readonly isJoint?: boolean }[];
  readonly conditions: readonly { readonly id: string; readonly title: string }[];
  readonly criteria: readonly { readonly id: string; readonly conditionId: string; readonly title: string }[];
  readonly stages: readonly { readonly id: string; readonly title: string }[];
  readonly forums: readonly { readonly id: string; readonly name: string; readonly level: string; readonly role?: string; readonly cadence?: string }[];
  readonly escalationLevels: readonly string[];
  readonly forecast?: { readonly scenarios: readonly { readonly id: string; readonly title: string; readonly description?: string }[]; readonly stages: Readonly<Record<string, { readonly failureProbability: number }>>; readonly decision: { readonly political?: { readonly politicalDecision?: { readonly periodDays: number; readonly probabilityPerPeriod: number } } } };
}

export interface RecordChanges {
  readonly since: string;
  readonly asOf: string;
  readonly sources: readonly Source[];
  readonly statements: readonly Statement[];
  readonly assessments: readonly { readonly party: string; readonly subjectId: string; readonly before: Assessment | null; readonly after: Assessment; readonly move: string }[];
  readonly decisions: readonly Decision[];
  readonly escalations: readonly Escalation[];
  readonly gateRecords: readonly (LedgerFields & { readonly stageId: string; readonly date: string; readonly substep: string; readonly status: string; readonly description: string })[];
  readonly events: readonly TimelineEntry['event'][];
}

export interface ReviewItem {
  readonly id: number;
  readonly status: 'pending' | 'accepted' | 'rejected';
  readonly fields: { readonly text: string; readonly speaker: string | null; readonly role: string | null; readonly side: string; readonly stance: string | null };
  readonly isEdited: boolean;
  readonly proposal: { readonly span: { readonly start: number; readonly end: number }; readonly confidence: number; readonly conditions: readonly string[]; readonly context: string };
  readonly document: { readonly id: string; readonly outlet: string | null; readonly published: string | null; readonly url: string | null; readonly file: string };
}
