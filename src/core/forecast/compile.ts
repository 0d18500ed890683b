/**
 * Compile a checked forecast model for the simulation: distributions with precomputed
 * parameters, dependencies as index arrays, calendars as lookup tables, and the list of random
 * inputs (one uniform column each, in a fixed order that depends only on the model's structure,
 * so scenarios that change parameters reuse the same random numbers).
 */
import { daysBetween } from '../common/dates.js';
import { fail, formatPath, ok, type Result } from '../common/result.js';
import { buildCalendar, type Calendar } from './calendar.js';
import { factorLoadings } from './copula.js';
import { compileDistribution, type CompiledDistribution } from './distributions.js';
import { checkModel, topologicalOrder } from './model-check.js';
import type { ForecastModel } from './model-schema.js';

export interface CompiledGate {
  readonly verification: CompiledDistribution;
  readonly failureProbability: number;
  readonly rework: CompiledDistribution;
  readonly verificationCalendar: Calendar | null;
  readonly approvalCalendar: Calendar | null;
  readonly verificationInput: number;
  readonly reworkInput: number;
}

export interface CompiledNode {
  readonly id: string;
  readonly title: string;
  readonly duration: CompiledDistribution;
  readonly elapsedDays: number;
  readonly dependencies: Int32Array;
  readonly isNotBefore: boolean;
  readonly delayDays: number;
  readonly gate: CompiledGate | null;
  readonly durationInput: number;
}

export type CompiledPolitical =
  | { readonly kind: 'none' }
  | { readonly kind: 'hazard'; readonly periodDays: number; readonly probabilityPerPeriod: number }
  | { readonly kind: 'window'; readonly fromDays: number; readonly toDays: number };

export interface CompiledDecision {
  readonly title: string;
  readonly after: Int32Array;
  readonly delay: CompiledDistribution;
  readonly political: CompiledPolitical;
  readonly delayInput: number;
  readonly politicalInput: number;
}

export type InputRole = 'duration' | 'verification' | 'rework' | 'decision-delay' | 'political-decision';

/** One random input: a uniform column per block, and a row in the sensitivity table. */
export interface ModelInput {
  readonly key: string;
  readonly role: InputRole;
  /** The node it belongs to, or -1 for the decision. */
  readonly nodeIndex: number;
  readonly label: string;
}

export interface CompiledGroup {
  readonly id: string;
  readonly members: Int32Array;
  /** Weights of the shared and own normal factor: √r and √(1 − r), r the Pearson correlation. */
  readonly loading: number;
  readonly residual: number;
}

export interface DateOfInterest {
  readonly date: string;
  readonly label: string | null;
  /** Days from the as-of date to the end of that date. */
  readonly day: number;
}

export interface CompiledModel {
  readonly kind: 'compiled-model';
  readonly title: string;
  readonly asOf: string;
  readonly nodes: readonly CompiledNode[];
  /** Node indices, dependencies first. */
  readonly order: Int32Array;
  readonly groups: readonly CompiledGroup[];
  readonly decision: CompiledDecision;
  readonly inputs: readonly ModelInput[];
  readonly milestones: Int32Array;
  readonly dates: readonly DateOfInterest[];
}

/** Compile a model whose day 0 is `asOf`; fails with every cross-reference problem if it is inconsistent. */
export function compileModel(model: ForecastModel, asOf: string): Result<CompiledModel> {
  const problems = checkModel(model);
  if (problems.length > 0) {
    return fail(
      'invalid-input',
      `the forecast model has ${problems.length} problem(s)`,
      problems.map((p) => ({ message: p.message, path: formatPath(p.path) })),
    );
  }
  const index = new Map(model.nodes.map((n, i) => [n.id, i]));
  const calendars = new Map<string, Calendar>();
  const calendarOf = (months: readonly number[] | undefined): Calendar | null => {
    if (months === undefined) return null;
    const key = [...new Set(months)].sort((a, b) => a - b).join(',');
    const known = calendars.get(key);
    if (known) return known;
    const built = buildCalendar(asOf, months);
    calendars.set(key, built);
    return built;
  };
  const inputs: ModelInput[] = model.nodes.map((node, i) => ({
    key: `${node.id}:duration`,
    role: 'duration',
    nodeIndex: i,
    label: node.title ?? node.id,
  }));
  const nodes = model.nodes.map((node, i): CompiledNode => {
    let gate: CompiledGate | null = null;
    if (node.gate) {
      const name = node.title ?? node.id;
      inputs.push({ key: `${node.id}:verification`, role: 'verification', nodeIndex: i, label: `${name}: verification` });
      inputs.push({ key: `${node.id}:rework`, role: 'rework', nodeIndex: i, label: `${name}: failed verification and rework` });
      gate = {
        verification: compileDistribution(node.gate.verification),
        failureProbability: node.gate.failureProbability,
        rework: compileDistribution(node.gate.rework),
        verificationCalendar: calendarOf(node.gate.verificationMonths),
        approvalCalendar: calendarOf(node.gate.approvalMonths),
        verificationInput: inputs.length - 2,
        reworkInput: inputs.length - 1,
      };
    }
    return {
      id: node.id,
      title: node.title ?? node.id,
      duration: compileDistribution(node.duration),
      elapsedDays: node.elapsedDays,
      dependencies: Int32Array.from(node.dependsOn.map((d) => index.get(d)!)),
      isNotBefore: node.dependency === 'not-before',
      delayDays: node.delayDays,
      gate,
      durationInput: i,
    };
  });
  const decisionTitle = model.decision.title ?? 'Decision';
  inputs.push({ key: 'decision:delay', role: 'decision-delay', nodeIndex: -1, label: `${decisionTitle}: delay` });
  inputs.push({ key: 'decision:political', role: 'political-decision', nodeIndex: -1, label: `${decisionTitle}: political decision` });
  const dependedOn = new Set(model.nodes.flatMap((n) => n.dependsOn));
  const after = model.decision.after ?? model.nodes.filter((n) => !dependedOn.has(n.id)).map((n) => n.id);
  const political = model.decision.political;
  const sorted = topologicalOrder(model.nodes);
  if (!('order' in sorted)) throw new Error('bug: a checked model has a cycle');
  return ok({
    kind: 'compiled-model',
    title: model.title,
    asOf,
    nodes,
    order: Int32Array.from(sorted.order),
    groups: model.correlationGroups.map((group) => ({
      id: group.id,
      members: Int32Array.from(group.nodes.map((id) => index.get(id)!)),
      ...factorLoadings(group.rankCorrelation),
    })),
    decision: {
      title: decisionTitle,
      after: Int32Array.from(after.map((id) => index.get(id)!)),
      delay: compileDistribution(model.decision.delay),
      political:
        political === undefined
          ? { kind: 'none' }
          : political.kind === 'hazard'
            ? { kind: 'hazard', periodDays: political.periodDays, probabilityPerPeriod: political.probabilityPerPeriod }
            : { kind: 'window', fromDays: daysBetween(asOf, political.from), toDays: daysBetween(asOf, political.to) + 1 },
      delayInput: inputs.length - 2,
      politicalInput: inputs.length - 1,
    },
    inputs,
    milestones: Int32Array.from(model.nodes.flatMap((n, i) => (n.isMilestone ? [i] : []))),
    dates: model.dates.map((d) => {
      const date = typeof d === 'string' ? d : d.date;
      return { date, label: typeof d === 'string' ? null : d.label, day: daysBetween(asOf, date) + 1 };
    }),
  });
}
