/** The forecast in the terminal: runs side by side, scenario deltas, then each baseline's drivers. */
import type { ForecastResult, ForecastRunEntry } from '../../app/operations/forecast.js';
import type { Derivation } from '../../core/forecast/derive.js';
import type { TimeSummary } from '../../core/forecast/summary.js';
import { groupThousands } from './labels.js';
import { table, wrap, type Style } from './style.js';

const SUMMARY_PERCENTILES = [10, 50, 80, 90] as const;
const TOP_DRIVERS = 8;
const RATING_SHORT = ['not met', 'partly', 'largely', 'met'] as const;

function heading(style: Style, text: string): string {
  return `\n${style.paint(text.toUpperCase(), 'bold', 'blue')}`;
}

function percent(p: number): string {
  return `${(p * 100).toFixed(1)}%`;
}

function pointsText(se: number): string {
  return `±${(se * 100).toFixed(1)}`;
}

function quantileDate(quantiles: TimeSummary['quantiles'], percentile: number): string {
  return quantiles.find((q) => q.percentile === percentile)?.date ?? '—';
}

function runName(entry: ForecastRunEntry): string {
  if (entry.view === null) return 'model';
  return entry.scenario === null ? `${entry.view.toLowerCase()}` : `${entry.view.toLowerCase()} · ${entry.scenario.id}`;
}

function summaryTable(result: ForecastResult, style: Style): string {
  const dates = result.runs[0]?.run.final.probabilities ?? [];
  const rows = result.runs.map((entry) => [
    runName(entry),
    ...SUMMARY_PERCENTILES.map((p) => quantileDate(entry.run.final.quantiles, p)),
    ...entry.run.final.probabilities.map((p) => `${percent(p.probability)} ${pointsText(p.standardError)}`),
  ]);
  return table(
    [{ header: 'Run' }, ...SUMMARY_PERCENTILES.map((p) => ({ header: `P${p}` })), ...dates.map((d) => ({ header: `by ${d.date}`, align: 'right' as const }))],
    rows,
    style,
  );
}

function milestoneLines(entry: ForecastRunEntry, style: Style): string[] {
  return entry.run.milestones.map((m) => {
    const probabilities = m.summary.probabilities.map((p) => `${p.date} ${percent(p.probability)}`).join(' · ');
    return `  ${style.paint(m.title, 'bold')}: P10 ${quantileDate(m.summary.quantiles, 10)} · P50 ${quantileDate(m.summary.quantiles, 50)} · P90 ${quantileDate(m.summary.quantiles, 90)}${probabilities === '' ? '' : `\n    by date: ${probabilities}`}`;
  });
}

function derivationText(d: Derivation | undefined): string {
  if (d === undefined) return '';
  if (d.rule === 'met') return 'met';
  if (d.rule === 'unrated') return 'unrated';
  if (d.rule === 'stale') return `stale: ${d.rating === null ? '?' : RATING_SHORT[d.rating]} ${d.assessedOn ?? ''}`;
  const rating = d.rating === null ? '?' : RATING_SHORT[d.rating];
  const pace = d.pace === null ? '' : d.pace.ratingPerYear > 0 ? `, pace +${d.pace.ratingPerYear}/yr` : ', stalled';
  return `${rating} ${d.assessedOn ?? ''} conf ${(d.confidence ?? 0).toFixed(2)}${pace}`;
}

function nodeTable(entry: ForecastRunEntry, style: Style): string {
  const derivations = new Map(entry.derivations.map((d) => [d.criterionId, d]));
  const hasDerivations = entry.derivations.length > 0;
  const percent = (share: number) => `${Math.round(share * 100)}%`;
  const rows = entry.run.nodes.map((node) => [
    node.id,
    ...(hasDerivations ? [derivationText(derivations.get(node.id))] : []),
    quantileDate(node.quantiles, 10),
    quantileDate(node.quantiles, 50),
    quantileDate(node.quantiles, 90),
    percent(node.criticality),
  ]);
  rows.push([entry.run.decision.title, ...(hasDerivations ? [''] : []), '', '', '', percent(entry.run.decision.criticality)]);
  return table(
    [
      { header: 'Node' },
      ...(hasDerivations ? [{ header: 'Rating used', maxWidth: 48 }] : []),
      { header: 'P10' },
      { header: 'P50' },
      { header: 'P90' },
      { header: 'Critical', align: 'right' as const },
    ],
    rows,
    style,
  );
}

