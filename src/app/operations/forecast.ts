/**
 * The forecast: Monte Carlo of when the conditions are met and the transfer happens — for the
 * plan and its record (per view, with what-if scenarios side by side), or for a standalone model
 * file. The seed is part of every result; the same input and seed give the same output whether
 * the blocks run in this thread or on worker threads.
 */
import { z } from 'zod';
import type { Actor } from '../../core/access/roles.js';
import { IsoDateSchema } from '../../core/common/dates.js';
import { IdSchema } from '../../core/common/ids.js';
import { fail, ok, type Result } from '../../core/common/result.js';
import { closest } from '../../core/common/similar.js';
import { compileModel, type CompiledModel } from '../../core/forecast/compile.js';
import { scenarioDelta, type ScenarioDelta } from '../../core/forecast/deltas.js';
import type { Derivation } from '../../core/forecast/derive.js';
import { simulate, type BlockExecutor } from '../../core/forecast/engine.js';
import type { ForecastModel } from '../../core/forecast/model-schema.js';
import { checkScenario } from '../../core/forecast/plan-params-check.js';
import { ScenarioSchema, type Scenario } from '../../core/forecast/plan-params.js';
import { forecastViews, planForecastContext, planForecastModel } from '../../core/forecast/plan-model.js';
import { summarizeRun, type ForecastRun } from '../../core/forecast/summary.js';
import type { DecisionLevel, Plan } from '../../core/plan/schema.js';
import { chunkBlocksFor, cooperativeExecutor, ForecastCancelled } from '../forecast/cooperative.js';
import { defineOperation, type Deps } from '../operation.js';
import { resolveScope, ScopeInput } from '../scope-input.js';

/** The default seed, so that the same command gives the same forecast. */
export const DEFAULT_SEED = 20_260_625;

export interface ForecastRunEntry {
  /** The view (a side's id or "combined"); null for a model file. */
  readonly view: string | null;
  readonly scenario: { readonly id: string; readonly title: string; readonly description: string | null } | null;
  readonly escalationLevel: DecisionLevel | null;
  /** How each criterion's time to met was derived (plan forecasts only). */
  readonly derivations: readonly Derivation[];
  readonly run: ForecastRun;
}

export interface ForecastResult {
  readonly kind: 'forecast';
  /** Bumped when the JSON shape changes incompatibly. */
  readonly schemaVersion: 1;
  readonly seed: number;
  readonly asOf: string;
  readonly source:
    | { readonly kind: 'model-file'; readonly file: string; readonly title: string; readonly assumptions: readonly string[] }
    | { readonly kind: 'plan'; readonly planId: string; readonly planVersion: number; readonly datasetId: string; readonly datasetCurrentTo: string; readonly note: string | null };
  readonly runs: readonly ForecastRunEntry[];
  /** Each scenario against the baseline of its view. */
  readonly deltas: readonly ScenarioDelta[];
}

const VIEW_ALL = 'all';

/** Runs this large or larger use the worker pool unless told otherwise. */
const POOL_MIN_ITERATIONS = 400_000;

