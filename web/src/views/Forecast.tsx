/** Forecast: S-curves per view with the key dates, histogram, tornado and criticality; a scenario builder whose runs go side by side; long runs show progress and can be cancelled. */
import { Choice } from '../Choice';
import { useEffect, useMemo, useState } from 'react';
import { Histogram } from '../charts/Histogram';
import { SCurve, viewSeries } from '../charts/SCurve';
import { Tornado } from '../charts/Tornado';
import { draftScenario, EMPTY_DRAFT, type CustomScenario, type ScenarioDraft } from '../scenario';
import type { Forecast as ForecastResult, ForecastRunEntry, Plan } from '../types';
import { useForecastRun } from '../useForecastRun';
import { dayShiftText, percentText, ratingText, viewName } from '../words';

const ITERATION_CHOICES = [10_000, 20_000, 100_000, 500_000, 2_000_000] as const;
const DEFAULT_SEED = 20_260_625;
const PERIODS = ['2026-H2', '2027', '2027-H1', '2027-H2', '2028', '2029', '2030'] as const;

const runKey = (r: ForecastRunEntry) => `${r.view ?? 'model'}|${r.scenario?.id ?? 'baseline'}`;
const quantile = (r: ForecastRunEntry, p: number) => r.run.final.quantiles.find((q) => q.percentile === p)?.date ?? '—';

