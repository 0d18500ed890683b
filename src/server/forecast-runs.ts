/**
 * Forecast runs started from the dashboard: they run in the background (on worker threads when
 * the bundled worker is there, so the server keeps answering), report progress, and can be
 * cancelled. Runs live in memory: a result is reproducible from its seed, so nothing is lost on
 * restart but the wait.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Actor } from '../core/access/roles.js';
import type { Failure } from '../core/common/result.js';
import { prepareInput, runOperation, type Deps } from '../app/operation.js';
import { operations } from '../app/registry.js';
import { checkModelFileRequest, forecastSelection, type ForecastResult } from '../app/operations/forecast.js';

export type RunStatus = 'running' | 'done' | 'cancelled' | 'failed';

export interface ForecastRunView {
  readonly kind: 'forecast-run';
  readonly id: string;
  readonly status: RunStatus;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly progress: { readonly done: number; readonly planned: number; readonly runIndex: number; readonly runCount: number; readonly label: string };
  readonly result: ForecastResult | null;
  readonly error: Failure | null;
}

interface Run {
  view: ForecastRunView;
  readonly owner: string;
  readonly controller: AbortController;
}

export interface ForecastRuns {
  start(deps: Deps, input: unknown): Promise<{ readonly ok: true; readonly view: ForecastRunView } | { readonly ok: false; readonly error: Failure }>;
  get(actor: Actor, id: string): ForecastRunView | undefined;
  cancel(actor: Actor, id: string): ForecastRunView | undefined;
  /** Wait for every running forecast to stop (on shutdown, after cancelling them). */
  settle(): Promise<void>;
  cancelAll(): void;
}

type ForecastInput = z.input<typeof operations.forecast.input>;

/** The registry of runs: at most `maxRunning` at once per server, the last `keep` finished ones remembered. */
export function createForecastRuns(options: { readonly maxRunning: number; readonly keep: number }): ForecastRuns {
  const runs = new Map<string, Run>();
  const pending = new Set<Promise<void>>();
  const isVisible = (actor: Actor, run: Run) => run.owner === actor.name || actor.role === 'admin';
  const prune = () => {
    const finished = [...runs.values()].filter((r) => r.view.status !== 'running');
    for (const run of finished.slice(0, Math.max(0, finished.length - options.keep))) runs.delete(run.view.id);
  };
  return {
    async start(deps, input) {
      const running = [...runs.values()].filter((r) => r.view.status === 'running').length;
      if (running >= options.maxRunning) {
        return { ok: false, error: { kind: 'failure', code: 'unavailable', message: `${running} forecasts are running already; wait for one to finish or cancel one`, problems: [] } };
      }
      // Checked as the run will check it before answering 202, so a bad request is a 4xx now rather than a failed run later.
      const parsed = prepareInput(operations.forecast, deps, input);
      if (!parsed.ok) return parsed;
      const modelRule = checkModelFileRequest(parsed.value, deps.actor);
      if (!modelRule.ok) return modelRule;
      const loaded = await deps.store.load();
      if (!loaded.ok) return loaded;
      const selected = forecastSelection(loaded.value.plan, parsed.value);
      if (!selected.ok) return selected;
      const id = randomUUID();
      const controller = new AbortController();
      const run: Run = {
        owner: deps.actor.name,
        controller,
        view: { kind: 'forecast-run', id, status: 'running', startedAt: deps.clock.now(), finishedAt: null, progress: { done: 0, planned: 0, runIndex: 0, runCount: 0, label: '' }, result: null, error: null },
      };
      runs.set(id, run);
      const body = input as ForecastInput;
      const task = runOperation(operations.forecast, {
        ...deps,
        signal: controller.signal,
        onProgress: (event) => {
          run.view = { ...run.view, progress: { done: event.done, planned: event.planned, runIndex: event.runIndex, runCount: event.runCount, label: event.label } };
        },
      }, { ...body, workers: body.workers ?? 1 }).then(
        (result) => {
          const finishedAt = deps.clock.now();
          if (result.ok) run.view = { ...run.view, status: 'done', finishedAt, result: result.value };
          else run.view = { ...run.view, status: result.error.code === 'cancelled' ? 'cancelled' : 'failed', finishedAt, error: result.error };
          prune();
        },
        (error: unknown) => {
          run.view = { ...run.view, status: 'failed', finishedAt: deps.clock.now(), error: { kind: 'failure', code: 'unavailable', message: `the forecast failed: ${String(error)}`, problems: [] } };
        },
      );
      pending.add(task);
      void task.finally(() => pending.delete(task));
      return { ok: true, view: run.view };
    },
    get(actor, id) {
      const run = runs.get(id);
      return run !== undefined && isVisible(actor, run) ? run.view : undefined;
    },
    cancel(actor, id) {
      const run = runs.get(id);
      if (run === undefined || !isVisible(actor, run)) return undefined;
      run.controller.abort();
      return run.view;
    },
    async settle() {
      await Promise.all([...pending]);
    },
    cancelAll() {
      for (const run of runs.values()) run.controller.abort();
    },
  };
}
