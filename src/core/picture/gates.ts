/** Stage and gate status: what the record says happened, and whether the criteria would pass the gate. */
import { compareIso, timexBounds } from '../common/dates.js';
import type { GateRecord, Ledger, Rating } from '../ledger/schema.js';
import { effectiveDay } from './scope.js';
import type { PlanIndex } from '../plan/lookup.js';
import type { Stage, Substep, SubstepKind } from '../plan/schema.js';

export type SubstepState = GateRecord['status'] | 'not-started';

export interface SlipView {
  readonly from: string;
  readonly to: string | null;
  readonly announcedOn: string;
  readonly reason: string;
  readonly sourceIds: readonly string[];
}

export interface SubstepStatus {
  readonly kind: 'substep-status';
  readonly substep: SubstepKind;
  readonly state: SubstepState;
  /** Date of the latest record, if any. */
  readonly recordDate: string | null;
  readonly recordId: string | null;
  readonly description: string | null;
  readonly verdicts: Readonly<Record<string, string>>;
  readonly originalPlannedDate: string | null;
  /** The plan after the slips announced by the as-of date; null when no date is set. */
  readonly plannedDate: string | null;
  readonly slips: readonly SlipView[];
  /** Days between the first planned date and the current one (start of period to start of period). */
  readonly slipDays: number | null;
}

export interface GateBlock {
  readonly criterionId: string;
  readonly partyId: string;
  readonly rating: Rating | 'unassessed' | null;
}

export interface StageStatus {
  readonly kind: 'stage-status';
  readonly stageId: string;
  readonly title: string;
  readonly order: number;
  readonly substeps: readonly SubstepStatus[];
  /** The most advanced sub-step that has started (planned does not count), and its state. */
  readonly phase: SubstepKind | null;
  readonly state: SubstepState;
  readonly isComplete: boolean;
  readonly criteriaCheck: { readonly isPassed: boolean; readonly blocking: readonly GateBlock[] };
}

/**
 * The latest gate record per stage and sub-step, ordered by the day each became a fact: "completed
 * in 2020", recorded in 2026, comes after "planned, announced 2020-10-14", as it must.
 */
function latestRecords(ledger: Ledger): ReadonlyMap<string, GateRecord> {
  const latest = new Map<string, GateRecord>();
  for (const record of ledger.gateRecords) {
    const key = `${record.stageId}|${record.substep}`;
    const current = latest.get(key);
    const day = effectiveDay(record.date, record.recordedAt);
    const currentDay = current === undefined ? -Infinity : effectiveDay(current.date, current.recordedAt);
    const isLater = current === undefined || day > currentDay || (day === currentDay && compareIso(record.recordedAt, current.recordedAt) >= 0);
    if (isLater) latest.set(key, record);
  }
  return latest;
}

function substepStatus(substep: Substep, record: GateRecord | undefined, asOf: string): SubstepStatus {
  const asOfDay = timexBounds(asOf).startDay;
  const slips = substep.slips.filter((slip) => timexBounds(slip.announcedOn).startDay <= asOfDay);
  const last = slips[slips.length - 1];
  const isPlanKnown = substep.plannedOn === undefined || timexBounds(substep.plannedOn).startDay <= asOfDay;
  const firstPlanned = isPlanKnown ? substep.plannedDate : null;
  const plannedDate = last === undefined ? firstPlanned : last.to;
  const slipDays =
    firstPlanned !== null && plannedDate !== null ? timexBounds(plannedDate).startDay - timexBounds(firstPlanned).startDay : null;
  return {
    kind: 'substep-status',
    substep: substep.kind,
    state: record?.status ?? 'not-started',
    recordDate: record?.date ?? null,
    recordId: record?.id ?? null,
    description: record?.description ?? null,
    verdicts: record?.verdicts ?? {},
    originalPlannedDate: firstPlanned,
    plannedDate,
    slips,
    slipDays,
  };
}

/** Status of every stage as of a date, given the scoped ledger and each party's ratings. */
export function stageStatuses(
  index: PlanIndex,
  scoped: Ledger,
  asOf: string,
  ratingOf: (partyId: string, criterionId: string) => Rating | 'unassessed' | null,
): readonly StageStatus[] {
  const latest = latestRecords(scoped);
  return [...index.plan.stages]
    .sort((a, b) => a.order - b.order)
    .map((stage: Stage) => {
      const substeps = stage.substeps.map((s) => substepStatus(s, latest.get(`${stage.id}|${s.kind}`), asOf));
      // A plan is not progress: the phase is the last sub-step that actually started.
      const started = substeps.filter((s) => s.state !== 'not-started' && s.state !== 'planned');
      const mostAdvanced = started[started.length - 1];
      const verification = substeps.find((s) => s.substep === 'verification');
      const approval = substeps.find((s) => s.substep === 'approval');
      const isApprovalDone =
        approval === undefined || approval.state === 'completed' || (approval.state === 'not-started' && approval.plannedDate === null);
      const isComplete = verification !== undefined && verification.state === 'completed' && isApprovalDone;
      const blocking: GateBlock[] = [];
      for (const criterionId of stage.requiredCriteria) {
        for (const partyId of stage.gate.parties) {
          const rating = ratingOf(partyId, criterionId);
          if (typeof rating !== 'number' || rating < stage.gate.minRating) blocking.push({ criterionId, partyId, rating });
        }
      }
      return {
        kind: 'stage-status',
        stageId: stage.id,
        title: stage.title,
        order: stage.order,
        substeps,
        phase: mostAdvanced?.substep ?? null,
        state: isComplete ? 'completed' : (mostAdvanced?.state ?? (substeps.some((s) => s.state === 'planned') ? 'planned' : 'not-started')),
        isComplete,
        criteriaCheck: { isPassed: blocking.length === 0, blocking },
      };
    });
}