function tornado(entry: ForecastRunEntry, style: Style, columns: number): string {
  const top = entry.run.sensitivity.slice(0, TOP_DRIVERS);
  if (top.length === 0) return '  No random input moves the result.';
  const labelWidth = Math.min(48, Math.max(...top.map((s) => s.label.length)));
  const barWidth = Math.max(10, Math.min(30, columns - labelWidth - 40));
  return top
    .map((s) => {
      const bar = '█'.repeat(Math.round(Math.abs(s.rankCorrelation) * barWidth));
      const swing =
        s.lowDecileMeanDays === null || s.highDecileMeanDays === null ? '' : `  mean ${groupThousands(s.lowDecileMeanDays)}→${groupThousands(s.highDecileMeanDays)} days`;
      const label = s.label.length > labelWidth ? `${s.label.slice(0, labelWidth - 1)}…` : s.label.padEnd(labelWidth);
      return `  ${label}  ${(s.rankCorrelation >= 0 ? '+' : '') + s.rankCorrelation.toFixed(2)}  ${style.paint(bar, s.rankCorrelation >= 0 ? 'red' : 'green')}${style.paint(swing, 'gray')}`;
    })
    .join('\n');
}

function header(result: ForecastResult, style: Style): string {
  const source =
    result.source.kind === 'plan'
      ? `plan ${result.source.planId} v${result.source.planVersion} · dataset ${result.source.datasetId} (current to ${result.source.datasetCurrentTo})`
      : `model ${result.source.title} (${result.source.file})`;
  const first = result.runs[0]?.run;
  const convergence =
    first === undefined
      ? ''
      : first.convergence.rule === 'standard-error'
        ? `run until every date probability's standard error was under ${((first.convergence.targetStandardError ?? 0) * 100).toFixed(1)} points`
        : 'fixed number of iterations';
  return `${style.paint('FORECAST', 'bold', 'blue')} as of ${result.asOf} · seed ${result.seed} · ${source}\n  ${convergence}; ${result.runs.map((r) => groupThousands(r.run.iterations)).join(' / ')} iterations`;
}

/** Render a forecast result for the terminal. */
export function renderForecast(result: ForecastResult, style: Style, columns: number): string {
  const out: string[] = [header(result, style)];
  out.push(heading(style, 'Transfer date (the final event)'), summaryTable(result, style));
  out.push(style.paint('  P = percentile of the date; "by" = probability of being done by the end of that date, ± its Monte Carlo standard error (points).', 'gray'));
  if (result.deltas.length > 0) {
    out.push(heading(style, 'Scenarios against their view’s baseline'));
    const dates = result.deltas[0]?.probabilities ?? [];
    out.push(
      table(
        [{ header: 'View' }, { header: 'Scenario' }, { header: 'ΔP50 days', align: 'right' }, { header: 'ΔP80 days', align: 'right' }, ...dates.map((d) => ({ header: `Δ by ${d.date}`, align: 'right' as const }))],
        result.deltas.map((d) => [
          (d.view ?? '').toLowerCase(),
          d.scenario,
          `${d.p50Days > 0 ? '+' : ''}${Math.round(d.p50Days)}`,
          `${d.p80Days > 0 ? '+' : ''}${Math.round(d.p80Days)}`,
          ...d.probabilities.map((p) => `${p.delta > 0 ? '+' : ''}${(p.delta * 100).toFixed(1)} ${pointsText(p.standardError)}`),
        ]),
        style,
      ),
    );
    const titled = result.runs.filter((r) => r.scenario !== null && r.view === result.runs[0]?.view);
    for (const r of titled) out.push(style.paint(`  ${r.scenario!.id}: ${wrap(`${r.scenario!.title}${r.scenario!.description === null ? '' : ` — ${r.scenario!.description}`}`, columns - 6, '    ')}`, 'gray'));
  }
  for (const entry of result.runs.filter((r) => r.scenario === null)) {
    const title = entry.view === null ? entry.run.title : entry.run.title.split(': ').slice(1).join(': ');
    out.push(heading(style, entry.view === null ? title : `${entry.view} view`));
    if (entry.view !== null) out.push(`  ${title}; escalation level ${entry.escalationLevel ?? '—'}`);
    out.push(...milestoneLines(entry, style));
    out.push('', nodeTable(entry, style));
    out.push(style.paint('  Critical: share of iterations in which the node’s own time lay on the path that set the final date.', 'gray'));
    out.push('', style.paint('  What drives the date (rank correlation with the final date; mean final days with the input in its lowest → highest tenth)', 'bold'));
    out.push(tornado(entry, style, columns));
  }
  if (result.source.kind === 'plan') {
    out.push(
      '',
      style.paint(
        wrap(
          `Every forecast parameter (remaining time by rating, pace rule, gates, decision delays, correlations, scenarios) is a modelling assumption in the plan's forecast section, not a fact of the record.${result.source.note === null ? '' : ` ${result.source.note}`} Rules: docs/forecast-model.md.`,
          columns - 2,
        ),
        'gray',
      ),
    );
  } else if (result.source.assumptions.length > 0) {
    out.push(heading(style, 'Assumptions'), ...result.source.assumptions.map((a) => `  · ${wrap(a, columns - 6, '    ')}`));
  }
  return `${out.join('\n')}\n`;
}
