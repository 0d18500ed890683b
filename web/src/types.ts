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
    readonly decisions: readonly { readonly id: string; readonly date: string; readonly forumId: string; readonly level: string; readonly title: string }[];
    readonly escalation: { readonly level: string; readonly isOpen: boolean; readonly records: readonly { readonly id: string; readonly date: string; readonly item: string; readonly fromLevel: string; readonly toLevel: string; readonly outcome: string }[] };
    readonly keyDates: readonly { readonly id: string; readonly date: string; readonly label: string; readonly daysLeft: number }[];
    readonly recentStatements: readonly { readonly statement: { readonly id: string; readonly text: string; readonly isVerbatim: boolean; readonly speaker: string | null; readonly side: string; readonly saidOn: string | null }; readonly citation: Citation }[];
    readonly counts: { readonly sources: number; readonly statements: number; readonly assessments: number };
  };
}

export interface Forecast {
  readonly seed: number;
  readonly runs: readonly {
    readonly view: string | null;
    readonly scenario: unknown;
    readonly run: {
      readonly iterations: number;
      readonly final: {
        readonly quantiles: readonly { readonly percentile: number; readonly date: string }[];
        readonly probabilities: readonly { readonly date: string; readonly label: string | null; readonly probability: number; readonly standardError: number }[];
        readonly sCurve: readonly { readonly probability: number; readonly date: string }[];
      };
    };
  }[];
}