export const forecastOperation = defineOperation({
  name: 'forecast',
  access: 'forecast',
  summary: 'Monte Carlo forecast of when the conditions are met and the transfer happens, per view and scenario',
  input: z.strictObject({
    ...ScopeInput,
    /** A standalone model file instead of the plan. */
    model: z.string().min(1).optional(),
    /** A side's id (case-insensitive), "combined", or "all". */
    view: z.string().min(1).default(VIEW_ALL),
    scenarios: z.array(IdSchema).default([]),
    /** What-if scenarios built by the caller (the dashboard's scenario builder), run beside the plan's. */
    custom: z.array(ScenarioSchema).max(6).default([]),
    iterations: z.number().int().min(100).max(20_000_000).optional(),
    seed: z.number().int().min(0).max(0xffffffff).default(DEFAULT_SEED),
    dates: z.array(IsoDateSchema).default([]),
    workers: z.number().int().min(0).max(64).optional(),
  }),
  async run(deps, input): Promise<Result<ForecastResult>> {
    // Starting worker threads costs more than it saves on small runs (convergence mode usually
    // stops below 100 000 iterations): without an explicit count, only large runs use the pool.
    const isLarge = input.iterations !== undefined && input.iterations >= POOL_MIN_ITERATIONS;
    const inner = deps.forecast.executor(input.workers ?? (isLarge ? undefined : 0));
    const executor = cooperativeExecutor(inner, deps.signal, chunkBlocksFor(inner));
    const modelRule = checkModelFileRequest(input, deps.actor);
    if (!modelRule.ok) return modelRule;
    if (input.model !== undefined) return forecastModelFile(deps, executor, { ...input, model: input.model });
    const scope = resolveScope(input, deps.clock);
    if (!scope.ok) return scope;
    const loaded = await deps.store.load();
    if (!loaded.ok) return loaded;
    const { plan, ledger, manifest } = loaded.value;
    const context = planForecastContext(plan, ledger, scope.value);
    if (!context.ok) return context;
    const selected = forecastSelection(plan, input);
    if (!selected.ok) return selected;
    const jobs = selected.value.views.flatMap((view) => [null, ...selected.value.scenarios].map((scenario) => ({ view, scenario })));
    const entries: ForecastRunEntry[] = [];
    const finals = new Map<string, Float64Array>();
    const deltas: ScenarioDelta[] = [];
    for (const [index, job] of jobs.entries()) {
      if (deps.signal?.aborted === true) return fail('cancelled', `the forecast was cancelled after ${index} of ${jobs.length} runs`);
      const built = planForecastModel(context.value, job.view, job.scenario, input.dates);
      const compiled = compileModel(built.model, scope.value.asOf);
      if (!compiled.ok) return compiled;
      const label = `${job.view.toLowerCase()}${job.scenario === null ? '' : ` · ${job.scenario.id}`}`;
      const one = await runOne(deps, executor, compiled.value, input, label, index, jobs.length);
      if (!one.ok) return one;
      const { run, finalDays } = one.value;
      entries.push({
        view: job.view,
        scenario: job.scenario === null ? null : { id: job.scenario.id, title: job.scenario.title, description: job.scenario.description ?? null },
        escalationLevel: built.escalationLevel,
        derivations: built.derivations,
        run,
      });
      if (job.scenario === null) finals.set(job.view, finalDays);
      else {
        const baseline = entries.find((e) => e.view === job.view && e.scenario === null)!;
        deltas.push(scenarioDelta(job.view, job.scenario.id, compiled.value.dates, { run: baseline.run, finalDays: finals.get(job.view)! }, { run, finalDays }));
      }
    }
    return ok({
      kind: 'forecast',
      schemaVersion: 1,
      seed: input.seed,
      asOf: scope.value.asOf,
      source: {
        kind: 'plan',
        planId: plan.id,
        planVersion: plan.version,
        datasetId: manifest.id,
        datasetCurrentTo: manifest.currentTo,
        note: context.value.params.note ?? null,
      },
      runs: entries,
      deltas,
    });
  },
});

async function runOne(
  deps: Deps,
  executor: BlockExecutor,
  model: CompiledModel,
  input: { readonly seed: number; readonly iterations?: number | undefined },
  label: string,
  index: number,
  count: number,
): Promise<Result<{ readonly run: ForecastRun; readonly finalDays: Float64Array }>> {
  try {
    const { samples, convergence } = await simulate(
      model,
      {
        seed: input.seed,
        iterations: input.iterations,
        onProgress: (done, planned) => deps.onProgress?.({ kind: 'progress', label, runIndex: index + 1, runCount: count, done, planned, unit: 'iterations' }),
      },
      executor,
    );
    return ok({ run: summarizeRun(model, samples, input.seed, convergence), finalDays: samples.finalDays });
  } catch (error) {
    if (error instanceof ForecastCancelled) return fail('cancelled', `the forecast was cancelled during run ${index + 1} of ${count}`);
    throw error;
  }
}