function Comparison({ result }: { readonly result: ForecastResult }) {
  const keyDates = result.runs[0]?.run.final.probabilities.filter((p) => p.label !== null) ?? [];
  return (
    <section aria-labelledby="compare-h">
      <h2 id="compare-h">Side by side</h2>
      <div className="scroll">
        <table aria-label="Each view and scenario side by side">
          <thead>
            <tr>
              <th scope="col">View</th><th scope="col">Scenario</th><th scope="col">P50</th><th scope="col">P80</th><th scope="col" className="num">Δ P50</th>
              {keyDates.map((k) => <th scope="col" className="num" key={k.date}>P(by {k.date})<br /><span className="muted">{k.label}</span></th>)}
            </tr>
          </thead>
          <tbody>
            {result.runs.map((r) => {
              const delta = r.scenario === null ? undefined : result.deltas.find((d) => d.view === r.view && d.scenario === r.scenario?.id);
              return (
                <tr key={runKey(r)}>
                  <td>{viewName(r.view)}</td>
                  <td>{r.scenario === null ? 'baseline' : r.scenario.title}</td>
                  <td className="nowrap">{quantile(r, 50)}</td>
                  <td className="nowrap">{quantile(r, 80)}</td>
                  <td className="num">{delta === undefined ? '—' : dayShiftText(delta.p50Days)}</td>
                  {keyDates.map((k) => {
                    const p = r.run.final.probabilities.find((x) => x.date === k.date);
                    const d = delta?.probabilities.find((x) => x.date === k.date);
                    return (
                      <td className="num" key={k.date}>
                        {p === undefined ? '—' : `${percentText(p.probability)} ±${(2 * p.standardError * 100).toFixed(1)}`}
                        {d === undefined ? '' : ` (${d.delta >= 0 ? '+' : '−'}${Math.abs(d.delta * 100).toFixed(1)} pt)`}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="muted">± is two standard errors; a scenario's shift is measured on the same random draws as its baseline (seed {result.seed}), so small shifts are real differences of the model, not noise between runs.</p>
    </section>
  );
}

function RunDetail({ result }: { readonly result: ForecastResult }) {
  const [key, setKey] = useState(() => (result.runs[0] === undefined ? '' : runKey(result.runs[0])));
  const chosen = result.runs.find((r) => runKey(r) === key) ?? result.runs[0];
  const keyDates = useMemo(() => (result.runs[0]?.run.final.probabilities ?? []).filter((p) => p.label !== null), [result]);
  const baselines = useMemo(() => viewSeries(result), [result]);
  const perView = useMemo(
    () => [...new Set(result.runs.map((r) => r.view))].map((v) => ({ view: v, series: result.runs.filter((r) => r.view === v).map((r) => ({ name: r.scenario === null ? 'baseline' : r.scenario.title, points: r.run.final.sCurve })) })),
    [result],
  );
  if (chosen === undefined) return null;
  const nodes = [...chosen.run.nodes].sort((a, b) => b.criticality - a.criticality);
  return (
    <>
      <section aria-labelledby="curves-h">
        <h2 id="curves-h">When the transfer happens, per view</h2>
        <SCurve series={baselines} keyDates={keyDates} />
        <ol className="muted keydates">{keyDates.map((k) => <li key={k.date}>{k.date}: {k.label}</li>)}</ol>
      </section>
      {result.runs.some((r) => r.scenario !== null) &&
        perView.map((v) => (
          <section key={v.view ?? 'model'} aria-label={`${viewName(v.view)}: baseline and scenarios`}>
            <h2>{viewName(v.view)}: baseline and scenarios</h2>
            <SCurve series={v.series} keyDates={keyDates} label={`${viewName(v.view)}: probability of the transfer by date, baseline and each scenario`} />
          </section>
        ))}
      <section aria-labelledby="inspect-h">
        <h2 id="inspect-h">Inside one run</h2>
        <label>
          Run{' '}
          <select value={runKey(chosen)} onChange={(e) => setKey(e.target.value)}>
            {result.runs.map((r) => <option key={runKey(r)} value={runKey(r)}>{viewName(r.view)} · {r.scenario === null ? 'baseline' : r.scenario.title}</option>)}
          </select>
        </label>
        <p className="muted">{chosen.run.iterations.toLocaleString('en')} iterations, seed {chosen.run.seed}; largest standard error of a probability {(chosen.run.convergence.maxStandardError * 100).toFixed(2)} points.</p>
        <Histogram summary={chosen.run.final} title={`${viewName(chosen.view)} · ${chosen.scenario === null ? 'baseline' : chosen.scenario.title}`} />
        <h3>Tornado: what moves the date</h3>
        <Tornado entries={chosen.run.sensitivity} meanDays={chosen.run.final.meanDays} asOf={chosen.run.asOf} />
        <h3>Criticality: how often each criterion is the last one met</h3>
        <table aria-label="Criticality of each criterion">
          <thead><tr><th scope="col">Criterion</th><th scope="col" className="num">Criticality</th><th scope="col">Met by (P50)</th><th scope="col">P80</th></tr></thead>
          <tbody>
            {nodes.map((n) => (
              <tr key={n.id}>
                <td>{n.id} {n.title}</td>
                <td className="num"><meter min={0} max={1} value={n.criticality} aria-label={`criticality of ${n.id}`} /> {percentText(n.criticality)}</td>
                <td>{n.quantiles.find((q) => q.percentile === 50)?.date ?? '—'}</td>
                <td>{n.quantiles.find((q) => q.percentile === 80)?.date ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

function Builder({ plan, onAdd, taken }: { readonly plan: Plan; readonly onAdd: (s: CustomScenario) => void; readonly taken: readonly string[] }) {
  const [draft, setDraft] = useState<ScenarioDraft>(EMPTY_DRAFT);
  const set = (patch: Partial<ScenarioDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const gates = Object.entries(plan.forecast?.stages ?? {});
  const scenario = draftScenario(draft, taken);
  const sides = plan.parties.filter((p) => p.isJoint !== true);
  return (
    <fieldset className="builder">
      <legend>Build a what-if scenario</legend>
      <label>Title <input value={draft.title} onChange={(e) => set({ title: e.target.value })} placeholder="described from the settings if left empty" /></label>
      <Choice label="Political decision within" value={draft.politicalPeriod} onChange={(politicalPeriod) => set({ politicalPeriod })} options={PERIODS} empty="as the plan assumes" />
      {gates.map(([stage, g]) => (
        <label key={stage}>
          {stage} verification failure probability (%){' '}
          <input type="number" min={0} max={100} step={1} value={draft.failurePct[stage] ?? ''} placeholder={String(Math.round(g.failureProbability * 100))} onChange={(e) => set({ failurePct: { ...draft.failurePct, [stage]: e.target.value } })} />
        </label>
      ))}
      <div className="row">
        <Choice label="Slip" value={draft.delayTarget} onChange={(delayTarget) => set({ delayTarget })} options={[...plan.stages.map((s) => ({ value: s.id, label: `${s.id} verification` })), ...plan.criteria.map((c) => c.id)]} empty="nothing" />
        <label>by (days) <input type="number" min={0} step={30} value={draft.delayDays} onChange={(e) => set({ delayDays: e.target.value })} /></label>
      </div>
      <div className="row">
        <Choice label="Rate" value={draft.ratingCriterion} onChange={(ratingCriterion) => set({ ratingCriterion })} options={plan.criteria.map((c) => c.id)} empty="no criterion" />
        <Choice label="for" value={draft.ratingParty} onChange={(ratingParty) => set({ ratingParty })} options={sides.map((p) => p.id)} empty="every side" />
        <Choice label="as" value={draft.rating} onChange={(rating) => set({ rating })} options={[0, 1, 2, 3].map((r) => ({ value: String(r), label: ratingText(r as 0 | 1 | 2 | 3) }))} empty="—" />
      </div>
      <button
        type="button"
        disabled={scenario === null || taken.length >= 6}
        onClick={() => {
          if (scenario === null) return;
          onAdd(scenario);
          setDraft(EMPTY_DRAFT);
        }}
      >
        Add scenario
      </button>
      {scenario !== null && <p className="muted">Sets: {scenario.description}.</p>}
    </fieldset>
  );
}

export function Forecast({ asOf, plan }: { readonly asOf: string; readonly plan: Plan }) {
  const { run, start, cancel } = useForecastRun();
  const [iterations, setIterations] = useState<number>(20_000);
  const [seed, setSeed] = useState(String(DEFAULT_SEED));
  const [chosen, setChosen] = useState<readonly string[]>([]);
  const [custom, setCustom] = useState<readonly CustomScenario[]>([]);
  const input = { asOf, view: 'all', iterations, seed: Number(seed), scenarios: chosen, custom };
  const isSeedValid = /^\d{1,10}$/.test(seed) && Number(seed) <= 0xffffffff;
  // The baseline runs when the view opens and when the date changes.
  useEffect(() => start({ asOf, view: 'all', iterations: 20_000, seed: DEFAULT_SEED }), [asOf, start]);
  const view = run.state === 'run' ? run.view : null;
  const isRunning = view?.status === 'running';
  // A cancelled or failed run leaves the last finished result on the page.
  const [shown, setShown] = useState<{ readonly id: string; readonly result: ForecastResult } | null>(null);
  useEffect(() => {
    if (view?.status === 'done' && view.result !== null) setShown({ id: view.id, result: view.result });
  }, [view]);
  return (
    <div className="stack">
      <section aria-labelledby="setup-h">
        <h2 id="setup-h">Forecast as of {asOf}</h2>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (isSeedValid) start(input);
          }}
        >
          <div className="row">
            <label>
              Iterations per run{' '}
              <select value={iterations} onChange={(e) => setIterations(Number(e.target.value))}>
                {ITERATION_CHOICES.map((n) => <option key={n} value={n}>{n.toLocaleString('en')}</option>)}
              </select>
            </label>
            <label>Seed <input value={seed} inputMode="numeric" onChange={(e) => setSeed(e.target.value)} aria-invalid={!isSeedValid} /></label>
          </div>
          <fieldset>
            <legend>The plan's scenarios</legend>
            {(plan.forecast?.scenarios ?? []).map((s) => (
              <label key={s.id} className="check">
                <input type="checkbox" checked={chosen.includes(s.id)} onChange={(e) => setChosen(e.target.checked ? [...chosen, s.id] : chosen.filter((x) => x !== s.id))} /> {s.title}
                {s.description === undefined ? null : <span className="muted"> — {s.description}</span>}
              </label>
            ))}
          </fieldset>
          <Builder plan={plan} taken={custom.map((c) => c.id)} onAdd={(s) => setCustom([...custom, s])} />
          {custom.length > 0 && (
            <ul aria-label="Your scenarios">
              {custom.map((c) => (
                <li key={c.id}>
                  {c.title} <span className="muted">({c.description})</span>{' '}
                  <button type="button" onClick={() => setCustom(custom.filter((x) => x.id !== c.id))} aria-label={`Remove ${c.title}`}>Remove</button>
                </li>
              ))}
            </ul>
          )}
          <div className="row">
            <button type="submit" disabled={isRunning || !isSeedValid}>Run forecast</button>
            <button type="button" onClick={cancel} disabled={!isRunning}>Cancel</button>
          </div>
        </form>
        {view !== null && (
          <div role="status" aria-live="polite" className="progress">
            {view.status === 'running' && (
              <>
                <progress max={Math.max(1, view.progress.planned * view.progress.runCount)} value={view.progress.planned * Math.max(0, view.progress.runIndex - 1) + view.progress.done} aria-label="Forecast progress" />{' '}
                Running {view.progress.label === '' ? '' : `${view.progress.label}, `}run {Math.max(1, view.progress.runIndex)} of {Math.max(1, view.progress.runCount)}: {view.progress.done.toLocaleString('en')} of {view.progress.planned.toLocaleString('en')} iterations
              </>
            )}
            {view.status === 'cancelled' && 'Cancelled. The results below, if any, are from the last finished run.'}
            {view.status === 'done' && `Done: ${view.result?.runs.length ?? 0} runs.`}
          </div>
        )}
        {run.state === 'failed' && <p role="alert">The forecast failed: {run.error.message}</p>}
      </section>
      {shown !== null && (
        <>
          <Comparison result={shown.result} />
          <RunDetail key={shown.id} result={shown.result} />
        </>
      )}
    </div>
  );
}
