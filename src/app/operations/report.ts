/**
 * The data of a report: the brief as of a date, what changed since an earlier date, the forecast
 * per view at both dates and how it shifted, and the scoped record the report cites from — all
 * for one reader. Nothing here depends on the clock beyond the default dates, so the same as-of,
 * since and seed give the same report.
 */
import { z } from 'zod';
import { IsoDateSchema } from '../../core/common/dates.js';
import { overallMarking, type ProductMarking } from '../../core/common/releasability.js';
import { ok, type Result } from '../../core/common/result.js';
import type { Ledger } from '../../core/ledger/schema.js';
import { forecastShift, type ForecastShift } from '../../core/forecast/shift.js';
import { recordChanges, type RecordChanges } from '../../core/picture/changes.js';
import { scopeLedger } from '../../core/picture/scope.js';
import type { Plan } from '../../core/plan/schema.js';
import { defineOperation, runOperation } from '../operation.js';
import { resolveScope, ScopeInput } from '../scope-input.js';
import { briefOperation, type Brief } from './brief.js';
import { sinceScope } from './changes.js';
import { DEFAULT_SEED, forecastOperation, type ForecastResult } from './forecast.js';

/** Iterations per view: P50/P80 to within a few days and probabilities to about ±0.7 points (2 SE). */
export const REPORT_ITERATIONS = 20_000;

export interface ReportData {
  readonly kind: 'report-data';
  readonly asOf: string;
  readonly since: string;
  /** Marking of the most restricted record the report draws on (its figures included). */
  readonly marking: ProductMarking;
  readonly brief: Brief;
  readonly plan: Plan;
  /** The record as the reader sees it on the as-of date: what the report cites from. */
  readonly ledger: Ledger;
  readonly changes: RecordChanges;
  /** The forecast per view as of the as-of date, and as it stood on the since date. */
  readonly forecast: ForecastResult;
  readonly forecastBefore: ForecastResult | null;
  /** Per view, from the since date's forecast to the as-of date's. */
  readonly shifts: readonly { readonly view: string; readonly shift: ForecastShift }[];
  readonly iterations: number;
}

export const reportOperation = defineOperation({
  name: 'report',
  access: 'forecast',
  summary: 'The data of a report: brief, changes since a date, forecast per view and its shift, the cited record',
  input: z.strictObject({
    ...ScopeInput,
    /** The start of "what changed" (default: 90 days before the as-of date). */
    since: IsoDateSchema.optional(),
    seed: z.number().int().min(0).max(0xffffffff).default(DEFAULT_SEED),
    iterations: z.number().int().min(1000).max(1_000_000).default(REPORT_ITERATIONS),
  }),
  async run(deps, input): Promise<Result<ReportData>> {
    const scope = resolveScope(input, deps.clock);
    if (!scope.ok) return scope;
    const asOf = scope.value.asOf;
    const then = sinceScope(scope.value, input.since);
    if (!then.ok) return then;
    const since = then.value.asOf;
    const brief = await runOperation(briefOperation, deps, { asOf: input.asOf, knownAt: input.knownAt, audience: input.audience, statementLimit: 12 });
    if (!brief.ok) return brief;
    const loaded = await deps.store.load();
    if (!loaded.ok) return loaded;
    const { plan, ledger } = loaded.value;
    const scoped = scopeLedger(ledger, scope.value);
    const forecastInput = { asOf, knownAt: scope.value.knownAt, audience: scope.value.audience, seed: input.seed, iterations: input.iterations, view: 'all', workers: 0 };
    const forecast = await runOperation(forecastOperation, deps, forecastInput);
    if (!forecast.ok) return forecast;
    // Before the record's first assessment there is nothing to forecast from: the shift is then left out.
    const before = await runOperation(forecastOperation, deps, { ...forecastInput, asOf: since, knownAt: then.value.knownAt });
    if (!before.ok && before.error.code !== 'invalid-plan' && before.error.code !== 'invalid-input') return before;
    const forecastBefore = before.ok ? before.value : null;
    const shifts = forecast.value.runs.flatMap((run) => {
      const earlier = forecastBefore?.runs.find((r) => r.view === run.view && r.scenario === null);
      return run.scenario === null && run.view !== null && earlier !== undefined ? [{ view: run.view, shift: forecastShift(earlier.run, run.run) }] : [];
    });
    const all = [scoped.sources, scoped.statements, scoped.events, scoped.assessments, scoped.gateRecords, scoped.decisions, scoped.escalations].flat();
    return ok({
      kind: 'report-data',
      asOf,
      since,
      marking: overallMarking([brief.value.picture.marking, ...all.map((r) => r.releasability)].flatMap((m) => (m === 'ROK-ONLY/US-ONLY' ? ['ROK-ONLY', 'US-ONLY'] as const : [m]))),
      brief: brief.value,
      plan,
      ledger: scoped,
      changes: recordChanges(ledger, then.value, scope.value),
      forecast: forecast.value,
      forecastBefore,
      shifts,
      iterations: input.iterations,
    });
  },
});