async function forecastModelFile(
  deps: Deps,
  executor: BlockExecutor,
  input: { readonly model: string; readonly view: string; readonly scenarios: readonly string[]; readonly asOf?: string | undefined; readonly seed: number; readonly iterations?: number | undefined; readonly dates: readonly string[] },
): Promise<Result<ForecastResult>> {
  if (input.view !== VIEW_ALL || input.scenarios.length > 0) {
    return fail('invalid-input', 'views and scenarios belong to the plan forecast; a model file is run as it is (drop --view and --scenario)', [], input.view !== VIEW_ALL ? 'view' : 'scenarios');
  }
  const read = await deps.modelReader.read(input.model);
  if (!read.ok) return read;
  const model: ForecastModel = { ...read.value, dates: [...read.value.dates, ...input.dates] };
  const asOf = input.asOf ?? model.asOf ?? deps.clock.today();
  const compiled = compileModel(model, asOf);
  if (!compiled.ok) return compiled;
  const one = await runOne(deps, executor, compiled.value, input, model.title, 0, 1);
  if (!one.ok) return one;
  const { run } = one.value;
  return ok({
    kind: 'forecast',
    schemaVersion: 1,
    seed: input.seed,
    asOf,
    source: { kind: 'model-file', file: input.model, title: model.title, assumptions: model.assumptions },
    runs: [{ view: null, scenario: null, escalationLevel: null, derivations: [], run }],
    deltas: [],
  });
}

/** A model file is read from the command line only, and is run as it is (no scenarios of the caller's own). */
export function checkModelFileRequest(input: { readonly model?: string | undefined; readonly custom: readonly Scenario[] }, actor: Actor): Result<void> {
  if (input.model === undefined) return ok(undefined);
  if (actor.via !== 'cli') return fail('forbidden', 'a model file is read from the command line only', [], 'model');
  if (input.custom.length > 0) return fail('invalid-input', 'custom scenarios belong to the plan forecast; a model file is run as it is', [], 'custom');
  return ok(undefined);
}

/**
 * The views and scenarios a plan forecast runs: the view asked for, the plan's scenarios named and
 * the caller's own, checked against the plan (a background run checks them before it answers 202).
 */
export function forecastSelection(plan: Plan, input: { readonly view: string; readonly scenarios: readonly string[]; readonly custom: readonly Scenario[] }): Result<{ readonly views: readonly string[]; readonly scenarios: readonly Scenario[] }> {
  const views = selectViews(plan, input.view);
  if (!views.ok) return views;
  const scenarios = selectScenarios(plan, input.scenarios, input.custom);
  return scenarios.ok ? ok({ views: views.value, scenarios: scenarios.value }) : scenarios;
}

function selectViews(plan: Plan, view: string): Result<readonly string[]> {
  const views = forecastViews(plan);
  if (view.toLowerCase() === VIEW_ALL) return ok(views);
  const match = views.find((v) => v.toLowerCase() === view.toLowerCase());
  if (match !== undefined) return ok([match]);
  const close = closest(view, [...views, VIEW_ALL]);
  return fail('not-found', `unknown view "${view}"${close === undefined ? '' : ` (did you mean "${close.toLowerCase()}"?)`}; views: ${[...views, VIEW_ALL].map((v) => v.toLowerCase()).join(', ')}`, [], 'view');
}

function selectScenarios(plan: Plan, ids: readonly string[], custom: readonly Scenario[]): Result<readonly Scenario[]> {
  const known = plan.forecast?.scenarios ?? [];
  const out: Scenario[] = [];
  for (const id of ids) {
    const scenario = known.find((s) => s.id === id);
    if (scenario === undefined) {
      const close = closest(id, known.map((s) => s.id));
      const list = known.length === 0 ? 'the plan defines none' : `scenarios: ${known.map((s) => s.id).join(', ')}`;
      return fail('not-found', `unknown scenario "${id}"${close === undefined ? '' : ` (did you mean "${close}"?)`}; ${list}`, [], 'scenarios');
    }
    if (!out.includes(scenario)) out.push(scenario);
  }
  for (const [index, scenario] of custom.entries()) {
    const problems = checkScenario(plan, scenario, ['custom', index]);
    if (problems.length > 0) return fail('invalid-input', `${problems[0]!.path.join('.')}: ${problems[0]!.message}`, problems.map((p) => ({ message: p.message, path: p.path.join('.') })), problems[0]!.path.join('.'));
    if (out.some((s) => s.id === scenario.id)) return fail('invalid-input', `custom.${index}.id: scenario id "${scenario.id}" is already taken`, [], `custom.${index}.id`);
    out.push(scenario);
  }
  return ok(out);
}
